import Foundation

// Pure parsers for the value types that appear in cells. Each returns nil when the text is not of the
// type; the caller (RowReader) turns that into a located issue saying what was expected.

enum CellParsing {
    /// A decimal integer with optional sign; no spaces, no thousands separators, no decimal point.
    static func integer(_ text: String) -> Int? {
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !body.isEmpty, body.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(text)
    }

    /// A finite decimal number: digits with an optional fraction after a point and an optional exponent.
    ///
    /// Refuses decimal commas, thousands separators, `nan` and `inf`, which spreadsheets may produce.
    static func number(_ text: String) -> Double? {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
        let digits: ClosedRange<Unicode.Scalar> = "0"..."9"
        var sawDigit = false
        while let c = scalars.first, digits.contains(c) { sawDigit = true; scalars = scalars.dropFirst() }
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            while let c = scalars.first, digits.contains(c) { sawDigit = true; scalars = scalars.dropFirst() }
        }
        guard sawDigit else { return nil }
        if scalars.first == "e" || scalars.first == "E" {
            scalars = scalars.dropFirst()
            if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
            guard let c = scalars.first, digits.contains(c) else { return nil }
            while let c = scalars.first, digits.contains(c) { scalars = scalars.dropFirst() }
        }
        guard scalars.isEmpty, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// An id: `[A-Za-z0-9][A-Za-z0-9_.-]*`, at most 64 characters.
    static func identifier(_ text: String) -> String? {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, scalars.count <= 64, isAlphanumeric(first),
            scalars.allSatisfy({ isAlphanumeric($0) || $0 == "_" || $0 == "." || $0 == "-" })
        else { return nil }
        return text
    }

    /// A country or nationality code: two upper-case ASCII letters.
    static func countryCode(_ text: String) -> String? {
        let scalars = text.unicodeScalars
        guard scalars.count == 2, scalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        return text
    }

    /// A needs tag: `[a-z][a-z0-9_]*`.
    static func tag(_ text: String) -> String? {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, ("a"..."z").contains(first),
            scalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else { return nil }
        return text
    }

    /// An ISO 8601 calendar date, `YYYY-MM-DD`, that exists in the (proleptic Gregorian) calendar.
    static func isoDate(_ text: String) -> CalendarDate? {
        guard hasISODateShape(text) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        let date = CalendarDate(year: parts[0], month: parts[1], day: parts[2])
        // A day that does not exist (2027-02-30) comes back from the day count as another day.
        guard (1...12).contains(date.month), CalendarDate(dayNumber: date.dayNumber) == date else { return nil }
        return date
    }

    /// Four digits, '-', two digits, '-', two digits: written as an ISO date, whether or not the day exists.
    static func hasISODateShape(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 10 else { return false }
        return scalars.indices.allSatisfy { i in
            i == 4 || i == 7 ? scalars[i] == "-" : ("0"..."9").contains(scalars[i])
        }
    }

    /// Digits in three groups separated by '/', '.' or '-' (`15/02/2027`, `15.02.27`, `2/15/2027`): a date
    /// in some spreadsheet's form, not a week number.
    static func looksLikeDate(_ text: String) -> Bool {
        let groups = text.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "." || $0 == "-" }
        return groups.count == 3
            && groups.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
    }

    /// `yes` or `no`.
    static func yesNo(_ text: String) -> Bool? {
        switch text {
        case "yes": true
        case "no": false
        default: nil
        }
    }

    /// A `;`-separated list, items trimmed; an empty text is the empty list, an empty item is refused.
    ///
    /// Line breaks around items are trimmed too: spreadsheets put them in cells edited with Alt-Enter.
    static func list<T>(_ text: String, item: (String) -> T?) -> [T]? {
        if text.isEmpty { return [] }
        var result: [T] = []
        for piece in text.split(separator: ";", omittingEmptySubsequences: false) {
            let trimmed = piece.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let value = item(trimmed) else { return nil }
            result.append(value)
        }
        return result
    }

    private static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(c) || ("a"..."z").contains(c) || ("0"..."9").contains(c)
    }
}

/// How expected values are described in messages (one place, so messages and docs agree).
enum Expected {
    static func integer(_ range: ClosedRange<Int>) -> String {
        "an integer from \(range.lowerBound) to \(range.upperBound)"
    }
    static func integer(atLeast minimum: Int) -> String { "an integer of \(minimum) or more" }
    static func number(atLeast minimum: Int) -> String { "a number of \(minimum) or more" }
    static func number(_ range: ClosedRange<Int>) -> String {
        "a number from \(range.lowerBound) to \(range.upperBound)"
    }
    static let identifier =
        "an id of at most 64 letters, digits, '_', '.' or '-', starting with a letter or digit"
    static let countryCode = "a two-letter country code in capitals (e.g. RU)"
    static let identifiers = "a list of ids separated by ';' (e.g. L01;L13)"
    static let countryCodes = "a list of two-letter country codes in capitals separated by ';' (e.g. RU;BY)"
    static let tags = "a list of tags separated by ';', each lower-case letters, digits or '_' starting with a letter"
    static let yesNo = "yes or no"
    static func oneOf<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> String where E.RawValue == String {
        "one of " + type.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
