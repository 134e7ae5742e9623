import Testing
import GLPKBackend
import LinearProgramming
import PassageScenario
import PassageSynthetic
@testable import PassagePlanning

/// The local search (docs/MODEL.md, "Improvement: local search"): from the greedy plan, with the
/// formulation's costs or the Lagrangian bound's prices choosing the candidate ways, it never makes
/// the plan worse, every plan it returns keeps every capacity of the full model (seats of every leg
/// included), checked on the decoded plan by the independent invariants, and the same start gives
/// the same plan.
@Suite struct PlanLocalSearchTests {
    static let names =
        (1...8).map { "random \($0)" } + (1...2).map { "shared \($0)" }
        + ["generated 120 3 steady", "generated 300 4 steady", "generated 200 5 crisis"]

    @Test(arguments: names)
    func improvesTheGreedyPlanWithinEveryCapacity(_ name: String) throws {
        let scenario = LagrangianBoundTests.scenario(name)
        let formulation = Formulation(scenario: scenario)
        let greedy = formulation.greedySolution()
        let before = formulation.model.objectiveValue(of: greedy)
        let prices = LagrangianRelaxation(formulation).run(
            upperBound: before, iterations: 30, targetGap: 0, deadline: nil
        ).prices
        var search = PlanLocalSearch(formulation: formulation)
        search.trials = 300
        // The standard number of households looked at as the one to give a way up, and only one.
        for (pricing, ejectionCandidates) in [(nil, 16), (prices, 16), (nil, 1), (prices, 1)] {
            search.ejectionCandidates = ejectionCandidates
            let outcome = search.improve(greedy, prices: pricing, deadline: nil)
            #expect(outcome.objective <= before + 1e-6)
            #expect(abs(outcome.objective - formulation.model.objectiveValue(of: outcome.values)) < 1e-6)
            #expect(outcome.trials == 300)
            expectPlanKeepsEveryRule(outcome.values, objective: outcome.objective, of: formulation, in: scenario)
            // The same start, the same trials: the same plan.
            #expect(search.improve(greedy, prices: pricing, deadline: nil).values == outcome.values)
        }
    }

    /// Trials that keep dearer plans (a temperature far above the standard one, so that most are
    /// kept) still return the best plan met: never dearer than the passes' plan, within every
    /// capacity, and the same from the same start.
    @Test(arguments: ["random 3", "shared 1", "generated 120 3 steady", "generated 200 5 crisis"])
    func aHotSearchReturnsTheBestPlanItMet(_ name: String) throws {
        let scenario = LagrangianBoundTests.scenario(name)
        let formulation = Formulation(scenario: scenario)
        let greedy = formulation.greedySolution()
        var search = PlanLocalSearch(formulation: formulation)
        search.trials = 0
        let passes = search.improve(greedy, prices: nil, deadline: nil).objective
        search.trials = 300
        search.recreateTemperature = 20
        search.recreateCooling = 1
        let outcome = search.improve(greedy, prices: nil, deadline: nil)
        #expect(outcome.objective <= passes + 1e-6 * max(1, abs(passes)))
        #expect(abs(outcome.objective - formulation.model.objectiveValue(of: outcome.values)) < 1e-6)
        expectPlanKeepsEveryRule(outcome.values, objective: outcome.objective, of: formulation, in: scenario)
        #expect(search.improve(greedy, prices: nil, deadline: nil).values == outcome.values)
    }

    /// On generated caseloads where the greedy plan is not optimal, the passes alone improve it, and
    /// never beyond the proven optimum.
    @Test(arguments: ["generated 150 7 steady", "generated 120 8 crisis"])
    func findsABetterPlanThanTheGreedyOne(_ name: String) throws {
        let scenario = LagrangianBoundTests.scenario(name)
        let formulation = Formulation(scenario: scenario)
        let greedy = formulation.greedySolution()
        let before = formulation.model.objectiveValue(of: greedy)
        var search = PlanLocalSearch(formulation: formulation)
        search.trials = 0
        let outcome = search.improve(greedy, prices: nil, deadline: nil)
        let optimum = try #require(
            try Planner(scenario: scenario).plan(options: LagrangianBoundTests.exact).solver.bound)
        #expect(outcome.objective < before - 1)
        #expect(outcome.changes > 0)
        #expect(outcome.objective >= optimum - 1e-6 * max(1, abs(optimum)))
    }

    /// A 4-person household (tier 2) left unmoved while four single persons (tier 3) fill the only
    /// house's 4 beds: moving one household, or two, cannot free the beds, so the passes leave it;
    /// a trial that takes the singles out and puts the large household back first moves it (4 × 400
    /// outweighs 4 × 150), which is the optimum.
    @Test func ruinAndRecreateMovesALargeHouseholdIntoTheBedsOfSmallerOnes() throws {
        let known = try LargeHouseholdCase()
        let (scenario, formulation, big, values) = (known.scenario, known.formulation, known.big, known.values)

        var search = PlanLocalSearch(formulation: formulation)
        search.trials = 0
        #expect(search.improve(values, prices: nil, deadline: nil).values[formulation.unmoved[big].index] == 1)
        search.trials = 50
        let outcome = search.improve(values, prices: nil, deadline: nil)
        #expect(outcome.values[formulation.unmoved[big].index] == 0)
        #expect(outcome.keptTrials > 0)
        let optimum = try #require(
            try Planner(scenario: scenario).plan(options: LagrangianBoundTests.exact).solver.objective)
        #expect(abs(outcome.objective - optimum) < 1e-6 * max(1, abs(optimum)))
    }
}
