import LinearProgramming
import PassageScenario

/// Settings of one planning run; nil fields fall back to the scenario's `[solver]` table.
public struct PlanningOptions: Sendable {
    /// Wall-clock limit for the solver in seconds.
    public var timeLimitSeconds: Double?
    /// Relative MIP gap at which the solver may stop.
    public var mipGap: Double?
    /// Receives each line of solver output (for `--verbose`).
    public var solverLog: (@Sendable (String) -> Void)?
    /// Receives the solver's progress (phase, elapsed time, incumbent, bound) while it works.
    public var solverProgress: (@Sendable (SolverProgress) -> Void)?
    /// Branch-and-bound nodes at which each branch-and-cut solve stops, or nil for none. When set, the
    /// plan's work is limited instead of its time: no stage sizes its work by the time left (the bound
    /// runs its fixed iterations, route variants are always tried, the improvement makes all its
    /// passes), so the same scenario and settings give the same plan on any machine, whatever its load
    /// or thread count. The time limit is then only a safety net; `Plan.solver.stoppedBy` is `.time`
    /// when it cut some stage short, the one case in which the plan may differ between runs.
    public var nodeLimit: Int?

    public init(
        timeLimitSeconds: Double? = nil, mipGap: Double? = nil, solverLog: (@Sendable (String) -> Void)? = nil,
        solverProgress: (@Sendable (SolverProgress) -> Void)? = nil
    ) {
        self.timeLimitSeconds = timeLimitSeconds
        self.mipGap = mipGap
        self.solverLog = solverLog
        self.solverProgress = solverProgress
    }
}

/// Plans a scenario: builds the mixed-integer program, solves it, decodes the plan.
public struct Planner: Sendable {
    public let scenario: Scenario
    public let solver: any LinearSolver
    /// The plan being re-planned: households stay on their previous pathway unless a change buys
    /// more than the scenario's `change_penalty`, and the plan lists what changed.
    public let previous: PreviousPlan?
    /// The formulation to build (the compact one unless measuring against a baseline).
    public let style: FormulationStyle
    /// Models with more columns than this are built without seat rows, their bound pricing seats
    /// itself (`largeModelColumns` unless a test lowers it to exercise that path).
    let largeModelThreshold: Int
    /// Skips the bound and the improvement, going straight to branch-and-cut (with its seat rows
    /// added for overfilled legs): for tests of that stage on its own.
    var branchAndCutOnly = false
    /// Plans against the uncertainty instead of the typical case when set (docs/MODEL.md, "Robust
    /// plans"); every formulation this planner builds is then the robust one.
    public var robustness: RobustPlanning? = nil

    /// A planner for `scenario` solving with `solver` (the commands make it: PassageCommands' `SolverFactory`).
    public init(
        scenario: Scenario, solver: any LinearSolver,
        previous: PreviousPlan? = nil, style: FormulationStyle = .compact
    ) {
        self.init(
            scenario: scenario, solver: solver, previous: previous, style: style,
            largeModelThreshold: Planner.largeModelColumns)
    }

    /// A planner treating models above `largeModelThreshold` columns as large (for tests).
    init(
        scenario: Scenario, solver: any LinearSolver,
        previous: PreviousPlan? = nil, style: FormulationStyle = .compact, largeModelThreshold: Int
    ) {
        self.largeModelThreshold = largeModelThreshold
        self.style = style
        self.scenario = scenario
        self.solver = solver
        self.previous = previous?.counted(from: scenario.settings.startDate)
    }

    /// Solves and returns the plan. Throws only when the solver itself fails.
    public func plan(options: PlanningOptions = PlanningOptions()) throws -> Plan {
        try solve(options: options).plan
    }

    /// Solves and returns the plan with the formulation it comes from (the one `--export-model`
    /// writes). In the compact style, seat rows are added for legs a plan would overfill and the
    /// model is solved again, until no leg is overfilled (docs/MODEL.md, "The compact model"); if
    /// the time limit ends that, the greedy plan, which respects every seat, is returned with the
    /// last solve's bound.
    /// `first`, when given, is this planner's `formulation()`, already built.
    public func solve(starting first: Formulation? = nil, options: PlanningOptions = PlanningOptions()) throws -> (
        formulation: Formulation, plan: Plan
    ) {
        let solved = try solveKeepingSolution(starting: first, options: options)
        return (solved.formulation, solved.plan)
    }

