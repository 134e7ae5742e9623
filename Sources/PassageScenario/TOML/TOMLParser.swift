// Passage's own TOML parser, for the part of TOML 1.0 that scenario.toml and change files use: `[table]`
// and `[[array of tables]]` headers, bare, quoted and dotted keys, basic and literal strings, integers,
// floats, booleans, local dates, inline arrays, comments. It replaced TOMLKit (toml++), whose assertions
// aborted the whole program on typos (issue 17, docs/FUZZING.md): here every input ends in a table or in
// located problems. Nothing traps on input: no force unwraps, integers are checked for overflow, and
// recursion is bounded (dotted keys and array nesting are capped).
//
// Problems are collected line by line: after one, parsing resumes on the next line, so one run reports
// every broken line — except inside a value spanning lines (a multi-line array), where what follows
// cannot be read reliably and parsing stops.

/// Parses TOML text into a table, or reports every problem found, located.
struct TOMLParser {
    /// At most this many parts in a dotted key or header: settings keys have two, and deeper nesting
    /// only serves to exhaust memory or the stack.
    static let maximumKeyParts = 65
    /// At most this many arrays nested in one another; Passage's files nest none.
    static let maximumArrayDepth = 32

    /// Why a text could not be parsed: every problem, in the order found.
    struct Failure: Error {
        var problems: [TOMLProblem]
    }

    /// The table `text` describes, or every problem found in it.
    static func parse(_ text: String) -> Result<TOMLTable, Failure> {
        var parser = TOMLParser(text: text)
        parser.parseDocument()
        return parser.problems.isEmpty ? .success(parser.builder.build()) : .failure(Failure(problems: parser.problems))
    }

    let text: [Unicode.Scalar]
    var index = 0
    var line = 1
    /// The index of the first character of the current line (for columns).
    var lineStart = 0
    private var builder = TOMLTableBuilder()
    private var problems: [TOMLProblem] = []

    private init(text: String) { self.text = Array(text.unicodeScalars) }

    // MARK: Cursor

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let at = index + offset
        return at < text.count ? text[at] : nil
    }

    mutating func advance() {
        guard index < text.count else { return }
        if text[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    var position: TextPosition { TextPosition(line: line, column: index - lineStart + 1) }

    mutating func skipBlanks() {
        while let c = peek(), TOMLCharacters.isBlank(c) { advance() }
    }

    /// A problem at the current character: what was expected, and what was found instead. A control
    /// character is named as such, since TOML allows it nowhere.
    func unexpected(expected: String) -> TOMLProblem {
        let found = peek()
        if let found, found != "\n", TOMLCharacters.isControl(found), !(found == "\r" && peek(1) == "\n") {
            return TOMLProblem(
                position: position,
                message: "TOML syntax error: control character U+\(TOMLCharacters.hex(found.value)) is not allowed")
        }
        let described = found == "\r" ? "the end of the line" : TOMLCharacters.describe(found)
        return TOMLProblem(position: position, message: "TOML syntax error: expected \(expected), found \(described)")
    }

    // MARK: Lines

    private mutating func parseDocument() {
        while index < text.count {
            let statementLine = line
            do {
                try statement()
            } catch {
                problems.append(error)
                // Inside a value spanning lines, the lines after cannot be told apart from new statements.
                if line != statementLine { return }
                skipRestOfLine()
            }
        }
    }

    private mutating func skipRestOfLine() {
        while let c = peek(), c != "\n" { advance() }
        advance()
    }

    private mutating func statement() throws(TOMLProblem) {
        skipBlanks()
        switch peek() {
        case nil: return
        case "\n", "\r", "#": try endOfLine(after: nil)
        case "[":
            try header()
            try endOfLine(after: "the header")
        default:
            try keyValue()
            try endOfLine(after: "the value")
        }
    }

    /// Blanks, an optional comment, and the end of the line (LF or CRLF) or of the file.
    private mutating func endOfLine(after what: String?) throws(TOMLProblem) {
        skipBlanks()
        if peek() == "#" { try comment() }
        switch peek() {
        case nil: return
        case "\n": advance()
        case "\r" where peek(1) == "\n":
            advance()
            advance()
        default:
            throw unexpected(expected: "the end of the line or a # comment" + (what.map { " after \($0)" } ?? ""))
        }
    }

    /// A `#` comment, up to (not including) the end of the line.
    mutating func comment() throws(TOMLProblem) {
        advance()
        while let c = peek(), c != "\n" {
            if c == "\r" && peek(1) == "\n" { return }
            if TOMLCharacters.isControl(c) { throw unexpected(expected: "a comment") }
            advance()
        }
    }

    // MARK: Headers and keys

    private mutating func header() throws(TOMLProblem) {
        let start = position
        advance()
        let isArray = peek() == "["
        if isArray { advance() }
        let path = try key()
        guard peek() == "]" else {
            throw unexpected(expected: isArray ? "]] to close the header" : "] to close the header")
        }
        advance()
        if isArray {
            guard peek() == "]" else { throw unexpected(expected: "]] to close the header (no space between)") }
            advance()
        }
        do {
            if isArray {
                try builder.appendTable(path, line: start.line)
            } else {
                try builder.defineTable(path, line: start.line)
            }
        } catch {
            throw TOMLProblem(position: start, message: "TOML syntax error: " + error.message)
        }
    }

    private mutating func keyValue() throws(TOMLProblem) {
        let start = position
        let path = try key()
        guard peek() == "=" else {
            throw unexpected(expected: "= after the key \(TOMLTableBuilder.display(path))")
        }
        advance()
        skipBlanks()
        let value = try value(depth: 0)
        do {
            try builder.setValue(value, at: path, line: start.line)
        } catch {
            throw TOMLProblem(position: start, message: "TOML syntax error: " + error.message)
        }
    }

    /// A bare, quoted or dotted key, with the blanks around it.
    private mutating func key() throws(TOMLProblem) -> [String] {
        let start = position
        var parts: [String] = []
        while true {
            skipBlanks()
            parts.append(try simpleKey())
            guard parts.count <= Self.maximumKeyParts else {
                throw TOMLProblem(
                    position: start,
                    message: "TOML syntax error: a key may have at most \(Self.maximumKeyParts) dotted parts")
            }
            skipBlanks()
            guard peek() == "." else { return parts }
            advance()
        }
    }

    private mutating func simpleKey() throws(TOMLProblem) -> String {
        switch peek() {
        case "\"":
            if peek(1) == "\"" && peek(2) == "\"" {
                throw TOMLProblem(position: position, message: "TOML syntax error: a key cannot be a multi-line string")
            }
            return try basicString()
        case "'":
            return try literalString()
        case let c? where TOMLCharacters.isBareKey(c):
            var key = ""
            while let c = peek(), TOMLCharacters.isBareKey(c) {
                key.unicodeScalars.append(c)
                advance()
            }
            return key
        default:
            throw unexpected(expected: "a key (letters, digits, _ or -, or a quoted key)")
        }
    }
}
