import LinearProgramming
import Testing
@testable import PassageCommands

/// Progress lines are written from the backend's structured progress.
@Suite struct SolveProgressTests {
    @Test func branchAndCutProgressSaysPlanBoundAndGap() {
        let update = SolverProgress(phase: .branchAndCut, elapsedSeconds: 3, incumbent: 15794.35, bound: 15742.09625)
        #expect(SolveProgress.describe(update) == "branch-and-cut, best plan 15794.35, bound 15742.10, gap 0.33 %")
        let none = SolverProgress(phase: .branchAndCut, elapsedSeconds: 3)
        #expect(SolveProgress.describe(none) == "branch-and-cut, no plan yet")
    }

    @Test func relaxationProgressSaysLP() {
        #expect(SolveProgress.describe(SolverProgress(phase: .linearRelaxation, elapsedSeconds: 1)) == "solving the LP relaxation")
    }

    @Test func plannerStagesSayWhatTheyDo() {
        let bound = SolverProgress(phase: .bound, elapsedSeconds: 4, incumbent: 200, bound: 150)
        #expect(SolveProgress.describe(bound) == "proving a bound, best plan 200.00, bound 150.00, gap 25.00 %")
        let improving = SolverProgress(phase: .improvement, elapsedSeconds: 6, incumbent: 180, bound: 171)
        #expect(SolveProgress.describe(improving) == "improving the plan, best plan 180.00, bound 171.00, gap 5.00 %")
    }
}
