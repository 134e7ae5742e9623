// Week columns (ready_week, latest_departure_week, application_from_week, application_until_week) take a
// week number or an ISO date, because coordinators think in dates ("ready from 15 February") while the
// planner counts weeks. A date becomes the week of the horizon that contains it.

/// The weeks of the horizon, as far as scenario.toml could be read: what week columns may name.
struct HorizonWeeks {
    /// The Monday of week 1; nil when start_date could not be read (dates cannot be converted then).
    var startDate: CalendarDate?
    /// Weeks in the horizon; nil when horizon_weeks could not be read (no upper bound is checked then).
    var horizonWeeks: Int?

    /// The week that contains `date`: 1 for the week starting at `startDate`, below 1 before it.
    static func week(of date: CalendarDate, start: CalendarDate) -> Int {
        let days = date.dayNumber - start.dayNumber
        // Floor division, so the days before the start fall in week 0, -1, … rather than rounding to 1.
        return (days >= 0 ? days / 7 : (days - 6) / 7) + 1
    }

    /// The Sunday that ends the last week, when both settings are known.
    var lastDay: CalendarDate? {
        guard let startDate, let horizonWeeks else { return nil }
        return startDate.adding(days: 7 * horizonWeeks - 1)
    }

    /// How to describe valid values in messages: the week range and the date range, capped at the horizon
    /// when `capped` (and the horizon is known).
    func expected(capped: Bool) -> String {
        guard capped, let horizonWeeks else {
            let from = startDate.map { " from \($0) on" } ?? ""
            return "a week of 1 or more or a date\(from) written YYYY-MM-DD (e.g. \(example))"
        }
        let dates = startDate.flatMap { start in lastDay.map { " from \(start) to \($0)" } } ?? ""
        return "a week from 1 to \(horizonWeeks) or a date\(dates) written YYYY-MM-DD (e.g. \(example))"
    }

    private var example: String {
        guard let startDate else { return "2027-02-15" }
        return startDate.adding(days: 7 * min(2, (horizonWeeks ?? 3) - 1) + 2).description
    }
}

/// What a week column does with a date before the start of the horizon, where that has a harmless meaning.
/// (After the horizon a date is refused where a week number is capped at the horizon, and keeps its week
/// beyond the horizon where a week number may lie beyond it, as in a programme's application window.)
struct DatesBeforeStart {
    /// A date before start_date means week 1 (e.g. ready already, a window already open); otherwise refused
    /// with `early` as the reason.
    var beforeStartIsWeekOne: Bool
    /// Why a date before start_date is refused (used when `beforeStartIsWeekOne` is false).
    var early = ""
}

/// A cell of a week column, read as a week number or a date.
enum WeekOrDate {
    case week(Int)
    case date(CalendarDate)
    /// In YYYY-MM-DD form but not a day of the calendar (`2027-02-30`, `2027-13-01`).
    case notInCalendar
    /// Digits separated by '/', '.' or '-' in another order (`15/02/2027`, `15.02.2027`): how spreadsheets
    /// in many locales save a date.
    case otherDateForm
    case neither

    init(_ text: String) {
        if let week = CellParsing.integer(text) {
            self = .week(week)
        } else if let date = CellParsing.isoDate(text) {
            self = .date(date)
        } else if CellParsing.hasISODateShape(text) {
            self = .notInCalendar
        } else if CellParsing.looksLikeDate(text) {
            self = .otherDateForm
        } else {
            self = .neither
        }
    }
}

extension RowReader {
    /// An optional week column: a week number of 1 or more (at most the horizon when `isCapped`) or a date,
    /// converted to the week that contains it, `rule` saying what a date before the start means. Nil when
    /// empty or bad (reported).
    mutating func optionalWeek(
        _ column: String, _ horizon: HorizonWeeks, isCapped: Bool, rule: DatesBeforeStart
    ) -> Int? {
        guard let cell = cell(column), !cell.value.isEmpty else { return nil }
        let expected = horizon.expected(capped: isCapped)
        let got = echoValues ? " (got \"\(cell.value)\")" : ""
        switch WeekOrDate(cell.value) {
        case .week(let week):
            if week >= 1, !isCapped || week <= (horizon.horizonWeeks ?? week) { return week }
            fail(column, "\(column) must be \(expected)\(got)")
        case .notInCalendar:
            fail(column, "\(column) is not a day of the calendar\(got); it must be \(expected)")
        case .otherDateForm:
            fail(
                column,
                "\(column) looks like a date in another form\(got); dates must be written YYYY-MM-DD (a spreadsheet "
                    + "may have reformatted it: format the column as text or as yyyy-mm-dd); it must be \(expected)")
        case .neither:
            fail(column, "\(column) must be \(expected)\(got)")
        case .date(let date):
            guard let start = horizon.startDate else {
                fail(
                    column,
                    "\(column) is a date\(got), but scenario.toml's start_date could not be read, so its week is "
                        + "unknown; fix start_date, or give a week number")
                return nil
            }
            let week = HorizonWeeks.week(of: date, start: start)
            let named = echoValues ? "\(column) \(date)" : column
            if week < 1 {
                if rule.beforeStartIsWeekOne { return 1 }
                fail(
                    column,
                    "\(named) is before start_date (\(start), the Monday of week 1): \(rule.early); it must be \(expected)"
                )
                return nil
            }
            if let horizonWeeks = horizon.horizonWeeks, week > horizonWeeks, let last = horizon.lastDay, isCapped {
                fail(
                    column,
                    "\(named) is after the horizon, which ends on \(last) (week \(horizonWeeks)); it must be \(expected)"
                )
                return nil
            }
            return week
        }
        return nil
    }
}
