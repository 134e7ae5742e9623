// A light, quote-aware scan of raw CSV text that records where every record and field starts.
//
// CSV.swift gives field values but no positions, and it silently accepts malformed input (a stray quote
// inside an unquoted field, text after a closing quote, an unclosed quote). This index supplies exact
// 1-based lines and columns — correct even after a quoted field that spans lines — and reports those
// malformations so they can be located, while CSV.swift still does the value parsing.

/// A 1-based position in a text file. Columns count Unicode scalars (characters), not bytes.
struct TextPosition: Sendable, Hashable {
    var line: Int
    var column: Int
}

/// One record (a row) of a CSV file as found in the raw text.
struct CSVRecordSpan {
    /// Where each field starts; the first is the record's own position.
    var fieldStarts: [TextPosition]
    /// The record's text without its line terminator (scalar offsets into the file's text).
    var scalarRange: Range<Int>
    /// True for an empty or whitespace-only line, which the format ignores.
    var isBlank: Bool
    /// The first malformation in the record, if any: where and what.
    var malformation: (position: TextPosition, message: String)?

    var start: TextPosition { fieldStarts[0] }
}

/// Scans CSV text (comma-separated, RFC 4180 quoting, LF, CRLF or lone CR line ends).
enum CSVPositionIndex {
    static func scan(_ scalars: [Unicode.Scalar]) -> [CSVRecordSpan] {
        var records: [CSVRecordSpan] = []
        var i = 0
        var line = 1
        var column = 1
        let n = scalars.count

        /// Consumes one line terminator at `i` (CRLF counts once) and moves to the next line.
        func consumeNewline() {
            if scalars[i] == "\r", i + 1 < n, scalars[i + 1] == "\n" { i += 1 }
            i += 1
            line += 1
            column = 1
        }
        func isNewline(_ c: Unicode.Scalar) -> Bool { c == "\n" || c == "\r" }

        while i < n {
            let recordStart = i
            var fieldStarts = [TextPosition(line: line, column: column)]
            var malformation: (position: TextPosition, message: String)?
            var recordEnd = n
            var sawQuote = false

            record: while true {
                // At the start of a field.
                if i < n, scalars[i] == "\"" {
                    sawQuote = true
                    let open = TextPosition(line: line, column: column)
                    i += 1
                    column += 1
                    var closed = false
                    while i < n {
                        let c = scalars[i]
                        if c == "\"" {
                            if i + 1 < n, scalars[i + 1] == "\"" {
                                i += 2
                                column += 2
                                continue
                            }
                            i += 1
                            column += 1
                            closed = true
                            break
                        }
                        if isNewline(c) { consumeNewline() } else { i += 1; column += 1 }
                    }
                    if !closed {
                        malformation = malformation ?? (open, "a quoted field is not closed: the closing \" is missing")
                        recordEnd = n
                        break record
                    }
                    // After the closing quote only a comma or the end of the record may follow.
                    if i < n, scalars[i] != ",", !isNewline(scalars[i]) {
                        malformation = malformation ?? (
                            TextPosition(line: line, column: column),
                            "unexpected text after a closing quote: a quoted field must end at a comma or the end of the line"
                        )
                    }
                }
                // The unquoted part of the field (all of it, or whatever follows a malformed quote).
                while i < n, scalars[i] != ",", !isNewline(scalars[i]) {
                    if scalars[i] == "\"" {
                        sawQuote = true
                        malformation = malformation ?? (
                            TextPosition(line: line, column: column),
                            "a quote inside an unquoted field: enclose the whole field in quotes and double any quote inside it"
                        )
                    }
                    i += 1
                    column += 1
                }
                if i < n, scalars[i] == "," {
                    i += 1
                    column += 1
                    fieldStarts.append(TextPosition(line: line, column: column))
                    continue record
                }
                recordEnd = i
                if i < n { consumeNewline() }
                break record
            }

            let isBlank = fieldStarts.count == 1 && !sawQuote
                && scalars[recordStart..<recordEnd].allSatisfy { $0 == " " || $0 == "\t" }
            records.append(CSVRecordSpan(
                fieldStarts: fieldStarts, scalarRange: recordStart..<recordEnd, isBlank: isBlank,
                malformation: malformation))
        }
        return records
    }
}
