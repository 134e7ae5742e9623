import Testing
import GLPKBackend
import LinearProgramming
import PassageScenario
import PassageSynthetic
@testable import PassagePlanning

/// Fix-and-optimise (docs/MODEL.md, "Improving the plan: fix and optimise"): started from the
/// urgency-first greedy plan of a formulation without seat rows, it never makes the plan worse, every
/// plan it returns keeps every capacity of the full model (seats of every leg included), and the same
/// run gives the same plan, on one thread or two.
@Suite struct FixAndOptimiseTests {
    static let names =
        (1...8).map { "random \($0)" }
        + ["generated 60 1 steady", "generated 80 2 crisis", "generated 120 3 steady"]

    @Test(arguments: names)
    func improvesTheGreedyPlanWithinEveryCapacity(_ name: String) throws {
        let scenario = LagrangianBoundTests.scenario(name)
        let formulation = Formulation(scenario: scenario)
        let greedy = formulation.greedySolution()
        let before = formulation.model.objectiveValue(of: greedy)
        // Small neighbourhoods, so that even these caseloads have several.
        var search = FixAndOptimise(formulation: formulation, solver: GLPKSolver())
        search.classesPerNeighbourhood = 5
        let outcome = search.improve(greedy, prices: nil, deadline: nil)
        #expect(outcome.objective <= before + 1e-6)
        #expect(abs(outcome.objective - formulation.model.objectiveValue(of: outcome.values)) < 1e-6)
        #expect(outcome.solved > 0)

        let plan = PlanDecoder(
            formulation: formulation,
            solution: formulation.solution(outcome.values, status: .feasible, bound: nil, seconds: 0),
            limits: (nil, nil)
        ).decode()
        #expect(violations(of: plan, in: scenario) == [])
        expectNoCapacityExceeded(plan)
        expectEveryHouseholdOnce(plan, scenario)
        // The plan's own objective, recomputed from its moves, is the one the search reports.
        #expect(abs((plan.solver.objective ?? .nan) - outcome.objective) < 1e-6 * max(1, abs(outcome.objective)))

        let again = search.improve(greedy, prices: nil, deadline: nil)
        #expect(again.values == outcome.values)
        // Neighbourhoods solved two at a time on two threads or on one: the same plan.
        search.threads = 1
        let sequential = search.improve(greedy, prices: nil, deadline: nil)
        #expect(sequential.values == outcome.values)
    }

    /// On a caseload where the greedy plan is not optimal, the search finds a better plan, and never
    /// one better than the proven optimum.
    @Test func findsABetterPlanThanTheGreedyOne() throws {
        let scenario = SyntheticCaseload.generate(households: 150, seed: 7, profile: .steady)
        let formulation = Formulation(scenario: scenario)
        let greedy = formulation.greedySolution()
        let before = formulation.model.objectiveValue(of: greedy)
        let outcome = FixAndOptimise(
            formulation: formulation, solver: GLPKSolver()
        ).improve(greedy, prices: nil, deadline: nil)
        let optimum = try #require(
            try Planner(scenario: scenario).plan(options: LagrangianBoundTests.exact).solver.bound)
        #expect(outcome.objective < before - 1)
        #expect(outcome.improved > 0)
        #expect(outcome.objective >= optimum - 1e-6 * max(1, abs(optimum)))
    }
}
