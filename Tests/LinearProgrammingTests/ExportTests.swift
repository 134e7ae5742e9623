import GLPKBackend
import Foundation
import LinearProgramming
import Testing

@Suite("Model export, checked by glpsol")
struct ExportTests {
    /// The reference solve (GLPK); the files themselves come from `LinearModel.fileText`.
    let solver = GLPKSolver()

    @Test("CPLEX LP of a maximisation with a constant: glpsol gets our objective")
    func lpMaximization() throws {
        let model = SmallModels.productionLP().model
        let ours = try #require(try solver.solve(model, options: SolverOptions()).objectiveValue)
        let text = model.fileText(.lp)
        #expect(text.contains("Maximize"))
        let theirs = try #require(try Glpsol.objective(of: text, format: .lp))
        #expect(abs(theirs - ours) < 1e-9 && abs(ours - 16) < 1e-9)
    }

    @Test("CPLEX LP and free MPS of a MIP: glpsol gets our objective", arguments: ModelFileFormat.allCases)
    func mip(format: ModelFileFormat) throws {
        let model = try Fixtures.gap("c0515_1").model(.minimize)
        let ours = try #require(try solver.solve(model, options: SolverOptions()).objectiveValue)
        let theirs = try #require(try Glpsol.objective(of: model.fileText(format), format: format))
        #expect(abs(theirs - ours) < 1e-9)
    }

    @Test("Free MPS keeps the constant; maximisation needs --max and is flagged in a comment")
    func mpsConstantAndSense() throws {
        let minimize = SmallModels.knapsackMIP(sense: .minimize, constant: 100)  // optimum 100 − 20
        let minText = minimize.fileText(.mps)
        #expect(try Glpsol.objective(of: minText, format: .mps) == 80)
        let maximize = SmallModels.knapsackMIP(sense: .maximize, constant: 100)  // optimum 120
        let maxText = maximize.fileText(.mps)
        #expect(maxText.contains("MAXIMIZE"))
        #expect(try Glpsol.objective(of: maxText, format: .mps, extraArguments: ["--max"]) == 120)
    }

    @Test("Names are sanitized, unique and readable")
    func names() throws {
        var model = LinearModel(name: "names")
        let a = model.addVariable("beds[h1,3]")
        let b = model.addVariable("beds(h1_3)")
        let c = model.addVariable("2nd choice")
        var row = LinearExpression()
        row += a
        row += b
        row += c
        model.addConstraint("quota: canada <= 10", row, .lessOrEqual, 10)
        model.addConstraint("e1", row, .greaterOrEqual, 1)
        model.setObjective(.minimize, row)
        let text = model.fileText(.lp)
        #expect(text.contains("beds(h1_3)") && text.contains("beds(h1_3)_2"))
        #expect(text.contains("_2nd_choice"))
        #expect(text.contains("quota__canada____10:"))
        #expect(text.contains("_e1:"))
        #expect(try Glpsol.objective(of: text, format: .lp) == 1)
    }
}