    /// `solve(starting:options:)` with the solution the plan was decoded from.
    func solveKeepingSolution(starting first: Formulation? = nil, options: PlanningOptions = PlanningOptions()) throws
        -> (formulation: Formulation, plan: Plan, solution: Solution)
    {
        let started = ContinuousClock.now
        let timeLimit = options.timeLimitSeconds ?? scenario.settings.solver.timeLimitSeconds
        let mipGap = options.mipGap ?? scenario.settings.solver.mipGap
        func secondsLeft() -> Double? { timeLimit.map { max(0, $0 - secondsSince(started)) } }
        // With a node limit the time limit is a safety net: no stage plans its work by it.
        let workLimited = options.nodeLimit != nil
        // The limit that cut the planning short, if one did; the time limit's mark is never undone.
        var limitReached: SolveLimit?
        func reached(_ limit: SolveLimit?) {
            guard let limit, limitReached != .time else { return }
            limitReached = limit
        }
        var formulation = first ?? self.formulation()
        // What building a formulation of this size costs (route variants build it again): measured
        // when built here, else at about 5 µs a column (generated caseloads, 2-core machine).
        let buildSeconds = first == nil ? secondsSince(started) : 5e-6 * Double(formulation.model.variableCount)
        var seatLegs = formulation.seatLegs
        // The best plan known to respect every capacity (seats of every leg included), and the best
        // proven bound: what a solve cut short by the time limit returns.
        let greedyStarted = ContinuousClock.now
        // The bound's set-up (a copy of the model by column, the route tables) needs no plan: it is
        // made on the other core while the greedy plan is.
        let needsBound = style == .compact && !branchAndCutOnly
        let firstFormulation = formulation
        let (greedy, setUp) = ParallelChunks.both(
            { () -> (plan: [Double], seconds: Double) in
                let clock = ContinuousClock.now
                return (firstFormulation.greedySolution(), secondsSince(clock))
            }, { needsBound ? LagrangianRelaxation(firstFormulation) : nil })
        var start = greedy.plan
        // The greedy plan's own time: what each of the later greedy plans will take.
        let greedySeconds = greedy.seconds
        var known = (formulation: formulation, values: start, objective: formulation.model.objectiveValue(of: start))
        var lagrangianBound: Double?
        // Each stage's time, and where the plan and the bound stood at its end: in the plan's solver
        // report and, while the run lasts, in its progress.
        var stages = [
            SolveStage(kind: .formulation, seconds: first == nil ? buildSeconds : 0, objective: nil, bound: nil),
            SolveStage(kind: .greedy, seconds: secondsSince(greedyStarted), objective: known.objective, bound: nil),
        ]
        var stageStarted = ContinuousClock.now
        func endStage(_ kind: SolveStage.Kind, bound: Double?, progress phase: SolverProgress.Phase? = nil) {
            stages.append(
                SolveStage(kind: kind, seconds: secondsSince(stageStarted), objective: known.objective, bound: bound))
            stageStarted = .now
            if let phase {
                options.solverProgress?(
                    SolverProgress(
                        phase: phase, elapsedSeconds: secondsSince(started), incumbent: known.objective, bound: bound))
            }
        }
        func finish(_ formulation: Formulation, _ solution: Solution) -> (
            formulation: Formulation, plan: Plan, solution: Solution
        ) {
            var plan = decode(formulation, solution, options: options)
            plan.solver.stages = stages
            // A plan stopped early that no stage accounted for: count it as the time limit's.
            let stoppedEarly = [.timeLimitFeasible, .timeLimitNoSolution].contains(plan.solver.status)
            plan.solver.stoppedBy = limitReached ?? (stoppedEarly ? .time : nil)
            return (formulation, plan, solution)
        }
        // Every compact model, small or large, goes through one pipeline: bound, first plans,
        // improvement, then branch-and-cut with the time left. Branch-and-cut's own heuristics find
        // poor plans from a few hundred households up; fix-and-optimise finds far better ones first
        // (docs/MODEL.md, "Solving", measured there). The baselines (exhaustive, per household) go
        // straight to the solver: they are what the pipeline is measured against.
        if needsBound, let relaxation = setUp {
            // Its share of the time left, less the two greedy plans it prices and guides afterwards
            // (made side by side).
            let share = (workLimited ? nil : secondsLeft()).map {
                ContinuousClock.now + .seconds(max(0, $0 * Planner.lagrangianShare - greedySeconds))
            }
            let incumbent = known.objective
            let boundProgress = options.solverProgress.map { report in
                { @Sendable (bound: Double) in
                    report(
                        SolverProgress(
                            phase: .bound, elapsedSeconds: secondsSince(started), incumbent: incumbent, bound: bound))
                }
            }
            // With a time limit, the bound runs until its share of it (the longer, the closer to the
            // LP relaxation); without one, a fixed number of iterations.
            var result = relaxation.run(
                upperBound: known.objective,
                iterations: share == nil ? Planner.lagrangianIterations : Planner.lagrangianIterationLimit,
                targetGap: mipGap ?? 0, deadline: share, progress: boundProgress)
            var bound = result.bound
            // The step where the first run left it: a run going on from its prices starts there.
            let firstStep = result.step
            var relaxationNow = relaxation
            // The plans the bound prices, side by side: at the best bound's prices, and at the first
            // iterations' milder ones when the best came later (better plans at 10,000 households,
            // where the best bound's prices send too many households round capacities the greedy
            // plan respects anyway: docs/MODEL.md, "Bounds for large models"). A plan guided by
            // the bound's averaged choices is not made: it was the best first plan on none of ten
            // generated caseloads, and took a core for a greedy plan's time (MODEL.md, "First plans").
            let bounded = formulation
            let pricings = [result.prices] + (result.earlyPrices.map { [$0] } ?? [])
            let priced = ParallelChunks.map(pricings.count, pieces: pricings.count, smallest: 0) { range in
                range.map { bounded.greedySolution(prices: pricings[$0]) }
            }.flatMap { $0 }
            for plan in priced {
                let objective = formulation.model.objectiveValue(of: plan)
                if objective < known.objective {
                    start = plan
                    known = (formulation, plan, objective)
                }
            }
            endStage(.bound, bound: bound, progress: .bound)
            func closed() -> Bool {
                known.objective - bound <= max(mipGap ?? 0, Planner.optimalityTolerance) * max(1, abs(known.objective))
            }
            var outOfTime = secondsLeft().map { $0 <= 0 } ?? false
            if outOfTime { reached(.time) }
            // Building the formulation again must leave time to use it.
            // A robust model has no route variants: a route the bound found could lodge in a week
            // whose stay at the quantile the house cannot take.
            let timeForVariants =
                robustness == nil && (workLimited || secondsLeft().map { $0 > 3 * buildSeconds } ?? true)
            if !closed() && !outOfTime && timeForVariants {
                // The ways the bound found cheapest that the formulation left out (other routes to
                // the same lodging week) join it as columns: docs/MODEL.md, "Route variants".
                let variants = routeVariants(of: formulation, relaxation: relaxation, result: result)
                if !variants.isEmpty {
                    let enlarged = Formulation(extending: formulation, variants: variants)
                    relaxationNow = LagrangianRelaxation(enlarged)
                    let again = relaxationNow.run(
                        upperBound: known.objective, iterations: Planner.variantIterations, targetGap: mipGap ?? 0,
                        deadline: share, initial: result.rowPrices,
                        initialStep: Planner.continuingStep(after: firstStep))
                    bound = max(bound, again.bound)
                    formulation = enlarged
                    result = again
                    // The best plan so far, carried into the enlarged formulation's columns, or a
                    // greedy plan on it when one is better.
                    let carried = enlarged.translating(known.values, from: known.formulation)
                    var best = (values: carried, objective: enlarged.model.objectiveValue(of: carried))
                    let (enlargedNow, prices) = (enlarged, again.prices)
                    let (priced, plain) = ParallelChunks.both(
                        { enlargedNow.greedySolution(prices: prices) }, { enlargedNow.greedySolution() })
                    for plan in [priced, plain] {
                        let objective = enlarged.model.objectiveValue(of: plan)
                        if objective < best.objective { best = (plan, objective) }
                    }
                    known = (enlarged, best.values, best.objective)
                    endStage(.routeVariants, bound: bound, progress: .bound)
                }
            }
            lagrangianBound = bound
            var search = FixAndOptimise(formulation: formulation, solver: solver)
            // When one neighbourhood holds every class, its MIP is the whole model: branch-and-cut
            // solves that once instead of again for each neighbourhood (the demo: 1.6 s saved).
            if !closed() && !outOfTime && !search.holdsEveryClass {
                // Small MIPs over neighbourhoods of competing classes, everything else fixed, improve
                // the plan with the time left (less a little for decoding): docs/MODEL.md, "Improving
                // the plan: fix and optimise".
                // The fill after it walks the unmoved classes' columns, as the greedy plan walks all.
                let reserve = timeLimit.map {
                    started + .seconds(max(0, $0 * (1 - Planner.decodingShare) - Planner.fillShare * greedySeconds))
                }
                if let report = options.solverProgress {
                    let provenBound = bound
                    search.progress = { objective in
                        report(
                            SolverProgress(
                                phase: .improvement, elapsedSeconds: secondsSince(started), incumbent: objective,
                                bound: provenBound))
                    }
                }
                // The local search first (most of the gain, in a fraction of the time), then
                // fix-and-optimise from its plan; planned by work, its ruin-and-recreate trials are a
                // fixed number instead of a share of the time.
                var localSearch = PlanLocalSearch(formulation: formulation)
                if reserve == nil || workLimited { localSearch.trials = Planner.recreateTrials }
                let improvement = PlanImprovement(localSearch: localSearch, fixAndOptimise: search)
                let outcome: PlanImprovement.Outcome
                if let reserve, !workLimited {
                    // The improvement solves one neighbourhood's MIP at a time on one core, nearly
                    // always (neighbourhoods that may run side by side are rare); the bound goes on
                    // from its best prices on the other core until the improvement ends. With no
                    // time limit, or planning by work (a node limit), the stages keep their fixed
                    // work, one after the other, so the bound does not depend on the clock.
                    let beside = improveBesideTheBound(
                        improvement, from: known.values, prices: result.prices, deadline: reserve,
                        relaxation: relaxationNow, upperBound: known.objective, rowPrices: result.rowPrices,
                        step: firstStep, targetGap: mipGap ?? 0)
                    outcome = beside.improved
                    bound = max(bound, beside.bound)
                    lagrangianBound = bound
                } else {
                    outcome = improvement.improve(known.values, prices: result.prices, deadline: reserve)
                }
                // The two parts of the stage, each with its time and where the plan stood after it.
                let searched = outcome.localSearch
                stages.append(
                    SolveStage(
                        kind: .localSearch, seconds: outcome.localSearchSeconds,
                        objective: min(known.objective, searched.objective), bound: bound))
                stageStarted = stageStarted + .seconds(outcome.localSearchSeconds)
                let improved = outcome.fixAndOptimise
                if improved.objective < known.objective {
                    known = (formulation, improved.values, improved.objective)
                }
                outOfTime = improved.stoppedByDeadline
                if improved.stoppedByDeadline || improved.cutByTime && workLimited { reached(.time) }
                endStage(.improvement, bound: bound)
                // Room the neighbourhoods freed that no neighbourhood's class could use goes to the
                // households still unmoved (`Formulation.filling`).
                let filled = known.formulation.filling(known.values)
                let filledObjective = known.formulation.model.objectiveValue(of: filled)
                if filledObjective < known.objective { known = (known.formulation, filled, filledObjective) }
                endStage(.fill, bound: bound)
            }
            start = known.values
            // Within the gap asked for, or out of time: the time left would not let GLPK load the
            // model and solve its relaxation, let alone improve the plan.
            let closed = closed()
            if closed || outOfTime {
                let plan = known.formulation.solution(
                    known.values, status: closed ? closedStatus(known.objective, bound) : .timeLimitFeasible,
                    bound: bound,
                    seconds: secondsSince(started))
                return finish(known.formulation, plan)
            }
        }
        while true {
            var remaining = options
            remaining.timeLimitSeconds = secondsLeft()
            var solution = try solve(formulation, start: start, options: remaining)
            reached(solution.stoppedBy)
            if let lagrangianBound, lagrangianBound > solution.bestBound ?? -.infinity {
                solution.bestBound = lagrangianBound
            }
            if formulation.style == .compact, solution.status != .infeasible, solution.status != .unbounded,
                (solution.objectiveValue ?? .infinity) > known.objective + 1e-6 * max(1, abs(known.objective))
            {
                // The solver ended with no plan, or a worse one than the plan it was given (a backend
                // may drop a start it cannot use): the best plan known is returned, with the best bound.
                let kept = known.formulation.solution(
                    known.values, status: .timeLimitFeasible, bound: solution.bestBound,
                    seconds: secondsSince(started))
                endStage(.branchAndCut, bound: solution.bestBound)
                return finish(known.formulation, kept)
            }
            let overfilled = formulation.overfilledLegs(solution)
            if overfilled.isEmpty || formulation.style != .compact {
                if let objective = solution.objectiveValue, objective < known.objective {
                    known = (formulation, solution.values, objective)
                }
                endStage(.branchAndCut, bound: solution.bestBound)
                return finish(formulation, solution)
            }
            if let left = remaining.timeLimitSeconds,
                left <= 0 || solution.status != .optimal && solution.status != .feasible
            {
                // Out of time with a plan that overfills a leg: fall back to the best plan known to
                // respect every seat, with the best bound (dropping seat rows only relaxes the model).
                let fallback = known.formulation.solution(
                    known.values, status: .timeLimitFeasible, bound: solution.bestBound,
                    seconds: solution.solveSeconds)
                endStage(.branchAndCut, bound: solution.bestBound)
                return finish(known.formulation, fallback)
            }
            seatLegs.formUnion(overfilled)
            formulation = Formulation(
                scenario: scenario, previous: previous, style: style, seatLegs: seatLegs, robustness: robustness)
            start = formulation.greedySolution()
            let objective = formulation.model.objectiveValue(of: start)
            if objective < known.objective { known = (formulation, start, objective) }
        }
    }

