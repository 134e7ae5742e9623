import PassageScenario

/// One safe house's guests as a plan lodges them, week by week: what its manager needs (who comes,
/// when, how many persons, which needs) and nothing about any other house, route, programme,
/// destination, cost or urgency (`passage roster`, docs/REPORTS.md "Rosters").
public struct Roster: Sendable, Hashable {
    /// A household the plan lodges in the house.
    public struct Guest: Sendable, Hashable {
        public var householdID: String
        /// Persons in the household (from the scenario).
        public var persons: Int
        /// The household's needs tags (from the scenario), as there.
        public var needs: [String]
        /// First and last week (inclusive) in the house, counted from the scenario's week 1.
        public var firstWeek: Int
        public var lastWeek: Int
        /// The day the household reaches the house (the Monday of `firstWeek` when the plan gives no day).
        public var arrivalDate: CalendarDate
        /// The day the household leaves the house for its destination, when the plan gives it.
        public var departureDate: CalendarDate?
    }

    /// One week of the house, from the first guest's arrival to the last guest's last week.
    public struct Week: Sendable, Hashable {
        public var week: Int
        /// The Monday the week starts (week 1 starts on the scenario's start date).
        public var start: CalendarDate
        /// Households whose stay starts this week, by id.
        public var arriving: [String]
        /// Households whose stay ends this week (their last week in the house), by id.
        public var leaving: [String]
        /// Every household in the house this week, by id.
        public var present: [String]
        /// Persons in the house this week.
        public var persons: Int
    }

    /// Why a roster cannot be made.
    public struct Problem: Error, CustomStringConvertible, Sendable, Hashable {
        public var description: String
    }

    /// The safe house.
    public var houseID: String
    /// The scenario's start date: the Monday of week 1.
    public var startDate: CalendarDate
    /// The house's guests by first week, then id.
    public var guests: [Guest]
    /// Every week from the first arrival to the last week of a stay; empty when the plan lodges no one there.
    public var weeks: [Week]

    /// The roster of `houseID` in `plan` (stays read from a JSON plan of `scenario`), with weeks counted
    /// from the scenario's start date (a plan made before `advance` counts from an earlier Monday).
    /// Throws a ``Problem`` when the house is not one of the scenario's (with "did you mean"), or when
    /// the plan names households or houses the scenario does not have: then it is not this scenario's plan.
    public static func make(
        houseID: String, plan: PreviousPlanReader.PlannedStays, scenario: Scenario
    ) throws(Problem) -> Roster {
        let houses = scenario.safeHouses.map(\.id)
        guard houses.contains(houseID) else {
            throw Problem(
                description: "\(houseID) is not a safe house of this scenario"
                    + ClosestNames.suggestion(for: houseID, among: houses))
        }
        let households = Dictionary(scenario.households.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let unknown = plan.householdIDs.filter { households[$0] == nil }
        if !unknown.isEmpty {
            let shown =
                unknown.prefix(5).joined(separator: ", ") + (unknown.count > 5 ? " and \(unknown.count - 5) more" : "")
            throw Problem(
                description:
                    "the plan does not belong to this scenario: it names \(unknown.count) household(s) the scenario"
                    + " does not have (\(shown)); give the plan made from this scenario")
        }
        let knownHouses = Set(houses)
        if let stray = plan.stays.first(where: { !knownHouses.contains($0.houseID) }) {
            throw Problem(
                description: "the plan does not belong to this scenario: it lodges households in \(stray.houseID),"
                    + " which is not a safe house of the scenario; give the plan made from this scenario")
        }
        let start = scenario.settings.startDate
        let offset = (start.dayNumber - plan.startDate.dayNumber) / 7
        let guests = plan.stays.filter { $0.houseID == houseID }.map { stay in
            let household = households[stay.householdID]!
            let first = stay.fromWeek - offset
            return Guest(
                householdID: stay.householdID, persons: household.size, needs: household.needs, firstWeek: first,
                lastWeek: stay.toWeek - offset, arrivalDate: stay.arrivalDate ?? start.adding(days: 7 * (first - 1)),
                departureDate: stay.departureDate)
        }.sorted { ($0.firstWeek, $0.householdID) < ($1.firstWeek, $1.householdID) }
        var weeks: [Week] = []
        if let from = guests.map(\.firstWeek).min(), let to = guests.map(\.lastWeek).max() {
            for week in from...to {
                let present = guests.filter { $0.firstWeek <= week && week <= $0.lastWeek }
                weeks.append(
                    Week(
                        week: week, start: start.adding(days: 7 * (week - 1)),
                        arriving: present.filter { $0.firstWeek == week }.map(\.householdID).sorted(),
                        leaving: present.filter { $0.lastWeek == week }.map(\.householdID).sorted(),
                        present: present.map(\.householdID).sorted(), persons: present.reduce(0) { $0 + $1.persons }))
            }
        }
        return Roster(houseID: houseID, startDate: start, guests: guests, weeks: weeks)
    }
}
