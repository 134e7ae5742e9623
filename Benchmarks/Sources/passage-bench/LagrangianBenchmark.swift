import GLPKBackend
import Foundation
import PassagePlanning
import PassageSynthetic

/// `passage-bench lagrangian [--households N]... [--seed S] [--profile P] [--with-seat-rows] [--iterations K] [--without-sifting] [--local-search TRIALS] [--improve SECONDS | --improve-neighbourhoods N] [--improvement-settings SPEC] [--nodes-per-solve N]`: the
/// Lagrangian bound of large models (docs/MODEL.md, "Bounds for large models") on generated caseloads,
/// against the greedy plans it prices, as a Markdown table. No time limit: every run does all its
/// iterations, so the numbers are the same on every machine but the seconds (and the plan after
/// `--improve`'s fix-and-optimise, which stops at a deadline; `--improve-neighbourhoods` stops after
/// a fixed number of neighbourhoods instead, so its plan is the same on every machine;
/// `--improvement-settings` takes GLPK's settings for the neighbourhood MIPs as `mip-settings` does,
/// e.g. `measured` or `br=dth,bt=blb,mir,cov,clq`). `--without-sifting` prices every column at every
/// iteration, as the bound did before sifting (docs/MODEL.md, "Sifting the bound's columns").
/// `--local-search TRIALS` runs the local search (its passes, then TRIALS ruin-and-recreate trials,
/// no deadline, so the same plan on every machine) on the best plan first, and fix-and-optimise, if
/// asked for, from its plan (docs/MODEL.md, "Improvement: local search").
enum LagrangianBenchmark {
    static func run(_ arguments: [String]) {
        var sizes: [Int] = []
        var seed: UInt64 = 1
        var profile = SyntheticProfile.steady
        var seatRows = [false]
        var iterations: Int?
        var sifting = true
        var improveSeconds: Double?
        var improveNeighbourhoods: Int?
        var nodesPerSolve: Int?
        var localSearchTrials: Int?
        var improvementSettings = GLPKMIPSettings.improvingStart
        var rest = arguments[...]
        /// The positive whole number after `flag`.
        func count(after flag: String) -> Int {
            guard let count = rest.popFirst().flatMap(Int.init), count > 0 else { fail("\(flag) needs a number") }
            return count
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--households": sizes.append(count(after: flag))
            case "--seed":
                guard let number = rest.popFirst().flatMap(UInt64.init) else { fail("--seed needs a number") }
                seed = number
            case "--profile":
                guard let named = rest.popFirst().flatMap(SyntheticProfile.init(rawValue:)) else {
                    fail("--profile is steady or crisis")
                }
                profile = named
            case "--with-seat-rows": seatRows = [false, true]
            case "--iterations": iterations = count(after: flag)
            case "--without-sifting": sifting = false
            case "--improve":
                guard let seconds = rest.popFirst().flatMap(Double.init), seconds > 0 else {
                    fail("--improve needs seconds")
                }
                improveSeconds = seconds
            case "--improve-neighbourhoods": improveNeighbourhoods = count(after: flag)
            case "--nodes-per-solve": nodesPerSolve = count(after: flag)
            case "--local-search":
                guard let trials = rest.popFirst().flatMap(Int.init), trials >= 0 else {
                    fail("--local-search needs a number of trials (0 for the passes alone)")
                }
                localSearchTrials = trials
            case "--improvement-settings":
                guard let spec = rest.popFirst() else { fail("--improvement-settings needs settings") }
                improvementSettings = parseSettings(spec)
            default: fail("lagrangian: unknown argument \(flag)")
            }
        }
        if sizes.isEmpty { sizes = [1_000] }
        print(
            "| households | classes | seat rows | rows × columns (non-zeros) | build s | greedy | bound (iterations, s) | priced greedy | early-priced greedy | guided greedy | gap of the best plan | local search (passes, changes, trials kept, s) | improved (neighbourhoods, s) |"
        )
        print("|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for size in sizes {
            let scenario = SyntheticCaseload.generate(households: size, seed: seed, profile: profile)
            for withRows in seatRows {
                let s = Planner(scenario: scenario, solver: GLPKSolver(improvementSettings: improvementSettings))
                    .lagrangianSummary(
                        everySeatRowThatMayFill: withRows, iterations: iterations, sifting: sifting,
                        improveSeconds: improveSeconds, improveNeighbourhoods: improveNeighbourhoods,
                        nodesPerSolve: nodesPerSolve, localSearchTrials: localSearchTrials)
                let best = min(
                    s.greedyObjective, s.pricedObjective, s.guidedObjective, s.earlyPricedObjective ?? .infinity)
                let gap = (best - s.bound) / abs(best)
                let columns = "\(s.rows) × \(s.columns) (\(s.nonzeros))"
                print(
                    "| \(size) | \(s.classes) | \(withRows ? "every leg that may fill" : "none") | \(columns) | \(f2(s.buildSeconds)) | "
                        + "\(f2(s.greedyObjective)) | \(f2(s.bound)) (\(s.iterations), \(f2(s.boundSeconds))) | "
                        + "\(f2(s.pricedObjective)) | \(s.earlyPricedObjective.map(f2) ?? "–") | \(f2(s.guidedObjective)) | \(f2(100 * gap)) % | "
                        + "\(searched(s)) | \(improved(s)) |")
            }
        }
    }

    private static func improved(_ s: LagrangianSummary) -> String {
        guard let objective = s.improvedObjective else { return "–" }
        return "\(f2(objective)) (\(s.improvedNeighbourhoods ?? 0), \(f2(s.improveSeconds ?? 0)))"
    }

    private static func searched(_ s: LagrangianSummary) -> String {
        guard let objective = s.localSearchObjective else { return "–" }
        return "\(f2(objective)) (\(s.localSearchPasses ?? 0), \(s.localSearchChanges ?? 0), "
            + "\(s.localSearchKeptTrials ?? 0), \(f2(s.localSearchSeconds ?? 0)))"
    }

    private static func f2(_ value: Double) -> String { String(format: "%.2f", value) }
}