    /// Relative difference between a plan's objective and a proven bound below which the plan is
    /// reported optimal (floating-point sums of the bound; GLPK's own default tolerance is finer).
    static let optimalityTolerance = 1e-9

    /// `.optimal` when the bound proves the plan optimal, else `.feasible` (within the gap asked for).
    private func closedStatus(_ objective: Double, _ bound: Double) -> SolveStatus {
        objective - bound <= Planner.optimalityTolerance * max(1, abs(objective)) ? .optimal : .feasible
    }

    /// Subgradient iterations of the Lagrangian bound without a time limit, and the most of the time
    /// limit they may take: the plans and their improvement get the rest (docs/MODEL.md, "Bounds for
    /// large models").
    static let lagrangianIterations = 300
    /// The most subgradient iterations of a bound with a time limit. It stops at its share of the
    /// limit first from a few hundred households up (about 2,000 iterations take 30 s at 2,000
    /// households); a small model makes all of them in well under a second.
    static let lagrangianIterationLimit = 1_000
    static let lagrangianShare = 0.5
    /// Halvings of the step without a better bound after which the bound beside the improvement
    /// stops: when the first run already converged (a long time limit), it stops within about a
    /// hundred iterations instead of taking CPU from the improvement for the rest of the limit.
    static let besideStalls = 2
    /// The share of the time limit kept for decoding the plan after fix-and-optimise.
    static let decodingShare = 0.05
    /// The time the fill after fix-and-optimise takes, as a share of the greedy plan's: it walks
    /// only the classes left unmoved (at 10,000 households 0.37 s against the greedy plan's 1.2 s).
    static let fillShare = 0.4
    /// The step factor a run going on from another's best prices starts with: where that run left it
    /// (`step`), times 4 so that it can move again, at most 2. From 2 itself, the route-variant run
    /// overshot and never beat the first run's bound in its 30 iterations (2,000 households, seed
    /// 4242: 437,056.9 after it; 438,013.8 from the step left, `passage-bench master --households
    /// 2000 --seed 4242 --variant-rounds 1`).
    static func continuingStep(after step: Double) -> Double { min(2, 4 * step) }

