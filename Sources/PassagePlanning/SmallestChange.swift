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
        let what: String =
            switch kind {
            case .beds: "beds of \(resourceID)"
            case .seats: "seats a week on \(resourceID)"
            case .quota: "quota of \(resourceID)"
            case .budget: "budget"
            }
        return "\(what): \(formatAmount(from)) → \(formatAmount(to))"
    }

    /// The scenario with this change made; nil if the resource is not in it.
    public func applied(to scenario: Scenario) -> Scenario? {
        var changed = scenario
        let amount = Int(to.rounded())
        switch kind {
        case .beds:
            guard let i = changed.safeHouses.firstIndex(where: { $0.id == resourceID }) else { return nil }
            changed.safeHouses[i].beds = amount
        case .seats:
            guard let i = changed.legs.firstIndex(where: { $0.id == resourceID }) else { return nil }
            changed.legs[i].seatsPerWeek = amount
        case .quota:
            guard let i = changed.programmes.firstIndex(where: { $0.id == resourceID }) else { return nil }
            changed.programmes[i].quota = amount
        case .budget:
            changed.settings.budget = to
        }
        return changed
    }
}

/// Why a household is not moved and, when it lost to competition for capacity, the smallest single
/// capacity changes found to move it, each verified by planning the changed scenario again.
public struct NotMovedExplanation: Sendable {
    /// The household, with its reason in the plan.
    public var household: UnmovedHousehold
    /// Changes that moved it when the scenario was planned again: for each capacity it is short of,
    /// the smallest step tried that moved it. Ordered by step, then kind and id.
    public var changes: [CapacityChange]
    /// Changes tried that did not move it (each capacity's largest step), for the record.
    public var notEnough: [CapacityChange]
    /// How many times the scenario was planned again.
    public var replans: Int
}

extension Planner {
    /// Steps by which a capacity is raised, in households of the one explained: one, two, then four
    /// households' worth (beds, seats and quota in persons; the budget in its cheapest pathway's cost).
    public static let explanationSteps = [1, 2, 4]

    /// Explains why `householdID` is not moved in `plan` (a plan of this planner's scenario): its
    /// reason and, for a household short of capacity, the smallest single change of each capacity it
    /// is short of that moves it, verified by planning the changed scenario with `options` (from
    /// scratch: a previous plan is not carried over).
    /// Nil when the household is moved in `plan` or not in the scenario.
    public func explainNotMoved(
        _ householdID: String, in plan: Plan, options: PlanningOptions = PlanningOptions()
    ) throws -> NotMovedExplanation? {
        guard let unmoved = plan.unmoved.first(where: { $0.householdID == householdID }) else { return nil }
        var explanation = NotMovedExplanation(household: unmoved, changes: [], notEnough: [], replans: 0)
        guard case .capacity(let shortages) = unmoved.reason else { return explanation }
        let persons = Double(unmoved.size)
        var found: [(step: Int, change: CapacityChange)] = []
        for shortage in shortages.sorted(by: { ($0.kind.rawValue, $0.resourceID) < ($1.kind.rawValue, $1.resourceID) }) {
            guard let now = capacity(of: shortage) else { continue }
            let unit = shortage.kind == .budget ? cheapestPathwayCost(of: householdID) ?? 0 : persons
            guard unit > 0 else { continue }
            var last: CapacityChange?
            for step in Planner.explanationSteps {
                let change = CapacityChange(
                    kind: shortage.kind, resourceID: shortage.resourceID, from: now, to: now + Double(step) * unit)
                guard let changed = change.applied(to: scenario) else { break }
                explanation.replans += 1
                let replanned = try Planner(scenario: changed, solver: solver, style: style).plan(options: options)
                if replanned.itineraries.contains(where: { $0.householdID == householdID }) {
                    found.append((step, change))
                    last = nil
                    break
                }
                last = change
            }
            if let last { explanation.notEnough.append(last) }
        }
        explanation.changes = found.sorted {
            ($0.step, $0.change.kind.rawValue, $0.change.resourceID) < ($1.step, $1.change.kind.rawValue, $1.change.resourceID)
        }.map(\.change)
        return explanation
    }

    /// The capacity a shortage names, as the scenario has it.
    private func capacity(of shortage: ResourceShortage) -> Double? {
        switch shortage.kind {
        case .beds: scenario.safeHouses.first { $0.id == shortage.resourceID }.map { Double($0.beds) }
        case .seats: scenario.legs.first { $0.id == shortage.resourceID }.map { Double($0.seatsPerWeek) }
        case .quota: scenario.programmes.first { $0.id == shortage.resourceID }.map { Double($0.quota) }
        case .budget: scenario.settings.budget
        }
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
