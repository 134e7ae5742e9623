import LinearProgramming
import PassageScenario

/// The outcome of planning a scenario: itineraries, households not moved with reasons, capacity use,
/// totals and the solver's own account (status, objective, bound, gap).
public struct Plan: Sendable, Hashable {
    /// Scenario title, start date, horizon and currency, for report headers.
    public var scenario: ScenarioHeader
    /// What the solver did.
    public var solver: SolverReport
    /// Totals, overall and by urgency tier.
    public var summary: PlanSummary
    /// One itinerary per household moved, sorted by household id.
    public var itineraries: [Itinerary]
    /// Households not moved in this horizon, sorted by household id, each with its reason.
    public var unmoved: [UnmovedHousehold]
    /// Use of every capacity (beds, seats, quotas, budget) per period, in a stable order.
    public var capacity: [CapacityUse]
    /// Commitments that can no longer be kept as they stand, with what to do about each.
    public var conflicts: [CommitmentConflict]
    /// When re-planning: every household whose plan changed against the previous plan, sorted by id;
    /// nil when there was no previous plan.
    public var changes: [PlanChange]?
    /// What one more unit of each capacity is worth, when asked for (`ShadowPrices.compute`, the
    /// `--shadow-prices` option); nil otherwise.
    public var shadowPrices: ShadowPrices? = nil
    /// With `passage plan --robust`: the nominal and the robust plan compared (this plan is the robust one).
    public var robustness: RobustnessComparison? = nil

    public init(
        scenario: ScenarioHeader, solver: SolverReport, summary: PlanSummary, itineraries: [Itinerary],
        unmoved: [UnmovedHousehold], capacity: [CapacityUse], conflicts: [CommitmentConflict] = [],
        changes: [PlanChange]? = nil
    ) {
        self.changes = changes
        self.conflicts = conflicts
        self.scenario = scenario
        self.solver = solver
        self.summary = summary
        self.itineraries = itineraries
        self.unmoved = unmoved
        self.capacity = capacity
    }
}

/// The scenario facts a report header needs.
public struct ScenarioHeader: Sendable, Hashable {
    public var title: String
    public var startDate: CalendarDate
    public var horizonWeeks: Int
    public var currency: String
    public var budget: Double?
    /// The programmes of each shared quota (`shared_quotas.csv`), by shared quota id: a redacted report
    /// needs them to know what a reader can add up.
    public var sharedQuotaProgrammes: [String: [String]]

    /// A header from the scenario's settings and its shared quotas' programmes.
    public init(
        title: String, startDate: CalendarDate, horizonWeeks: Int, currency: String, budget: Double?,
        sharedQuotaProgrammes: [String: [String]] = [:]
    ) {
        self.sharedQuotaProgrammes = sharedQuotaProgrammes
        self.title = title
        self.startDate = startDate
        self.horizonWeeks = horizonWeeks
        self.currency = currency
        self.budget = budget
    }
}

/// The solver's account of the solve: status, objective, bound, gap and model size.
public struct SolverReport: Sendable, Hashable {
    /// Why the solver stopped and whether a plan exists.
    public var status: SolveStatus
    /// Objective value of the plan (minimised; same sense and constant as the exported model).
    public var objective: Double?
    /// Best proven lower bound on the objective.
    public var bound: Double?
    /// Relative gap between objective and bound.
    public var gap: Double?
    /// Seconds in the solver.
    public var solveSeconds: Double
    /// Model size.
    public var rows: Int
    public var columns: Int
    public var nonzeros: Int
    /// Limits the solve ran under.
    public var timeLimitSeconds: Double?
    public var mipGapTolerance: Double?
    /// The branch-and-bound nodes each branch-and-cut solve was limited to (`PlanningOptions.nodeLimit`),
    /// or nil for none; with one, the time limit was only a safety net.
    public var nodeLimit: Int? = nil
    /// The limit that cut the planning short, if one did: `.time` when the time limit ended some stage
    /// early (where it strikes depends on the machine's load, so the plan may differ between runs),
    /// `.nodes` when only the node limit ended branch-and-cut (the same plan on any machine); nil when
    /// neither did. Set whenever `status` is a time-limit one.
    public var stoppedBy: SolveLimit? = nil
    /// The planning run's stages in order, with their times (empty for a plan not made by `Planner`).
    public var stages: [SolveStage] = []

