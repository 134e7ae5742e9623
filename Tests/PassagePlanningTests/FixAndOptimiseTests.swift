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
        // Small neighbourhoods, so that even these caseloads have several (and the debug build's
        // three runs of each stay quick).
        var search = FixAndOptimise(formulation: formulation, solver: GLPKSolver())
        search.classesPerNeighbourhood = 5
        search.classesPerInsertion = 5
        let outcome = search.improve(greedy, prices: nil, deadline: nil)
        #expect(outcome.objective <= before + 1e-6)
        #expect(abs(outcome.objective - formulation.model.objectiveValue(of: outcome.values)) < 1e-6)
        #expect(outcome.solved > 0)

        // The plan's own objective, recomputed from its moves, is the one the search reports.
        expectPlanKeepsEveryRule(outcome.values, objective: outcome.objective, of: formulation, in: scenario)

        let again = search.improve(greedy, prices: nil, deadline: nil)
        #expect(again.values == outcome.values)
        // Neighbourhoods solved two at a time on two threads or on one: the same plan.
        search.threads = 1
        let sequential = search.improve(greedy, prices: nil, deadline: nil)
        #expect(sequential.values == outcome.values)
        // Overlapping neighbourhoods solved in turn rather than the next one ahead on a spare core:
        // the same plan.
        search.threads = 2
        search.spareCore = { false }
        let inTurn = search.improve(greedy, prices: nil, deadline: nil)
        #expect(inTurn.values == outcome.values)
        #expect(inTurn.solved == outcome.solved && inTurn.improved == outcome.improved)
    }

    /// On a caseload where the greedy plan is not optimal, the search finds a better plan, and never
    /// one better than the proven optimum.
    @Test func findsABetterPlanThanTheGreedyOne() throws {
        let scenario = SyntheticCaseload.generate(households: 150, seed: 7, profile: .steady)
        let formulation = Formulation(scenario: scenario)
        let greedy = formulation.greedySolution()
        let before = formulation.model.objectiveValue(of: greedy)
        // One pass with smaller insertions keeps the debug build's run short.
        var search = FixAndOptimise(formulation: formulation, solver: GLPKSolver())
        search.passes = 1
        search.classesPerInsertion = 20
        let outcome = search.improve(greedy, prices: nil, deadline: nil)
        let optimum = try #require(
            try Planner(scenario: scenario).plan(options: LagrangianBoundTests.exact).solver.bound)
        #expect(outcome.objective < before - 1)
        #expect(outcome.improved > 0)
        #expect(outcome.objective >= optimum - 1e-6 * max(1, abs(optimum)))
    }

    /// A 4-person household (tier 2) left unmoved while four single persons (tier 3) fill the only
    /// house's 4 beds: neighbourhoods of one class each cannot move it, because no single class's
    /// MIP can free the beds. Its insertion neighbourhood holds it with the class holding those beds,
    /// and the search moves it (4 × 400 outweighs 4 × 150), which is the optimum.
    @Test func anUnmovedLargeHouseholdTakesTheBedsOfSmallerOnes() throws {
        let known = try LargeHouseholdCase()
        let (scenario, formulation, big, values) = (known.scenario, known.formulation, known.big, known.values)

        var search = FixAndOptimise(formulation: formulation, solver: GLPKSolver())
        search.classesPerNeighbourhood = 1
        #expect(search.insertionNeighbourhoods(of: values, prices: nil) == [[big, known.singles]])
        let outcome = search.improve(values, prices: nil, deadline: nil)
        #expect(outcome.values[formulation.unmoved[big].index] == 0)
        let optimum = try #require(
            try Planner(scenario: scenario).plan(options: LagrangianBoundTests.exact).solver.objective)
        #expect(abs(outcome.objective - optimum) < 1e-6 * max(1, abs(optimum)))

        // Without insertions (only neighbourhoods of one class each), it stays unmoved.
        search.classesPerInsertion = 0
        #expect(search.improve(values, prices: nil, deadline: nil).values[formulation.unmoved[big].index] == 1)
    }
}
