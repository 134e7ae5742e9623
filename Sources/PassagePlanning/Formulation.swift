import LinearProgramming
import PassageScenario

/// A capacity the formulation constrains: one row each (docs/MODEL.md, "Constraints").
enum ResourceKey: Hashable, Comparable, Sendable {
    /// Beds of safe house `house` in `week`.
    case beds(house: Int, week: Int)
    /// Seats of leg `leg` in `week`.
    case seats(leg: Int, week: Int)
    /// Quota of programme `programme` in period `period` (0 for the horizon, else a month number).
    case quota(programme: Int, period: Int)
    /// Shared quota `quota` (index into `Scenario.sharedQuotas`) in period `period`, numbered as a
    /// programme's quota periods.
    case sharedQuota(quota: Int, period: Int)
    /// The budget.
    case budget
    /// Places of document service `service` (index into `Scenario.documentServices`) for persons
    /// starting in `week`.
    case documents(service: Int, week: Int)

    /// Rows in the order of docs/MODEL.md; document rows come last, so that a scenario without document
    /// services has its rows in the order it always had.
    private var order: (Int, Int, Int) {
        switch self {
        case .beds(let house, let week): (0, house, week)
        case .seats(let leg, let week): (1, leg, week)
        case .quota(let programme, let period): (2, programme, period)
        case .sharedQuota(let quota, let period): (3, quota, period)
        case .budget: (4, 0, 0)
        case .documents(let service, let week): (5, service, week)
        }
    }
    static func < (a: ResourceKey, b: ResourceKey) -> Bool { a.order < b.order }

    /// The period the row counts in: its week, the month of a monthly quota, or the horizon.
    var period: CapacityPeriod {
        switch self {
        case .beds(_, let week), .seats(_, let week), .documents(_, let week): .week(week)
        case .quota(_, let period), .sharedQuota(_, let period):
            period == 0 ? .horizon : .month(QuotaMonth(number: period))
        case .budget: .horizon
        }
    }
}

/// One move column: a class on a pathway starting in a week, with the resources it uses.
struct MoveColumn: Sendable {
    var variable: Variable
    var householdClass: Int
    /// Index into the class's `ClassOptions.pathways`.
    var pathway: Int
    var startWeek: Int
    /// The house pool the column draws on when its pathway's house is pooled (index into `pools`).
    var pool: Int?
}

/// Households of one size lodging with one programme in one week, free to stay in any of the same
/// safe houses: the model chooses their houses with one stay column per house (docs/MODEL.md,
/// "The compact model").
struct HousePool: Hashable, Sendable {
    var programme: Int
    var lodgedWeek: Int
    /// Candidate houses, ascending.
    var houses: [Int]
    /// Persons per household.
    var size: Int
}

/// A stay column: households of a pool staying in one house.
struct StayColumn: Sendable {
    var variable: Variable
    var pool: Int
    var house: Int
    /// Beds in each week of the stay and, with a budget, money.
    var usage: [(key: ResourceKey, amount: Double)]
}

/// The mixed-integer program of a scenario, with the map from columns and rows back to the domain.
///
/// Built in the order of docs/MODEL.md: variables (`move`, `unmoved`), then the rows `households`,
/// `beds`, `seats`, `quota`, `shared_quota`, `budget`, then the objective.
/// How the formulation models households and pathways.
public enum FormulationStyle: String, Sendable, CaseIterable {
    /// Households aggregated into classes, dominated routes dropped, safe houses chosen through
    /// pools, seat rows added only when a plan would overfill a leg (docs/MODEL.md, "The compact model").
    case compact
    /// Households aggregated into classes, every eligible pathway enumerated with its safe house and
    /// routes, a seat row for every leg and week used.
    case exhaustive
    /// The naive model: one binary per household × eligible pathway × start week, no aggregation.
    /// Kept as the baseline the compact model is measured and tested against.
    case perHousehold
}

