// The unquoted values of TOML: booleans, integers (decimal with `_` separators and a sign; 0x, 0o, 0b),
// floats (fraction, exponent, inf, nan) and local dates. Times and date-times are valid TOML but no
// Passage file has one, and a stray time most likely means a typo in a date: they are refused by name.

enum TOMLWords {
    /// Why a word is not a value Passage accepts; the parser adds where.
    struct Refusal: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    static let timeRefused = "a time of day is not accepted here; write a date as 2026-11-30"

    /// Characters that can be part of an unquoted value (`:` so a time is read whole and refused).
    static func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
        TOMLCharacters.isBareKey(c) || c == "+" || c == "." || c == ":"
    }

    /// The value `word` spells.
    static func value(of word: String) throws(Refusal) -> TOMLValue {
        switch word {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        let scalars = Array(word.unicodeScalars)
        if scalars.count >= 10, isDateShape(scalars[0..<10]) {
            if scalars.count == 10 { return .date(try date(scalars, word)) }
            if scalars[10] == "T" || scalars[10] == "t" || word.contains(":") { throw Refusal(timeRefused) }
        }
        // `10:00`: a time. A word that does not start with a digit (`:`, `a:b`) is just malformed.
        if word.contains(":"), let first = scalars.first, TOMLCharacters.isDigit(first) { throw Refusal(timeRefused) }
        if let first = scalars.first, ("A"..."Z").contains(first) || ("a"..."z").contains(first) {
            throw Refusal(
                "TOML syntax error: expected \(TOMLParser.valueExpectation), found \(TOMLCharacters.excerpt(word)); text is written in quotes (\"…\")"
            )
        }
        return try number(scalars, word)
    }

    // MARK: Dates

    /// `DDDD-DD-DD`.
    private static func isDateShape(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        s.enumerated().allSatisfy { offset, c in offset == 4 || offset == 7 ? c == "-" : TOMLCharacters.isDigit(c) }
    }

    private static func date(_ s: [Unicode.Scalar], _ word: String) throws(Refusal) -> CalendarDate {
        func number(_ range: Range<Int>) -> Int {
            s[range].reduce(0) { $0 * 10 + Int($1.value) - 48 }  // at most 4 digits: cannot overflow
        }
        let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
        guard (1...12).contains(month) else { throw Refusal("\(word) is not a date: the month must be from 01 to 12") }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else {
            throw Refusal("\(word) is not a date: the day must be from 01 to \(days) in that month")
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    // MARK: Numbers

    private static func number(_ s: [Unicode.Scalar], _ word: String) throws(Refusal) -> TOMLValue {
        let shown = TOMLCharacters.excerpt(word)
        let malformed = Refusal(
            "TOML syntax error: \(shown) is neither a number (digits with an optional sign, fraction and exponent; _ only between digits) nor a date such as 2026-11-30"
        )
        let radixes: [Unicode.Scalar: Int] = ["x": 16, "o": 8, "b": 2]
        if s.count > 2, s[0] == "0", let radix = radixes[s[1]] {
            var i = 2
            guard digitRun(s, &i, radix: radix), i == s.count else { throw malformed }
            return .integer(try integer(s[2...], radix: radix, negative: false, shown))
        }
        var i = 0
        let negative = s.first == "-"
        if s.first == "-" || s.first == "+" { i += 1 }
        let integerStart = i
        guard digitRun(s, &i, radix: 10) else { throw malformed }
        if s[integerStart] == "0" && i - integerStart > 1 {
            throw Refusal("TOML syntax error: \(shown) is not a number: TOML allows no leading zeros")
        }
        var isFloat = false
        if i < s.count && s[i] == "." {
            i += 1
            guard digitRun(s, &i, radix: 10) else { throw malformed }
            isFloat = true
        }
        if i < s.count && (s[i] == "e" || s[i] == "E") {
            i += 1
            if i < s.count && (s[i] == "+" || s[i] == "-") { i += 1 }
            guard digitRun(s, &i, radix: 10) else { throw malformed }
            isFloat = true
        }
        guard i == s.count else { throw malformed }
        if isFloat {
            var cleaned = ""
            cleaned.unicodeScalars.append(contentsOf: s.lazy.filter { $0 != "_" })
            guard let value = Double(cleaned) else { throw malformed }
            return .float(value)
        }
        return .integer(try integer(s[integerStart...], radix: 10, negative: negative, shown))
    }

    /// Digits of `radix` from `i`, with single underscores between them; false when there is none.
    private static func digitRun(_ s: [Unicode.Scalar], _ i: inout Int, radix: Int) -> Bool {
        guard i < s.count, digitValue(s[i], radix: radix) != nil else { return false }
        i += 1
        while i < s.count {
            if digitValue(s[i], radix: radix) != nil {
                i += 1
            } else if s[i] == "_", i + 1 < s.count, digitValue(s[i + 1], radix: radix) != nil {
                i += 2
            } else {
                break
            }
        }
        return true
    }

    private static func digitValue(_ c: Unicode.Scalar, radix: Int) -> Int? {
        guard let value = Int(String(c), radix: 16), value < radix else { return nil }
        return value
    }

    /// The digits (and underscores) of `s` as an Int, refused rather than trapping when out of range.
    private static func integer(_ s: ArraySlice<Unicode.Scalar>, radix: Int, negative: Bool, _ shown: String)
        throws(Refusal) -> Int
    {
        var value = 0
        for c in s where c != "_" {
            guard let digit = digitValue(c, radix: radix) else { continue }
            let (scaled, scaleOverflow) = value.multipliedReportingOverflow(by: radix)
            let (next, addOverflow) =
                negative ? scaled.subtractingReportingOverflow(digit) : scaled.addingReportingOverflow(digit)
            guard !scaleOverflow && !addOverflow else {
                throw Refusal(
                    "the integer \(shown) is out of range: integers must lie between \(Int.min) and \(Int.max)")
            }
            value = next
        }
        return value
    }
}
