import GLPKBackend
import PassagePlanning
import PassageScenario
import Testing

@testable import PassageSynthetic

@Suite("Generated scenarios plan")
struct GeneratedPlanningTests {
    @Test(
        "a small generated caseload plans to optimality, moving some households but not all",
        // Cases GLPK proves optimal within the 20 s limit when it has a core: most in about a second,
        // but 30 households, seed 1, crisis takes GLPK ~4,100 nodes (~9 s measured on 2026-12-02).
        // One at a time, so that case is not starved by its neighbours when the whole suite runs.
        // Some seeds of this size take GLPK longer than a test should (seed 6 at 20–40 households):
        // a finding for the formulation.
        .serialized,
        arguments: [
            (40, UInt64(2), SyntheticProfile.steady), (40, 3, .steady), (40, 4, .crisis), (30, 5, .crisis),
            (30, 1, .crisis), (20, 2, .steady),
        ])
    func plansSomeButNotAll(households: Int, seed: UInt64, profile: SyntheticProfile) throws {
        let scenario = SyntheticCaseload.generate(households: households, seed: seed, profile: profile)
        let plan = try Planner(scenario: scenario, solver: GLPKSolver()).plan(options: PlanningOptions(timeLimitSeconds: 20))
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