    /// This report with every time set to 0: what two runs of the same scenario and settings share.
    public var withoutTimings: SolverReport {
        var report = self
        report.solveSeconds = 0
        for i in report.stages.indices { report.stages[i].seconds = 0 }
        return report
    }

    public init(
        status: SolveStatus, objective: Double?, bound: Double?, gap: Double?, solveSeconds: Double, rows: Int,
        columns: Int, nonzeros: Int, timeLimitSeconds: Double?, mipGapTolerance: Double?
    ) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.solveSeconds = solveSeconds
        self.rows = rows
        self.columns = columns
        self.nonzeros = nonzeros
        self.timeLimitSeconds = timeLimitSeconds
        self.mipGapTolerance = mipGapTolerance
    }
}

/// One stage of a planning run: what it did, how long it took, and where the plan and the bound
/// stood when it ended (docs/MODEL.md, "Solving").
public struct SolveStage: Sendable, Hashable {
    /// The stages, in the order a run goes through them (a run may skip some).
    public enum Kind: String, Sendable, Hashable {
        /// Building the model.
        case formulation
        /// The urgency-first greedy plan.
        case greedy
        /// The Lagrangian bound, with the greedy plans it prices and guides.
        case bound
        /// Route variants: the model again with the routes the bound's prices favour, and its bound.
        case routeVariants = "route variants"
        /// The local search: households moved one or two at a time, then ruin and recreate.
        case localSearch = "local search"
        /// Fix-and-optimise.
        case improvement
        /// The households still unmoved, moved where the improved plan left room.
        case fill
        /// The solver's branch-and-cut (with seat rows added where a plan overfills a leg).
        case branchAndCut = "branch-and-cut"
    }

    public var kind: Kind
    /// Wall-clock seconds the stage took.
    public var seconds: Double
    /// The best plan's objective and the best bound when the stage ended, if known.
    public var objective: Double?
    public var bound: Double?

    public init(kind: Kind, seconds: Double, objective: Double?, bound: Double?) {
        self.kind = kind
        self.seconds = seconds
        self.objective = objective
        self.bound = bound
    }
}

/// Households and persons moved out of all, for one urgency tier or overall.
public struct MoveCount: Sendable, Hashable {
    public var householdsMoved: Int
    public var householdsTotal: Int
    public var personsMoved: Int
    public var personsTotal: Int

    public init(householdsMoved: Int = 0, householdsTotal: Int = 0, personsMoved: Int = 0, personsTotal: Int = 0) {
        self.householdsMoved = householdsMoved
        self.householdsTotal = householdsTotal
        self.personsMoved = personsMoved
        self.personsTotal = personsTotal
    }
}

/// Totals of a plan.
public struct PlanSummary: Sendable, Hashable {
    /// Overall counts.
    public var overall: MoveCount
    /// Counts by urgency tier; index 0 is tier 1 (immediate threat to life).
    public var byUrgency: [MoveCount]
    /// Σ persons moved × urgency weight of their tier.
    public var urgencyWeightedPersonsMoved: Double
    /// Total cost of all itineraries, including what committed households spent before week 1.
    public var totalCost: Double
    /// What committed households' itineraries cost before week 1: spent already, and (after `advance`)
    /// already taken off the budget, which is what was left at week 1.
    public var costBeforeWeekOne: Double
    /// Mean over moved households of weeks between ready week and start week.
    public var averageWeeksWaited: Double
    /// Households that have a latest safe departure week, and how many of them miss it (leave late
    /// or are not moved at all).
    public var householdsWithDeadline: Int
    public var deadlinesMissed: Int

