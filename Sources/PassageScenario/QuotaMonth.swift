/// The calendar month a week counts in for monthly quotas: the month that holds the week's Thursday.
///
/// A week runs Monday to Sunday and often straddles two months; it counts, whole, in the month that
/// holds four or more of its seven days, which is the month of its Thursday (the rule ISO 8601 uses to
/// give weeks to years). So week 1 of the demo, Monday 30 November to Sunday 6 December 2026, counts in
/// December: six of its days are in December. This is the only place the rule is written; the
/// planner's quota rows and the reports' quota periods both ask it (docs/SCENARIO.md, docs/MODEL.md).
public struct QuotaMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1 = January … 12 = December.
    public var month: Int

    /// The month in which the week starting on `monday` counts.
    public init(weekStarting monday: CalendarDate) {
        let thursday = monday.adding(days: 3)
        year = thursday.year
        month = thursday.month
    }

    /// The month `month` (1 = January … 12 = December) of `year`.
    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "a month is 1 to 12")
        self.year = year
        self.month = month
    }

    /// The month whose ``number`` is `number` (a month counted from year 0, as quota rows count them).
    public init(number: Int) {
        year = (number - 1) / 12
        month = number - year * 12
    }

    /// The month with this label (`2026-12`), or nil if it is not one.
    public init?(label: String) {
        let parts = label.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        self.year = year
        self.month = month
    }

    /// Months counted from year 0, so that consecutive months differ by one.
    public var number: Int { year * 12 + month }

    /// The period label of quota rows: `2026-12`.
    public var description: String {
        String(repeating: "0", count: max(0, 4 - String(year).count)) + "\(year)-" + (month < 10 ? "0" : "")
            + "\(month)"
    }

    /// The month in words: `December 2026`.
    public var name: String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(names[month - 1]) \(year)"
    }

    public static func < (a: QuotaMonth, b: QuotaMonth) -> Bool { a.number < b.number }
}

extension ScenarioSettings {
    /// The month in which week `week` (1-based) counts for monthly quotas (``QuotaMonth``).
    public func quotaMonth(ofWeek week: Int) -> QuotaMonth { QuotaMonth(weekStarting: startOfWeek(week)) }
}
