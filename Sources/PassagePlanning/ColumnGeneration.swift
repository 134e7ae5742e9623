import LinearProgramming

/// One round of column generation: the restricted master's LP, and the Lagrangian bound at its duals.
public struct ColumnGenerationRound: Sendable {
    /// Round number, from 1.
    public var round: Int
    /// Size of the master solved this round.
    public var rows: Int, columns: Int
    /// Optimum of the master's LP relaxation (nil if the solver gave none), and the solver's seconds.
    public var masterObjective: Double?
    public var masterSeconds: Double
    /// The Lagrangian bound at the master's duals (a valid bound on the full model), and the best so far.
    public var bound: Double, bestBound: Double
    /// Columns with a negative reduced cost that joined the master for the next round.
    public var added: Int
    /// Seconds spent pricing and rebuilding the formulation for the added route variants.
    public var pricingSeconds: Double
}

/// What `Planner.columnGeneration` found: measured by `passage-bench colgen`.
public struct ColumnGenerationSummary: Sendable {
    /// Classes of the scenario.
    public var classes: Int
    /// The best greedy plan and the subgradient bound the rounds started from.
    public var startPlan: Double, startBound: Double
    /// Each round's figures.
    public var rounds: [ColumnGenerationRound]
    /// The last master as a mixed-integer program (named, for a model file).
    public var master: LinearModel
    /// Plans made after the rounds, each with what it is (with `improveSeconds`).
    public var plans: [(label: String, objective: Double)] = []
}