public struct Formulation: Sendable {
    /// The model, ready for any `LinearSolver`.
    public private(set) var model: LinearModel
    var classes: [HouseholdClass]
    var options: [ClassOptions]
    /// Each class's options as generated, before any variant joined them: what a formulation
    /// extending this one starts from (`init(extending:variants:)`).
    let generatedOptions: [ClassOptions]
    var moves: [MoveColumn]
    /// Move columns of each class, as a range into `moves`.
    var movesOfClass: [Range<Int>]
    /// The `unmoved` column of each class.
    var unmoved: [Variable]
    /// House pools of pooled move columns, and their stay columns (compact style).
    var pools: [HousePool]
    var stays: [StayColumn]
    /// Stay columns of each pool, as a range into `stays`.
    var staysOfPool: [Range<Int>]
    /// Legs with seat rows: every leg, except in the compact style, where the planner adds legs
    /// only when a plan would overfill them.
    var seatLegs: Set<Int>
    /// The style this formulation was built in.
    public let style: FormulationStyle
    /// Set when this is the robust model (docs/MODEL.md, "Robust plans").
    public let robustness: RobustPlanning?
    /// Rows of every capacity that some column uses, with the capacity.
    var resourceRows: [(key: ResourceKey, row: Constraint, capacity: Double)]
    /// Committed households on their fixed pathways; not variables of the model.
    var pinned: [PinnedMove]
    /// What the commitments use of each capacity; the rows get only what is left.
    var pinnedUse: [ResourceKey: Double]
    /// Commitments that no longer fit.
    var conflicts: [CommitmentConflict]
    /// The plan being re-planned, if any.
    var previous: PreviousPlan?
    /// Classes whose previous pathway is still among their options (class index → move position).
    var previousMove: [Int: Int]
    /// Set on the nominal formulation a robust plan is decoded in (`Planner.robustPlan`): the robust
    /// level and the classes whose previous pathway the robust model still had, so that a change from
    /// the previous plan is explained by what the robust model weighed, not by the nominal objective.
    var robustChanges: (level: Double, previousMove: [Int: Int])?

    let index: ScenarioIndex

    /// Formulates `scenario`; with `previous`, keeping a household on its previous pathway is
    /// rewarded by the scenario's `change_penalty` (docs/MODEL.md, "Stability").
    /// In the compact style, `seatLegs` are the legs with seat rows (none by default; `Planner` adds
    /// legs a plan would overfill); other styles have seat rows for every leg.
    ///
    /// `variants` adds, per class index, pathways with a start week to its options: ways the
    /// reduction left out that the Lagrangian bound found cheapest at its prices (`RouteVariants`).
    init(
        scenario: Scenario, previous: PreviousPlan? = nil, style: FormulationStyle = .compact,
        seatLegs: Set<Int> = [], variants: [Int: [(pathway: Pathway, startWeek: Int)]],
        robustness: RobustPlanning? = nil
    ) {
        self.init(
            scenario: scenario, previous: previous, style: style, seatLegs: seatLegs, addingVariants: variants,
            robustness: robustness, generated: nil)
    }

    /// `base`'s scenario, previous plan, style, seat rows and robustness, with `variants` added to
    /// its generated options (the variants `base` was built with, if any, are not kept). The
    /// pathways are not generated again: at 10,000 households that is 40 % of building the model.
    init(extending base: Formulation, variants: [Int: [(pathway: Pathway, startWeek: Int)]]) {
        self.init(
            scenario: base.index.scenario, previous: base.previous, style: base.style, seatLegs: base.seatLegs,
            addingVariants: variants, robustness: base.robustness, generated: (base.classes, base.generatedOptions))
    }

    /// Formulates `scenario` as above; with `robustness`, the robust model of docs/MODEL.md,
    /// "Robust plans": stays must fit at the quantile of the processing time, and the expected loss
    /// from closures and refusals is in the objective.
    public init(
        scenario: Scenario, previous: PreviousPlan? = nil, style: FormulationStyle = .compact,
        seatLegs: Set<Int> = [], robustness: RobustPlanning? = nil
    ) {
        self.init(
            scenario: scenario, previous: previous, style: style, seatLegs: seatLegs, addingVariants: [:],
            robustness: robustness, generated: nil)
    }

