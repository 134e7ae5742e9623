import Foundation
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

    /// A change of `kind` for `resourceID` from one capacity to another.
    public init(kind: ResourceKind, resourceID: String, from: Double, to: Double) {
        self.kind = kind
        self.resourceID = resourceID
        self.from = from
        self.to = to
    }

    /// The change in words: `beds of SH-EVN-1: 12 → 14`.
    public var description: String {
        "\(resource?.label ?? resourceID): \(formatAmount(from)) → \(formatAmount(to))"
    }

    /// The capacity changed, as a sweep names it: setting it goes through the same change-file
    /// machinery as `passage sweep` and `passage whatif`.
    var resource: SweptResource? { SweptResource(kind, id: resourceID) }

    /// The scenario with this change made; nil if the resource is not in it.
    public func applied(to scenario: Scenario) -> Scenario? {
        guard let resource, resource.currentValue(in: scenario) != nil else { return nil }
        return try? resource.applying(to, to: scenario)
    }
}

/// Why a household is not moved and, when it lost to competition for capacity, the smallest single
/// capacity changes found to move it, each verified by planning the changed scenario again; and the
/// stronger documents that would open programmes to it.
///
/// Every increase tried is capped at what the household itself could use (``Planner/largestUsefulIncrease(of:for:in:)``):
/// a larger one could only move it by letting others rearrange around it, which is not an answer a
/// coordinator can act on.
public struct NotMovedExplanation: Sendable, Hashable {
    /// The household, with its reason in the plan.
    public var household: UnmovedHousehold
    /// For each capacity the household is short of that some increase moves it: the smallest increase
    /// found, smallest first (in the capacity's own unit; the budget after the others).
    public var changes: [CapacityChange]
    /// Capacities for which even the largest useful increase did not move it: that increase.
    public var notEnough: [CapacityChange]
    /// Whether `notEnough` was tried all at once (several capacities) and did not move the household
    /// even together: then no single one of them does.
    public var notEvenTogether = false
    /// How many re-plans answered for this household (a plan shared with other households asking the
    /// same question counts for each of them).
    public var replans: Int
    /// How many of those stopped at their limit before proving their plan optimal: their answer
    /// ("moves it" or not) is the best plan found within it, and can differ with a larger limit.
    public var unprovenReplans = 0
    /// How many of those the time limit cut short. With a node limit (`PlanningOptions.nodeLimit`, as
    /// `passage why-not` plans) the time limit is only a safety net and a re-plan stopped by the node
    /// limit gives the same answer on any machine; one the time limit cut depends on the processor time
    /// it got, so only such answers can differ between runs.
    public var timeLimitedReplans = 0
    /// Each document stronger than the household's strongest that would open pathways it does not
    /// have today, weakest first, each with whether the scenario planned again with the household
    /// holding it moves it (these re-plans count in `replans` too).
    public var documentOpenings: [DocumentOpening] = []

    /// An explanation from its parts (the planner computes them: ``Planner/explainNotMoved(_:in:options:jobs:progress:)``).
    public init(
        household: UnmovedHousehold, changes: [CapacityChange], notEnough: [CapacityChange],
        notEvenTogether: Bool = false, replans: Int
    ) {
        self.household = household
        self.changes = changes
        self.notEnough = notEnough
        self.notEvenTogether = notEvenTogether
        self.replans = replans
    }
}

/// Where a why-not search stands, for progress lines: which stage, and how many of its searches (a
/// distinct re-plan, or a bisection) are done out of how many.
public struct ExplanationProgress: Sendable, Hashable {
    /// The stages of ``Planner/explainNotMoved(_:in:options:jobs:progress:)``, in order.
    public enum Stage: String, Sendable, Hashable {
        /// Households short of several capacities, planned once with all of them raised together.
        case together
        /// One capacity of one household, raised alone to its largest useful increase.
        case alone
        /// A capacity whose largest useful increase moves the household, narrowed down by bisection to
        /// the smallest increase that does.
        case narrowing
        /// A household planned again holding a stronger document that opens pathways to it.
        case documents
    }
    /// The stage.
    public var stage: Stage
    /// Searches of this stage finished so far (0 when the stage starts).
    public var done: Int
    /// Searches in this stage.
    public var total: Int
}

