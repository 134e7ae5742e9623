import Foundation
import LinearProgramming
import LinearProgrammingTesting
import PassageScenario
import PassageSynthetic
import Testing
@testable import PassagePlanning

/// The planner's control flow against a scripted solver: what it asks the solver for and what it
/// makes of each kind of answer, independent of any real solver's timing. Fix-and-optimise's small
/// MIPs (models named "neighbourhood") are answered "no improvement", so the script speaks for the
/// final branch-and-cut alone.
@Suite struct ScriptedPlannerTests {
    @Test func thePlannerAsksForTheScenarioLimitsAndOffersAFeasibleStart() throws {
        var scenario = TinyScenario.make()
        scenario.settings.solver = SolverLimits(timeLimitSeconds: 7, mipGap: 0.02)
        let solver = FinalSolveScript([.stoppedWithStart(bound: nil)])
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
        let solver = FinalSolveScript([.stoppedWithStart(bound: 1000)])
        let plan = try Planner(scenario: TinyScenario.make(), solver: solver).plan()
        #expect(plan.solver.status == .timeLimitFeasible)
        // The better of the solver's bound and the planner's own (Lagrangian) bound, never above the plan.
        let bound = try #require(plan.solver.bound)
        #expect(bound >= 1000 && bound <= (plan.solver.objective ?? 0) + 1e-6)
        let start = try #require(solver.calls.first?.options.startSolution)
        let objective = try #require(solver.calls.first?.model.objectiveValue(of: start))
        #expect(abs(try #require(plan.solver.objective) - objective) < 1e-9)
        #expect(!plan.itineraries.isEmpty)  // the greedy start moves households
    }

    @Test func aSolverEndingWithNoPlanStillGivesTheBestPlanKnown() throws {
        let solver = FinalSolveScript([.solution(.noSolution(.timeLimitNoSolution, bound: 5))])
        let plan = try Planner(scenario: TinyScenario.make(), solver: solver).plan()
        #expect(plan.solver.status == .timeLimitFeasible)
        #expect(try #require(plan.solver.bound) >= 5)
        #expect(!plan.itineraries.isEmpty)  // the greedy plan, improved or not, moves households
    }

    /// A generated caseload with more classes than one neighbourhood holds.
    static func severalNeighbourhoods() -> Scenario {
        SyntheticCaseload.generate(households: 100, seed: 1, profile: .steady)
    }

    @Test func fixAndOptimiseImprovesModelsLargerThanOneNeighbourhoodBeforeBranchAndCut() throws {
        let scenario = Self.severalNeighbourhoods()
        let solver = FinalSolveScript([.stoppedWithStart(bound: nil)])
        let planner = Planner(scenario: scenario, solver: solver)
        #expect(!FixAndOptimise(formulation: planner.formulation(), solver: solver).holdsEveryClass)
        _ = try planner.plan()
        #expect(solver.neighbourhoodCalls > 0)
        #expect(solver.calls.count == 1)
    }

    /// When one neighbourhood could hold every class, its MIP would be the whole model: branch-and-cut
    /// solves it once instead.
    @Test func aModelOneNeighbourhoodHoldsGoesStraightToBranchAndCut() throws {
        let solver = FinalSolveScript([.stoppedWithStart(bound: nil)])
        let planner = Planner(scenario: TinyScenario.make(), solver: solver)
        #expect(FixAndOptimise(formulation: planner.formulation(), solver: solver).holdsEveryClass)
        let plan = try planner.plan()
        #expect(solver.neighbourhoodCalls == 0)
        #expect(solver.calls.count == 1)
        #expect(plan.solver.stages.map(\.kind) == [.formulation, .greedy, .bound, .branchAndCut])
    }

    @Test func everyStageIsTimedAndReportedInOrder() throws {
        let solver = FinalSolveScript([.stoppedWithStart(bound: nil)])
        let updates = Updates()
        var options = PlanningOptions()
        options.solverProgress = { update in updates.append(update) }
        let plan = try Planner(scenario: Self.severalNeighbourhoods(), solver: solver).plan(options: options)
        let stages = plan.solver.stages
        #expect(
            stages.map(\.kind) == [.formulation, .greedy, .bound, .localSearch, .improvement, .fill, .branchAndCut])
        #expect(stages.allSatisfy { $0.seconds >= 0 })
        // The best plan only improves from stage to stage, and the last is the plan reported.
        let objectives = stages.compactMap(\.objective)
        #expect(zip(objectives, objectives.dropFirst()).allSatisfy { $1 <= $0 + 1e-9 })
        #expect(abs(try #require(objectives.last) - (try #require(plan.solver.objective))) < 1e-9)
        // The bound stage tells whoever listens where the plan and the bound stand.
        let bound = try #require(updates.all.first { $0.phase == .bound })
        let (incumbent, proven) = (try #require(bound.incumbent), try #require(bound.bound))
        #expect(proven <= incumbent + 1e-9)
    }

