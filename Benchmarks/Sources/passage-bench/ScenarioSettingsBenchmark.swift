import GLPKBackend
import Foundation
import LinearProgramming
import PassagePlanning
import PassageScenario

/// `passage-bench scenario DIR... [--settings SPEC] [--time-limit S] [--repeat N]`: solves the
/// planning model of scenario folders with the given GLPK settings and prints one Markdown row per run.
func benchmarkScenarios(_ arguments: [String]) {
    var arguments = arguments
    var folders: [String] = []
    var spec = "planning"
    var timeLimit = 60.0
    var repeats = 2
    while !arguments.isEmpty {
        let argument = arguments.removeFirst()
        switch argument {
        case "--settings": spec = arguments.isEmpty ? spec : arguments.removeFirst()
        case "--time-limit": timeLimit = Double(arguments.isEmpty ? "" : arguments.removeFirst()) ?? timeLimit
        case "--repeat": repeats = Int(arguments.isEmpty ? "" : arguments.removeFirst()) ?? repeats
        default: folders.append(argument)
        }
    }
    let settings = spec == "planning" ? GLPKMIPSettings.measured : parseSettings(spec)
    for folder in folders {
        let scenario: Scenario
        do { scenario = try ScenarioLoader.load(directory: URL(fileURLWithPath: folder)) } catch { fail("\(error)") }
        let formulation = Planner(scenario: scenario, solver: GLPKSolver()).formulation()
        let model = formulation.model
        for run in 1...repeats {
            do {
                let solution = try GLPKSolver(mipSettings: settings).solve(model, options: SolverOptions(timeLimit: timeLimit))
                let gap = solution.relativeGap.map { String(format: "%.3f", $0 * 100) } ?? "–"
                print(
                    "| \(URL(fileURLWithPath: folder).lastPathComponent) | \(model.constraintCount)×\(model.variableCount) | \(spec) | \(run) | \(solution.status.rawValue) | \(format(solution.objectiveValue)) | \(format(solution.bestBound)) | \(gap) | \(String(format: "%.2f", solution.solveSeconds)) |"
                )
            } catch {
                print("| \(folder) | | \(spec) | \(run) | error: \(error) | | | | |")
            }
        }
    }
}
