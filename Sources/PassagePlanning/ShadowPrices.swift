import LinearProgramming
import PassageScenario

/// What one more unit of one capacity in one period is worth: a row of the "Shadow prices" section.
public struct ShadowPrice: Sendable, Hashable {
    /// Beds, seats, quota or budget.
    public var kind: ResourceKind
    /// House, leg or programme id; `budget` for the budget.
    public var resourceID: String
    /// A week (beds, seats), the calendar month of lodging (a monthly quota), or the horizon.
    public var period: CapacityPeriod
    /// The capacity in the scenario (persons; money for the budget).
    public var capacity: Double
    /// What the plan uses of it (commitments included).
    public var used: Double
    /// How much the minimised objective falls per unit of extra capacity: positive means one more
    /// unit is worth having, 0 means it is worth nothing at the margin (the row has room, or nobody
    /// else could use it).
    public var value: Double
    /// `value` divided by the tier-1 urgency weight: how many tier-1 persons, moved at once at no
    /// cost or risk, would be worth as much in the objective. Nil when that weight is 0.
    public var tierOnePersons: Double?
    /// The capacities (commitments included) over which `value` holds unchanged, from GLPK's
    /// sensitivity analysis; an upper end of `.infinity` means without limit. Nil when GLPK gave no
    /// analysis.
    public var validRange: ClosedRange<Double>?

    /// The week (beds, seats), or nil for quota periods and the budget.
    public var week: Int? { period.week }

    /// Whether `value` holds for more capacity than there is. When the range ends at the capacity
    /// (a degenerate optimum) it still bounds both sides, the relaxation's optimum being convex in the
    /// capacity: one more unit is worth at most `value`, one unit less costs at least `value`.
    public var holdsForMore: Bool {
        guard let validRange else { return false }
        return validRange.upperBound > capacity + 1e-9
    }

    public init(
        kind: ResourceKind, resourceID: String, period: CapacityPeriod, capacity: Double, used: Double,
        value: Double, tierOnePersons: Double?, validRange: ClosedRange<Double>?
    ) {
        self.kind = kind
        self.resourceID = resourceID
        self.period = period
        self.capacity = capacity
        self.used = used
        self.value = value
        self.tierOnePersons = tierOnePersons
        self.validRange = validRange
    }
}

/// A resource worth expanding: one capacity (a house's beds, a leg's seats, a programme's quota, the
/// budget) with the periods in which one more unit has a positive price.
public struct Bottleneck: Sendable, Hashable {
    /// Beds, seats, quota or budget.
    public var kind: ResourceKind
    /// House, leg or programme id; `budget` for the budget.
    public var resourceID: String
    /// Periods with a positive price, in the order of `ShadowPrices.prices`.
    public var periods: [CapacityPeriod]
    /// The sum of those prices: what one more unit in every one of those periods is worth together
    /// (a first-order estimate: each price holds over its own range, the sum only while the joint
    /// change keeps the same optimal basis).
    public var value: Double
    /// `value` in tier-1 persons (see `ShadowPrice.tierOnePersons`).
    public var tierOnePersons: Double?
    /// The largest price of a single period.
    public var largestPeriodValue: Double
    /// The integer plan's own answer, when checked (`ShadowPrices.checkBottlenecks`); else nil.
    public var integerCheck: IntegerCheck? = nil

    public init(
        kind: ResourceKind, resourceID: String, periods: [CapacityPeriod], value: Double, tierOnePersons: Double?,
        largestPeriodValue: Double
    ) {
        self.kind = kind
        self.resourceID = resourceID
        self.periods = periods
        self.value = value
        self.tierOnePersons = tierOnePersons
        self.largestPeriodValue = largestPeriodValue
    }
}

