import ArgumentParser
import Foundation
import PassagePlanning
import PassageReports
import PassageScenario
import PassageSealing

/// `passage stress DIR --plan PLAN.json --trials N`: how fragile a plan is, by simulating it under the
/// scenario's uncertainty (docs/STRESS.md). `passage stress merge PART...` combines shards.
struct StressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress",
        abstract: "Simulate a plan many times under slow processing, refusals, closures and cancellations.",
        discussion: """
            Reads a plan written by `passage plan DIR --format json` and simulates it --trials times, \
            drawing processing times between processing_weeks and processing_weeks_max, refusals from \
            refusal_rate, house closures from closure_risk and cancelled departures from cancel_rate \
            (programmes.csv, safe_houses.csv, legs.csv; absent columns mean no uncertainty). Reports \
            persons reaching their destination, households stranded, refused and late, weeks of delay \
            and extra cost (5 %, median, 95 %), and the houses, legs and programmes that cause the most \
            trouble. The same seed gives the same bytes on any number of --jobs. For example:

              passage stress Data/demo --plan plan.json --trials 1000 --seed 7 --format html -o stress.html
              passage stress Data/demo --plan plan.json --trials 100000 --shard 3/10 -o part3.json
              passage stress merge part*.json --format markdown

            Reports hold counts only, never a household id. See docs/STRESS.md for the draws, the \
            recovery rule and a Slurm job-array example.

            \(ScenarioInput.warningsHelp)
            """,
        subcommands: [StressRunCommand.self, StressMergeCommand.self],
        defaultSubcommand: StressRunCommand.self
    )
}

/// `passage stress [run] DIR --plan PLAN.json --trials N [--seed S] [--jobs J] [--shard K/N]`.
struct StressRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a plan (the default of `passage stress`).")

    @Argument(help: "The scenario folder the plan was made from, or a sealed scenario file.", completion: .file())
    var scenario: String

    @Option(help: "The JSON plan (passage plan --format json), or that plan sealed (--seal).", completion: .file())
    var plan: String

    @Option(help: "How many times to simulate the plan.")
    var trials: Int

    @Option(help: "Seed of the random draws (0 to 18446744073709551615): the same seed gives the same report.")
    var seed: UInt64 = 1

    @Option(help: "Threads running trials (default: one per processor); the report does not depend on it.")
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "Run only shard K of N (trials t with t mod N = K - 1) and write a partial result for `passage stress merge`.",
            valueName: "K/N"))
    var shard: String?

    @Option(help: "Report format: text, markdown, json, csv or html (not with --shard, which writes JSON).")
    var format: ReportFormat?

    @Option(
        name: .shortAndLong, help: "Write the report (or the partial result) to this file instead of standard output.")
    var output: String?

    @OptionGroup var progress: ProgressOptions

    @OptionGroup(title: "Protection") var protection: OutputProtectionOptions

    func validate() throws {
        guard (1...StressStudy.maximumTrials).contains(trials) else {
            throw ValidationError("--trials must be a number of trials from 1 to \(StressStudy.maximumTrials)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be a positive number of threads") }
        if let shard {
            guard StressShard(parsing: shard) != nil else {
                throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, for example 3/10 (got \"\(shard)\")")
            }
            if format != nil { throw ValidationError("--shard writes a partial result (JSON); leave out --format") }
            if output == nil { throw ValidationError("--shard needs --output FILE for the partial result") }
            if protection.seal {
                throw ValidationError("--shard writes a partial result of counts only; it cannot be sealed")
            }
        }
        if protection.seal && output == nil { throw ValidationError("--seal needs --output FILE") }
    }

    func run() throws {
        let loaded = try Failure.exitingWithStatus2 {
            try ScenarioInput.loadShowingWarnings(scenario, passphrase: protection.passphrase)
        }
        let moves = try Failure.exitingWithStatus2 {
            try StressPlanReader.itineraries(PlanInput.data(plan, passphrase: protection.passphrase))
        }
        // A plan of another scenario: bad input, as a scenario problem is.
        let input = try Failure.exitingWithStatus1 { try StressInput(scenario: loaded, itineraries: moves) }
        let part = shard.flatMap(StressShard.init(parsing:)) ?? .whole
        try Failure.exitingWithStatus2 {
            let sealing = try protection.seal ? protection.passphrase.forSealing() : nil
            let result = StressStudy.run(
                input, seed: seed, trials: trials, shard: part, jobs: jobs ?? Sweep.defaultJobs,
                progress: StressProgress.make(total: part.trials(of: trials).count, quiet: progress.quiet))
            if shard != nil, let output {
                return try OutputFile.write(result.encoded(), to: output, replacing: protection.force)
            }
            let report = StressReport.render(StressSummary(result), format: format ?? .text)
            try protection.emit(report, to: output, sealingWith: sealing, plainName: "stress")
        }
    }
}

/// `passage stress merge PART...`: the report of a study run in shards, identical to one run's.
struct StressMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the partial results of `passage stress --shard` into the report of the whole study.",
        discussion: """
            Every shard of the study must be given once; parts of different plans, scenarios, seeds or \
            numbers of trials are refused. The report is byte for byte the one a single run gives.
            """)

    @Argument(help: "Partial results written by passage stress --shard K/N.", completion: .file())
    var parts: [String]

    @OptionGroup var reportOutput: ReportOutputOptions

    func validate() throws {
        if parts.isEmpty { throw ValidationError("give the partial results to merge") }
    }

    func run() throws {
        let merged = try Failure.exitingWithStatus1 {
            try StressStudy.merge(parts.map { try StressResult.read(Data(contentsOf: URL(fileURLWithPath: $0))) })
        }
        guard merged.isComplete else {
            let missing = merged.trials - merged.outcomes.count
            StandardError.write(
                "passage: error: \(plural(missing, "trial")) of \(merged.trials) missing: give every shard"
                    + " (these parts hold \(merged.shards.joined(separator: ", ")))")
            throw ExitCode(1)
        }
        try Failure.exitingWithStatus2 {
            let sealing = try reportOutput.sealingPassphrase()
            let report = StressReport.render(StressSummary(merged), format: reportOutput.format)
            try reportOutput.emit(report, sealingWith: sealing, plainName: "stress")
        }
    }
}

/// "1 trial", "2 trials".
private func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

/// Progress of a study on standard error, when it is a terminal: about every tenth of the trials.
enum StressProgress {
    static func make(total: Int, quiet: Bool) -> (@Sendable (Int) -> Void)? {
        guard SolveProgress.isWanted(quiet: quiet), total > 0 else { return nil }
        StandardError.write("passage: simulating \(plural(total, "trial"))")
        let step = max(1, total / 10)
        return { @Sendable done in
            // Calls come one at a time with rising counts; report each step passed once.
            if done == total || done / step != (done - 16) / step {
                StandardError.write("passage: \(done)/\(total) trials")
            }
        }
    }
}
