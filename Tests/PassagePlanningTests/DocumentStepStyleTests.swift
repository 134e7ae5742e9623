import GLPKBackend
import LinearProgramming
import PassageScenario
import PassageSynthetic
import Testing

@testable import PassagePlanning

/// Document steps in every formulation style and in the large-model pipeline (no seat rows, the
/// bound pricing seats itself): the same optimum, every plan keeps every rule, and the bound never
/// exceeds the plan's objective.
@Suite struct DocumentStepStyleTests {
    static let exact = PlanningOptions(timeLimitSeconds: 60, mipGap: 0)

    @Test(arguments: [(12, UInt64(1)), (16, 2), (20, 3), (25, 4)])
    func everyStyleReachesTheSameOptimum(households: Int, seed: UInt64) throws {
        let scenario = SyntheticCaseload.generate(
            households: households, seed: seed, profile: .crisis, documentServices: true)
        try expectEveryStyleReachesTheSameOptimum(scenario, options: Self.exact)
    }

    @Test func theHandCheckedStepInEveryStyle() throws {
        let scenario = DocumentStepScenario.make(households: 4, capacity: 1, houses: 2)
        for style in FormulationStyle.allCases {
            let plan = try Planner(scenario: scenario, style: style).plan(options: Self.exact)
            #expect(abs((plan.solver.objective ?? .nan) - 1265.5) < 1e-6, "\(style)")
            #expect(violations(of: plan, in: scenario) == [], "\(style)")
        }
    }

    @Test func theLargeModelBoundStaysBelowThePlan() throws {
        let scenario = SyntheticCaseload.generate(households: 50, seed: 1, documentServices: true)
        let plan = try Planner(scenario: scenario, largeModelThreshold: 0).plan(
            options: PlanningOptions(timeLimitSeconds: 60, mipGap: 0))
        #expect(plan.itineraries.contains { $0.document != nil })
        #expect(violations(of: plan, in: scenario) == [])
        let objective = try #require(plan.solver.objective)
        let bound = try #require(plan.solver.bound)
        #expect(bound <= objective + 1e-6 * max(1, abs(objective)), "bound \(bound) objective \(objective)")
        // The bound is valid for the full model: at most the exhaustive model's optimum.
        let full = try Planner(scenario: scenario, style: .exhaustive).plan(
            options: PlanningOptions(timeLimitSeconds: 120, mipGap: 0))
        if full.solver.status == .optimal, let optimum = full.solver.objective {
            #expect(bound <= optimum + 1e-6 * max(1, abs(optimum)), "bound \(bound) optimum \(optimum)")
        }
    }

    /// Column generation tells a way with a document step from the same legs without one: its master
    /// then reaches the full model's relaxation, as without steps (`ColumnGenerationTests`).
    @Test(arguments: [(16, UInt64(2)), (25, 4)])
    func columnGenerationReachesTheFullRelaxation(households: Int, seed: UInt64) throws {
        let scenario = SyntheticCaseload.generate(
            households: households, seed: seed, profile: .crisis, documentServices: true)
        let planner = Planner(scenario: scenario, solver: GLPKSolver())
        let summary = try planner.columnGeneration(rounds: 40, columnsPerClass: 8, lpSolver: GLPKSolver())
        let last = try #require(summary.rounds.last)
        #expect(last.added == 0)
        var relaxed = SolverOptions(relaxIntegrality: true)
        relaxed.timeLimit = 60
        let full = planner.fullModel(of: Formulation(scenario: scenario))
        let relaxation = try #require(try GLPKSolver().solve(full.model, options: relaxed).objectiveValue)
        let lp = try #require(last.masterObjective)
        #expect(
            abs(lp - relaxation) <= 1e-6 * max(1, abs(relaxation)), "master LP \(lp), full relaxation \(relaxation)")
    }
}