extension Planner {
    /// Column generation over the compact formulation without seat rows, as far as `rounds` rounds
    /// (docs/MODEL.md, "The scale targets: where they stand").
    ///
    /// It starts as `restrictedMaster(columnsPerClass:)` does: the subgradient bound, the best
    /// greedy plan's columns and each class's `columnsPerClass` columns cheapest at the bound's
    /// prices. Each round solves the master's LP relaxation with this planner's solver (every
    /// capacity row, seats of every leg included), prices every class at its duals with the
    /// Lagrangian relaxation (so each column takes its cheapest route at the seat duals: route
    /// variants join the formulation as they are found), and adds each class's up to
    /// `columnsPerClass` columns of negative reduced cost. The Lagrangian value at the duals is a
    /// valid bound on the full model every round; when no column prices out, the master's LP is the
    /// full model's.
    ///
    /// The masters' LPs are solved by `lpSolver`, with pooled moves expanded by house when
    /// `expandingPools` (`RestrictedMaster.modelWithRows(expandingPools:)`). With `improveSeconds`, two plans are improved by
    /// fix-and-optimise (with this planner's solver) for that long each, to compare: the planner's
    /// way (from the best greedy plan, at the subgradient's prices) and from the last master's LP
    /// (the greedy plan it guides, at the Lagrangian prices of its duals).
    public func columnGeneration(
        rounds: Int, columnsPerClass: Int, lpSolver: any LinearSolver, expandingPools: Bool = false,
        improveSeconds: Double? = nil,
        planReport: (String, Double) -> Void = { _, _ in }, report: (ColumnGenerationRound) -> Void = { _ in }
    ) throws -> ColumnGenerationSummary {
        var formulation = Formulation(scenario: scenario, previous: previous, style: .compact)
        var relaxation = LagrangianRelaxation(formulation)
        let greedy = formulation.greedySolution()
        let start = relaxation.run(
            upperBound: formulation.model.objectiveValue(of: greedy), iterations: Planner.lagrangianIterations,
            targetGap: 0, deadline: nil)
        let model = formulation.model
        let plans = [
            greedy, formulation.greedySolution(prices: start.prices), formulation.greedySolution(guide: start.guide),
        ]
        let best = plans.min { model.objectiveValue(of: $0) < model.objectiveValue(of: $1) }!
        let startPlan = model.objectiveValue(of: best)
        let startFormulation = formulation
        var lastLP: (formulation: Formulation, values: [Double], prices: [Double])?
        var bound = start.bound
        var variants: [Int: [(pathway: Pathway, startWeek: Int)]] = [:]
        var members: [[MasterWay]] = Array(repeating: [], count: formulation.classes.count)
        var known: Set<MasterWay> = []
        func join(_ way: MasterWay) -> Bool {
            guard known.insert(way).inserted else { return false }
            members[way.householdClass].append(way)
            return true
        }
        let first = FixAndOptimise.cheapestMoves(
            of: formulation, prices: start.prices, count: columnsPerClass, cheaperThanUnmoved: false)
        for positions in first { for p in positions { _ = join(MasterWay(formulation, move: p)) } }
        for p in formulation.moves.indices where best[formulation.moves[p].variable.index] > 0.5 {
            _ = join(MasterWay(formulation, move: p))
        }
        var summaryRounds: [ColumnGenerationRound] = []
        var master = RestrictedMaster(formulation)
        for round in 1...max(1, rounds) {
            var position: [MasterWay: Int] = [:]
            for p in formulation.moves.indices { position[MasterWay(formulation, move: p)] = p }
            master = RestrictedMaster(formulation)
            master.add(members.map { ways in ways.compactMap { position[$0] } })
            let (lp, capacityRows, formulationColumns) = master.modelWithRows(expandingPools: expandingPools)
            var options = SolverOptions(relaxIntegrality: true)
            options.computeDuals = true
            let solution = try lpSolver.solve(lp, options: options)
            guard solution.status == .optimal, solution.rowDuals.count == lp.constraintCount else {
                summaryRounds.append(
                    ColumnGenerationRound(
                        round: round, rows: lp.constraintCount, columns: lp.variableCount, masterObjective: nil,
                        masterSeconds: solution.solveSeconds, bound: -.infinity, bestBound: bound, added: 0,
                        pricingSeconds: 0))
                report(summaryRounds.last!)
                break
            }
            let pricingStarted = ContinuousClock.now
            // Duals of ≤ rows in a minimisation are ≤ 0: their negation is the price of a unit.
            let unitPrices = capacityRows.mapValues { -solution.rowDuals[$0] }
            let evaluated = relaxation.run(
                upperBound: startPlan, iterations: 1, targetGap: 0, deadline: nil,
                initial: relaxation.prices(perUnit: unitPrices))
            bound = max(bound, evaluated.bound)
            var guide = [Double](repeating: 0, count: formulation.model.variableCount)
            for (k, columns) in formulationColumns.enumerated() {
                for column in columns { guide[column] += solution.values[k] }
            }
            lastLP = (formulation, guide, evaluated.prices)
            // Each class's columns cheaper at the duals than its row's dual (a negative reduced cost).
            let priced = FixAndOptimise.pricedMoves(of: formulation, prices: evaluated.prices, count: columnsPerClass)
            var entering: [Int] = []
            for (c, list) in priced.enumerated() {
                let classDual = solution.rowDuals[c]
                for (price, p) in list where price < classDual - 1e-6 * max(1, abs(classDual)) { entering.append(p) }
            }
            let routes = relaxation.routeVariants(
                at: evaluated.rowPrices, columns: entering.map { formulation.moves[$0].variable.index })
            var routeOf: [Int: (outbound: Route, startWeek: Int, onward: Route)] = [:]
            for found in routes { routeOf[found.column] = (found.outbound, found.startWeek, found.onward) }
            var added = 0
            var newVariants = false
            for p in entering {
                let move = formulation.moves[p]
                let c = move.householdClass
                guard let route = routeOf[move.variable.index] else {
                    if join(MasterWay(formulation, move: p)) { added += 1 }
                    continue
                }
                let pathway = formulation.options[c].pathways[move.pathway].travelling(
                    route.outbound, route.onward, scenario: scenario)
                let way = MasterWay(householdClass: c, pathway: pathway, startWeek: route.startWeek)
                guard join(way) else { continue }
                added += 1
                if position[way] == nil {
                    variants[c, default: []].append((pathway, route.startWeek))
                    newVariants = true
                }
            }
            if newVariants {
                formulation = Formulation(extending: formulation, variants: variants)
                relaxation = LagrangianRelaxation(formulation)
            }
            summaryRounds.append(
                ColumnGenerationRound(
                    round: round, rows: lp.constraintCount, columns: lp.variableCount,
                    masterObjective: solution.objectiveValue, masterSeconds: solution.solveSeconds,
                    bound: evaluated.bound, bestBound: bound, added: added,
                    pricingSeconds: pricingStarted.duration(to: .now).seconds))
            report(summaryRounds.last!)
            if added == 0 { break }
        }
        var summary = ColumnGenerationSummary(
            classes: formulation.classes.count, startPlan: startPlan, startBound: start.bound, rounds: summaryRounds,
            master: master.modelWithRows(expandingPools: expandingPools).model)
        func note(_ label: String, _ objective: Double) {
            summary.plans.append((label, objective))
            planReport(label, objective)
        }
        if let improveSeconds {
            let search = FixAndOptimise(formulation: startFormulation, solver: solver)
            let today = search.improve(
                best, prices: start.prices, deadline: ContinuousClock.now + .seconds(improveSeconds))
            note("fix-and-optimise from the best greedy plan at the subgradient's prices", today.objective)
            if let lastLP {
                let f = lastLP.formulation
                let guided = f.greedySolution(guide: lastLP.values)
                note("greedy guided by the master's LP", f.model.objectiveValue(of: guided))
                let priced = f.greedySolution(prices: lastLP.prices)
                note("greedy at the duals' prices", f.model.objectiveValue(of: priced))
                let carried = f.translating(best, from: startFormulation)
                let from = [guided, priced, carried].min {
                    f.model.objectiveValue(of: $0) < f.model.objectiveValue(of: $1)
                }!
                let lpWay = FixAndOptimise(formulation: f, solver: solver).improve(
                    from, prices: lastLP.prices, deadline: ContinuousClock.now + .seconds(improveSeconds))
                note("fix-and-optimise from the best of those at the duals' prices", lpWay.objective)
            }
        }
        return summary
    }
}

/// A way out of one class, independent of the formulation it is a column of: the key by which the
/// master's columns are found again after route variants rebuild the formulation.
struct MasterWay: Hashable {
    var householdClass: Int
    var outbound: [Int]
    var onward: [Int]
    var programme: Int
    var house: Int
    var startWeek: Int
    /// The transit stay (the same legs may wait in different houses, or for different weeks).
    var transit: TransitStay?
    /// The document step (the same legs may follow a step or not, and lead to different rows).
    var document: DocumentStep?

    init(householdClass: Int, pathway: Pathway, startWeek: Int) {
        self.householdClass = householdClass
        transit = pathway.transit
        document = pathway.document
        outbound = pathway.outbound.legs
        onward = pathway.onward.legs
        programme = pathway.programme
        house = pathway.house
        self.startWeek = startWeek
    }

    init(_ formulation: Formulation, move position: Int) {
        let move = formulation.moves[position]
        self.init(
            householdClass: move.householdClass,
            pathway: formulation.options[move.householdClass].pathways[move.pathway], startWeek: move.startWeek)
    }
}
