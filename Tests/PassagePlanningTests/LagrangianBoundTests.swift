import GLPKBackend
import Testing
import LinearProgramming
import PassageScenario
import PassageSynthetic
@testable import PassagePlanning

/// The Lagrangian bound and priced greedy plan used for models too large for GLPK's LP relaxation
/// (docs/MODEL.md, "Bounds for large models"): the bound is never above the optimum and comes close
/// to the LP relaxation's value, and the plan of the large-model path keeps every rule.
@Suite struct LagrangianBoundTests {
    static let exact = PlanningOptions(timeLimitSeconds: 60, mipGap: 0)

    /// Random scenarios (every feature on: documents, needs, exclusions, closing houses, month quotas,
    /// a budget; `shared` ones with shared quotas too) and generated caseloads.
    static func scenario(_ name: String) -> Scenario {
        let parts = name.split(separator: " ")
        if parts[0] == "random" { return RandomScenarios.make(seed: UInt64(parts[1])!) }
        if parts[0] == "shared" { return RandomScenarios.withSharedQuotas(seed: UInt64(parts[1])!) }
        return SyntheticCaseload.generate(
            households: Int(parts[1])!, seed: UInt64(parts[2])!, profile: parts[3] == "crisis" ? .crisis : .steady)
    }
    static let names =
        (1...16).map { "random \($0)" } + (1...4).map { "shared \($0)" }
        + ["generated 30 1 steady", "generated 40 2 crisis", "generated 25 2 crisis", "generated 50 3 steady"]

    /// The bound of the model without seat rows, as large models are built, prices every leg's seats
    /// itself (RouteAlternatives): it is a bound on the full model (every pathway, every seat row) and
    /// comes close to that model's LP relaxation, not only to the relaxation of the model it was given.
    @Test(arguments: names)
    func theBoundIsNeverAboveTheOptimumAndCloseToTheRelaxation(_ name: String) throws {
        let scenario = Self.scenario(name)
        let optimum = try #require(try Planner(scenario: scenario).plan(options: Self.exact).solver.objective)
        let formulation = Formulation(scenario: scenario)
        #expect(formulation.seatLegs.isEmpty)
        var relaxed = SolverOptions(relaxIntegrality: true)
        relaxed.timeLimit = 60
        let full = Formulation(scenario: scenario, style: .exhaustive)
        let relaxation = try #require(try GLPKSolver().solve(full.model, options: relaxed).objectiveValue)
        let greedy = formulation.model.objectiveValue(of: formulation.greedySolution())
        let result = LagrangianRelaxation(formulation).run(
            upperBound: greedy, iterations: Planner.lagrangianIterations, targetGap: 0, deadline: nil)
        let tolerance = 1e-6 * max(1, abs(optimum))
        #expect(result.bound <= relaxation + tolerance, "bound \(result.bound) above the relaxation \(relaxation)")
        #expect(result.bound <= optimum + tolerance, "bound \(result.bound) above the optimum \(optimum)")
        // Measured: within 0.8 % of the relaxation on these scenarios after 300 iterations.
        #expect(result.bound >= relaxation - 0.01 * abs(relaxation), "bound \(result.bound), relaxation \(relaxation)")
    }

    /// Every formulation treated as large: the plan keeps every rule, its objective is no better than
    /// the optimum and its bound no worse, and the same run gives the same plan.
    @Test(arguments: names)
    func theLargeModelPathGivesAValidPlanAndBound(_ name: String) throws {
        let scenario = Self.scenario(name)
        let optimum = try #require(try Planner(scenario: scenario).plan(options: Self.exact).solver.objective)
        let large = Planner(scenario: scenario, largeModelThreshold: 0)
        // A short limit, as large models get: the large path's own plan and bound are what is returned.
        let options = PlanningOptions(timeLimitSeconds: 60, mipGap: 0.5)
        let plan = try large.plan(options: options)
        #expect(violations(of: plan, in: scenario) == [])
        expectNoCapacityExceeded(plan)
        expectEveryHouseholdOnce(plan, scenario)
        let objective = try #require(plan.solver.objective)
        let bound = try #require(plan.solver.bound)
        let tolerance = 1e-6 * max(1, abs(optimum))
        #expect(objective >= optimum - tolerance, "objective \(objective) below the optimum \(optimum)")
        #expect(bound <= optimum + tolerance, "bound \(bound) above the optimum \(optimum)")
        let again = try large.plan(options: options)
        #expect(again.solver.objective == objective && again.solver.bound == bound)
    }