    /// With a node limit, the solver is asked for it, the time limit stays only as a safety net, and
    /// the plan says which limit stopped it: the node limit (the same plan on any machine) or the time
    /// limit (which depends on the load).
    @Test(arguments: [SolveLimit.nodes, .time])
    func aNodeLimitedPlanSaysWhichLimitStoppedIt(limit: SolveLimit) throws {
        let solver = FinalSolveScript([
            .respond { model, options in
                var solution = Solution.stoppedEarly(model, start: options.startSolution, bound: nil)
                solution.stoppedBy = limit
                return solution
            }
        ])
        var options = PlanningOptions(timeLimitSeconds: 600)
        options.nodeLimit = 50
        let plan = try Planner(scenario: TinyScenario.make(), solver: solver).plan(options: options)
        let call = try #require(solver.calls.first)
        #expect(call.options.nodeLimit == 50)
        #expect(try #require(call.options.timeLimit) <= 600)
        #expect(plan.solver.status == .timeLimitFeasible)
        #expect(plan.solver.stoppedBy == limit)
        #expect(plan.solver.nodeLimit == 50)
    }

    /// A plan proven optimal names no limit; one the time limit stopped without a node limit names it.
    @Test func aPlanNamesTheLimitThatStoppedItOnlyWhenOneDid() throws {
        let optimal = FinalSolveScript([
            .respond { model, options in
                guard let start = options.startSolution else { throw SolverError.misuse("no start solution") }
                let activities = (0..<model.constraintCount).map {
                    model.activity(of: Constraint(index: $0), values: start)
                }
                let objective = model.objectiveValue(of: start)
                return Solution(
                    status: .optimal, objectiveValue: objective, bestBound: objective, values: start,
                    rowActivities: activities, solveSeconds: 0)
            }
        ])
        #expect(try Planner(scenario: TinyScenario.make(), solver: optimal).plan().solver.stoppedBy == nil)
        let timed = FinalSolveScript([.stoppedWithStart(bound: nil)])
        #expect(try Planner(scenario: TinyScenario.make(), solver: timed).plan().solver.stoppedBy == .time)
    }

    @Test func anInfeasibleModelIsAnOutcomeNotAnError() throws {
        let solver = FinalSolveScript([.solution(.noSolution(.infeasible))])
        let plan = try Planner(scenario: TinyScenario.make(), solver: solver).plan()
        #expect(plan.solver.status == .infeasible)
    }

    @Test func aSolverFailureReachesTheCaller() throws {
        let solver = FinalSolveScript([.failure(.solverFailed("scripted failure"))])
        #expect(throws: SolverError.solverFailed("scripted failure")) {
            try Planner(scenario: TinyScenario.make(), solver: solver).plan()
        }
    }
}

/// A scripted solver for the planner's final solve: models named "neighbourhood" (fix-and-optimise)
/// get their start back, no better, and are counted; every other model follows the script.
private final class FinalSolveScript: LinearSolver, @unchecked Sendable {  // the counter is guarded by `lock`
    private let script: ScriptedSolver
    private let lock = NSLock()
    private var neighbourhoods = 0

    init(_ steps: [ScriptedSolver.Step]) { script = ScriptedSolver(steps) }

    /// The calls that followed the script.
    var calls: [ScriptedSolver.Call] { script.calls }
    /// How many fix-and-optimise models were solved.
    var neighbourhoodCalls: Int { lock.withLock { neighbourhoods } }

    func export(_ model: LinearModel, format: ModelFileFormat) throws -> String {
        try script.export(model, format: format)
    }

    func solve(_ model: LinearModel, options: SolverOptions) throws -> Solution {
        guard model.name == "neighbourhood" else { return try script.solve(model, options: options) }
        lock.withLock { neighbourhoods += 1 }
        return .stoppedEarly(model, start: options.startSolution, bound: nil)
    }
}

/// Progress updates collected from any thread.
private final class Updates: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var received: [SolverProgress] = []

    func append(_ update: SolverProgress) { lock.withLock { received.append(update) } }
    var all: [SolverProgress] { lock.withLock { received } }
}