    /// Route variants added for each class's cheapest columns at the bound's prices, and the
    /// iterations of the bound on the enlarged formulation, started from the first run's prices.
    static let variantsPerClass = 8
    static let variantIterations = 30

    /// Ruin-and-recreate trials of the local search when the stages keep a fixed amount of work (no
    /// time limit, or planning by a node limit); with a time limit they take half the time its
    /// passes leave (`PlanLocalSearch`). About half a second at 2,000 households.
    static let recreateTrials = 2_000

    /// `improvement.improve` from `values` until `deadline`, with the Lagrangian bound going on beside it
    /// on another thread from `rowPrices` and the step factor where the run that found them left it
    /// (`step`, see `continuingStep(after:)`) until the improvement ends, or until it stalls (`besideStalls`) and leaves
    /// the core to whatever else runs. Returns the improvement and the best bound that run found.
    func improveBesideTheBound(
        _ improvement: PlanImprovement, from values: [Double], prices: [Double], deadline: ContinuousClock.Instant,
        relaxation: LagrangianRelaxation, upperBound: Double, rowPrices: LagrangianRelaxation.Prices,
        step: Double, targetGap: Double
    ) -> (improved: PlanImprovement.Outcome, bound: Double) {
        enum Work: Sendable {
            case improved(PlanImprovement.Outcome)
            case bound(Double)
        }
        let beside = {
            var single = relaxation
            single.pieces = 1
            return single
        }()
        let finished = StopSignal()
        // Once the bound has stopped (it stalls long before a long limit ends), its core solves the
        // improvement's next neighbourhood ahead of time; the plan is the same either way.
        let boundEnded = StopSignal()
        let improving = {
            var ahead = improvement
            ahead.fixAndOptimise.spareCore = { boundEnded.isRaised }
            return ahead
        }()
        let outcomes = ParallelWork.map(2, width: 2) { i -> Work in
            if i == 0 {
                defer { finished.raise() }
                return .improved(improving.improve(values, prices: prices, deadline: deadline))
            }
            defer { boundEnded.raise() }
            let result = beside.run(
                upperBound: upperBound, iterations: Planner.lagrangianIterationLimit, targetGap: targetGap,
                deadline: deadline, initial: rowPrices, initialStep: Planner.continuingStep(after: step),
                stop: finished,
                stalls: Planner.besideStalls)
            return .bound(result.bound)
        }
        guard case .improved(let improved) = outcomes[0], case .bound(let bound) = outcomes[1] else {
            preconditionFailure("ParallelWork.map returns its results in index order")
        }
        return (improved, bound)
    }

