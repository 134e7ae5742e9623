import PassageScenario

/// One capacity of a scenario raised: the beds of a safe house, the weekly seats of a leg, a
/// programme's quota (in every period) or the budget.
public struct CapacityChange: Sendable, Hashable {
    /// What kind of capacity.
    public var kind: ResourceKind
    /// The safe house, leg or programme id (`budget` for the budget).
    public var resourceID: String
    /// The capacity now and after the change.
    public var from: Double, to: Double

    /// The change in words: `beds of SH-EVN-1: 12 → 14`.
    public var description: String {
        "\(resource.label): \(formatAmount(from)) → \(formatAmount(to))"
    }

    /// The capacity changed, as a sweep names it: setting it goes through the same change-file
    /// machinery as `passage sweep` and `passage whatif`.
    var resource: SweptResource { SweptResource(kind, id: resourceID) }

    /// The scenario with this change made; nil if the resource is not in it.
    public func applied(to scenario: Scenario) -> Scenario? {
        guard resource.currentValue(in: scenario) != nil else { return nil }
        return try? resource.applying(to, to: scenario)
    }
}

/// Why a household is not moved and, when it lost to competition for capacity, the smallest single
/// capacity changes found to move it, each verified by planning the changed scenario again.
public struct NotMovedExplanation: Sendable {
    /// The household, with its reason in the plan.
    public var household: UnmovedHousehold
    /// For each capacity the household is short of that some increase moves it: the smallest increase
    /// found, smallest first (in the capacity's own unit; the budget after the others).
    public var changes: [CapacityChange]
    /// Capacities for which even the largest increase tried did not move it: that change.
    public var notEnough: [CapacityChange]
    /// Whether `notEnough` was tried all at once (several capacities) and did not move the household
    /// even together: then no single one of them does.
    public var notEvenTogether = false
    /// How many times the scenario was planned again.
    public var replans: Int
}

extension Planner {
    /// The most a why-not re-plan may take when no time limit is given, in seconds: a scenario with a
    /// capacity raised can be much harder to prove optimal than the scenario itself, and the question
    /// is only whether some plan moves the household (every change reported was planned and moves it).
    public static let explanationSecondsPerPlan = 5.0

    /// The largest increase tried, in the household's persons (beds, seats, quota) or in the cost of
    /// its cheapest pathway (budget): beyond it a single change is not a useful answer.
    public static let largestExplanationStep = 64

    /// Explains why `householdID` is not moved in `plan` (a plan of this planner's scenario): its
    /// reason and, for a household short of capacity, for each capacity it is short of the smallest
    /// increase that moves it. Increases double from one unit (a bed, seat or quota place; for the
    /// budget, an eighth of the household's cheapest pathway) until the household moves, then
    /// bisection finds the smallest that does, each verified by planning the changed scenario with
    /// `options` from scratch (a previous plan is not carried over).
    ///
    /// Nil when the household is moved in `plan` or not in the scenario.
    public func explainNotMoved(
        _ householdID: String, in plan: Plan, options: PlanningOptions = PlanningOptions()
    ) throws -> NotMovedExplanation? {
        guard let unmoved = plan.unmoved.first(where: { $0.householdID == householdID }) else { return nil }
        var explanation = NotMovedExplanation(household: unmoved, changes: [], notEnough: [], replans: 0)
        guard case .capacity(let shortages) = unmoved.reason else { return explanation }
        var replans = 0
        func moves(_ changes: [CapacityChange]) throws -> Bool {
            var changed = scenario
            for change in changes {
                guard let next = change.applied(to: changed) else { return false }
                changed = next
            }
            replans += 1
            let replanned = try Planner(scenario: changed, solver: solver, style: style).plan(options: options)
            return replanned.itineraries.contains { $0.householdID == householdID }
        }
        // One search per capacity (a house short in several weeks is one capacity: its beds).
        var seen: Set<String> = []
        var searches: [(unit: Double, limit: Int, change: (Int) -> CapacityChange)] = []
        for shortage in shortages.sorted(by: { ($0.kind.rawValue, $0.resourceID) < ($1.kind.rawValue, $1.resourceID) })
        where seen.insert("\(shortage.kind.rawValue)/\(shortage.resourceID)").inserted {
            guard let now = SweptResource(shortage.kind, id: shortage.resourceID).currentValue(in: scenario) else { continue }
            let unit = shortage.kind == .budget ? (cheapestPathwayCost(of: householdID) ?? 0) / 8 : 1
            guard unit > 0 else { continue }
            let limit = Planner.largestExplanationStep * (shortage.kind == .budget ? 8 : unmoved.size)
            searches.append(
                (unit, limit, { steps in
                    CapacityChange(
                        kind: shortage.kind, resourceID: shortage.resourceID, from: now, to: now + Double(steps) * unit)
                }))
        }
        // Every capacity at its largest increase at once: if even that does not move the household, no
        // single one will (more of any capacity never shrinks what the others allow), and one solve
        // replaces a search per capacity.
        if searches.count > 1, try !moves(searches.map { $0.change($0.limit) }) {
            explanation.notEnough = searches.map { $0.change($0.limit) }
            explanation.notEvenTogether = true
            explanation.replans = replans
            return explanation
        }
        for search in searches {
            // The largest increase first: most capacities cannot move the household alone.
            guard try moves([search.change(search.limit)]) else {
                explanation.notEnough.append(search.change(search.limit))
                continue
            }
            // Doubling from one unit to the first increase that moves it, then bisection back.
            var failed = 0
            var smallest = search.limit
            var steps = 1
            while steps < search.limit {
                if try moves([search.change(steps)]) {
                    smallest = steps
                    break
                }
                failed = steps
                steps *= 2
            }
            while smallest - failed > 1 {
                let middle = (failed + smallest) / 2
                if try moves([search.change(middle)]) { smallest = middle } else { failed = middle }
            }
            explanation.changes.append(search.change(smallest))
        }
        explanation.changes.sort {
            ($0.kind == .budget ? 1 : 0, $0.to - $0.from, $0.kind.rawValue, $0.resourceID)
                < ($1.kind == .budget ? 1 : 0, $1.to - $1.from, $1.kind.rawValue, $1.resourceID)
        }
        explanation.replans = replans
        return explanation
    }

    /// What the household's cheapest eligible pathway costs in money (all its persons).
    private func cheapestPathwayCost(of householdID: String) -> Double? {
        guard let position = scenario.households.firstIndex(where: { $0.id == householdID }) else { return nil }
        let household = scenario.households[position]
        let householdClass = householdClasses(of: [household])[0]
        var generator = PathwayGenerator(index: ScenarioIndex(scenario), reduction: nil)
        let options = generator.options(for: householdClass)
        return options.pathways.map(\.costPerPerson).min().map { $0 * Double(household.size) }
    }
}

/// An amount without a fraction when it has none.
private func formatAmount(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String((value * 100).rounded() / 100)
}

extension SweptResource {
    /// The resource a capacity of `kind` named `id` is (`id` is ignored for the budget).
    init(_ kind: ResourceKind, id: String) {
        switch kind {
        case .beds: self = .beds(houseID: id)
        case .seats: self = .seats(legID: id)
        case .quota: self = .quota(programmeID: id)
        case .budget: self = .budget
        }
    }
}
