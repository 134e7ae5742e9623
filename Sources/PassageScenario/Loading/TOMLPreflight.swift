// Checks scenario.toml for what toml++ (inside TOMLKit) cannot be trusted with, before it sees the text.
//
// Found by fuzzing (docs/FUZZING.md):
// - a table header whose first key character is not a bare-key character or a quote (`[é]`, `[.]`,
//   `[;x]`, `[[\u{4}]]`) fails an `assert` in toml++'s `parse_key()`, and the assert is compiled in
//   (SwiftPM defines no NDEBUG), so the whole program aborted;
// - TOMLKit hands the text to C as a NUL-terminated string, so a NUL byte silently cut the file short.
// - a dotted key or table header 32,000 parts deep overflowed the stack (toml++ recurses per part) on
//   a thread with a small stack, such as a Swift Testing or concurrency worker.
// toml++ already refuses values nested deeper than 256.

enum TOMLPreflight {
    /// At most this many dots before the `=` (or in a header) on one line: settings keys have one.
    static let maximumKeyDots = 64

    /// The first problem in `text`, located, or nil when toml++ may parse it.
    static func check(_ text: String) -> (position: TextPosition, message: String)? {
        var line = 1
        var column = 1
        var atLineStart = true  // only blanks so far on this line
        var keyDots = 0  // dots on this line before any `=`: the depth of a dotted key or header
        var seenEquals = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return scalars.next()
        }
        while let scalar = next() {
            if scalar == "\n" {
                line += 1
                column = 1
                atLineStart = true
                keyDots = 0
                seenEquals = false
                continue
            }
            if scalar == "=" { seenEquals = true }
            if scalar == "." && !seenEquals {
                keyDots += 1
                if keyDots > Self.maximumKeyDots {
                    return (TextPosition(line: line, column: column),
                            "TOML syntax error: a key may have at most \(Self.maximumKeyDots + 1) dotted parts")
                }
            }
            // TOML allows no control characters but tab (and CR before LF) anywhere.
            if scalar.value < 0x20 && scalar != "\t" && scalar != "\r" || scalar.value == 0x7F {
                return (TextPosition(line: line, column: column),
                        "TOML syntax error: control character U+\(String(scalar.value, radix: 16, uppercase: true)) is not allowed")
            }
            if atLineStart && scalar == "[" {
                // A table header (or a line of a multi-line array): after `[`, `[[` and blanks the key must
                // start with a bare-key character or a quote. `]` is let through: `[]` is an empty array.
                let start = TextPosition(line: line, column: column)
                // Only `[[` opens a header, so a third `[` is refused like any other bad start (`[[[` also
                // failed the assert); so is the end of the file.
                var first: Unicode.Scalar? = nil
                var brackets = 1
                var sawBlank = false  // `[ [` is not `[[`
                while let s = next() {
                    column += 1
                    if s == "[" && brackets < 2 && !sawBlank { brackets += 1; continue }
                    if s == " " || s == "\t" { sawBlank = true; continue }
                    first = s
                    break
                }
                guard let first, Self.isBareKeyCharacter(first) || first == "\"" || first == "'" || first == "]" else {
                    return (start, "TOML syntax error: a table header must start with a key of letters, digits, _ or -, or a quoted key")
                }
                pending = first
                column -= 1
                atLineStart = false
            } else if scalar != " " && scalar != "\t" {
                atLineStart = false
            }
            column += 1
        }
        return nil
    }

    private static func isBareKeyCharacter(_ c: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(c) || ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }
}
