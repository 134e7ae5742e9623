import PassageScenario

/// Moves a scenario on in time for the next planning round (`passage advance`): week `n` becomes
/// week 1, assuming the plan was carried out as planned until then.
///
/// - Households whose move is complete before week `n` leave the scenario.
/// - Households that have left but not arrived become commitments (their pathway, counted from the
///   new week 1; their start week is then 0 or less).
/// - Everyone else stays, with ready weeks and latest departure weeks counted from the new week 1.
/// - Capacities are what is left: horizon quotas (a programme's or shared) less the persons lodged
///   before week `n`, the budget less what was spent before week `n` (legs travelled, stay weeks,
///   programme fees), opening weeks and application windows shifted. A house or programme window
///   closed before week `n` is dropped, unless a commitment still names it (then it stays, closed, and
///   the plan reports the conflict). A dropped programme leaves the shared quotas it was in.
///   Month quotas stay per month: the planner counts commitments lodged earlier in week 1's month.
/// - The horizon keeps its length; seats, legs, locations and settings are unchanged.
public enum RollingHorizon {
    /// Why a scenario cannot be advanced as asked.
    public struct AdvanceError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// `scenario` with week `week` as its new week 1, after `plan` (counted from `scenario`'s start).
    public static func advance(_ scenario: Scenario, plan: PreviousPlan, toWeek week: Int) throws -> Scenario {
        let horizon = scenario.settings.horizonWeeks
        guard (2...horizon).contains(week) else {
            throw AdvanceError(description: "--to-week must be from 2 to the horizon (\(horizon)); got \(week)")
        }
        let plan = plan.counted(from: scenario.settings.startDate)
        let known = Set(scenario.households.map(\.id))
        let strangers = plan.pathways.keys.filter { !known.contains($0) }.sorted()
        guard strangers.isEmpty else {
            throw AdvanceError(
                description:
                    "the plan moves households the scenario does not have: \(strangers.prefix(5).joined(separator: ", "))"
            )
        }
        let shift = week - 1
        let moves = CommitmentPlanning.moves(
            plan.pathways.values.sorted { $0.householdID < $1.householdID }, in: scenario)
        guard moves.count == plan.pathways.count else {
            throw AdvanceError(description: "the plan names legs, safe houses or programmes the scenario does not have")
        }

        var next = scenario
        next.settings.startDate = scenario.settings.startOfWeek(week)
        var completed: Set<String> = []
        var commitments: [Commitment] = []
        var lodgedBefore: [Int: Int] = [:]
        var spent = 0.0
        for move in moves {
            let household = scenario.households[move.household]
            let persons = Double(household.size)
            let pathway = move.pathway
            // What was spent and lodged before the new week 1: a document step applied for is paid.
            if let service = pathway.service(in: scenario), move.startWeek + pathway.documentOffset < week {
                spent += persons * service.costPerPerson
            }
            let departure = move.startWeek + pathway.departureOffset
            for (leg, offset) in zip(pathway.outbound.legs, pathway.outbound.legWeekOffsets)
            where departure + offset < week {
                spent += persons * scenario.legs[leg].costPerPerson
            }
            if let transit = pathway.transit {
                let arrives = departure + transit.arrivalOffset
                let transitWeeksBefore = max(0, min(transit.weeks, week - arrives))
                spent += persons * scenario.safeHouses[transit.house].costPerPersonWeek * Double(transitWeeksBefore)
            }
            let lodged = move.startWeek + pathway.lodgeOffset
            let stayWeeksBefore = max(0, min(pathway.stayWeeks, week - lodged))
            spent += persons * scenario.safeHouses[pathway.house].costPerPersonWeek * Double(stayWeeksBefore)
            let onwardStart = move.startWeek + pathway.onwardOffset
            for (leg, offset) in zip(pathway.onward.legs, pathway.onward.legWeekOffsets)
            where onwardStart + offset < week {
                spent += persons * scenario.legs[leg].costPerPerson
            }
            if lodged < week {
                spent += persons * scenario.programmes[pathway.programme].costPerPerson
                lodgedBefore[pathway.programme, default: 0] += household.size
            }
            if move.startWeek + pathway.finishOffset < week {
                completed.insert(household.id)
            } else if move.startWeek < week {
                var commitment = plan.pathways[household.id]!
                commitment.startWeek -= shift
                commitments.append(commitment)
            }
        }
        next.commitments = commitments.sorted { $0.householdID < $1.householdID }
        next.households = scenario.households.filter { !completed.contains($0.id) }.map { household in
            var moved = household
            moved.readyWeek = max(1, household.readyWeek - shift)
            moved.latestDepartureWeek = household.latestDepartureWeek.map { max(moved.readyWeek, $0 - shift) }
            return moved
        }

        let housesInUse = Set(commitments.map(\.safeHouseID) + commitments.compactMap(\.transitHouseID))
        next.safeHouses = scenario.safeHouses.compactMap { house in
            guard
                let window = shifted(
                    (house.openFromWeek, house.openUntilWeek), by: shift, horizon: horizon,
                    keepIfClosed: housesInUse.contains(house.id))
            else { return nil }
            var moved = house
            moved.openFromWeek = window.from ?? 1
            moved.openUntilWeek = window.until
            return moved
        }
        let programmesInUse = Set(commitments.map(\.programmeID))
        next.programmes = scenario.programmes.enumerated().compactMap { index, programme in
            guard
                let window = shifted(
                    (programme.applicationFromWeek, programme.applicationUntilWeek), by: shift, horizon: horizon,
                    keepIfClosed: programmesInUse.contains(programme.id))
            else { return nil }
            var moved = programme
            moved.applicationFromWeek = window.from
            moved.applicationUntilWeek = window.until
            if programme.quotaPeriod == .horizon {
                moved.quota = max(0, programme.quota - lodgedBefore[index, default: 0])
            }
            return moved
        }
        // A horizon shared quota loses the persons lodged before week `n` with any of its programmes; a
        // programme dropped above leaves the shared quotas it counted toward.
        next.sharedQuotas = scenario.sharedQuotas.map { shared in
            var moved = shared
            if shared.quotaPeriod == .horizon {
                let lodged = scenario.programmes.indices.filter {
                    shared.programmeIDs.contains(scenario.programmes[$0].id)
                }
                .reduce(0) { $0 + lodgedBefore[$1, default: 0] }
                moved.quota = max(0, shared.quota - lodged)
            }
            return moved
        }
        next.sharedQuotas = SharedQuota.remaining(next.sharedQuotas, programmes: next.programmes)
        next.settings.budget = scenario.settings.budget.map { max(0, $0 - spent) }
        return next
    }

    /// A window of weeks (opening weeks of a house, an application window), counted from week
    /// `shift + 1`. Nil when it closed before then, unless `keepIfClosed` (a commitment still names it):
    /// then a window that never opens within the horizon.
    private static func shifted(
        _ window: (from: Int?, until: Int?), by shift: Int, horizon: Int, keepIfClosed: Bool
    ) -> (from: Int?, until: Int?)? {
        let from = window.from.map { max(1, $0 - shift) }
        guard let until = window.until else { return (from, nil) }
        if until - shift >= 1 { return (from, until - shift) }
        return keepIfClosed ? (horizon + 1, nil) : nil
    }
}
