import LinearProgramming
import PassagePlanning
import PassageScenario

/// A base plan and the plans of its what-if variants, compared (docs/WHATIF.md): what each variant
/// changes, its solver outcome and totals beside the base's, the households moved in one and not the
/// other, and the capacities that became binding or stopped binding.
public struct WhatIfComparison: Sendable, Hashable {
    /// The base scenario's plan.
    public var base: Plan
    /// Each variant against the base, in the order the change files were given.
    public var variants: [VariantComparison]

    /// Compares `base` with each of `variants` (name, change file, what changed, plan).
    public init(base: Plan, variants: [(name: String, file: String, changes: [String], plan: Plan)]) {
        self.base = base
        self.variants = variants.map {
            VariantComparison(name: $0.name, file: $0.file, changes: $0.changes, plan: $0.plan, base: base)
        }
    }

    /// Plans `base` and each variant one after the other with `solver` and the same options, and
    /// compares them. Throws only when the solver itself fails.
    public static func plan(
        base: Scenario, variants: [ScenarioVariant], solver: any LinearSolver,
        options: PlanningOptions = PlanningOptions()
    ) throws -> WhatIfComparison {
        try plan(base: base, variants: variants, solver: solver) { _ in options }
    }

    /// Plans `base` and each variant one after the other and compares them; `options` gives the
    /// settings of each solve by its index (0 the base, 1… the variants), so a caller can show progress
    /// per solve. Throws only when the solver itself fails.
    public static func plan(
        base: Scenario, variants: [ScenarioVariant], solver: any LinearSolver, options: (Int) -> PlanningOptions
    ) throws -> WhatIfComparison {
        let basePlan = try Planner(scenario: base, solver: solver).plan(options: options(0))
        let variantPlans = try variants.enumerated().map { index, variant in
            (
                name: variant.name, file: variant.file, changes: variant.descriptions,
                plan: try Planner(scenario: variant.scenario, solver: solver).plan(options: options(index + 1))
            )
        }
        return WhatIfComparison(base: basePlan, variants: variantPlans)
    }
}

/// One variant against the base.
public struct VariantComparison: Sendable, Hashable {
    /// The variant's name (the change file's title, or its file name).
    public var name: String
    /// The change file, as given.
    public var file: String
    /// What the change file changes, one line per change.
    public var changes: [String]
    /// The variant's plan.
    public var plan: Plan
    /// Households the base plan moves and this variant does not, sorted by id.
    public var movedOnlyInBase: [String]
    /// Households this variant moves and the base plan does not, sorted by id.
    public var movedOnlyInVariant: [String]
    /// Commitment conflicts of this variant's plan that the base plan does not have: commitments the
    /// change makes impossible to keep as they stand (docs/SCENARIO.md, commitments.csv).
    public var newConflicts: [CommitmentConflict]
    /// Capacities binding in this variant in periods where the base has room (or no such capacity).
    public var newlyBinding: [BindingDifference]
    /// Capacities binding in the base in periods where this variant has room. Periods in which the
    /// variant has no such capacity at all (a house closed, a leg removed) are not listed: the
    /// capacity is gone, not slack, and the variant's changes say so.
    public var noLongerBinding: [BindingDifference]

    /// Compares `plan` (the variant's) with `base`.
    public init(name: String, file: String, changes: [String], plan: Plan, base: Plan) {
        self.name = name
        self.file = file
        self.changes = changes
        self.plan = plan
        let movedBase = Set(base.itineraries.map(\.householdID))
        let movedVariant = Set(plan.itineraries.map(\.householdID))
        movedOnlyInBase = movedBase.subtracting(movedVariant).sorted()
        movedOnlyInVariant = movedVariant.subtracting(movedBase).sorted()
        newConflicts = plan.conflicts.filter { !base.conflicts.contains($0) }
        let baseUses = CapacityKey.index(base.capacity)
        let variantUses = CapacityKey.index(plan.capacity)
        newlyBinding = BindingDifference.group(
            variantUses.filter { key, use in
                use.hasRoomOrNone == false && (baseUses[key]?.hasRoomOrNone ?? true)
            }.keys)
        noLongerBinding = BindingDifference.group(
            baseUses.filter { key, use in
                guard use.hasRoomOrNone == false, let other = variantUses[key], other.capacity > CapacityKey.epsilon
                else { return false }
                return other.hasRoomOrNone
            }.keys)
    }
}

/// A capacity whose binding periods differ between the base and a variant.
public struct BindingDifference: Sendable, Hashable, Comparable {
    /// Beds, seats, quota or budget.
    public var kind: ResourceKind
    /// House, leg or programme id; `budget` for the budget.
    public var resourceID: String
    /// The periods concerned, in order (weeks by number first).
    public var periods: [CapacityPeriod]

    /// A difference for `resourceID` of `kind` in `periods`.
    public init(kind: ResourceKind, resourceID: String, periods: [CapacityPeriod]) {
        self.kind = kind
        self.resourceID = resourceID
        self.periods = periods
    }

    /// Ordered by kind (beds, seats, quota, budget), then id.
    public static func < (a: BindingDifference, b: BindingDifference) -> Bool {
        (CapacityKey.order(a.kind), a.resourceID) < (CapacityKey.order(b.kind), b.resourceID)
    }

    /// One difference per resource from capacity keys, periods sorted (weeks by number first).
    static func group(_ keys: some Sequence<CapacityKey>) -> [BindingDifference] {
        var byResource: [CapacityResource: [CapacityPeriod]] = [:]
        for key in keys { byResource[key.resource, default: []].append(key.period) }
        return byResource.map { resource, periods in
            BindingDifference(kind: resource.kind, resourceID: resource.id, periods: periods.sorted())
        }.sorted()
    }
}

/// One capacity in one period, as a dictionary key, to match the base's rows with a variant's.
struct CapacityKey: Hashable {
    var resource: CapacityResource
    var period: CapacityPeriod

    /// Capacities below this are no capacity at all (a house with 0 beds is closed, not full).
    static let epsilon = 1e-6

    static func index(_ uses: [CapacityUse]) -> [CapacityKey: CapacityUse] {
        var index: [CapacityKey: CapacityUse] = [:]
        for use in uses {
            index[CapacityKey(resource: use.resource, period: use.period)] = use
        }
        return index
    }

    static func order(_ kind: ResourceKind) -> Int { ResourceKind.allCases.firstIndex(of: kind) ?? 0 }
}

extension CapacityUse {
    /// False when the capacity exists and is used up; true when there is room or no capacity at all.
    var hasRoomOrNone: Bool { capacity <= CapacityKey.epsilon || !isBinding }
}