    /// For each class, the routes its `variantsPerClass` cheapest columns take at the prices of the
    /// best bound where they differ from the columns' own (each a pathway and start week; a pathway
    /// the class has already is not repeated).
    func routeVariants(
        of formulation: Formulation, relaxation: LagrangianRelaxation, result: LagrangianRelaxation.Result
    ) -> [Int: [(pathway: Pathway, startWeek: Int)]] {
        let positions = FixAndOptimise.cheapestMoves(
            of: formulation, prices: result.prices, count: Planner.variantsPerClass
        ).flatMap { $0 }
        let found = relaxation.routeVariants(
            at: result.rowPrices, columns: positions.map { formulation.moves[$0].variable.index })
        var positionOfColumn: [Int: Int] = [:]
        for position in positions { positionOfColumn[formulation.moves[position].variable.index] = position }
        var seen: Set<MasterWay> = []
        // Only the classes with a variant: what they have already.
        let classes = Set(found.compactMap { positionOfColumn[$0.column].map { formulation.moves[$0].householdClass } })
        for c in classes.sorted() {
            for (p, pathway) in formulation.options[c].pathways.enumerated() {
                for week in formulation.options[c].startWeeks[p] {
                    seen.insert(MasterWay(householdClass: c, pathway: pathway, startWeek: week))
                }
            }
        }
        var variants: [Int: [(pathway: Pathway, startWeek: Int)]] = [:]
        for way in found {
            guard let position = positionOfColumn[way.column] else { continue }
            let move = formulation.moves[position]
            let c = move.householdClass
            let pathway = formulation.options[c].pathways[move.pathway]
            let variant = pathway.travelling(way.outbound, way.onward, scenario: scenario)
            guard seen.insert(MasterWay(householdClass: c, pathway: variant, startWeek: way.startWeek)).inserted else {
                continue
            }
            variants[c, default: []].append((variant, way.startWeek))
        }
        return variants
    }

