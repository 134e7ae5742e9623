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
}
