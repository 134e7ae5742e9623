// Values: strings, arrays, and the words that are numbers, booleans or dates (TOMLWords reads those).

extension TOMLParser {
    static let valueExpectation =
        "a value (a string in quotes, a number, true or false, a date such as 2026-11-30, or an array)"

    mutating func value(depth: Int) throws(TOMLProblem) -> TOMLValue {
        let start = position
        switch peek() {
        case "\"":
            if peek(1) == "\"" && peek(2) == "\"" {
                throw TOMLProblem(
                    position: start,
                    message: "a multi-line string (\"\"\") is not accepted here; write the string on one line")
            }
            return .string(try basicString())
        case "'":
            if peek(1) == "'" && peek(2) == "'" {
                throw TOMLProblem(
                    position: start,
                    message: "a multi-line string (''') is not accepted here; write the string on one line")
            }
            return .string(try literalString())
        case "[":
            return try array(depth: depth)
        case "{":
            throw TOMLProblem(
                position: start,
                message:
                    "an inline table ({ … }) is not accepted here; write the table under its own [name] or [[name]] header"
            )
        case let c? where TOMLWords.isWordCharacter(c):
            return try word()
        default:
            throw unexpected(expected: Self.valueExpectation)
        }
    }

    /// A number, boolean or date: a run of word characters, read by `TOMLWords`. A date followed by a
    /// space and a time (`2026-11-30 10:00`) is a date-time in TOML, which is refused as such.
    private mutating func word() throws(TOMLProblem) -> TOMLValue {
        let start = position
        var word = ""
        while let c = peek(), TOMLWords.isWordCharacter(c) {
            word.unicodeScalars.append(c)
            advance()
        }
        let value: TOMLValue
        do {
            value = try TOMLWords.value(of: word)
        } catch {
            throw TOMLProblem(position: start, message: error.message)
        }
        if case .date = value, peek() == " ", let next = peek(1), TOMLCharacters.isDigit(next) {
            var offset = 1
            while let c = peek(offset), TOMLWords.isWordCharacter(c) {
                if c == ":" {
                    let time = TextPosition(line: line, column: index + 1 - lineStart + 1)
                    throw TOMLProblem(position: time, message: TOMLWords.timeRefused)
                }
                offset += 1
            }
        }
        return value
    }

    /// `[a, b, …]`, across lines if need be, with comments and a trailing comma allowed.
    private mutating func array(depth: Int) throws(TOMLProblem) -> TOMLValue {
        let start = position
        guard depth < Self.maximumArrayDepth else {
            throw TOMLProblem(
                position: start,
                message: "arrays nested more than \(Self.maximumArrayDepth) deep are not accepted")
        }
        advance()
        var items: [TOMLValue] = []
        while true {
            try skipArrayFiller()
            if peek() == "]" {
                advance()
                return .array(items)
            }
            items.append(try value(depth: depth + 1))
            try skipArrayFiller()
            switch peek() {
            case ",": advance()
            case "]":
                advance()
                return .array(items)
            default:
                throw unexpected(
                    expected: ", or ] in the array that starts at line \(start.line), column \(start.column)")
            }
        }
    }

    /// Blanks, line ends and comments between the items of an array.
    private mutating func skipArrayFiller() throws(TOMLProblem) {
        while let c = peek() {
            if TOMLCharacters.isBlank(c) || c == "\n" {
                advance()
            } else if c == "\r" && peek(1) == "\n" {
                advance()
                advance()
            } else if c == "#" {
                try comment()
            } else {
                return
            }
        }
    }

    // MARK: Strings

    /// `"…"` with TOML's escapes, on one line.
    mutating func basicString() throws(TOMLProblem) -> String {
        let start = position
        advance()
        var string = ""
        while true {
            switch peek() {
            case "\"":
                advance()
                return string
            case "\\":
                string.unicodeScalars.append(try escape())
            case nil, "\n":
                throw unclosedString(start, quote: "\"")
            case "\r" where peek(1) == "\n":
                throw unclosedString(start, quote: "\"")
            case let c?:
                if TOMLCharacters.isControl(c) { throw unexpected(expected: "a character of the string") }
                string.unicodeScalars.append(c)
                advance()
            }
        }
    }

    /// `'…'`: no escapes, on one line.
    mutating func literalString() throws(TOMLProblem) -> String {
        let start = position
        advance()
        var string = ""
        while true {
            switch peek() {
            case "'":
                advance()
                return string
            case nil, "\n":
                throw unclosedString(start, quote: "'")
            case "\r" where peek(1) == "\n":
                throw unclosedString(start, quote: "'")
            case let c?:
                if TOMLCharacters.isControl(c) { throw unexpected(expected: "a character of the string") }
                string.unicodeScalars.append(c)
                advance()
            }
        }
    }

    private func unclosedString(_ start: TextPosition, quote: String) -> TOMLProblem {
        unexpected(expected: "\(quote) to close the string that starts at column \(start.column)")
    }

    /// One escape sequence after a backslash: \b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX.
    private mutating func escape() throws(TOMLProblem) -> Unicode.Scalar {
        let start = position
        advance()
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "b": "\u{08}", "t": "\t", "n": "\n", "f": "\u{0C}", "r": "\r", "\"": "\"", "\\": "\\",
        ]
        guard let letter = peek() else { throw unexpected(expected: "an escape such as \\n or \\\\") }
        if let scalar = simple[letter] {
            advance()
            return scalar
        }
        guard letter == "u" || letter == "U" else {
            throw TOMLProblem(
                position: start,
                message: "TOML syntax error: unknown escape \\\(letter); write \\\\ for a backslash")
        }
        advance()
        var value: UInt32 = 0
        for _ in 0..<(letter == "u" ? 4 : 8) {
            guard let digit = peek(), TOMLCharacters.isHexDigit(digit),
                let digitValue = UInt32(String(digit), radix: 16)
            else {
                throw unexpected(expected: "\(letter == "u" ? 4 : 8) hexadecimal digits after \\\(letter)")
            }
            value = value << 4 | digitValue  // at most 8 digits: fits in 32 bits
            advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw TOMLProblem(
                position: start,
                message: "TOML syntax error: \\\(letter)\(TOMLCharacters.hex(value)) is not a Unicode character")
        }
        return scalar
    }
}
