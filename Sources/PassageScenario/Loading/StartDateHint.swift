import Foundation

// start_date written the way people and spreadsheets write dates (`04/01/2027`, `"2027-01-04"`,
// `20270104`) is not a TOML date, and the parser's generic complaint ("04 is not a number") does not say
// what to write. These messages name the expected form and, when the value can only mean one Monday, that
// Monday.

enum StartDateHint {
    /// An example of the expected form (a Monday).
    static let example = "start_date = 2027-01-04"

    /// The value written after `start_date =` on `line` and the column it starts at, or nil when the line
    /// does not set start_date.
    static func value(onLine line: Substring) -> (text: String, column: Int)? {
        let scalars = Array(line.unicodeScalars)
        var index = 0
        func skipBlanks() {
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        }
        skipBlanks()
        let key = Array("start_date".unicodeScalars)
        guard scalars.count >= index + key.count, Array(scalars[index..<index + key.count]) == key else { return nil }
        index += key.count
        skipBlanks()
        guard index < scalars.count, scalars[index] == "=" else { return nil }
        index += 1
        skipBlanks()
        var text = String(String.UnicodeScalarView(scalars[index...]))
        if let comment = text.firstIndex(of: "#") { text = String(text[..<comment]) }
        return (text.trimmingCharacters(in: .whitespacesAndNewlines), index + 1)  // also a CRLF line's CR
    }

    /// What to write instead of `text`, a start_date value that is not a TOML local date.
    static func message(for text: String) -> String {
        let mondays = Set(readings(of: text).filter(isMonday))
        let hint = mondays.count == 1 ? "did you mean start_date = \(mondays.first!)?" : "for example \(example)"
        return "start_date must be a date written year first as YYYY-MM-DD without quotes, and a Monday "
            + "(found \(text)); \(hint)"
    }

    /// `problem` on the start_date line of `lines` explained by ``message(for:)``, at the value, unless
    /// the value starts like a date the parser already explained (`2027-02-30`, `2026-11-30 1`).
    static func explain(_ problem: TOMLProblem, lines: [Substring]) -> TOMLProblem {
        guard problem.position.line >= 1, problem.position.line <= lines.count,
            let (text, column) = value(onLine: lines[problem.position.line - 1]),
            !CellParsing.hasISODateShape(String(text.prefix(10)))
        else { return problem }
        return TOMLProblem(
            position: TextPosition(line: problem.position.line, column: column), message: message(for: text))
    }

    // MARK: Readings

    /// The dates `text` could mean: an ISO date in quotes, `YYYYMMDD`, `YYYY-M-D`, and day-first and
    /// month-first readings of `D/M/YYYY` (also with '.' or '-').
    static func readings(of text: String) -> [CalendarDate] {
        let bare = text.trimmingCharacters(in: ["\"", "'"])
        if let date = CellParsing.isoDate(bare) { return [date] }
        if bare.count == 8, let number = Int(bare), bare.allSatisfy(\.isASCII) {
            return [CalendarDate(year: number / 10_000, month: number / 100 % 100, day: number % 100)].filter(exists)
        }
        // At most four digits a part, so no day count can overflow (scenario.toml is outside input).
        let pieces = bare.split { $0 == "/" || $0 == "." || $0 == "-" }
        guard pieces.allSatisfy({ $0.count <= 4 }) else { return [] }
        let parts = pieces.map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { return [] }
        if (1000...9999).contains(a) { return [CalendarDate(year: a, month: b, day: c)].filter(exists) }  // 2027-1-4
        let year = c
        guard (1000...9999).contains(year) else { return [] }
        return [CalendarDate(year: year, month: b, day: a), CalendarDate(year: year, month: a, day: b)].filter(exists)
    }

    private static func exists(_ date: CalendarDate) -> Bool {
        (1...12).contains(date.month) && (1...31).contains(date.day) && CalendarDate(dayNumber: date.dayNumber) == date
    }

    /// 1970-01-01 (day 0) was a Thursday, so Mondays are day 4 modulo 7.
    static func isMonday(_ date: CalendarDate) -> Bool { ((date.dayNumber - 4) % 7 + 7) % 7 == 0 }
}