    public init(
        overall: MoveCount, byUrgency: [MoveCount], urgencyWeightedPersonsMoved: Double, totalCost: Double,
        averageWeeksWaited: Double, householdsWithDeadline: Int = 0, deadlinesMissed: Int = 0,
        costBeforeWeekOne: Double = 0
    ) {
        self.costBeforeWeekOne = costBeforeWeekOne
        self.householdsWithDeadline = householdsWithDeadline
        self.deadlinesMissed = deadlinesMissed
        self.overall = overall
        self.byUrgency = byUrgency
        self.urgencyWeightedPersonsMoved = urgencyWeightedPersonsMoved
        self.totalCost = totalCost
        self.averageWeeksWaited = averageWeeksWaited
    }

    /// What the plan costs from week 1 on: the amount to hold against the budget.
    public var costFromWeekOne: Double { totalCost - costBeforeWeekOne }
}

/// One leg travelled by a household, in the week it departs.
public struct LegTravel: Sendable, Hashable {
    public var legID: String
    public var from: String
    public var to: String
    public var mode: TravelMode
    /// Week (1-based) the leg departs; its seats are used in this week.
    public var week: Int
    /// Days after the Monday of `week` on which the leg departs (0 = Monday): a route's first leg
    /// leaves on the Monday of its start week and each later one when the one before arrives, so this
    /// is the days travelled before it on the route, less the whole weeks counted in `week`.
    public var daysIntoWeek: Int
    public var durationDays: Int
    /// Cost for the whole household.
    public var cost: Double

    public init(
        legID: String, from: String, to: String, mode: TravelMode, week: Int, daysIntoWeek: Int = 0, durationDays: Int,
        cost: Double
    ) {
        self.daysIntoWeek = daysIntoWeek
        self.legID = legID
        self.from = from
        self.to = to
        self.mode = mode
        self.week = week
        self.durationDays = durationDays
        self.cost = cost
    }
}

/// A household's stay in a safe house while its application is processed.
public struct HouseStay: Sendable, Hashable {
    public var houseID: String
    public var location: String
    /// First and last week (inclusive) of the stay.
    public var fromWeek: Int
    public var toWeek: Int
    /// Cost for the whole household.
    public var cost: Double

    public init(houseID: String, location: String, fromWeek: Int, toWeek: Int, cost: Double) {
        self.houseID = houseID
        self.location = location
        self.fromWeek = fromWeek
        self.toWeek = toWeek
        self.cost = cost
    }
}

/// Where and when a moved household goes: a document step where it is (optional), legs out, stay,
/// programme, legs onward.
public struct Itinerary: Sendable, Hashable {
    public var householdID: String
    public var size: Int
    public var urgency: Int
    /// Week the household can first travel and week it leaves (after its document step, if any).
    public var readyWeek: Int
    public var startWeek: Int
    /// The document step the itinerary begins with, or nil.
    public var document: DocumentStepTaken?
    /// Legs from where the household is to where the application is lodged (through the transit
    /// house, if any: the legs after it depart after the transit stay).
    public var outbound: [LegTravel]
    /// The stay in a transit house on the way, or nil (docs/MODEL.md, "Transit stays").
    public var transitStay: HouseStay?
    public var stay: HouseStay
    public var programmeID: String
    public var destinationCountry: String
    /// Week the application is lodged (the first week of the stay).
    public var lodgedWeek: Int
    /// Legs from the lodging city to the programme's arrival location.
    public var onward: [LegTravel]
    /// Week the household arrives at its destination.
    public var arrivalWeek: Int
    /// Total cost for the household (document step, legs, stay, programme).
    public var cost: Double
    /// Σ risk of the legs travelled and the document step (per person).
    public var risk: Double
    /// The household's latest safe departure week, if it has one.
    public var latestDepartureWeek: Int?
    /// Whether the itinerary is a commitment (already under way, fixed) rather than a decision of
    /// this plan.
    public var isCommitted: Bool

