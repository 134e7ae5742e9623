import GLPKBackend
import LinearProgramming
import PassageSynthetic
import Testing
@testable import PassagePlanning

/// The restricted master `passage-bench master` writes: every solution of it is a plan of the full
/// model, the plan it was made from is one, and the bounds line up as the theory says.
@Suite struct RestrictedMasterTests {
    /// Lagrangian bound ≤ master's LP relaxation ≤ master's optimum ≤ the greedy plan it holds, and the
    /// master's optimum is no better than the full model's (it is a restriction of it).
    @Test(arguments: [UInt64(3), 17])
    func boundsAndPlansLineUp(seed: UInt64) throws {
        let scenario = SyntheticCaseload.generate(households: 40, seed: seed, profile: .steady)
        let planner = Planner(scenario: scenario, solver: GLPKSolver())
        let summary = planner.restrictedMaster(columnsPerClass: 3)
        let model = summary.model
        #expect(model.variables.allSatisfy { !$0.name.isEmpty })
        let tolerance = 1e-6 * max(1, abs(summary.planObjective))
        var relaxed = SolverOptions(timeLimit: 60)
        relaxed.relaxIntegrality = true
        let relaxation = try GLPKSolver().solve(model, options: relaxed)
        let master = try GLPKSolver().solve(model, options: SolverOptions(timeLimit: 60, relativeGap: 0))
        let full = try planner.plan(options: PlanningOptions(timeLimitSeconds: 60, mipGap: 0))
        #expect(relaxation.status == .optimal && master.status == .optimal && full.solver.status == .optimal)
        let lp = try #require(relaxation.objectiveValue)
        let optimum = try #require(master.objectiveValue)
        let fullOptimum = try #require(full.solver.objective)
        #expect(summary.bound <= lp + tolerance)
        #expect(lp <= optimum + tolerance)
        #expect(optimum <= summary.planObjective + tolerance)
        #expect(fullOptimum <= optimum + tolerance)
    }
}
