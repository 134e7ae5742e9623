import Testing
import LinearProgramming
@testable import PassagePlanning

/// The urgency-first greedy plan is a feasible solution of the model, and never beats the optimum.
@Suite struct GreedyStartTests {
    @Test(arguments: 1...20)
    func theGreedyPlanIsFeasibleAndNoBetterThanTheOptimum(seed: Int) throws {
        let planner = Planner(scenario: RandomScenarios.make(seed: UInt64(seed)))
        let formulation = planner.formulation()
        let model = formulation.model
        let greedy = formulation.greedySolution()
        for (index, row) in model.constraints.enumerated() {
            let activity = model.activity(of: Constraint(index: index), values: greedy)
            switch row.relation {
            case .lessOrEqual: #expect(activity <= row.rightHandSide + 1e-9, "\(row.name)")
            case .equal: #expect(abs(activity - row.rightHandSide) < 1e-9, "\(row.name)")
            case .greaterOrEqual: #expect(activity >= row.rightHandSide - 1e-9, "\(row.name)")
            }
        }
        for (value, column) in zip(greedy, model.variables) {
            #expect(value >= column.lowerBound && value <= column.upperBound && value == value.rounded())
        }
        let plan = try planner.plan(formulation)
        #expect((plan.solver.objective ?? .infinity) <= model.objectiveValue(of: greedy) + 1e-6)
    }
}
