@testable import GLPKBackend
import LinearProgramming
import Testing

/// GLPK's own progress lines, read as structured progress.
@Suite struct GLPKProgressLineTests {
    @Test func branchAndCutLinesGiveIncumbentAndBound() throws {
        let line = "+  1706: >>>>>   1.579435000e+04 >=   1.574209625e+04   0.3% (51; 1)"
        let update = try #require(GLPKProgressLine.parse(line, elapsedSeconds: 4))
        #expect(update.phase == .branchAndCut && update.elapsedSeconds == 4)
        #expect(update.incumbent == 15794.35 && update.bound == 15742.09625)
        let none = try #require(
            GLPKProgressLine.parse(
                "+   159: mip =     not found yet >=              -inf        (1; 0)", elapsedSeconds: 1))
        #expect(none.incumbent == nil && none.bound == nil)
    }

    @Test func simplexLinesAreTheRelaxationAndOtherLinesNothing() {
        let lp = GLPKProgressLine.parse("*   452: obj =   9.349450000e+03 inf =   2.971e-14 (0) 2", elapsedSeconds: 0)
        #expect(lp?.phase == .linearRelaxation)
        #expect(GLPKProgressLine.parse("Constructing conflict graph...", elapsedSeconds: 0) == nil)
        #expect(GLPKProgressLine.parse("INTEGER OPTIMAL SOLUTION FOUND", elapsedSeconds: 0) == nil)
    }
}