    private init(
        scenario: Scenario, previous: PreviousPlan?, style: FormulationStyle, seatLegs: Set<Int>,
        addingVariants variants: [Int: [(pathway: Pathway, startWeek: Int)]], robustness: RobustPlanning?,
        generated: (classes: [HouseholdClass], options: [ClassOptions])?
    ) {
        self.previous = previous
        self.style = style
        self.robustness = robustness
        let seatLegs = style == .compact ? seatLegs : Set(scenario.legs.indices)
        self.seatLegs = seatLegs
        let index = ScenarioIndex(scenario)
        self.index = index
        let settings = scenario.settings
        let robust = robustness.map { RobustPenalties($0, scenario: scenario) }
        let objective = ObjectiveCoefficients(weights: settings.objective, robust: robust)
        let pinned = CommitmentPlanning.pinnedMoves(scenario)
        self.pinned = pinned
        let generatedOptions: [ClassOptions]
        if let generated {
            classes = generated.classes
            generatedOptions = generated.options
        } else {
            classes = householdClasses(
                of: scenario.households, excluding: Set(pinned.map(\.household)), previous: previous,
                aggregate: style != .perHousehold)
            let generator = PathwayGenerator(
                index: index,
                reduction: style == .compact ? PathwayReduction(scenario: scenario, seatLegs: seatLegs) : nil,
                robust: robust)
            // Each class's options depend on the class alone, so a large caseload's are generated on
            // both cores, each piece with its own copy of the generator's route cache; the options
            // are the same as from one generator.
            let classes = self.classes
            generatedOptions = ParallelChunks.map(classes.count, pieces: 2) { range in
                var pieceGenerator = generator
                return range.map { pieceGenerator.options(for: classes[$0]) }
            }.flatMap { $0 }
        }
        self.generatedOptions = generatedOptions
        var options = generatedOptions
        for (c, extra) in variants.sorted(by: { $0.key < $1.key }) {
            for (pathway, week) in extra {
                options[c].pathways.append(pathway)
                options[c].startWeeks.append([week])
            }
        }
        self.options = options

        var model = LinearModel(name: "passage")
        var objectiveExpression = LinearExpression()
        var moves: [MoveColumn] = []
        var movesOfClass: [Range<Int>] = []
        var unmoved: [Variable] = []
        // The terms of each capacity row, held by the capacity's dense position (a dictionary by
        // capacity cost a hash per non-zero: most of building a large model).
        let positions = ResourcePositions(scenario)
        var rowTerms = RowTerms(positions)
        var previousMove: [Int: Int] = [:]
        var pools: [HousePool] = []
        var poolIndex: [HousePool: Int] = [:]
        var poolMembers: [[Variable]] = []

        // Commitments use capacity first; the model shares out what is left.
        var pinnedUse: [ResourceKey: Double] = [:]
        var householdsOn: [ResourceKey: [String]] = [:]
        for move in pinned {
            let household = scenario.households[move.household]
            let used = resourceUse(
                of: move.pathway, startWeek: move.startWeek, persons: Double(household.size), scenario: scenario)
            for (key, amount) in used {
                pinnedUse[key, default: 0] += amount
                householdsOn[key, default: []].append(household.id)
            }
        }

        // Variables: move[c,p,w] (integer, at most the class's count) and unmoved[c].
        for householdClass in classes {
            let c = householdClass.index
            let profile = householdClass.profile
            let first = moves.count
            let kind: VariableKind = householdClass.count == 1 ? .binary : .integer
            for draft in ColumnDraft.drafts(
                of: householdClass, options: options[c], scenario: scenario, objective: objective, seatLegs: seatLegs,
                pinnedUse: pinnedUse)
            {
                // Unnamed: millions of names would cost time and memory for nothing unless the
                // model is written to a file (`named()`).
                let variable = model.addVariable(
                    "", upperBound: Double(draft.bound), kind: draft.bound == 1 ? .binary : kind)
                if draft.isPrevious { previousMove[c] = moves.count }
                objectiveExpression.add(draft.coefficient, variable)
                for (key, amount) in draft.use { rowTerms.add(amount, variable, to: key) }
                var pool: Int?
                if let key = draft.pool {
                    // One lookup for a pool already seen (most columns): hashing its houses is dear.
                    let q: Int
                    if let known = poolIndex[key] {
                        q = known
                    } else {
                        q = pools.count
                        poolIndex[key] = q
                        pools.append(key)
                        poolMembers.append([])
                    }
                    poolMembers[q].append(variable)
                    pool = q
                }
                moves.append(
                    MoveColumn(
                        variable: variable, householdClass: c, pathway: draft.pathway, startWeek: draft.startWeek,
                        pool: pool))
            }
            movesOfClass.append(first..<moves.count)
            let stay = model.addVariable("", upperBound: Double(householdClass.count))
            objectiveExpression.add(objective.unmoved(profile), stay)
            unmoved.append(stay)
        }

        // households[c]: every household of the class either moves once or is not moved.
        for householdClass in classes {
            var expression = LinearExpression()
            for move in moves[movesOfClass[householdClass.index]] { expression += move.variable }
            expression += unmoved[householdClass.index]
            model.addConstraint(
                "households_c\(householdClass.index)", expression, .equal, Double(householdClass.count))
        }

        // stay[q,k] and pool[q]: the households of pool q, each in one of its houses.
        var stays: [StayColumn] = []
        var staysOfPool: [Range<Int>] = []
        for (q, pool) in pools.enumerated() {
            let first = stays.count
            let programme = scenario.programmes[pool.programme]
            let stayWeeks = pool.lodgedWeek...(pool.lodgedWeek + programme.processingWeeks - 1)
            // A robust plan needs the house open for the stay at the quantile, not only the planned one.
            let needed = robust?.stayWeeks(programme: pool.programme) ?? programme.processingWeeks
            let neededWeeks = pool.lodgedWeek...(pool.lodgedWeek + needed - 1)
            let persons = Double(pool.size)
            var link = LinearExpression()
            for member in poolMembers[q] { link += member }
            for house in pool.houses where scenario.safeHouses[house].isOpen(throughout: neededWeeks) {
                let safeHouse = scenario.safeHouses[house]
                var used: [(key: ResourceKey, amount: Double)] = stayWeeks.map {
                    (.beds(house: house, week: $0), persons)
                }
                let money = safeHouse.costPerPersonWeek * Double(programme.processingWeeks)
                if settings.budget != nil { used.append((.budget, persons * money)) }
                var bound = Double.infinity
                for (key, amount) in used {
                    let room = max(0, Formulation.capacity(of: key, scenario: scenario) - pinnedUse[key, default: 0])
                    bound = min(bound, (room / amount + 1e-9).rounded(.down))
                }
                let variable = model.addVariable("", upperBound: bound, kind: .integer)
                objectiveExpression.add(objective.weights.cost * persons * money, variable)
                for (key, amount) in used { rowTerms.add(amount, variable, to: key) }
                link.add(-1, variable)
                stays.append(StayColumn(variable: variable, pool: q, house: house, usage: used))
            }
            staysOfPool.append(first..<stays.count)
            model.addConstraint("pool_q\(q)_\(programme.id)_w\(pool.lodgedWeek)_s\(pool.size)", link, .equal, 0)
        }
        self.pools = pools
        self.stays = stays
        self.staysOfPool = staysOfPool

        // beds[k,t], seats[l,t], quota[g,m], shared_quota[s,m], budget: capacities, in a fixed order.
        var resourceRows: [(key: ResourceKey, row: Constraint, capacity: Double)] = []
        for (key, terms) in rowTerms.rows() {
            let (name, capacity) = Formulation.describeRow(key, scenario: scenario)
            let left = max(0, capacity - pinnedUse[key, default: 0])
            let row = model.addConstraint(name, terms, .lessOrEqual, left)
            resourceRows.append((key, row, left))
        }
        conflicts =
            CommitmentPlanning.structuralConflicts(pinned, scenario: scenario)
            + CommitmentPlanning.capacityConflicts(
                use: pinnedUse, householdsOn: householdsOn,
                capacity: { Formulation.capacity(of: $0, scenario: scenario) },
                describe: { Formulation.identify($0, scenario: scenario) })
        self.pinnedUse = pinnedUse
        self.previousMove = previousMove

        model.setObjective(.minimize, objectiveExpression)
        self.model = model
        self.moves = moves
        self.movesOfClass = movesOfClass
        self.unmoved = unmoved
        self.resourceRows = resourceRows
    }

