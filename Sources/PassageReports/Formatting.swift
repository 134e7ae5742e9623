import Foundation
import LinearProgramming
import PassagePlanning
import PassageScenario

/// Number, week, status and reason wording shared by every human-readable format.
///
/// Everything here is locale-independent and deterministic: reports are compared byte for byte, and a
/// coordinator's machine locale must not change what a plan says.
enum Fmt {
    // MARK: Numbers

    /// `x` with exactly `decimals` decimals, `,` between thousands, `.` as decimal point.
    static func grouped(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "n/a" : (x > 0 ? "∞" : "-∞") }
        let plain = String(format: "%.\(decimals)f", x)
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let parts = unsigned.split(separator: ".", maxSplits: 1).map(String.init)
        var integer = parts[0]
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        var result = groups.joined(separator: ",")
        if parts.count == 2 { result += "." + parts[1] }
        // "-0.00" reads as a sign error to a coordinator; a rounded-away sign is dropped.
        let isZero = result.allSatisfy { $0 == "0" || $0 == "," || $0 == "." }
        return (negative && !isZero ? "-" : "") + result
    }

    /// A quantity of persons, beds or seats: whole numbers without decimals, anything else with one.
    static func quantity(_ x: Double) -> String {
        isWhole(x) ? grouped(x, decimals: 0) : grouped(x, decimals: 1)
    }

    /// Money: whole amounts without decimals (`120 EUR`), others with cents (`120.50 EUR`).
    static func money(_ x: Double, _ currency: String) -> String {
        (isWhole(x) ? grouped(x, decimals: 0) : grouped(x, decimals: 2)) + " " + currency
    }

    /// A plain machine-friendly number for CSV: no grouping, at most `maxDecimals`, no trailing zeros.
    static func plain(_ x: Double, maxDecimals: Int = 2) -> String {
        guard x.isFinite else { return "" }
        var s = String(format: "%.\(maxDecimals)f", x)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    /// A ratio as a percentage with two decimals (`0.0321` → `3.21 %`).
    static func percent(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return "n/a" }
        return grouped(ratio * 100, decimals: 2) + " %"
    }

    /// An objective or bound value: three decimals are enough to read; JSON carries the exact value.
    static func objective(_ x: Double?) -> String {
        guard let x else { return "n/a" }
        return grouped(x, decimals: 3)
    }

    /// `n person`/`n persons` and the like.
    static func plural(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : (plural ?? singular + "s"))
    }

    static func isWhole(_ x: Double) -> Bool { x.isFinite && abs(x - x.rounded()) < 0.005 }

    /// A document in words: `an international passport`, `an internal ID`.
    static func document(_ kind: DocumentKind) -> String {
        switch kind {
        case .none: "no document"
        case .internalID: "an internal ID"
        case .internationalPassport: "an international passport"
        }
    }

    // MARK: Weeks and dates

    /// `W3`.
    static func week(_ w: Int) -> String { "W\(w)" }

    /// `W3` or `W3–W7`.
    static func weeks(_ from: Int, _ to: Int) -> String { from == to ? week(from) : "\(week(from))–\(week(to))" }

    /// The Monday starting week `w` (week 1 starts on the scenario's start date).
    static func date(ofWeek w: Int, _ header: ScenarioHeader) -> CalendarDate {
        header.startDate.adding(days: 7 * (w - 1))
    }

    /// The day a leg departs: the Monday of its week plus the days travelled before it on its route.
    static func departureDate(_ leg: LegTravel, _ header: ScenarioHeader) -> CalendarDate {
        date(ofWeek: leg.week, header).adding(days: leg.daysIntoWeek)
    }

    /// The day a household reaches the end of `legs` (departure of the last plus its travel days), or
    /// the Monday of `week` when there are no legs (it is already there then).
    static func arrivalDate(after legs: [LegTravel], orWeek week: Int, _ header: ScenarioHeader) -> CalendarDate {
        guard let last = legs.last else { return date(ofWeek: week, header) }
        return departureDate(last, header).adding(days: last.durationDays)
    }

    /// A date with its weekday, `Wed 2026-12-02`: a coordinator books tickets by the day, not the week.
    static func day(_ date: CalendarDate) -> String {
        // 1970-01-01 (day 0) was a Thursday.
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return names[((date.dayNumber + 3) % 7 + 7) % 7] + " \(date)"
    }

    /// `W3 (2026-12-14)`: a ready week, which a coordinator may have given as a date, with the Monday it
    /// starts (a date in a scenario file is read as the week that contains it).
    static func readyWeek(_ w: Int, _ header: ScenarioHeader) -> String {
        "\(week(w)) (\(date(ofWeek: w, header)))"
    }

    /// `W3 (by 2026-12-20)`: a latest departure week with the Sunday that ends it, the last day to leave.
    static func deadlineWeek(_ w: Int, _ header: ScenarioHeader) -> String {
        "\(week(w)) (by \(date(ofWeek: w + 1, header).adding(days: -1)))"
    }

    /// The last day of the horizon (the Sunday ending its last week).
    static func endDate(_ header: ScenarioHeader) -> CalendarDate {
        header.startDate.adding(days: 7 * header.horizonWeeks - 1)
    }

    /// A quota period in words: `December 2026` for a month; `horizon` (or a week) as its label.
    static func quotaPeriodName(_ period: CapacityPeriod) -> String {
        if case .month(let month) = period { month.name } else { period.description }
    }

    /// The weeks of the horizon in a quota period, compressed (`W1–W5`): every week for `horizon`, the
    /// weeks that count in the month (``QuotaMonth``, the month of each week's Thursday) for a month;
    /// `none` if no week of the horizon counts in it.
    static func quotaPeriodWeeks(_ period: CapacityPeriod, _ header: ScenarioHeader) -> String {
        let horizon = Array(1...max(1, header.horizonWeeks))
        guard case .month(let month) = period else { return weeks(1, horizon.last!) }
        let inMonth = horizon.filter { QuotaMonth(weekStarting: date(ofWeek: $0, header)) == month }
        return inMonth.isEmpty ? "none" : compressPeriods(inMonth.map(CapacityPeriod.week))
    }

    /// Periods with consecutive weeks compressed: `W3, W4, W5, W7, 2026-12` → `W3–W5, W7, 2026-12`.
    ///
    /// Weeks come first in week order, other periods (months, `horizon`) after in order, so the
    /// wording is the same whatever order the planner listed them in.
    static func compressPeriods(_ periods: [CapacityPeriod]) -> String {
        var weeks: [Int] = []
        var others: [CapacityPeriod] = []
        for period in periods {
            if let w = period.week { weeks.append(w) } else { others.append(period) }
        }
        var parts: [String] = []
        let sorted = Array(Set(weeks)).sorted()
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(Self.weeks(sorted[index], sorted[end]))
            index = end + 1
        }
        parts += Array(Set(others)).sorted().map(\.description)
        return parts.joined(separator: ", ")
    }

    // MARK: Urgency

    /// Words for an urgency tier (1 = immediate threat to life … 4 = elevated).
    static func tierName(_ tier: Int) -> String {
        switch tier {
        case 1: "immediate threat to life"
        case 2: "severe"
        case 3: "high"
        case 4: "elevated"
        default: "tier \(tier)"
        }
    }

    // MARK: Solver status

    /// The status in words; anything short of a proven optimum says so in capitals.
    static func statusWords(_ status: SolveStatus) -> String {
        switch status {
        case .optimal: "optimal"
        case .feasible: "FEASIBLE within the gap tolerance — not proven optimal"
        case .timeLimitFeasible: "TIME LIMIT — best plan found, not proven optimal"
        case .timeLimitNoSolution: "TIME LIMIT — no plan found"
        case .infeasible: "INFEASIBLE — no plan found"
        case .unbounded: "UNBOUNDED — no plan found"
        }
    }

    /// A warning for every status except a proven optimum, or nil when the plan is optimal.
    ///
    /// Coordinators act on plans; one that is merely the best found so far must not pass for the best
    /// possible, and a missing plan must not look like "nobody can move".
    static func statusWarning(_ solver: SolverReport) -> String? {
        switch solver.status {
        case .optimal:
            return nil
        case .feasible:
            return "NOT PROVEN OPTIMAL: the solver stopped within its gap tolerance (gap \(percent(solver.gap)))."
                + " A better plan may exist."
        case .timeLimitFeasible:
            return "TIME LIMIT: this is the best plan found, not proven optimal (gap \(percent(solver.gap)))."
                + " A better plan may exist; run longer to improve or prove it."
        case .timeLimitNoSolution:
            return "TIME LIMIT: no plan found before the time limit. Nobody is scheduled; run longer."
        case .infeasible:
            return "NO PLAN: the solver reports the model infeasible. The model is built to be always"
                + " feasible, so this is a defect: please report it."
        case .unbounded:
            return "NO PLAN: the solver reports the model unbounded. This is a defect: please report it."
        }
    }

    // MARK: Reasons

    /// Words for a blocker kind.
    static func blockerKind(_ kind: Blocker.Kind) -> String {
        kind == .safeHouse ? "safe house" : kind.rawValue
    }

    /// Blockers grouped by programme, all-programme blockers first: `all programmes: documents: …; needs: …`.
    static func blockerLines(_ blockers: [Blocker]) -> [String] {
        var groups: [(programme: String?, items: [Blocker])] = []
        for blocker in blockers.sorted() {
            if let last = groups.last, last.programme == blocker.programmeID {
                groups[groups.count - 1].items.append(blocker)
            } else {
                groups.append((blocker.programmeID, [blocker]))
            }
        }
        return groups.map { group in
            let scope = group.programme.map { "programme \($0)" } ?? "all programmes"
            return scope + ": "
                + group.items.map { "\(blockerKind($0.kind)): \($0.explanation)" }.joined(separator: "; ")
        }
    }

    /// A shortage in words: `beds at tb-1 in W3–W7`, `seats on gz-vk in W2`, `quota de-hap 2026-12`,
    /// `budget`; a capacity smaller than the household says so: `safe house SH-EVN-2 has only 3 beds
    /// (the largest open to this household): too small for this household, not used up`.
    static func shortage(_ s: ResourceShortage) -> String {
        if let size = s.capacityTooSmall { return tooSmall(s, size: quantity(size)) }
        let periods = compressPeriods(s.periods)
        switch s.kind {
        case .beds: return "beds at \(s.resourceID)" + (periods.isEmpty ? "" : " in \(periods)")
        case .seats: return "seats on \(s.resourceID)" + (periods.isEmpty ? "" : " in \(periods)")
        case .quota: return "quota \(s.resourceID)" + (periods.isEmpty ? "" : " \(periods)")
        case .sharedQuota: return "shared quota \(s.resourceID)" + (periods.isEmpty ? "" : " \(periods)")
        case .budget: return "budget"
        case .documentService:
            return "places at document service \(s.resourceID)" + (periods.isEmpty ? "" : " in \(periods)")
        }
    }

    private static func tooSmall(_ s: ResourceShortage, size: String) -> String {
        let largest = s.isLargestOpen ? " (the largest open to this household)" : ""
        let what: String
        switch s.kind {
        case .beds: what = "safe house \(s.resourceID) has only \(size) beds\(largest)"
        case .seats: what = "leg \(s.resourceID) has only \(size) seats a week\(largest)"
        case .quota:
            let per = s.periods.allSatisfy(\.isMonth) ? "a month" : "in the horizon"
            what = "quota \(s.resourceID) allows only \(size) persons \(per)\(largest)"
        case .sharedQuota:
            let per = s.periods.allSatisfy(\.isMonth) ? "a month" : "in the horizon"
            what = "shared quota \(s.resourceID) allows only \(size) persons \(per)\(largest)"
        case .budget: what = "the budget is only \(size)"
        case .documentService: what = "document service \(s.resourceID) takes only \(size) persons a week\(largest)"
        }
        return what + ": too small for this household, not used up"
    }

    /// How many shortages a reason names before `… and N more`: enough for the capacities that bind,
    /// few enough to read. JSON lists them all.
    static let shortagesShown = 6

    /// What a reason means, in a sentence, followed by its details (blockers or shortages) as lines.
    static func reasonExplanation(_ reason: NotMovedReason) -> (sentence: String, details: [String]) {
        switch reason {
        case .noEligiblePathway(let blockers):
            return ("No pathway is open to this household; what closes them:", blockerLines(blockers))
        case .capacity(let shortages):
            // In the planner's order: the capacities blocking most of the household's options first.
            var lines = shortages.prefix(shortagesShown).map(shortage)
            if shortages.count > shortagesShown { lines.append("… and \(shortages.count - shortagesShown) more") }
            if reason.cannotFit {
                return (
                    "This household cannot fit: it has more persons than every pathway open to it can hold,"
                        + " even with nobody else on it:",
                    lines
                )
            }
            return (
                "Pathways exist, but every one needs capacity this plan has used up"
                    + (shortages.contains(where: \.isTooSmall) ? " or that is too small for the household" : "")
                    + "; those blocking most of its options first:",
                lines
            )
        case .notSelectedWithinTolerance:
            return (
                "Pathways with room remain, but the solver stopped at its time or gap limit without using them;"
                    + " a longer run or a smaller gap may move this household.",
                []
            )
        case .noPlan:
            return (
                "The solver found no plan at all, so nobody is scheduled; this says nothing about this"
                    + " household's own options.",
                []
            )
        case .leftForRobustness:
            return (
                "Pathways with room remain, but in this robust plan each is too likely to strand the household"
                    + " or be refused, or its stay may outgrow the safe house, for moving to be worth it.",
                []
            )
        }
    }

    /// The reason in one line, for CSV cells: `capacity: beds at tb-1 in W3–W7; budget`.
    static func reasonOneLine(_ reason: NotMovedReason) -> String {
        let (sentence, details) = reasonExplanation(reason)
        switch reason {
        case .noEligiblePathway, .capacity:
            return reason.label + ": " + details.joined(separator: " | ")
        case .notSelectedWithinTolerance, .noPlan, .leftForRobustness:
            return reason.label + ": " + sentence
        }
    }

    // MARK: Safety

    /// `s` with control characters replaced, so data from scenario files cannot move the cursor, clear
    /// the screen or forge lines in a terminal or a Markdown viewer.
    static func printable(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars { out.append(isControl(scalar) ? "\u{FFFD}" : scalar) }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
