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
        expectIntegerSolution(greedy, of: model)
        let plan = try planner.plan(formulation)
        #expect((plan.solver.objective ?? .infinity) <= model.objectiveValue(of: greedy) + 1e-6)
    }
}

/// Every row of `model` holds at `values`, and every column is an integer within its bounds.
func expectIntegerSolution(
    _ values: [Double], of model: LinearModel, sourceLocation: SourceLocation = #_sourceLocation
) {
    for (index, row) in model.constraints.enumerated() {
        let activity = model.activity(of: Constraint(index: index), values: values)
        switch row.relation {
        case .lessOrEqual:
            #expect(activity <= row.rightHandSide + 1e-9, "\(row.name)", sourceLocation: sourceLocation)
        case .equal:
            #expect(abs(activity - row.rightHandSide) < 1e-9, "\(row.name)", sourceLocation: sourceLocation)
        case .greaterOrEqual:
            #expect(activity >= row.rightHandSide - 1e-9, "\(row.name)", sourceLocation: sourceLocation)
        }
    }
    for (value, column) in zip(values, model.variables) {
        #expect(
            value >= column.lowerBound && value <= column.upperBound && value == value.rounded(),
            sourceLocation: sourceLocation)
    }
}
