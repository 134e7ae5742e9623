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

    @Test("Columns built without names are written c1, c2, …; named afterwards, with their names")
    func namedAfterwards() throws {
        var model = LinearModel(name: "late")
        let a = model.addVariable("", upperBound: 4)
        let b = model.addVariable("", upperBound: 4)
        var row = LinearExpression()
        row += a
        row += b
        model.addConstraint("", row, .greaterOrEqual, 3)
        model.setObjective(.minimize, row)
        let unnamed = model.fileText(.lp)
        #expect(unnamed.contains("c1") && unnamed.contains("c2") && unnamed.contains("r1"))
        model.setNames(columns: { $0 == 0 ? "move_a" : nil }, rows: { _ in "need" })
        #expect(model.variables.map(\.name) == ["move_a", ""])
        let named = model.fileText(.lp)
        #expect(named.contains("move_a") && named.contains("c2") && named.contains("need:"))
        #expect(try Glpsol.objective(of: named, format: .lp) == 3)
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

    /// Every kind of bound, integers with negative and fractional bounds, a column in no row: the
    /// cases where MPS and LP readers' defaults differ.
    static func awkwardModel() -> LinearModel {
        var model = LinearModel(name: "awkward bounds")
        let free = model.addVariable("free", lowerBound: -.infinity, upperBound: .infinity)
        let fixed = model.addVariable("fixed", lowerBound: 2.5, upperBound: 2.5)
        let upperOnly = model.addVariable("upper only", lowerBound: -.infinity, upperBound: -1)
        let shifted = model.addVariable("shifted", lowerBound: 1.5)
        let integer = model.addVariable("n[1]", lowerBound: -3.5, upperBound: 7.2, kind: .integer)
        let unbounded = model.addVariable("m", kind: .integer)
        let alone = model.addVariable("alone", lowerBound: 0, upperBound: 4)
        let binary = model.addVariable("pick", kind: .binary)
        var floor = LinearExpression()
        floor += free
        floor += (0.5, integer)
        model.addConstraint("floor", floor, .greaterOrEqual, -4.25)
        var pair = LinearExpression()
        pair += (-1, upperOnly)
        pair += shifted
        pair += unbounded
        pair += (3, binary)
        model.addConstraint("pair", pair, .equal, 7)
        var objective = LinearExpression(constant: -2)
        objective += free
        objective += (3, fixed)
        objective += (-2, upperOnly)
        objective += shifted
        objective += (1.25, integer)
        objective += (0.1, unbounded)
        objective += (-1, alone)
        objective += (-0.5, binary)
        model.setObjective(.minimize, objective)
        return model
    }

    @Test("Awkward bounds and integers: glpsol reads both formats to our optimum", arguments: ModelFileFormat.allCases)
    func awkwardBounds(format: ModelFileFormat) throws {
        let model = Self.awkwardModel()
        let ours = try #require(try solver.solve(model, options: SolverOptions()).objectiveValue)
        let theirs = try #require(try Glpsol.objective(of: model.fileText(format), format: format))
        #expect(abs(theirs - ours) < 1e-9, "ours \(ours), glpsol \(theirs)")
    }
}