    /// The mixed-integer program of the scenario before any seat row is added for an overfilled
    /// leg: in the compact style, seat rows exist for the legs that may fill, unless the model is large.
    ///
    /// The compact style starts with seat rows for every leg that could fill
    /// (`PathwayReduction.legsThatMayFill`): its relaxation is then the exhaustive model's. Those rows
    /// stop routes through different seat rows from dominating one another, which on generated
    /// caseloads multiplies the columns by about seven. A large model (more than
    /// `largeModelThreshold` columns without seat rows) therefore has none: its Lagrangian bound
    /// prices every leg's seats itself (`RouteAlternatives`), and fix-and-optimise checks them
    /// (docs/MODEL.md, "Bounds for large models").
    public func formulation() -> Formulation {
        let bare = Formulation(scenario: scenario, previous: previous, style: style, robustness: robustness)
        guard style == .compact, bare.model.variableCount <= largeModelThreshold else { return bare }
        let legs = PathwayReduction.legsThatMayFill(scenario, previous: previous)
        return legs.isEmpty
            ? bare
            : Formulation(scenario: scenario, previous: previous, style: style, seatLegs: legs, robustness: robustness)
    }

    /// The model `--export-model` writes for a plan solved from `solved`: the full model, with a seat
    /// row for every leg that may fill, which a large model's formulation leaves out (its bound
    /// prices those seats itself). Another solver can then check both the plan's objective (a
    /// feasible solution of it at most that objective exists) and the bound (never above its
    /// optimum). It is about seven times the columns of a large formulation (docs/MODEL.md, "Size").
    /// Its columns are named (`Formulation.named()`); the planner's own are not.
    public func fullModel(of solved: Formulation) -> Formulation {
        guard style == .compact else { return solved.named() }
        let legs = PathwayReduction.legsThatMayFill(scenario, previous: previous).union(solved.seatLegs)
        guard !legs.isSubset(of: solved.seatLegs) else { return solved.named() }
        return Formulation(scenario: scenario, previous: previous, style: style, seatLegs: legs, robustness: robustness)
            .named()
    }

