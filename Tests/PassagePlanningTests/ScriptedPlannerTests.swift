import LinearProgramming
import LinearProgrammingTesting
import PassageScenario
import Testing
@testable import PassagePlanning

/// The planner's control flow against a scripted solver: what it asks the solver for and what it
/// makes of each kind of answer, independent of any real solver's timing.
@Suite struct ScriptedPlannerTests {
    @Test func thePlannerAsksForTheScenarioLimitsAndOffersAFeasibleStart() throws {
        var scenario = TinyScenario.make()
        scenario.settings.solver = SolverLimits(timeLimitSeconds: 7, mipGap: 0.02)
        let solver = ScriptedSolver([.stoppedWithStart(bound: nil)])
        _ = try Planner(scenario: scenario, solver: solver).plan()
        let call = try #require(solver.calls.first)
        #expect(solver.calls.count == 1)
        #expect(call.options.relativeGap == 0.02)
        #expect(try #require(call.options.timeLimit) <= 7)
        let start = try #require(call.options.startSolution)
        #expect(call.model.isFeasible(start))
        #expect(call.options.startFromRelaxation != nil)
    }

    @Test func aSolveStoppedBeforeImprovingKeepsTheStartWithTheBound() throws {
        let solver = ScriptedSolver([.stoppedWithStart(bound: 1000)])
        let plan = try Planner(scenario: TinyScenario.make(), solver: solver).plan()
        #expect(plan.solver.status == .timeLimitFeasible)
        #expect(plan.solver.bound == 1000)
        let start = try #require(solver.calls.first?.options.startSolution)
        let objective = try #require(solver.calls.first?.model.objectiveValue(of: start))
        #expect(abs(try #require(plan.solver.objective) - objective) < 1e-9)
        #expect(!plan.itineraries.isEmpty)  // the greedy start moves households
    }

    @Test func noSolutionAtAllIsReportedAsSuch() throws {
        let solver = ScriptedSolver([.solution(.noSolution(.timeLimitNoSolution, bound: 5))])
        let plan = try Planner(scenario: TinyScenario.make(), solver: solver).plan()
        #expect(plan.solver.status == .timeLimitNoSolution)
        #expect(plan.itineraries.isEmpty)
    }

    @Test func anInfeasibleModelIsAnOutcomeNotAnError() throws {
        let solver = ScriptedSolver([.solution(.noSolution(.infeasible))])
        let plan = try Planner(scenario: TinyScenario.make(), solver: solver).plan()
        #expect(plan.solver.status == .infeasible)
    }

    @Test func aSolverFailureReachesTheCaller() throws {
        let solver = ScriptedSolver([.failure(.solverFailed("scripted failure"))])
        #expect(throws: SolverError.solverFailed("scripted failure")) {
            try Planner(scenario: TinyScenario.make(), solver: solver).plan()
        }
    }
}
