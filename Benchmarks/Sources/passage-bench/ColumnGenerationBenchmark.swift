import Foundation
import GLPKBackend
import HiGHSBackend
import LinearProgramming
import PassagePlanning
import PassageSynthetic

/// `passage-bench colgen --households N [--seed S] [--profile P] [--columns K] [--rounds R]
/// [--solver highs|glpk] [--expand-pools] [--improve SECONDS] [--output MASTER.mps]`: column generation on a generated caseload
/// (`Planner.columnGeneration`): each round the restricted master's LP, the Lagrangian bound at its
/// duals, and how many columns price out (`--expand-pools`: a pooled move as one column per house,
/// without the pools' link rows); the last master optionally written as free MPS (its MIP
/// then solvable by another program, e.g. `python3 scripts/highs-oracle.py MASTER.mps`).
enum ColumnGenerationBenchmark {
    static func run(_ arguments: [String]) {
        var households = 2_000
        var seed: UInt64 = 4242
        var profile = SyntheticProfile.steady
        var columns = 8
        var rounds = 10
        var backend = "highs"
        var output: String?
        var improve: Double?
        var expanding = false
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "--expand-pools" {
                expanding = true
                continue
            }
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            switch flag {
            case "--households": households = Int(value) ?? households
            case "--seed": seed = UInt64(value) ?? seed
            case "--profile":
                guard let named = SyntheticProfile(rawValue: value) else { fail("--profile is steady or crisis") }
                profile = named
            case "--columns": columns = Int(value) ?? columns
            case "--rounds": rounds = Int(value) ?? rounds
            case "--solver": backend = value
            case "--output": output = value
            case "--improve": improve = Double(value)
            default: fail("colgen: unknown argument \(flag)")
            }
        }
        let solver: any LinearSolver
        do {
            switch backend {
            case "highs": solver = try HiGHSSolver()
            case "glpk": solver = GLPKSolver()
            default: fail("colgen: --solver is highs or glpk")
            }
        } catch { fail("colgen: \(error)") }
        let scenario = SyntheticCaseload.generate(households: households, seed: seed, profile: profile)
        let started = Date()
        print(
            "\(households) households (seed \(seed), \(profile.rawValue)), \(columns) columns per class per round, LP by \(backend)"
        )
        let summary: ColumnGenerationSummary
        do {
            summary = try Planner(scenario: scenario, solver: GLPKSolver()).columnGeneration(
                rounds: rounds, columnsPerClass: columns, lpSolver: solver, expandingPools: expanding,
                improveSeconds: improve,
                planReport: { label, objective in print(String(format: "%@: %.1f", label, objective)) }
            ) { round in
                let lp = round.masterObjective.map { String(format: "%.1f", $0) } ?? "none"
                print(
                    String(
                        format:
                            "round %d: %d rows × %d columns, LP %@ (%.1f s), Lagrangian at its duals %.1f, best bound %.1f, %d columns added (%.1f s), %.0f s so far",
                        round.round, round.rows, round.columns, lp, round.masterSeconds, round.bound, round.bestBound,
                        round.added, round.pricingSeconds, Date().timeIntervalSince(started)))
            }
        } catch { fail("colgen: \(error)") }
        print(
            String(
                format: "%d classes; started from plan %.1f and subgradient bound %.1f", summary.classes,
                summary.startPlan, summary.startBound))
        if let output {
            do {
                try Data(summary.master.fileText(.mps).utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch { fail("writing \(output): \(error)") }
            print("last master written to \(output)")
        }
    }
}