    /// The early prices a greedy plan is also made at are the best of the first iterations' (those a
    /// run of only those iterations ends with), kept only when a later iteration found a better bound.
    @Test func theEarlyPricesAreTheFirstIterationsBest() throws {
        let formulation = Formulation(scenario: Self.scenario("generated 200 1 steady"))
        let greedy = formulation.model.objectiveValue(of: formulation.greedySolution())
        let relaxation = LagrangianRelaxation(formulation)
        let first = relaxation.run(
            upperBound: greedy, iterations: LagrangianRelaxation.pacingIterations, targetGap: 0, deadline: nil)
        #expect(first.earlyPrices == nil)
        let longer = relaxation.run(upperBound: greedy, iterations: 60, targetGap: 0, deadline: nil)
        let early = try #require(longer.earlyPrices)
        #expect(early == first.prices)
        #expect(longer.bound > first.bound)
    }

    /// A run told to stop (the improvement beside it has ended) stops after the iteration it is in,
    /// as at its deadline.
    @Test func aRaisedStopEndsARunAsItsDeadlineDoes() {
        let formulation = Formulation(scenario: Self.scenario("generated 30 1 steady"))
        let greedy = formulation.model.objectiveValue(of: formulation.greedySolution())
        let stop = StopSignal()
        stop.raise()
        let result = LagrangianRelaxation(formulation).run(
            upperBound: greedy, iterations: 300, targetGap: 0, deadline: .now + .seconds(600), stop: stop)
        #expect(result.iterations == 1)
        #expect(result.stoppedByDeadline)
    }

    /// The bound going on beside the improvement, from the first run's prices: a bound on the full
    /// model, never below the first run's (it starts at its prices), while the improvement beside it
    /// keeps a plan no worse than the one it was given and no better than the optimum.
    @Test(arguments: ["random 2", "random 5", "shared 1", "generated 40 2 crisis"])
    func theBoundBesideTheImprovementStaysValid(_ name: String) throws {
        let scenario = Self.scenario(name)
        let optimum = try #require(try Planner(scenario: scenario).plan(options: Self.exact).solver.objective)
        let formulation = Formulation(scenario: scenario)
        let greedy = formulation.greedySolution()
        let greedyObjective = formulation.model.objectiveValue(of: greedy)
        let relaxation = LagrangianRelaxation(formulation)
        let first = relaxation.run(upperBound: greedyObjective, iterations: 30, targetGap: 0, deadline: nil)
        let outcome = Planner(scenario: scenario).improveBesideTheBound(
            PlanImprovement(
                localSearch: PlanLocalSearch(formulation: formulation),
                fixAndOptimise: FixAndOptimise(formulation: formulation, solver: GLPKSolver())),
            from: greedy, prices: first.prices,
            deadline: .now + .seconds(5), relaxation: relaxation, upperBound: greedyObjective,
            rowPrices: first.rowPrices, step: first.step, targetGap: 0)
        let tolerance = 1e-6 * max(1, abs(optimum))
        #expect(outcome.bound <= optimum + tolerance, "bound \(outcome.bound) above the optimum \(optimum)")
        #expect(outcome.bound >= first.bound - tolerance, "bound \(outcome.bound) below the first run's \(first.bound)")
        #expect(outcome.improved.fixAndOptimise.objective >= optimum - tolerance)
        #expect(outcome.improved.fixAndOptimise.objective <= greedyObjective + tolerance)
        #expect(outcome.improved.localSearch.objective <= greedyObjective + tolerance)
    }
}
