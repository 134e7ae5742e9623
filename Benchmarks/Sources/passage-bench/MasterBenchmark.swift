import Foundation
import GLPKBackend
import LinearProgramming
import PassagePlanning
import PassageSynthetic

/// `passage-bench master --households N [--seed S] [--profile P] [--columns K] --output MODEL.mps`:
/// writes the restricted master of a generated caseload (each class's K columns cheapest at the
/// Lagrangian bound's prices and the best greedy plan's, with every capacity row, seats of every
/// leg included) as free MPS, and prints its size, the plan and the bound it was made from. Solve it
/// with another program to see how far a master over these columns takes the plan and the bound,
/// e.g. `python3 scripts/highs-oracle.py MODEL.mps --time-limit 150` (LP relaxation, then the MIP)
/// or `glpsol --freemps MODEL.mps --nomip` (GLPK's simplex on its LP relaxation).
enum MasterBenchmark {
    static func run(_ arguments: [String]) {
        var households = 2_000
        var seed: UInt64 = 4242
        var profile = SyntheticProfile.steady
        var columns = 8
        var rounds = 0
        var output: String?
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            switch flag {
            case "--households": households = Int(value) ?? households
            case "--seed": seed = UInt64(value) ?? seed
            case "--profile":
                guard let named = SyntheticProfile(rawValue: value) else { fail("--profile is steady or crisis") }
                profile = named
            case "--columns": columns = Int(value) ?? columns
            case "--variant-rounds": rounds = Int(value) ?? rounds
            case "--output": output = value
            default: fail("master: unknown argument \(flag)")
            }
        }
        guard let output else { fail("master: --output MODEL.mps is required") }
        let scenario = SyntheticCaseload.generate(households: households, seed: seed, profile: profile)
        let summary = Planner(scenario: scenario, solver: GLPKSolver()).restrictedMaster(columnsPerClass: columns, variantRounds: rounds)
        let model = summary.model
        do {
            try Data(model.fileText(.mps).utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch { fail("writing \(output): \(error)") }
        print(
            "\(households) households (seed \(seed), \(profile.rawValue)), \(summary.classes) classes, \(columns) cheapest columns per class and the plan's: "
                + "\(model.constraintCount) rows × \(model.variableCount) columns, \(model.nonzeroCount) non-zeros; "
                + String(format: "best greedy plan %.1f, Lagrangian bound %.1f", summary.planObjective, summary.bound))
    }
}
