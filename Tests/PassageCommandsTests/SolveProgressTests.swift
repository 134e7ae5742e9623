import Testing
@testable import PassageCommands

/// Progress lines are read from GLPK's own output.
@Suite struct SolveProgressTests {
    @Test func branchAndCutLinesBecomeProgress() {
        let line = "+  1706: >>>>>   1.579435000e+04 >=   1.574209625e+04   0.3% (51; 1)"
        #expect(SolveProgress.describe(line) == "branch-and-cut, best plan 15794.35, bound 15742.10, gap 0.33 %")
        let none = "+   159: mip =     not found yet >=              -inf        (1; 0)"
        #expect(SolveProgress.describe(none) == "branch-and-cut, no plan yet")
    }

    @Test func simplexLinesSayLPAndOtherLinesNothing() {
        #expect(SolveProgress.describe("*   452: obj =   9.349450000e+03 inf =   2.971e-14 (0) 2") == "solving the LP relaxation")
        #expect(SolveProgress.describe("Constructing conflict graph...") == nil)
        #expect(SolveProgress.describe("INTEGER OPTIMAL SOLUTION FOUND") == nil)
    }
}