    public init(
        householdID: String, size: Int, urgency: Int, readyWeek: Int, startWeek: Int, outbound: [LegTravel],
        stay: HouseStay, programmeID: String, destinationCountry: String, lodgedWeek: Int, onward: [LegTravel],
        arrivalWeek: Int, cost: Double, risk: Double, latestDepartureWeek: Int? = nil, isCommitted: Bool = false,
        document: DocumentStepTaken? = nil, transitStay: HouseStay? = nil
    ) {
        self.document = document
        self.transitStay = transitStay
        self.isCommitted = isCommitted
        self.latestDepartureWeek = latestDepartureWeek
        self.householdID = householdID
        self.size = size
        self.urgency = urgency
        self.readyWeek = readyWeek
        self.startWeek = startWeek
        self.outbound = outbound
        self.stay = stay
        self.programmeID = programmeID
        self.destinationCountry = destinationCountry
        self.lodgedWeek = lodgedWeek
        self.onward = onward
        self.arrivalWeek = arrivalWeek
        self.cost = cost
        self.risk = risk
    }

    /// Weeks between the ready week and the start week; 0 for a committed household that left
    /// before its ready week as this scenario counts it (a household already under way when the
    /// scenario was advanced has its ready week moved up to week 1).
    public var weeksWaited: Int { max(0, startWeek - readyWeek) }

    /// The part of `cost` paid before week 1 (a document step applied for, legs travelled, stay weeks,
    /// the programme fee at lodging), as `passage advance` counts it: non-zero only for a household
    /// already under way.
    public var costBeforeWeekOne: Double {
        let legs = (outbound + onward).reduce(0) { $0 + $1.cost }
        let documentCost = document?.cost ?? 0
        let fee = cost - legs - stay.cost - documentCost - (transitStay?.cost ?? 0)
        var before = (outbound + onward).filter { $0.week < 1 }.reduce(0) { $0 + $1.cost }
        for stay in [transitStay, stay].compactMap({ $0 }) {
            let stayWeeks = stay.toWeek - stay.fromWeek + 1
            let stayWeeksBefore = max(0, min(stayWeeks, 1 - stay.fromWeek))
            if stayWeeks > 0 { before += stay.cost * Double(stayWeeksBefore) / Double(stayWeeks) }
        }
        if lodgedWeek < 1 { before += fee }
        if let document, document.startWeek < 1 { before += documentCost }
        return before
    }

    /// The outbound legs travelled before the transit stay (all of them when there is none).
    public var outboundBeforeTransit: [LegTravel] {
        guard let transitStay, let last = outbound.firstIndex(where: { $0.to == transitStay.location }) else {
            return outbound
        }
        return Array(outbound[...last])
    }

    /// The outbound legs travelled after the transit stay (none when there is none).
    public var outboundAfterTransit: [LegTravel] { Array(outbound.dropFirst(outboundBeforeTransit.count)) }

    /// Weeks by which the household leaves after its latest safe departure week (0 if on time or none).
    public var weeksLate: Int { latestDepartureWeek.map { max(0, startWeek - $0) } ?? 0 }
}

/// Which kind of capacity a resource is.
public enum ResourceKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Beds of a safe house in a week (persons).
    case beds
    /// Seats of a route leg in a week (persons).
    case seats
    /// Places of a visa programme in a quota period (persons lodged).
    case quota
    /// Places of a quota several programmes share, in its quota period (persons lodged with any of them).
    case sharedQuota = "shared_quota"
    /// Money over the horizon.
    case budget
    /// Places of a document service in a week (persons starting to obtain a document).
    case documentService = "document_service"
}

/// A capacity in one period: what the plan uses of it.
public struct CapacityUse: Sendable, Hashable {
    public var kind: ResourceKind
    /// House, leg or programme id; `budget` for the budget.
    public var resourceID: String
    /// A week (beds, seats), the calendar month of lodging (a monthly quota), or the horizon.
    public var period: CapacityPeriod
    public var used: Double
    public var capacity: Double
    /// Whether this is a week in which the safe house is closed (outside its opening weeks): no beds
    /// at all, so `capacity` is 0 and nobody may be sent, unlike an open week with room to spare.
    public var isClosed: Bool