/// What one re-plan of a why-not search found: the households its plan moves, whether that plan is
/// proven optimal (or within the gap asked for), and whether the time limit cut it short.
struct ReplanOutcome: Sendable, Hashable {
    var moved: Set<String>
    var proven: Bool
    var cutByTime: Bool

    init(moved: Set<String>, proven: Bool, cutByTime: Bool) {
        self.moved = moved
        self.proven = proven
        self.cutByTime = cutByTime
    }

    /// The outcome of `plan`.
    init(_ plan: Plan) {
        let status = plan.solver.status
        self.init(
            moved: Set(plan.itineraries.map(\.householdID)), proven: status == .optimal || status == .feasible,
            cutByTime: plan.solver.stoppedBy == .time)
    }
}

/// One capacity a household is short of, and the increases a search may try: `unit` steps of up to
/// `limit` units above `now`.
struct CapacitySearch: Sendable, Hashable {
    var kind: ResourceKind
    var resourceID: String
    /// The capacity now.
    var now: Double
    /// One step: a bed, seat or quota place, or for the budget an eighth of the household's cheapest
    /// pathway.
    var unit: Double
    /// The largest increase tried, in steps (at least 1).
    var limit: Int

    func change(_ steps: Int) -> CapacityChange {
        CapacityChange(kind: kind, resourceID: resourceID, from: now, to: now + Double(steps) * unit)
    }

    var largest: CapacityChange { change(limit) }
}

extension Planner {
    /// Branch-and-bound nodes a why-not re-plan explores at most when no node limit is given: its
    /// deciding stop. A scenario with a capacity raised can be much harder to prove optimal than the
    /// scenario itself, and the question is only whether some plan moves the household (every change
    /// reported was planned and moves it). A limit on work, not time, so the answer is the same on any
    /// machine whatever its load (docs/WHATIF.md, "Why not moved"). Of 50, 100 and 200 on the demo's
    /// `--all`, 100 left 18 of 26 re-plans unproven in 53 s of processor time; 50, 25 of 31 in 38 s;
    /// 200, 10 of 50 in 148 s (proofs move H034, whose re-plans then multiply).
    public static let explanationNodesPerPlan = 100

    /// The time limit behind that node limit when neither the options nor the scenario give one, in
    /// seconds: a safety net that only a re-plan far harder than usual reaches. A re-plan it cuts is
    /// counted (`NotMovedExplanation.timeLimitedReplans`): only its answer can vary with the load.
    public static let explanationSafetyNetSeconds = 60.0

    /// The options a why-not search re-plans with, made from those the plan being explained was made
    /// with: their node limit, or ``explanationNodesPerPlan``, as the deciding stop, behind a time limit
    /// that is only a safety net (theirs, else the scenario's, else ``explanationSafetyNetSeconds``).
    public func explanationOptions(_ options: PlanningOptions) -> PlanningOptions {
        var replan = options
        replan.nodeLimit = options.nodeLimit ?? Planner.explanationNodesPerPlan
        replan.timeLimitSeconds =
            options.timeLimitSeconds ?? scenario.settings.solver.timeLimitSeconds ?? Planner.explanationSafetyNetSeconds
        return replan
    }

