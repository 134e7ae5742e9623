// Character classes of TOML 1.0, and how an unexpected character is named in a message.

enum TOMLCharacters {
    static func isBareKey(_ c: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(c) || ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    static func isHexDigit(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
    }

    static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }

    /// TOML allows no control characters but tab in keys, values and comments (CR only before LF).
    static func isControl(_ c: Unicode.Scalar) -> Bool {
        (c.value < 0x20 && c != "\t") || c.value == 0x7F
    }

    /// How `c` is named after "found": quoted when printable, by code point when not.
    static func describe(_ c: Unicode.Scalar?) -> String {
        guard let c else { return "the end of the file" }
        switch c {
        case "\n": return "the end of the line"
        case "\r": return "a carriage return"
        case " ": return "a space"
        case "\t": return "a tab"
        default:
            if isControl(c) || c.properties.generalCategory == .format || c.properties.generalCategory == .unassigned {
                return "U+" + hex(c.value)
            }
            return "'\(c)'"
        }
    }

    /// A code point in at least four upper-case hex digits (`0000`, `FEFF`).
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `text` for a message: at most 24 characters, so a 60 KB token does not become a 60 KB message.
    static func excerpt(_ text: some StringProtocol) -> String {
        text.count <= 24 ? String(text) : String(text.prefix(24)) + "…"
    }
}