    public init(
        kind: ResourceKind, resourceID: String, period: CapacityPeriod, used: Double, capacity: Double,
        isClosed: Bool = false
    ) {
        self.isClosed = isClosed
        self.kind = kind
        self.resourceID = resourceID
        self.period = period
        self.used = used
        self.capacity = capacity
    }

    /// The week (beds, seats), or nil for quota periods and the budget.
    public var week: Int? { period.week }

    /// The capacity over all its periods (a house's beds, …).
    public var resource: CapacityResource { CapacityResource(kind, id: resourceID) }

    /// Whether the plan uses all of it (nothing left).
    public var isBinding: Bool { capacity - used < 1e-6 }
}

/// Why a household is not moved in this horizon.
public enum NotMovedReason: Sendable, Hashable {
    /// No pathway is open to the household at all; each blocker says what closes a group of pathways.
    case noEligiblePathway([Blocker])
    /// Pathways exist, but every one of them is blocked by capacity the plan has used up or that is too
    /// small for the household; the shortages that block most options first, too-small ones last.
    case capacity([ResourceShortage])
    /// Pathways exist and some still fit, but the solver stopped (time or gap limit) without using them.
    case notSelectedWithinTolerance
    /// The solver found no plan at all (e.g. time limit before any solution).
    case noPlan
    /// A robust plan leaves the household although pathways with room remain: each is more likely to
    /// strand it or be refused, or needs a longer stay than its houses allow, than moving is worth
    /// (docs/MODEL.md, "Robust plans").
    case leftForRobustness

    /// Whether the household cannot fit at all: every pathway open to it passes through a capacity
    /// smaller than the household (a safe house with fewer beds than it has persons), used or not.
    public var cannotFit: Bool {
        guard case .capacity(let shortages) = self else { return false }
        return !shortages.isEmpty && shortages.allSatisfy(\.isTooSmall)
    }

    /// A short label: `no eligible pathway`, `capacity`, `cannot fit` (a capacity reason where every
    /// capacity concerned is smaller than the household), `solver tolerance`, `no plan`, `robustness`.
    public var label: String {
        switch self {
        case .noEligiblePathway: "no eligible pathway"
        case .capacity: cannotFit ? "cannot fit" : "capacity"
        case .notSelectedWithinTolerance: "solver tolerance"
        case .noPlan: "no plan"
        case .leftForRobustness: "robustness"
        }
    }
}

/// Something that closes pathways to a household: a document, a need, an exclusion, timing.
public struct Blocker: Sendable, Hashable, Comparable {
    /// What kind of requirement is unmet.
    public enum Kind: String, Sendable, Hashable, Codable, Comparable {
        case nationality, documents, needs, exclusion, route, safeHouse = "safe_house", timing, objective
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }
    public var kind: Kind
    /// The programme the blocker concerns, or nil when it concerns every programme.
    public var programmeID: String?
    /// What is unmet, in words a coordinator can act on.
    public var explanation: String

    public init(kind: Kind, programmeID: String?, explanation: String) {
        self.kind = kind
        self.programmeID = programmeID
        self.explanation = explanation
    }

    public static func < (a: Blocker, b: Blocker) -> Bool {
        (a.programmeID ?? "", a.kind, a.explanation) < (b.programmeID ?? "", b.kind, b.explanation)
    }
}