    /// The number of threads a why-not search uses unless told otherwise: one per active processor.
    public static var defaultExplanationJobs: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Explains why `householdID` is not moved in `plan` (a plan of this planner's scenario): its
    /// reason and, for a household short of capacity, for each capacity it is short of the smallest
    /// increase that moves it, up to what the household could use (``largestUsefulIncrease(of:for:in:)``).
    ///
    /// Nil when the household is moved in `plan` or not in the scenario. See
    /// ``explainNotMoved(_:in:options:jobs:progress:)`` for the search.
    public func explainNotMoved(
        _ householdID: String, in plan: Plan, options: PlanningOptions = PlanningOptions(), jobs: Int = 1
    ) throws -> NotMovedExplanation? {
        try explainNotMoved([householdID], in: plan, options: options, jobs: jobs).first
    }

    /// Explains why each of `householdIDs` is not moved in `plan` (a plan of this planner's
    /// scenario), in the order given; households moved in `plan` or not in the scenario are left out.
    ///
    /// For a household short of capacity, each capacity it lacks is raised on its own, by whole units
    /// (a bed, a seat, a quota place; for the budget an eighth of the household's cheapest pathway), up
    /// to the largest increase the household could use (``largestUsefulIncrease(of:for:in:)``). That
    /// largest increase is planned first: if it does not move the household, no smaller one will (more
    /// capacity never takes a plan away). If it does, bisection between the capacity now (the plan does
    /// not move the household with it) and that increase finds the smallest that moves it. A household
    /// short of several capacities is first planned once with all of them at their largest increase:
    /// if even that does not move it, no single change does, and nothing more is searched.
    ///
    /// Every step plans the whole changed scenario again with `options`, from scratch (a previous plan
    /// is not carried over), so every change reported was planned and moves the household. A capacity
    /// that no way of moving the household could pass alone (``capacitiesThatCouldMoveAlone(_:in:)``)
    /// is not planned at all, and households asking the same question (the same changes) share one
    /// plan. The searches are independent: up to `jobs` of them run at once, each on its own thread with its own
    /// solver problem, and the result does not depend on `jobs` or on the order they finish in. With a
    /// node limit in `options` (``explanationOptions(_:)`` sets one) it does not depend on the machine's
    /// load either, unless the time limit cuts a re-plan first (counted in `timeLimitedReplans`); without
    /// one, a re-plan the time limit stops depends on the processor time it got.
    ///
    /// Then, for every household, each document stronger than its strongest that opens pathways it
    /// does not have today (``documentOpenings(of:)``) is planned once more with the household holding
    /// it, to tell whether the plan would then move it.
    ///
    /// `progress` is told when each stage starts and after each of its searches, one call at a time.
    ///
    /// - Throws: only when the solver itself fails (the first failure in search order).
    public func explainNotMoved(
        _ householdIDs: [String], in plan: Plan, options: PlanningOptions = PlanningOptions(), jobs: Int = 1,
        progress: (@Sendable (ExplanationProgress) -> Void)? = nil
    ) throws -> [NotMovedExplanation] {
        try explainNotMoved(
            householdIDs, in: plan, options: options, jobs: jobs, checkingDocuments: true, progress: progress)
    }

    /// ``explainNotMoved(_:in:options:jobs:progress:)``; without `checkingDocuments`, the documents that
    /// would open programmes are listed but not planned (their `moves` is nil): one plan fewer per
    /// document, for scenarios where a plan is slow.
    public func explainNotMoved(
        _ householdIDs: [String], in plan: Plan, options: PlanningOptions = PlanningOptions(), jobs: Int = 1,
        checkingDocuments: Bool, progress: (@Sendable (ExplanationProgress) -> Void)? = nil
    ) throws -> [NotMovedExplanation] {
        let households = householdIDs.compactMap { id in plan.unmoved.first { $0.householdID == id } }
        let ids = households.map(\.householdID)
        var explanations = households.map {
            NotMovedExplanation(household: $0, changes: [], notEnough: [], replans: 0)
        }
        // Capacities that cannot move a household alone whatever the re-plan does are settled here,
        // without planning: often every capacity of a household that cannot fit.
        let formulation =
            households.contains { if case .capacity = $0.reason { true } else { false } }
            ? self.formulation() : nil
        var pending: [[CapacitySearch]] = []
        for (position, household) in households.enumerated() {
            let all = capacitySearches(for: household, in: plan)
            let open = formulation.flatMap { capacitiesThatCouldMoveAlone(household.householdID, in: $0) }
            let (possible, closed) =
                open.map { open in
                    (
                        all.filter { open.contains(CapacityResource($0.kind, id: $0.resourceID)) },
                        all.filter { !open.contains(CapacityResource($0.kind, id: $0.resourceID)) }
                    )
                } ?? (all, [])
            explanations[position].notEnough = closed.map(\.largest)
            pending.append(possible)
        }
        let searches = pending

        // Stage 1: every capacity at its largest useful increase at once, for households short of
        // several. If even that does not move the household, no single one is searched: one solve
        // replaces a search per capacity.
        let several = explanations.indices.filter { searches[$0].count > 1 }
        let together = try movedHouseholds(
            under: several.map { searches[$0].map(\.largest) }, stage: .together, options: options, jobs: jobs,
            progress: progress)
        var settled = Set<Int>()
        for (index, position) in several.enumerated() {
            explanations[position].count(together[index])
            if !together[index].moved.contains(ids[position]) {
                explanations[position].notEnough += searches[position].map(\.largest)
                explanations[position].notEvenTogether = true
                settled.insert(position)
            }
        }

        // Stage 2: each remaining capacity of each household alone at its largest useful increase.
        // Most do not move the household, and then one solve says so.
        let alone = explanations.indices.filter { !settled.contains($0) }.flatMap { position in
            searches[position].map { (position: position, search: $0) }
        }
        let largest = try movedHouseholds(
            under: alone.map { [$0.search.largest] }, stage: .alone, options: options, jobs: jobs, progress: progress)
        var movers: [(position: Int, search: CapacitySearch)] = []
        for ((position, search), outcome) in zip(alone, largest) {
            explanations[position].count(outcome)
            if !outcome.moved.contains(ids[position]) {
                explanations[position].notEnough.append(search.largest)
            } else if search.limit == 1 {
                explanations[position].changes.append(search.largest)
            } else {
                movers.append((position, search))
            }
        }
        let narrowing = movers

        // Stage 3: bisection down to the smallest increase that moves it, for those that do move.
        progress?(ExplanationProgress(stage: .narrowing, done: 0, total: narrowing.count))
        let found = try Self.inParallel(
            narrowing.count, jobs: jobs,
            completed: progress.map { report in
                { @Sendable done in
                    report(ExplanationProgress(stage: .narrowing, done: done, total: narrowing.count))
                }
            }
        ) { index in
            try self.smallestIncrease(narrowing[index].search, moving: ids[narrowing[index].position], options: options)
        }
        for ((position, search), outcome) in zip(narrowing, found) {
            explanations[position].replans += outcome.replans
            explanations[position].unprovenReplans += outcome.unproven
            explanations[position].timeLimitedReplans += outcome.cutByTime
            explanations[position].changes.append(search.change(outcome.steps))
        }
        // Stage 4: documents. Which programmes a stronger document opens needs no plan (the pathways
        // are generated again); whether the plan would then move the household is one plan each.
        var generator = PathwayGenerator(index: ScenarioIndex(scenario), reduction: nil)
        var documentChecks: [(position: Int, opening: Int)] = []
        for position in explanations.indices {
            guard let household = scenario.households.first(where: { $0.id == ids[position] }) else { continue }
            explanations[position].documentOpenings = documentOpenings(of: household, generator: &generator)
            if checkingDocuments {
                documentChecks += explanations[position].documentOpenings.indices.map { (position, $0) }
            }
        }
        let checks = documentChecks
        let documentPlans = explanations.map { $0.documentOpenings }
        progress?(ExplanationProgress(stage: .documents, done: 0, total: checks.count))
        let documentOutcomes = try Self.inParallel(
            checks.count, jobs: jobs,
            completed: progress.map { report in
                { @Sendable done in report(ExplanationProgress(stage: .documents, done: done, total: checks.count)) }
            }
        ) { index in
            let (position, opening) = checks[index]
            return try self.moves(ids[position], holding: documentPlans[position][opening].document, options: options)
        }
        for ((position, opening), outcome) in zip(checks, documentOutcomes) {
            explanations[position].documentOpenings[opening].moves = outcome.moves
            explanations[position].documentOpenings[opening].proven = outcome.outcome.proven
            explanations[position].count(outcome.outcome)
        }
        for position in explanations.indices {
            explanations[position].notEnough.sort {
                ($0.kind.rawValue, $0.resourceID) < ($1.kind.rawValue, $1.resourceID)
            }
            explanations[position].changes.sort {
                ($0.kind == .budget ? 1 : 0, $0.to - $0.from, $0.kind.rawValue, $0.resourceID)
                    < ($1.kind == .budget ? 1 : 0, $1.to - $1.from, $1.kind.rawValue, $1.resourceID)
            }
        }
        return explanations
    }

    /// The largest increase of a capacity worth trying for `household`: what it would take for the
    /// plan as it stands plus the household to fit, in the capacity's own unit. For beds, seats and a
    /// quota: its persons beyond the room the plan leaves in the periods it is short (never more than
    /// its persons: that much lets it in whatever the plan does). For the budget: the cost of its
    /// costliest pathway beyond what the plan leaves unspent.
    ///
    /// Anything larger could only move the household by letting others rearrange around it (a house
    /// of 3 beds raised to 323 so that other households leave room elsewhere), which is no answer a
    /// coordinator can act on. Nil when the capacity is not in the scenario, or the household has no
    /// pathway to price (budget).
    public func largestUsefulIncrease(
        of shortage: ResourceShortage, for household: UnmovedHousehold, in plan: Plan
    ) -> Double? {
        guard SweptResource(shortage.kind, id: shortage.resourceID)?.currentValue(in: scenario) != nil else {
            return nil
        }
        let rows = plan.capacity.filter {
            $0.kind == shortage.kind && $0.resourceID == shortage.resourceID && !$0.isClosed
                && (shortage.periods.isEmpty || shortage.periods.contains($0.period))
        }
        if shortage.kind == .budget {
            guard let costliest = pathwayCosts(of: household.householdID)?.costliest, costliest > 0 else { return nil }
            let beyond = rows.map { $0.used + costliest - $0.capacity }.max() ?? costliest
            return min(costliest, max(0, beyond))
        }
        let size = Double(household.size)
        let beyond = rows.map { $0.used + size - $0.capacity }.max() ?? size
        return min(size, max(1, beyond.rounded(.up)))
    }

    /// One search per capacity `household` is short of (a house short in several weeks is one
    /// capacity: its beds), in a fixed order, each up to its largest useful increase.
    func capacitySearches(for household: UnmovedHousehold, in plan: Plan) -> [CapacitySearch] {
        guard case .capacity(let shortages) = household.reason else { return [] }
        var seen: Set<CapacityResource> = []
        var searches: [CapacitySearch] = []
        for shortage in shortages.sorted(by: { ($0.kind.rawValue, $0.resourceID) < ($1.kind.rawValue, $1.resourceID) })
        where seen.insert(CapacityResource(shortage.kind, id: shortage.resourceID)).inserted {
            guard let now = SweptResource(shortage.kind, id: shortage.resourceID)?.currentValue(in: scenario),
                let largest = largestUsefulIncrease(of: shortage, for: household, in: plan)
            else { continue }
            let unit = shortage.kind == .budget ? (pathwayCosts(of: household.householdID)?.cheapest ?? 0) / 8 : 1
            guard unit > 0, largest > 0 else { continue }
            // Whole steps, the last one at or just above the largest useful increase.
            let limit = max(1, Int((largest / unit - 1e-9).rounded(.up)))
            searches.append(
                CapacitySearch(kind: shortage.kind, resourceID: shortage.resourceID, now: now, unit: unit, limit: limit)
            )
        }
        return searches
    }

    /// The fewest steps of `search` that move `householdID`, whose largest increase is known to move
    /// it, and how many re-plans that took. The capacity now does not move it (that is the plan being
    /// explained), so bisection starts between 0 steps (fails) and the largest (moves).
    func smallestIncrease(
        _ search: CapacitySearch, moving householdID: String, options: PlanningOptions
    ) throws -> (steps: Int, replans: Int, unproven: Int, cutByTime: Int) {
        var replans = 0
        var unproven = 0
        var cutByTime = 0
        var failed = 0
        var smallest = search.limit
        while smallest - failed > 1 {
            let middle = (failed + smallest) / 2
            replans += 1
            let outcome = try movedHouseholds(with: [search.change(middle)], options: options)
            if !outcome.proven { unproven += 1 }
            if outcome.cutByTime { cutByTime += 1 }
            if outcome.moved.contains(householdID) {
                smallest = middle
            } else {
                failed = middle
            }
        }
        return (smallest, replans, unproven, cutByTime)
    }

    /// For each set of changes, the households the plan of this scenario with them made moves. Each
    /// distinct set is planned once, on up to `jobs` threads (households short of the same capacities
    /// often share one: on the demo, five households' all-together checks are the same scenario), so
    /// households asking the same question get the same answer from the same plan.
    private func movedHouseholds(
        under changeSets: [[CapacityChange]], stage: ExplanationProgress.Stage, options: PlanningOptions, jobs: Int,
        progress: (@Sendable (ExplanationProgress) -> Void)?
    ) throws -> [ReplanOutcome] {
        var distinct: [[CapacityChange]] = []
        var position: [[CapacityChange]: Int] = [:]
        let slots = changeSets.map { changes in
            let key = changes.sorted { ($0.kind.rawValue, $0.resourceID) < ($1.kind.rawValue, $1.resourceID) }
            if let known = position[key] { return known }
            position[key] = distinct.count
            distinct.append(key)
            return distinct.count - 1
        }
        let plans = distinct
        progress?(ExplanationProgress(stage: stage, done: 0, total: plans.count))
        let moved = try Self.inParallel(
            plans.count, jobs: jobs,
            completed: progress.map { report in
                { @Sendable done in report(ExplanationProgress(stage: stage, done: done, total: plans.count)) }
            }
        ) { index in try self.movedHouseholds(with: plans[index], options: options) }
        return slots.map { moved[$0] }
    }

    /// The capacities (`kind/id`) that could move `householdID` if raised alone, as far as the
    /// capacities too small for it show: a way of moving it (a pathway in a start week, through one
    /// house) through a capacity smaller than its persons stays closed whatever the others do, so
    /// raising one capacity can open only ways whose every too-small capacity is that one. Nil when
    /// some way has no too-small capacity at all: then any capacity might, through the others'
    /// plans, and only re-planning tells.
    func capacitiesThatCouldMoveAlone(_ householdID: String, in formulation: Formulation) -> Set<CapacityResource>? {
        guard let member = scenario.households.firstIndex(where: { $0.id == householdID }),
            let householdClass = formulation.classes.firstIndex(where: { $0.members.contains(member) })
        else { return nil }
        var open: Set<CapacityResource> = []
        for position in formulation.movesOfClass[householdClass] {
            for (_, use) in formulation.concreteUses(ofMove: position) {
                var tooSmall: Set<CapacityResource> = []
                for (key, amount) in use where key != .budget {
                    guard Formulation.capacity(of: key, scenario: scenario) < amount - 1e-6 else { continue }
                    tooSmall.insert(Formulation.resource(of: key, scenario: scenario))
                }
                if tooSmall.isEmpty { return nil }
                if tooSmall.count == 1 { open.formUnion(tooSmall) }
            }
        }
        return open
    }

    /// The households the plan of this scenario with `changes` made moves (none when a change names
    /// a capacity not in the scenario), whether that plan is proven optimal or within the gap asked for
    /// (not stopped by its node or time limit), and whether the time limit cut it short.
    func movedHouseholds(with changes: [CapacityChange], options: PlanningOptions) throws -> ReplanOutcome {
        var changed = scenario
        for change in changes {
            guard let next = change.applied(to: changed) else {
                return ReplanOutcome(moved: [], proven: true, cutByTime: false)
            }
            changed = next
        }
        return ReplanOutcome(try Planner(scenario: changed, solver: solver, style: style).plan(options: options))
    }

    /// What the household's cheapest and costliest eligible pathways cost in money (all its persons).
    private func pathwayCosts(of householdID: String) -> (cheapest: Double, costliest: Double)? {
        guard let household = scenario.households.first(where: { $0.id == householdID }) else { return nil }
        let householdClass = householdClasses(of: [household])[0]
        var generator = PathwayGenerator(index: ScenarioIndex(scenario), reduction: nil)
        let costs = generator.options(for: householdClass).pathways.map(\.costPerPerson)
        guard let cheapest = costs.min(), let costliest = costs.max() else { return nil }
        return (cheapest * Double(household.size), costliest * Double(household.size))
    }

    /// `body(0)`, …, `body(count - 1)` on up to `jobs` threads, in index order; the first error in
    /// index order is thrown once all are done.
    private static func inParallel<Result: Sendable>(
        _ count: Int, jobs: Int, completed: (@Sendable (Int) -> Void)?,
        _ body: @escaping @Sendable (Int) throws -> Result
    ) throws -> [Result] {
        let outcomes = ParallelWork.map(count, width: jobs, completed: completed) { index in
            Swift.Result { try body(index) }
        }
        return try outcomes.map { try $0.get() }
    }
}

extension NotMovedExplanation {
    /// Counts one more re-plan answering for this household.
    fileprivate mutating func count(_ outcome: ReplanOutcome) {
        replans += 1
        if !outcome.proven { unprovenReplans += 1 }
        if outcome.cutByTime { timeLimitedReplans += 1 }
    }
}

/// An amount without a fraction when it has none.
private func formatAmount(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String((value * 100).rounded() / 100)
}

extension SweptResource {
    /// The resource a capacity of `kind` named `id` is (`id` is ignored for the budget).
    init?(_ kind: ResourceKind, id: String) {
        switch kind {
        case .beds: self = .beds(houseID: id)
        case .seats: self = .seats(legID: id)
        case .quota: self = .quota(programmeID: id)
        case .sharedQuota: self = .sharedQuota(id: id)
        case .documentService: self = .documentService(id: id)
        case .budget: self = .budget
        }
    }
}