    /// Kind, id and period of a resource, for reports.
    static func identify(_ key: ResourceKey, scenario: Scenario) -> (
        kind: ResourceKind, id: String, period: CapacityPeriod
    ) {
        let resource = resource(of: key, scenario: scenario)
        return (resource.kind, resource.id, key.period)
    }

    /// The capacity a row belongs to, over all its periods: a house's beds, a leg's seats, …
    static func resource(of key: ResourceKey, scenario: Scenario) -> CapacityResource {
        switch key {
        case .beds(let house, _): CapacityResource(.beds, id: scenario.safeHouses[house].id)
        case .seats(let leg, _): CapacityResource(.seats, id: scenario.legs[leg].id)
        case .quota(let programme, _): CapacityResource(.quota, id: scenario.programmes[programme].id)
        case .sharedQuota(let quota, _): CapacityResource(.sharedQuota, id: scenario.sharedQuotas[quota].id)
        case .budget: CapacityResource(.budget, id: "budget")
        case .documents(let service, _): CapacityResource(.documentService, id: scenario.documentServices[service].id)
        }
    }

    /// The formulation with its columns named for a model file (`move_c3_p1_w2`, `unmoved_c3`,
    /// `stay_q0_SH-EVN-1`): they are built without names, which at scale would cost seconds and
    /// hundreds of megabytes that only an exported file uses.
    func named() -> Formulation {
        var names = [String](repeating: "", count: model.variableCount)
        for move in moves {
            names[move.variable.index] = "move_c\(move.householdClass)_p\(move.pathway)_w\(move.startWeek)"
        }
        for (c, variable) in unmoved.enumerated() { names[variable.index] = "unmoved_c\(c)" }
        for stay in stays {
            names[stay.variable.index] = "stay_q\(stay.pool)_\(index.scenario.safeHouses[stay.house].id)"
        }
        var named = self
        named.model.setNames(columns: { names[$0].isEmpty ? nil : names[$0] })
        return named
    }