/// The marginal value of every capacity of a plan (issue 4, part 3), from the LP relaxation of the
/// model the plan was solved from (docs/WHATIF.md, "Shadow prices").
///
/// Why the relaxation and not the LP with the integer decisions fixed: in Passage's model every
/// column that uses a bed, a seat, a quota place or money is an integer count of households, and the
/// only continuous columns (households not moved) use no capacity. With the integer decisions fixed
/// nobody can take up one more unit, so that LP prices every capacity at exactly 0 (its duals are
/// degenerate: whatever GLPK reports, the objective does not move). The relaxation's price says what
/// one more unit is worth if households could move in fractions: a local estimate of the integer
/// change, which may be smaller (a household of three gains nothing from one more bed) or larger.
public struct ShadowPrices: Sendable, Hashable {
    /// Which linear program the prices come from.
    public enum Source: String, Sendable, Hashable {
        /// The LP relaxation of the planning model (integrality dropped), at its optimal basis.
        case lpRelaxation = "lp_relaxation"
    }

    /// Which linear program the prices come from.
    public var source: Source
    /// The status of that LP's solve; prices exist only when it is `.optimal`.
    public var status: SolveStatus
    /// The LP's optimum (a lower bound on the plan's objective), when solved.
    public var relaxationObjective: Double?
    /// The tier-1 urgency weight the `tierOnePersons` figures divide by.
    public var tierOneWeight: Double
    /// Every capacity row of the model, sorted by kind (beds, seats, quota, budget), resource id, week,
    /// period; empty when the LP was not solved to optimality.
    public var prices: [ShadowPrice]
    /// Legs whose seats might run short but which have no seat rows in the model solved (the compact
    /// model of a large caseload starts without them): their seats have no price. Sorted by id.
    public var legsWithoutSeatRows: [String]

    public init(
        source: Source, status: SolveStatus, relaxationObjective: Double?, tierOneWeight: Double,
        prices: [ShadowPrice], legsWithoutSeatRows: [String]
    ) {
        self.source = source
        self.status = status
        self.relaxationObjective = relaxationObjective
        self.tierOneWeight = tierOneWeight
        self.prices = prices
        self.legsWithoutSeatRows = legsWithoutSeatRows
    }

    /// Bottlenecks planned again with one more unit (`checkBottlenecks`), in ranking order.
    public var integerChecks: [IntegerCheck] = []

    /// Prices below this (objective units per unit) are 0: simplex noise, not value.
    public static let tolerance = 1e-6

    /// Resources with a positive price, most valuable first (ties: kind, then resource id).
    public var bottlenecks: [Bottleneck] {
        var order: [CapacityResource] = []
        var byResource: [CapacityResource: Bottleneck] = [:]
        for price in prices where price.value > Self.tolerance {
            let key = CapacityResource(price.kind, id: price.resourceID)
            if byResource[key] == nil {
                order.append(key)
                byResource[key] = Bottleneck(
                    kind: price.kind, resourceID: price.resourceID, periods: [], value: 0, tierOnePersons: nil,
                    largestPeriodValue: 0)
            }
            byResource[key]!.periods.append(price.period)
            byResource[key]!.value += price.value
            byResource[key]!.largestPeriodValue = max(byResource[key]!.largestPeriodValue, price.value)
        }
        let weight = tierOneWeight
        let checks = integerChecks
        return order.compactMap { byResource[$0] }
            .map { bottleneck in
                var bottleneck = bottleneck
                bottleneck.tierOnePersons = weight > 0 ? bottleneck.value / weight : nil
                bottleneck.integerCheck = checks.first {
                    $0.kind == bottleneck.kind && $0.resourceID == bottleneck.resourceID
                }
                return bottleneck
            }
            .sorted { a, b in
                if a.value != b.value { return a.value > b.value }
                if a.kind != b.kind { return a.kind.order < b.kind.order }
                return a.resourceID < b.resourceID
            }
    }
}

extension ResourceKind {
    /// Report order: beds, seats, quota, budget.
    var order: Int { ResourceKind.allCases.firstIndex(of: self)! }
}
