import Foundation
import Testing
import LinearProgramming
import PassageScenario
@testable import PassagePlanning

/// The exported model, solved by glpsol (GLPK's stand-alone solver, a separate program), gives the
/// objective Passage reports: the model on disk is the model that was solved.
@Suite struct IndependentSolveTests {
    @Test(arguments: [ModelFileFormat.lp, .mps], [UInt64(3), 11])
    func glpsolAgreesWithTheReportedObjective(format: ModelFileFormat, seed: UInt64) throws {
        let planner = Planner(scenario: RandomScenarios.make(seed: seed))
        let formulation = planner.formulation()
        let plan = try planner.plan(formulation)
        let text = formulation.model.fileText(format)
        let objective = try glpsolObjective(of: text, format: format)
        #expect(abs(objective - (plan.solver.objective ?? .nan)) < 1e-6 * max(1, abs(objective)))
    }

    /// The planner builds its columns without names (cheap at scale); the model `--export-model`
    /// writes names every column after what it means, and glpsol still gets the same optimum.
    @Test func theExportedModelNamesEveryColumn() throws {
        let planner = Planner(scenario: TinyScenario.make())
        let formulation = planner.formulation()
        #expect(formulation.model.variables.allSatisfy { $0.name.isEmpty })
        let exported = planner.fullModel(of: formulation)
        let names = exported.model.variables.map(\.name)
        #expect(names.allSatisfy { $0.hasPrefix("move_c") || $0.hasPrefix("unmoved_c") || $0.hasPrefix("stay_q") })
        #expect(Set(names).count == names.count)
        let move = exported.moves[0]
        #expect(names[move.variable.index] == "move_c\(move.householdClass)_p\(move.pathway)_w\(move.startWeek)")
        #expect(exported.model.fileText(.lp).contains("unmoved_c0"))
        #expect(abs(try glpsolObjective(of: exported.model.fileText(.lp), format: .lp) - 1811.4) < 1e-6)
    }

    @Test func glpsolAgreesOnTheHandCheckedScenario() throws {
        let planner = Planner(scenario: TinyScenario.make())
        let text = planner.formulation().model.fileText(.lp)
        #expect(abs(try glpsolObjective(of: text, format: .lp) - 1811.4) < 1e-6)
    }
}

/// Solves a model file with glpsol and returns the objective it prints.
func glpsolObjective(of text: String, format: ModelFileFormat) throws -> Double {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("passage-glpsol-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let model = directory.appendingPathComponent("model.\(format.rawValue)")
    let report = directory.appendingPathComponent("solution.txt")
    try text.write(to: model, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["glpsol", format == .lp ? "--lp" : "--freemps", model.path, "-o", report.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let output = try String(contentsOf: report, encoding: .utf8)
    // "Objective:  obj = 1811.4 (MINimum)"
    guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }),
        let equals = line.firstIndex(of: "=")
    else { throw SolverError("glpsol printed no objective") }
    let number = line[line.index(after: equals)...].split(separator: " ").first.map(String.init) ?? ""
    guard let value = Double(number) else { throw SolverError("glpsol objective unreadable: \(line)") }
    return value
}
