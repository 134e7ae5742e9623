// A parsed TOMLTable holds values only, not where each key was written (TOMLParser locates syntax errors
// itself). This light line scanner finds where each key (and table header) is written, so semantic errors in
// scenario.toml are located like every other issue. It understands the shapes a settings file uses:
// `[table]` headers, `key = value` and dotted keys, with bare or quoted key parts.

/// Where keys and tables are written in a TOML text.
struct TOMLKeyLocator {
    /// Dotted path (e.g. `objective.cost`) → position of its key (or table header), first occurrence.
    private var positions: [String: TextPosition] = [:]

    init(text: String) {
        var table: [String] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let indent = line.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
            let content = line.drop { $0 == " " || $0 == "\t" }
            let at = TextPosition(line: lineNumber, column: indent + 1)
            if content.hasPrefix("#") || content.isEmpty { continue }
            if content.hasPrefix("[") {
                let inner = content.drop { $0 == "[" }.prefix { $0 != "]" }
                table = Self.keyParts(inner)
                record(table, at)
            } else if let equals = content.firstIndex(of: "=") {
                record(table + Self.keyParts(content[..<equals]), at)
            }
        }
    }

    private mutating func record(_ path: [String], _ position: TextPosition) {
        // Also record each prefix, so `objective.cost = 1` at the root locates `objective` too.
        for length in 1...max(1, path.count) where length <= path.count {
            let key = path.prefix(length).joined(separator: ".")
            if positions[key] == nil { positions[key] = position }
        }
    }

    /// Settings keys are at most two parts deep (`objective.cost`); deeper parts are never looked up.
    static let maximumDepth = 3

    /// The first ``maximumDepth`` parts of a (possibly dotted, possibly quoted) key. Only those: recording
    /// every prefix of a hostile `a.a.a.…` key 15,000 parts long took quadratic time and memory.
    private static func keyParts(_ key: Substring) -> [String] {
        key.split(separator: ".", maxSplits: maximumDepth, omittingEmptySubsequences: true).prefix(maximumDepth).map {
            $0.trimmingCharacters(in: CSVTableReader.padding).trimmingCharacters(in: .init(charactersIn: "\"'"))
        }
    }

    /// Where `path` is written; else where its nearest written parent is; else the start of the file.
    func position(of path: [String]) -> TextPosition {
        var path = path
        while !path.isEmpty {
            if let found = positions[path.joined(separator: ".")] { return found }
            path.removeLast()
        }
        return TextPosition(line: 1, column: 1)
    }
}
