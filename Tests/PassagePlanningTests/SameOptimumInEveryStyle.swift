import PassagePlanning
import PassageScenario
import Testing

/// Solves `scenario` in every formulation style with `options` and expects each to prove optimality
/// with a plan that keeps every rule, and the compact optimum to equal the exhaustive and
/// per-household ones: the compact model's reductions lose no plan.
func expectEveryStyleReachesTheSameOptimum(_ scenario: Scenario, options: PlanningOptions) throws {
    var objectives: [FormulationStyle: Double] = [:]
    for style in FormulationStyle.allCases {
        let plan = try Planner(scenario: scenario, style: style).plan(options: options)
        #expect(plan.solver.status == .optimal, "\(style)")
        #expect(violations(of: plan, in: scenario) == [], "\(style)")
        let objective: Double = try #require(plan.solver.objective, "\(style)")
        objectives[style] = objective
    }
    let compact = try #require(objectives[.compact])
    for style in [FormulationStyle.exhaustive, .perHousehold] {
        let other = try #require(objectives[style])
        #expect(abs(compact - other) <= 1e-6 * max(1, abs(other)), "compact \(compact) vs \(style) \(other)")
    }
}