    /// Capacity of a resource (without building its row name, for hot loops).
    static func capacity(of key: ResourceKey, scenario: Scenario) -> Double {
        switch key {
        case .beds(let house, _): Double(scenario.safeHouses[house].beds)
        case .seats(let leg, _): Double(scenario.legs[leg].seatsPerWeek)
        case .quota(let programme, _): Double(scenario.programmes[programme].quota)
        case .sharedQuota(let quota, _): Double(scenario.sharedQuotas[quota].quota)
        case .budget: scenario.settings.budget ?? .infinity
        case .documents(let service, _): scenario.documentServices[service].capacity.map(Double.init) ?? .infinity
        }
    }

    /// Row name and capacity of a resource.
    static func describeRow(_ key: ResourceKey, scenario: Scenario) -> (String, Double) {
        switch key {
        case .beds(let house, let week):
            let safeHouse = scenario.safeHouses[house]
            return ("beds_\(safeHouse.id)_w\(week)", Double(safeHouse.beds))
        case .seats(let leg, let week):
            let routeLeg = scenario.legs[leg]
            return ("seats_\(routeLeg.id)_w\(week)", Double(routeLeg.seatsPerWeek))
        case .quota(let programme, _):
            let visa = scenario.programmes[programme]
            // `quota_P-DE-EVN_2026-12`, `quota_P-FR-EVN_horizon`: the period's label.
            return ("quota_\(visa.id)_\(key.period)", Double(visa.quota))
        case .sharedQuota(let quota, _):
            let shared = scenario.sharedQuotas[quota]
            // `shared_quota_DE-ALL_2026-12`: the shared quota's id and the period's label.
            return ("shared_quota_\(shared.id)_\(key.period)", Double(shared.quota))
        case .budget:
            return ("budget", scenario.settings.budget ?? .infinity)
        case .documents(let service, let week):
            let documentService = scenario.documentServices[service]
            // `documents_DS-GRZ-PASS_w3`: persons starting with the service in week 3.
            return (
                "documents_\(documentService.id)_w\(week)", documentService.capacity.map(Double.init) ?? .infinity
            )
        }
    }
}

/// The quota period of an application lodged in `lodgedWeek`: 0 for horizon quotas, otherwise the
/// calendar month (year × 12 + month) in which that week counts: the month of its Thursday.
func quotaPeriod(
    _ programme: VisaProgramme, lodgedWeek: Int, settings: ScenarioSettings
) -> Int {
    quotaPeriod(programme.quotaPeriod, lodgedWeek: lodgedWeek, settings: settings)
}

/// The period of a quota counted per `period` (a programme's or a shared quota's) that an application
/// lodged in `lodgedWeek` counts in: 0 for the horizon, otherwise the month of the week's Thursday.
func quotaPeriod(_ period: QuotaPeriod, lodgedWeek: Int, settings: ScenarioSettings) -> Int {
    guard period == .month else { return 0 }
    // The week's month is QuotaMonth's rule (the month of its Thursday), never worked out here.
    return settings.quotaMonth(ofWeek: lodgedWeek).number
}

