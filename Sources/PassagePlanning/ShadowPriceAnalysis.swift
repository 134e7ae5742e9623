import LinearProgramming
import PassageScenario

extension ShadowPrices {
    /// The shadow prices of `plan`'s capacities: solves the LP relaxation of `formulation` (the model
    /// the plan was solved from, as `Planner.solve` returns it) with duals and the solver's right-hand-side
    /// ranging, and maps each capacity row back to its resource.
    ///
    /// Throws only when the solver fails. An LP stopped by `timeLimitSeconds` gives no prices; its
    /// status says so.
    public static func compute(
        formulation: Formulation, plan: Plan, solver: any LinearSolver,
        timeLimitSeconds: Double? = nil
    ) throws -> ShadowPrices {
        var options = SolverOptions(timeLimit: timeLimitSeconds, relaxIntegrality: true)
        options.computeSensitivity = true
        let solution = try solver.solve(formulation.model, options: options)
        return ShadowPrices(formulation: formulation, plan: plan, relaxation: solution)
    }

    /// Prices from a solved relaxation (split from `compute` so tests can check the mapping).
    init(formulation: Formulation, plan: Plan, relaxation solution: Solution) {
        let scenario = formulation.index.scenario
        let tierOneWeight = scenario.settings.objective.urgencyWeights.first ?? 0
        var prices: [ShadowPrice] = []
        let priced = solution.status == .optimal && solution.rowDuals.count == formulation.model.constraintCount
        if priced {
            var used: [CapacityResource: [CapacityPeriod: Double]] = [:]
            for use in plan.capacity { used[use.resource, default: [:]][use.period] = use.used }
            for (key, row, _) in formulation.resourceRows {
                let resource = Formulation.resource(of: key, scenario: scenario)
                // The row holds what commitments leave of the capacity: shift its range back by what
                // they use, so the range reads in the scenario's own capacity.
                let committed = formulation.pinnedUse[key, default: 0]
                // GLPK's dual is d(objective)/d(right-hand side); the objective is minimised, so the
                // value of one more unit is its negative.
                var value = -solution.rowDuals[row.index]
                if abs(value) < Self.tolerance { value = 0 }
                let range =
                    solution.rightHandSideRanges.isEmpty
                    ? nil : Self.shifted(solution.rightHandSideRanges[row.index], by: committed)
                prices.append(
                    ShadowPrice(
                        kind: resource.kind, resourceID: resource.id, period: key.period,
                        capacity: Formulation.capacity(of: key, scenario: scenario),
                        used: used[resource]?[key.period] ?? (solution.rowActivities[row.index] + committed),
                        value: value, tierOnePersons: tierOneWeight > 0 ? value / tierOneWeight : nil,
                        validRange: range))
            }
            prices.sort { a, b in (a.kind.order, a.resourceID, a.period) < (b.kind.order, b.resourceID, b.period) }
        }
        self.init(
            source: .lpRelaxation, status: solution.status,
            relaxationObjective: priced ? solution.objectiveValue : nil, tierOneWeight: tierOneWeight,
            prices: prices, legsWithoutSeatRows: Self.unpricedLegs(formulation))
    }

    /// Legs whose seats may run short (`PathwayReduction.legsThatMayFill`) but have no seat rows: only
    /// in the compact style, which adds seat rows as needed.
    static func unpricedLegs(_ formulation: Formulation) -> [String] {
        guard formulation.style == .compact else { return [] }
        let scenario = formulation.index.scenario
        let mayFill = PathwayReduction.legsThatMayFill(scenario, previous: formulation.previous)
        return mayFill.subtracting(formulation.seatLegs).map { scenario.legs[$0].id }.sorted()
    }

    private static func shifted(_ range: ClosedRange<Double>, by amount: Double) -> ClosedRange<Double> {
        // A right-hand side below 0 is no capacity a coordinator can have.
        let lower = max(0, range.lowerBound + amount)
        return min(lower, range.upperBound + amount)...(range.upperBound + amount)
    }
}
