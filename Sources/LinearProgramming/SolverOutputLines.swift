/// A solver's text output, arriving in chunks of any size, split into whole lines; the last few
/// are kept so that an error message can quote the solver's own words. Each backend's output
/// capture (GLPK's terminal hook, HiGHS's log callback) keeps one.
public struct SolverOutputLines: Sendable {
    private var partialLine = ""
    private var recentLines: [String] = []
    private let kept: Int

    /// Lines split from the output, keeping the last `kept` of them.
    public init(keeping kept: Int = 8) { self.kept = kept }

    /// Adds `text`; calls `line` with each line it completes.
    public mutating func receive(_ text: String, line: (String) -> Void) {
        var rest = Substring(text)
        while let newline = rest.firstIndex(of: "\n") {
            complete(partialLine + rest[..<newline], line)
            partialLine = ""
            rest = rest[rest.index(after: newline)...]
        }
        partialLine += rest
    }

    /// Ends the last line, if any text is waiting for its line break.
    public mutating func flush(line: (String) -> Void) {
        if !partialLine.isEmpty { complete(partialLine, line) }
        partialLine = ""
    }

    /// The recent lines (and any unfinished one) as one line of text, blanks left out.
    public var recentText: String {
        (recentLines + (partialLine.isEmpty ? [] : [partialLine]))
            .map(Self.trimmed)
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// Forgets the recent lines (before a call whose own errors alone should be quoted).
    public mutating func clearRecent() { recentLines.removeAll(keepingCapacity: true) }

    /// `text` without blanks at either end.
    private static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }

    private mutating func complete(_ text: String, _ line: (String) -> Void) {
        recentLines.append(text)
        if recentLines.count > kept { recentLines.removeFirst() }
        line(text)
    }
}