/// The capacities a household of `persons` uses when it starts `pathway` in `startWeek`, counting only
/// what falls in weeks 1…horizon: a document service's places in the week it applies (when the pathway
/// begins with a step at a service with a capacity), seats on each leg in its departure week, beds in each week of the
/// stay, a quota place in the period of lodging (the programme's, and each shared quota's it counts
/// toward), and money. (Moves the model decides always lie in
/// the horizon; committed households may have started before week 1, and what they used then is
/// history, not capacity of this plan.)
///
/// Only legs in `seatLegs` (all when nil) get seat entries; a pooled pathway uses no beds here (its
/// stay columns do) and its money leaves out the stay.
func resourceUse(
    of pathway: Pathway, startWeek: Int, persons: Double, scenario: Scenario, seatLegs: Set<Int>? = nil
) -> [(key: ResourceKey, amount: Double)] {
    let settings = scenario.settings
    let weeks = 1...settings.horizonWeeks
    var used: [(key: ResourceKey, amount: Double)] = []
    // Room for every entry at most, reserved once: grown entry by entry, the array was reallocated
    // three or four times per call, and the greedy plans and the reasons call this millions of times.
    used.reserveCapacity(
        3 + pathway.outbound.legs.count + (pathway.transit?.weeks ?? 0) + (pathway.isPooled ? 0 : pathway.stayWeeks)
            + pathway.onward.legs.count + scenario.sharedQuotas.count)
    var money = 0.0
    let applies = startWeek + pathway.documentOffset
    if let step = pathway.document, weeks.contains(applies) {
        // The service's places in the week the household applies (only a service with a capacity has a row).
        let service = scenario.documentServices[step.service]
        if service.capacity != nil { used.append((.documents(service: step.service, week: applies), persons)) }
        money += service.costPerPerson
    }
    let departure = startWeek + pathway.departureOffset
    for (leg, offset) in zip(pathway.outbound.legs, pathway.outbound.legWeekOffsets)
    where weeks.contains(departure + offset) {
        if seatLegs?.contains(leg) ?? true { used.append((.seats(leg: leg, week: departure + offset), persons)) }
        money += scenario.legs[leg].costPerPerson
    }
    if let transit = pathway.transit {
        // A transit stay uses its house's beds like any stay (after the outbound seats, before the lodging beds).
        let arrives = departure + transit.arrivalOffset
        for stayWeek in arrives..<(arrives + transit.weeks) where weeks.contains(stayWeek) {
            used.append((.beds(house: transit.house, week: stayWeek), persons))
            money += scenario.safeHouses[transit.house].costPerPersonWeek
        }
    }
    let lodged = startWeek + pathway.lodgeOffset
    for stayWeek in lodged..<(lodged + pathway.stayWeeks) where weeks.contains(stayWeek) && !pathway.isPooled {
        used.append((.beds(house: pathway.house, week: stayWeek), persons))
        money += scenario.safeHouses[pathway.house].costPerPersonWeek
    }
    let onwardStart = startWeek + pathway.onwardOffset
    for (leg, offset) in zip(pathway.onward.legs, pathway.onward.legWeekOffsets)
    where weeks.contains(onwardStart + offset) {
        if seatLegs?.contains(leg) ?? true { used.append((.seats(leg: leg, week: onwardStart + offset), persons)) }
        money += scenario.legs[leg].costPerPerson
    }
    // The programme's fields are read where needed: a copy of the whole programme (its ids and
    // lists retained and released) was half of this function's time.
    let quotaKind = scenario.programmes[pathway.programme].quotaPeriod
    // A committed household lodged before week 1 but in week 1's calendar month still counts against
    // that month's quotas: the month is under way.
    let lodgedEarlierThisMonth =
        lodged < 1 && settings.quotaMonth(ofWeek: lodged) == settings.quotaMonth(ofWeek: 1)
    func counts(_ period: QuotaPeriod) -> Bool {
        weeks.contains(lodged) || (lodgedEarlierThisMonth && period == .month)
    }
    if counts(quotaKind) {
        let period = quotaPeriod(quotaKind, lodgedWeek: max(1, lodged), settings: settings)
        used.append((.quota(programme: pathway.programme, period: period), persons))
    }
    for (s, shared) in scenario.sharedQuotas.enumerated()
    where counts(shared.quotaPeriod) && shared.programmeIDs.contains(scenario.programmes[pathway.programme].id) {
        let period = quotaPeriod(shared.quotaPeriod, lodgedWeek: max(1, lodged), settings: settings)
        used.append((.sharedQuota(quota: s, period: period), persons))
    }
    if weeks.contains(lodged) { money += scenario.programmes[pathway.programme].costPerPerson }
    if settings.budget != nil {
        // A move wholly inside the horizon costs exactly its pathway's cost (one product, so the model's
        // coefficients do not depend on summation order); a committed move only what is still to pay.
        let wholly = startWeek >= 1
        used.append((.budget, persons * (wholly ? pathway.costPerPerson : money)))
    }
    return used
}
