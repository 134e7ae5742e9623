import Foundation

// A parsed TOMLTable does not say where a key was written, and the settings' TOMLKeyLocator knows plain
// tables only. A change file is mostly arrays of tables (`[[safe_house]]` several times), so this scanner
// numbers each `[[name]]` header and records where every key inside it is written: an error about the
// third `[[leg]]` entry's `seats_per_week` then points at that line and column.

/// Where entries and keys are written in a change file.
struct ChangeFileLocator {
    /// `name#index.key` (or `key` at the root) → first position written.
    private var positions: [String: TextPosition] = [:]

    init(text: String) {
        var scope = ""  // "" at the root, else "name#index" or "name"
        var counts: [String: Int] = [:]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let indent = line.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
            let content = line.drop { $0 == " " || $0 == "\t" }
            let at = TextPosition(line: lineNumber, column: indent + 1)
            if content.isEmpty || content.hasPrefix("#") { continue }
            if content.hasPrefix("[[") {
                let name = Self.bare(content.dropFirst(2).prefix { $0 != "]" })
                let index = counts[name, default: 0]
                counts[name] = index + 1
                scope = Self.entry(name, index)
                record(scope, at)
            } else if content.hasPrefix("[") {
                scope = Self.bare(content.dropFirst().prefix { $0 != "]" })
                record(scope, at)
            } else if let equals = content.firstIndex(of: "=") {
                let key = Self.bare(content[..<equals])
                record(scope.isEmpty ? key : scope + "." + key, at)
            }
        }
    }

    private mutating func record(_ key: String, _ position: TextPosition) {
        if positions[key] == nil { positions[key] = position }
    }

    /// The scope name of entry `index` (0-based) of the array of tables `name`.
    static func entry(_ name: String, _ index: Int) -> String { "\(name)#\(index)" }

    private static func bare(_ text: Substring) -> String {
        text.trimmingCharacters(in: CSVTableReader.padding).trimmingCharacters(in: .init(charactersIn: "\"'"))
    }

    /// Where `key` of entry `index` of `section` is written; else where the entry starts; else where the
    /// section's key is (an inline array of tables); else the start of the file.
    func position(section: String, index: Int, key: String?) -> TextPosition {
        let scope = Self.entry(section, index)
        if let key, let found = positions[scope + "." + key] { return found }
        return positions[scope] ?? positions[section] ?? TextPosition(line: 1, column: 1)
    }

    /// Where the root key `key` is written, or the start of the file.
    func position(root key: String) -> TextPosition {
        positions[key] ?? TextPosition(line: 1, column: 1)
    }
}
