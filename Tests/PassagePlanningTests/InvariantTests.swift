import GLPKBackend
import Foundation
import Testing
import LinearProgramming
import PassageScenario
@testable import PassagePlanning

@Suite struct InvariantTests {
    /// Forty random scenarios: no capacity exceeded, eligibility respected, nobody split, budget held.
    @Test(arguments: 1...40)
    func plansOfRandomScenariosKeepEveryRule(seed: Int) throws {
        let scenario = RandomScenarios.make(seed: UInt64(seed))
        let plan = try Planner(scenario: scenario).plan()
        #expect(plan.solver.status == .optimal)
        #expect(violations(of: plan, in: scenario) == [])
        // Every household not moved has a reason that matches its situation.
        for unmoved in plan.unmoved {
            if case .noPlan = unmoved.reason { Issue.record("\(unmoved.householdID): no plan despite optimal status") }
        }
    }

    /// The decoded plan's objective, recomputed from the model, equals the solver's objective.
    @Test(arguments: 1...10)
    func reportedObjectiveIsTheModelsObjective(seed: Int) throws {
        let planner = Planner(scenario: RandomScenarios.make(seed: UInt64(seed)))
        let formulation = planner.formulation()
        let solution = try GLPKSolver().solve(formulation.model, options: SolverOptions())
        let plan = try planner.plan(formulation)
        #expect(abs((plan.solver.objective ?? .nan) - (solution.objectiveValue ?? .nan)) < 1e-6)
        let rounded = solution.values.map { $0.rounded() }
        #expect(abs(formulation.model.objectiveValue(of: rounded) - (plan.solver.objective ?? .nan)) < 1e-6)
    }

    /// The same scenario and settings give the same plan.
    @Test func planningIsDeterministic() throws {
        let scenario = RandomScenarios.make(seed: 7)
        let first = try Planner(scenario: scenario).plan()
        let second = try Planner(scenario: scenario).plan()
        var a = first
        var b = second
        a.solver = a.solver.withoutTimings
        b.solver = b.solver.withoutTimings
        #expect(a == b)
    }

    /// Households that can never move are explained, not silently dropped.
    @Test func blockedHouseholdsGetBlockers() throws {
        for seed in 1...20 {
            let scenario = RandomScenarios.make(seed: UInt64(seed))
            let plan = try Planner(scenario: scenario).plan()
            for unmoved in plan.unmoved {
                if case .noEligiblePathway(let blockers) = unmoved.reason { #expect(!blockers.isEmpty) }
                if case .capacity(let shortages) = unmoved.reason { #expect(!shortages.isEmpty) }
            }
        }
    }
}