    /// Models with more columns than this are large: GLPK's LP relaxation does not finish within a
    /// few seconds (generated caseloads, `make bench` at commit 5083a82: none of 122,897 or 893,728
    /// columns within 10 s), so they are built without seat rows and the Lagrangian bound prices
    /// every leg's seats itself (docs/MODEL.md, "Bounds for large models").
    public static let largeModelColumns = 60_000

    /// Solves a formulation of this planner's scenario once (no seat rows are added) and decodes the plan.
    public func plan(_ formulation: Formulation, options: PlanningOptions = PlanningOptions()) throws -> Plan {
        decode(formulation, try solve(formulation, options: options), options: options)
    }

    /// The urgency-first greedy plan (most urgent, longest waiting first, earliest then cheapest
    /// pathway with room): the way coordinators assign by hand, and the baseline of the benchmarks.
    public func greedyPlan(_ formulation: Formulation) -> Plan {
        let solution = formulation.solution(formulation.greedySolution(), status: .feasible, bound: nil, seconds: 0)
        return decode(formulation, solution, options: PlanningOptions())
    }

    private func solve(_ formulation: Formulation, start: [Double]? = nil, options: PlanningOptions) throws -> Solution
    {
        let limits = scenario.settings.solver
        var solverOptions = SolverOptions(
            timeLimit: options.timeLimitSeconds ?? limits.timeLimitSeconds,
            relativeGap: options.mipGap ?? limits.mipGap, log: options.solverLog)
        solverOptions.progress = options.solverProgress
        solverOptions.nodeLimit = options.nodeLimit
        // The urgency-first greedy plan is the first incumbent: a solve stopped early is never worse.
        solverOptions.startSolution = start ?? formulation.greedySolution()
        // Once the relaxation is solved, the same greedy guided by it is usually far better.
        solverOptions.startFromRelaxation = { relaxation in formulation.greedySolution(guide: relaxation) }
        return try solver.solve(formulation.model, options: solverOptions)
    }

    func decode(_ formulation: Formulation, _ solution: Solution, options: PlanningOptions) -> Plan {
        let limits = scenario.settings.solver
        var plan = PlanDecoder(
            formulation: formulation, solution: solution,
            limits: (options.timeLimitSeconds ?? limits.timeLimitSeconds, options.mipGap ?? limits.mipGap)
        ).decode()
        plan.solver.nodeLimit = options.nodeLimit
        plan.solver.stoppedBy = solution.stoppedBy
        return plan
    }
}

/// Seconds elapsed since `start`.
private func secondsSince(_ start: ContinuousClock.Instant) -> Double { start.duration(to: .now).seconds }
