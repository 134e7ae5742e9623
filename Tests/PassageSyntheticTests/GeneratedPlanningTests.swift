import GLPKBackend
import PassagePlanning
import PassageScenario
import Testing

@testable import PassageSynthetic

@Suite("Generated scenarios plan")
struct GeneratedPlanningTests {
    @Test(
        "a small generated caseload plans to optimality, moving some households but not all",
        // Cases GLPK proves optimal: most in about a second, but 30 households, seed 1, crisis takes
        // GLPK ~4,100 nodes (~9 s of a core, measured 2026-12-02), which a 20 s limit did not cover when
        // the whole suite ran on two shared cores. One at a time, with a 60 s limit.
        // Some seeds of this size take GLPK longer than a test should (seed 6 at 20–40 households):
        // a finding for the formulation.
        .serialized,
        arguments: [
            (40, UInt64(2), SyntheticProfile.steady), (40, 3, .steady), (40, 4, .crisis), (30, 5, .crisis),
            (30, 1, .crisis), (20, 2, .steady),
        ])
    func plansSomeButNotAll(households: Int, seed: UInt64, profile: SyntheticProfile) throws {
        let scenario = SyntheticCaseload.generate(households: households, seed: seed, profile: profile)
        let plan = try Planner(scenario: scenario, solver: GLPKSolver()).plan(options: PlanningOptions(timeLimitSeconds: 60))
        #expect(plan.solver.status == .optimal)
        let moved = plan.summary.overall.householdsMoved
        #expect(moved > 0)
        #expect(moved < households)
        // A good share has some pathway: moved, or left only because capacity ran out.
        let blockedByCapacity = plan.unmoved.filter {
            if case .capacity = $0.reason { return true } else { return false }
        }.count
        let eligible = moved + blockedByCapacity
        #expect(eligible * 3 >= households, "only \(eligible) of \(households) households have a pathway")
    }
}