/// A capacity the household would need: used up by the plan, or too small to hold it at all.
public struct ResourceShortage: Sendable, Hashable {
    public var kind: ResourceKind
    public var resourceID: String
    /// The periods in which it is short (weeks, months of a monthly quota, the horizon); for a capacity
    /// that is too small, the quota periods concerned (a quota) or none (beds and seats: too small every week).
    public var periods: [CapacityPeriod]
    /// How many of the household's options (a pathway in a start week) this shortage blocks; the
    /// reason lists the capacities that block most first. 0 for a capacity that is too small.
    public var blockedOptions: Int
    /// The capacity itself (beds, seats a week, quota places), when it is smaller than the household:
    /// then nothing the plan does can make room, and the shortage is not "used up". Nil otherwise.
    public var capacityTooSmall: Double?
    /// For a capacity that is too small: whether it is the largest of its kind on any pathway open to
    /// the household (the largest safe house it could use has fewer beds than it has persons).
    public var isLargestOpen: Bool

    public init(
        kind: ResourceKind, resourceID: String, periods: [CapacityPeriod], blockedOptions: Int = 0,
        capacityTooSmall: Double? = nil, isLargestOpen: Bool = false
    ) {
        self.kind = kind
        self.resourceID = resourceID
        self.periods = periods
        self.blockedOptions = blockedOptions
        self.capacityTooSmall = capacityTooSmall
        self.isLargestOpen = isLargestOpen
    }

    /// Whether the capacity is smaller than the household, rather than used up by others.
    public var isTooSmall: Bool { capacityTooSmall != nil }
}

/// A household not moved, with its reason.
public struct UnmovedHousehold: Sendable, Hashable {
    public var householdID: String
    public var size: Int
    public var urgency: Int
    public var readyWeek: Int
    public var reason: NotMovedReason
    /// The household's latest safe departure week, if it has one: not moving misses it.
    public var latestDepartureWeek: Int?

    public init(
        householdID: String, size: Int, urgency: Int, readyWeek: Int, reason: NotMovedReason,
        latestDepartureWeek: Int? = nil
    ) {
        self.latestDepartureWeek = latestDepartureWeek
        self.householdID = householdID
        self.size = size
        self.urgency = urgency
        self.readyWeek = readyWeek
        self.reason = reason
    }
}

/// A commitment (a household already under way) that can no longer be kept as it stands: a safe
/// house closed or too small, seats cut, a quota or the budget exceeded by commitments alone. The
/// household stays in the plan on its committed pathway; the conflict says what to do.
public struct CommitmentConflict: Sendable, Hashable {
    /// What kind of problem it is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The committed safe house is closed in some week of the stay.
        case houseClosed = "house_closed"
        /// The stay is longer than the house allows.
        case stayTooLong = "stay_too_long"
        /// The application is lodged outside the programme's application window.
        case applicationWindow = "application_window"
        /// Commitments alone need more of a capacity than there is.
        case overCapacity = "over_capacity"
    }
    public var kind: Kind
    /// The committed households concerned, sorted.
    public var householdIDs: [String]
    /// What is wrong, in words.
    public var problem: String
    /// What a coordinator can do about it.
    public var action: String

    public init(kind: Kind, householdIDs: [String], problem: String, action: String) {
        self.kind = kind
        self.householdIDs = householdIDs
        self.problem = problem
        self.action = action
    }
}

/// How one household's plan differs from the previous plan, and why.
public struct PlanChange: Sendable, Hashable {
    /// What changed; several may apply at once (e.g. later and through another house).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case newlyMoved = "newly_moved"
        case noLongerMoved = "no_longer_moved"
        case earlier, later
        case differentRoute = "different_route"
        case differentHouse = "different_house"
        case differentProgramme = "different_programme"
    }
    public var householdID: String
    public var kinds: [Kind]
    /// The previous and new start weeks, when moved: when the pathway begins, which is when the
    /// household applies for its document if the pathway begins with a document step.
    public var previousStartWeek: Int?
    public var newStartWeek: Int?
    /// Why, in words.
    public var reason: String

    public init(householdID: String, kinds: [Kind], previousStartWeek: Int?, newStartWeek: Int?, reason: String) {
        self.householdID = householdID
        self.kinds = kinds
        self.previousStartWeek = previousStartWeek
        self.newStartWeek = newStartWeek
        self.reason = reason
    }
}
