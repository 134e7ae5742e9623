import PassagePlanning

/// The what-if comparison as one CSV table for spreadsheets: a row per measure, a column for the base
/// and one per variant. Measures first (as in the side-by-side table, numbers plain), then a row per
/// household moved in some plan but not in all (`moved`/`not moved`), then a row per capacity whose
/// binding periods differ (the periods it binds in each plan, or empty).
enum WhatIfCSV {
    static func render(_ comparison: WhatIfComparison) -> String {
        let plans = [comparison.base] + comparison.variants.map(\.plan)
        var rows: [[String]] = []
        func row(_ measure: String, _ value: (Plan) -> String) { rows.append([measure] + plans.map(value)) }
        row("status") { $0.solver.status.rawValue }
        row("objective") { $0.solver.objective.map { Fmt.plain($0, maxDecimals: 6) } ?? "" }
        row("gap") { $0.solver.gap.map { Fmt.plain($0, maxDecimals: 6) } ?? "" }
        for tier in 1...4 {
            row("households_moved_urgency_\(tier)") { "\($0.summary.byUrgency[tier - 1].householdsMoved)" }
            row("persons_moved_urgency_\(tier)") { "\($0.summary.byUrgency[tier - 1].personsMoved)" }
        }
        row("households_moved") { "\($0.summary.overall.householdsMoved)" }
        row("persons_moved") { "\($0.summary.overall.personsMoved)" }
        row("deadlines_missed") { "\($0.summary.deadlinesMissed)" }
        row("commitment_conflicts") { "\($0.conflicts.count)" }
        row("average_weeks_waited") { Fmt.plain($0.summary.averageWeeksWaited, maxDecimals: 4) }
        row("total_cost") { Fmt.plain($0.summary.totalCost) }
        row("budget") { $0.scenario.budget.map { Fmt.plain($0) } ?? "" }

        let moved = plans.map { Set($0.itineraries.map(\.householdID)) }
        let differing = moved.reduce(Set<String>()) { $0.union($1) }.subtracting(
            moved.dropFirst().reduce(moved[0]) { $0.intersection($1) })
        for id in differing.sorted() {
            rows.append(["moved " + CSVReport.text(id)] + moved.map { $0.contains(id) ? "moved" : "not moved" })
        }

        // The binding periods of every capacity named in some variant's differences, in each plan.
        let resources = Set(
            comparison.variants.flatMap {
                ($0.newlyBinding + $0.noLongerBinding).map { CapacityResource($0.kind, id: $0.resourceID) }
            })
        let binding = plans.map { plan -> [CapacityResource: [CapacityPeriod]] in
            let bound = plan.capacity.filter { !$0.hasRoomOrNone }
            return BindingDifference.group(CapacityKey.index(bound).keys).reduce(into: [:]) {
                $0[CapacityResource($1.kind, id: $1.resourceID)] = $1.periods
            }
        }
        let ordered = resources.sorted { (CapacityKey.order($0.kind), $0.id) < (CapacityKey.order($1.kind), $1.id) }
        for resource in ordered {
            rows.append(
                ["binding \(resource.kind.rawValue) " + CSVReport.text(resource.id)]
                    + binding.map { ($0[resource] ?? []).map(\.description).joined(separator: " ") })
        }
        let header = ["measure", "base"] + comparison.variants.map { CSVReport.text($0.name) }
        return CSVReport.table(header: header, rows: rows)
    }
}
