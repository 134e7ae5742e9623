import LinearProgramming
import PassageScenario

/// The integer plan's answer for one bottleneck: the scenario planned again with one more unit of the
/// resource in every period (one more bed in the house every week, one more seat on the leg every
/// week, one more place in the programme's quota in every period).
///
/// Shadow prices come from the LP relaxation and can be far from what the integer plan gains (a quota
/// place no whole household can use is worth almost nothing to it); this is the check.
public struct IntegerCheck: Sendable, Hashable {
    /// Beds, seats or quota (the budget is never checked: one more unit of money moves no household).
    public var kind: ResourceKind
    /// House, leg or programme id.
    public var resourceID: String
    /// How the re-plan's solve ended; a difference from a plan that is not `.optimal` may be the
    /// solver's rather than the resource's.
    public var status: SolveStatus
    /// How much the objective falls with the extra unit (the plan's objective minus the re-plan's);
    /// nil when either has no plan.
    public var objectiveFall: Double?
    /// `objectiveFall` divided by the tier-1 urgency weight (see `ShadowPrice.tierOnePersons`).
    public var tierOnePersons: Double?

    public init(
        kind: ResourceKind, resourceID: String, status: SolveStatus, objectiveFall: Double?, tierOnePersons: Double?
    ) {
        self.kind = kind
        self.resourceID = resourceID
        self.status = status
        self.objectiveFall = objectiveFall
        self.tierOnePersons = tierOnePersons
    }
}

extension ShadowPrices {
    /// Plans `scenario` again, once for each of the first `count` bottlenecks other than the budget,
    /// with one more unit of that resource in every period, and records how far the objective falls
    /// from `plan`'s (`integerChecks`). Each re-plan runs with `options` (its own time limit).
    public mutating func checkBottlenecks(
        _ count: Int, scenario: Scenario, plan: Plan, previous: PreviousPlan? = nil,
        solver: any LinearSolver,
        options: PlanningOptions = PlanningOptions()
    ) throws {
        var checks: [IntegerCheck] = []
        for bottleneck in bottlenecks.filter({ $0.kind != .budget }).prefix(max(0, count)) {
            guard let changed = Self.withOneMore(bottleneck.kind, bottleneck.resourceID, in: scenario) else { continue }
            let replanned = try Planner(scenario: changed, solver: solver, previous: previous).plan(options: options)
            let fall = plan.solver.objective.flatMap { base in replanned.solver.objective.map { base - $0 } }
            checks.append(
                IntegerCheck(
                    kind: bottleneck.kind, resourceID: bottleneck.resourceID, status: replanned.solver.status,
                    objectiveFall: fall, tierOnePersons: tierOneWeight > 0 ? fall.map { $0 / tierOneWeight } : nil))
        }
        integerChecks = checks
    }

    /// `scenario` with one more bed, seat or quota place of the resource; nil for the budget or an id
    /// the scenario does not have.
    static func withOneMore(_ kind: ResourceKind, _ id: String, in scenario: Scenario) -> Scenario? {
        guard kind != .budget, let resource = SweptResource(kind, id: id), let now = resource.currentValue(in: scenario)
        else { return nil }
        return try? resource.applying(now + 1, to: scenario)
    }
}
