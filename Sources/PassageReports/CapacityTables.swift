import PassagePlanning
import PassageScenario

/// Capacity use as tables: week grids for beds and seats, a list for quotas, a line for the budget.
enum CapacityTables {
    /// Explains the grid cells; printed under each grid.
    static let legend =
        "Grid cells are used/capacity in persons; * = binding (nothing left); closed = the safe house is"
        + " closed that week, send nobody there (n/closed: n persons already committed there);"
        + " - = open but no capacity that week (0 beds or seats); blank = no capacity row in the plan."

    /// Rows = resources of `kind` (sorted by id), columns = weeks 1…horizon, cell = `used/capacity`,
    /// `*` when binding. With `onlyUsed`, resources never used in any week are left out (seats: most legs
    /// of a large network carry nobody, and a grid of empty rows hides the ones that matter); with
    /// `only`, resources not in it are left out too.
    static func weekGrid(
        _ capacity: [CapacityUse], kind: ResourceKind, label: String, horizon: Int, onlyUsed: Bool,
        only: Set<String>? = nil
    ) -> ReportTable? {
        var byResource: [String: [Int: CapacityUse]] = [:]
        for use in capacity where use.kind == kind {
            guard let week = use.week else { continue }
            byResource[use.resourceID, default: [:]][week] = use
        }
        let ids = byResource.keys.sorted().filter { id in
            (!onlyUsed || byResource[id, default: [:]].values.contains { $0.used > 1e-6 })
                && (only?.contains(id) ?? true)
        }
        guard !ids.isEmpty else { return nil }
        let weeks = Array(1...max(1, horizon))
        let rows = ids.map { id in [id] + weeks.map { cell(byResource[id]?[$0]) } }
        return ReportTable(
            headers: [label] + weeks.map(Fmt.week),
            alignments: [.left] + weeks.map { _ in .right },
            rows: rows,
            repeatedColumns: 1
        )
    }

    /// The share of a week's capacity above which a resource is near full: a leg whose use never goes
    /// above half its seats in any week has room for as many again every week, so its grid row is noise.
    static let nearFullShare = 0.5

    /// Whether a week's use comes near its capacity: something is used, and it is more than
    /// `nearFullShare` of the capacity, or nothing is left, or the resource is closed.
    static func isNearFull(_ use: CapacityUse) -> Bool {
        use.used > 1e-6 && (use.isBinding || use.isClosed || use.used > nearFullShare * use.capacity + 1e-6)
    }

    /// The resources of `kind` used in some week, sorted by id: `near` those near full in some week
    /// (`isNearFull`), `quiet` those never more than `nearFullShare` full. Resources never used are in
    /// neither.
    static func usedResources(_ capacity: [CapacityUse], kind: ResourceKind) -> (near: [String], quiet: [String]) {
        var used: Set<String> = []
        var near: Set<String> = []
        for use in capacity where use.kind == kind && use.week != nil && use.used > 1e-6 {
            used.insert(use.resourceID)
            if isNearFull(use) { near.insert(use.resourceID) }
        }
        return (near.sorted(), used.subtracting(near).sorted())
    }

    /// `3/4`, `4/4*` (binding), `closed` (house closed; `2/closed` when commitments are in it anyway),
    /// `-` (open, no capacity and nothing used), or blank (no row).
    static func cell(_ use: CapacityUse?) -> String {
        guard let use else { return "" }
        // A closed week must never look like room: it gets a word, not a number a reader could misread.
        if use.isClosed { return use.used <= 1e-6 ? "closed" : "\(Fmt.quantity(use.used))/closed" }
        if use.capacity <= 1e-6 && use.used <= 1e-6 { return "-" }
        return "\(Fmt.quantity(use.used))/\(Fmt.quantity(use.capacity))" + (use.isBinding ? "*" : "")
    }

    /// One row per programme (or, with `kind` `.sharedQuota`, per shared quota) and quota period, sorted
    /// by id then period. A month is named (`December 2026`) with the weeks of the horizon that count in
    /// it, so a coordinator sees that a week starting on 30 November counts in December.
    static func quotas(_ capacity: [CapacityUse], _ header: ScenarioHeader, kind: ResourceKind = .quota) -> ReportTable?
    {
        let uses = capacity.filter { $0.kind == kind }.sorted {
            ($0.resourceID, $0.period) < ($1.resourceID, $1.period)
        }
        guard !uses.isEmpty else { return nil }
        return ReportTable(
            headers: [
                kind == .sharedQuota ? "Shared quota" : "Programme", "Period", "Weeks", "Used", "Quota", "Left",
                "Binding",
            ],
            alignments: [.left, .left, .left, .right, .right, .right, .left],
            rows: uses.map {
                [
                    $0.resourceID, Fmt.quotaPeriodName($0.period), Fmt.quotaPeriodWeeks($0.period, header),
                    Fmt.quantity($0.used), Fmt.quantity($0.capacity), Fmt.quantity(max(0, $0.capacity - $0.used)),
                    $0.isBinding ? "* binding" : "",
                ]
            }
        )
    }

    /// The budget line: from the plan's budget capacity row when present, else from the header. The row
    /// counts money from week 1 only; what households under way spent before is said beside it.
    static func budgetLine(_ plan: Plan) -> String {
        let currency = plan.scenario.currency
        let spent = plan.summary.costBeforeWeekOne
        let before =
            spent >= 0.005
            ? " Spent before week 1 by households under way, outside this budget: \(Fmt.money(spent, currency))." : ""
        if let use = plan.capacity.first(where: { $0.kind == .budget }) {
            let share = use.capacity > 0 ? " (\(Fmt.percent(use.used / use.capacity)))" : ""
            return "\(Fmt.money(use.used, currency)) used of \(Fmt.money(use.capacity, currency))\(share)"
                + (use.isBinding ? " * binding" : "") + "; \(Fmt.money(use.capacity - use.used, currency)) left."
                + before
        }
        let used = plan.summary.costFromWeekOne
        if let budget = plan.scenario.budget {
            return
                "\(Fmt.money(used, currency)) used of \(Fmt.money(budget, currency)); \(Fmt.money(budget - used, currency)) left."
                + before
        }
        return "No budget limit; \(Fmt.money(used, currency)) used." + before
    }
}
