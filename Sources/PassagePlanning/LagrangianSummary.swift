import LinearProgramming

/// What the Lagrangian bound of large models achieves on a scenario: measured by
/// `passage-bench lagrangian` (docs/MODEL.md, "Bounds for large models").
public struct LagrangianSummary: Sendable {
    /// Household classes (households that are interchangeable), rows, columns and non-zeros of the
    /// formulation bounded.
    public var classes: Int, rows: Int, columns: Int, nonzeros: Int
    /// Seconds to build the formulation.
    public var buildSeconds: Double
    /// Objective of the plain urgency-first greedy plan, and seconds to make it.
    public var greedyObjective: Double, greedySeconds: Double
    /// The Lagrangian bound, its iterations and seconds.
    public var bound: Double, iterations: Int, boundSeconds: Double
    /// Objectives of the greedy plans priced and guided by it.
    public var pricedObjective: Double, guidedObjective: Double
    /// Objective of the greedy plan at the first iterations' prices, when the best bound came later.
    public var earlyPricedObjective: Double?
    /// With `improveSeconds` or `improveNeighbourhoods`: the best of the plans after
    /// fix-and-optimise at the bound's prices, the neighbourhoods it solved and its seconds.
    public var improvedObjective: Double?
    public var improvedNeighbourhoods: Int?
    public var improveSeconds: Double?
    /// With `localSearchTrials`: the best of the plans after the local search (before any
    /// fix-and-optimise, which then starts from it), its passes, changes, trials kept and seconds.
    public var localSearchObjective: Double?
    public var localSearchPasses: Int?
    public var localSearchChanges: Int?
    public var localSearchKeptTrials: Int?
    public var localSearchSeconds: Double?
}

extension Planner {
    /// Builds the compact formulation (with seat rows for every leg that may fill when
    /// `everySeatRowThatMayFill`, else none, as large models start) and measures its Lagrangian
    /// bound and greedy plans, with no time limit (`iterations` steps, the planner's by default), then,
    /// with `improveSeconds`, improves the best of the plans by fix-and-optimise for that long, or with
    /// `improveNeighbourhoods` for that many neighbourhoods (the same work on every machine), each
    /// solve stopped after `nodesPerSolve` nodes (fix-and-optimise's own limit by default).
    /// `sifting: false` prices every column at every iteration, as before sifting (to compare).
    /// With `localSearchTrials`, the local search (its passes, then that many ruin-and-recreate
    /// trials, no deadline: the same plan on every machine) improves the best plan first.
    public func lagrangianSummary(
        everySeatRowThatMayFill: Bool, iterations: Int? = nil, sifting: Bool = true,
        improveSeconds: Double? = nil, improveNeighbourhoods: Int? = nil, nodesPerSolve: Int? = nil,
        localSearchTrials: Int? = nil
    ) -> LagrangianSummary {
        let clock = ContinuousClock()
        var formulation: Formulation!
        let build = clock.measure {
            let legs = everySeatRowThatMayFill ? PathwayReduction.legsThatMayFill(scenario, previous: previous) : []
            formulation = Formulation(scenario: scenario, previous: previous, style: .compact, seatLegs: legs)
        }
        let model = formulation.model
        var greedy: [Double] = []
        let greedyTime = clock.measure { greedy = formulation.greedySolution() }
        let greedyObjective = model.objectiveValue(of: greedy)
        var result: LagrangianRelaxation.Result!
        let boundTime = clock.measure {
            var relaxation = LagrangianRelaxation(formulation)
            if !sifting { relaxation.sifting = nil }
            result = relaxation.run(
                upperBound: greedyObjective, iterations: iterations ?? Planner.lagrangianIterations, targetGap: 0,
                deadline: nil)
        }
        let priced = formulation.greedySolution(prices: result.prices)
        let guided = formulation.greedySolution(guide: result.guide)
        let earlyPriced = result.earlyPrices.map { formulation.greedySolution(prices: $0) }
        var improved: FixAndOptimise.Outcome?
        var improveTime: Duration?
        var best = ([greedy, priced, guided] + (earlyPriced.map { [$0] } ?? [])).min {
            model.objectiveValue(of: $0) < model.objectiveValue(of: $1)
        }!
        var searched: PlanLocalSearch.Outcome?
        var searchTime: Duration?
        if let localSearchTrials {
            var search = PlanLocalSearch(formulation: formulation)
            search.trials = localSearchTrials
            let start = best
            searchTime = clock.measure { searched = search.improve(start, prices: result.prices, deadline: nil) }
            best = searched!.values
        }
        if improveSeconds != nil || improveNeighbourhoods != nil {
            var search = FixAndOptimise(formulation: formulation, solver: solver)
            search.neighbourhoodLimit = improveNeighbourhoods
            if let nodesPerSolve { search.nodesPerSolve = nodesPerSolve }
            improveTime = clock.measure {
                improved = search.improve(
                    best, prices: result.prices, deadline: improveSeconds.map { .now + .seconds($0) })
            }
        }
        return LagrangianSummary(
            classes: formulation.classes.count, rows: model.constraintCount, columns: model.variableCount,
            nonzeros: model.nonzeroCount,
            buildSeconds: build.seconds, greedyObjective: greedyObjective, greedySeconds: greedyTime.seconds,
            bound: result.bound, iterations: result.iterations, boundSeconds: boundTime.seconds,
            pricedObjective: model.objectiveValue(of: priced), guidedObjective: model.objectiveValue(of: guided),
            earlyPricedObjective: earlyPriced.map { model.objectiveValue(of: $0) },
            improvedObjective: improved?.objective, improvedNeighbourhoods: improved?.solved,
            improveSeconds: improveTime?.seconds, localSearchObjective: searched?.objective,
            localSearchPasses: searched?.passes, localSearchChanges: searched?.changes,
            localSearchKeptTrials: searched?.keptTrials, localSearchSeconds: searchTime?.seconds)
    }
}

/// A restricted master of a scenario (`RestrictedMaster`) with the plan and bound it was made from:
/// measured by `passage-bench master`.
public struct RestrictedMasterSummary: Sendable {
    /// The master, named, ready for a model file.
    public var model: LinearModel
    /// Classes and the move columns per class it holds.
    public var classes: Int, columnsPerClass: Int
    /// The best of the greedy plans (urgency-first, priced, guided) and the Lagrangian bound.
    public var planObjective: Double, bound: Double
}

extension Planner {
    /// The compact formulation without seat rows (as large models start), its Lagrangian bound
    /// (every iteration, no time limit) and greedy plans, then the restricted master over each
    /// class's `columnsPerClass` columns cheapest at the bound's prices and the best plan's columns.
    /// The best plan is a solution of the master, so the master's optimum is at most its objective.
    public func restrictedMaster(columnsPerClass: Int, variantRounds: Int = 0) -> RestrictedMasterSummary {
        var formulation = Formulation(scenario: scenario, previous: previous, style: .compact)
        var greedy = formulation.greedySolution()
        var relaxation = LagrangianRelaxation(formulation)
        var result = relaxation.run(
            upperBound: formulation.model.objectiveValue(of: greedy), iterations: Planner.lagrangianIterations,
            targetGap: 0, deadline: nil)
        var bound = result.bound
        // Rounds of route variants, as the planner's one: each adds the ways the last bound's prices
        // favour that the formulation lacks, then prices again from there, with the step where the
        // last run left it (as `Planner.solve`).
        var variants: [Int: [(pathway: Pathway, startWeek: Int)]] = [:]
        for _ in 0..<variantRounds {
            let found = routeVariants(of: formulation, relaxation: relaxation, result: result)
            guard !found.isEmpty else { break }
            for (c, extra) in found { variants[c, default: []].append(contentsOf: extra) }
            formulation = Formulation(extending: formulation, variants: variants)
            greedy = formulation.greedySolution()
            relaxation = LagrangianRelaxation(formulation)
            result = relaxation.run(
                upperBound: formulation.model.objectiveValue(of: greedy), iterations: Planner.variantIterations,
                targetGap: 0, deadline: nil, initial: result.rowPrices,
                initialStep: Planner.continuingStep(after: result.step))
            bound = max(bound, result.bound)
        }
        let model = formulation.model
        let plans = [
            greedy, formulation.greedySolution(prices: result.prices), formulation.greedySolution(guide: result.guide),
        ]
        let best = plans.min { model.objectiveValue(of: $0) < model.objectiveValue(of: $1) }!
        var master = RestrictedMaster(formulation)
        master.add(
            FixAndOptimise.cheapestMoves(
                of: formulation, prices: result.prices, count: columnsPerClass, cheaperThanUnmoved: false))
        master.add(
            formulation.movesOfClass.map { range in range.filter { best[formulation.moves[$0].variable.index] > 0.5 } })
        return RestrictedMasterSummary(
            model: master.model(), classes: formulation.classes.count, columnsPerClass: columnsPerClass,
            planObjective: model.objectiveValue(of: best), bound: bound)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
