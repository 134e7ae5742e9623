import ArgumentParser
import Foundation
import LinearProgramming
import PassagePlanning
import PassageReports
import PassageScenario

/// `passage plan DIR`: solves the scenario and prints or writes the plan.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the scenario and report it: itineraries, households not moved and why, capacity use.",
        discussion: """
            Solves a mixed-integer program with GLPK or HiGHS (--solver; see docs/MODEL.md and docs/SOLVER.md). The report states the solver's
            status, the objective, the best proven bound and the gap: a plan stopped by the time limit
            says so. Output files are written atomically and readable only by you.

            \(ScenarioInput.warningsHelp)
            """
    )

    @Argument(help: "The scenario folder, or a sealed scenario file.", completion: .file())
    var scenario: String

    @OptionGroup var reportOutput: ReportOutputOptions

    @OptionGroup(title: "Solver limits") var limits: SolveLimitOptions

    @Option(help: "Also write the mixed-integer program to this file (.mps or .lp) for another solver.")
    var exportModel: String?

    @Option(
        help:
            "Re-plan against this previous JSON plan: households keep their pathway unless a change buys more than the scenario's change_penalty, and the report lists what changed."
    )
    var previous: String?

    @Option(
        help:
            "With --previous: households (ids, comma-separated) that have started their previous pathway; they are kept as commitments."
    )
    var started: String?

    @Flag(
        help:
            "Add shadow prices (what one more bed, seat, quota place or unit of budget is worth, from the LP relaxation) and the bottlenecks worth expanding."
    )
    var shadowPrices = false

    @Option(
        help:
            "With --shadow-prices: plan again for each of the first N bottlenecks with one more unit of it, to show what the plan itself gains."
    )
    var checkBottlenecks: Int?

    @Flag(name: .shortAndLong, help: "Show the solver's own output on standard error.")
    var verbose = false

    @OptionGroup var progress: ProgressOptions

    @Flag(
        help:
            "Include the solve time and each planning stage's time (bound, improvement, …) in JSON, CSV and HTML too; they differ from run to run, so those formats leave them out by default."
    )
    var timings = false

    @Flag(
        help:
            "Aggregates only, safe to share: no household ids or rows, counts under 5 shown as <5, safe houses as House A, B… (docs/REPORTS.md)."
    )
    var redact = false

    @OptionGroup(title: "Solver") var solverSelection: SolverSelection

    @Option(
        help: ArgumentHelp(
            "Plan against the uncertainty too: stays fit at this quantile (0 < LEVEL ≤ 1) of the processing time and the expected loss from closures and refusals is priced; the report compares the robust plan with the nominal one, persons moved and a stress test of each (docs/MODEL.md, \"Robust plans\").",
            valueName: "LEVEL"))
    var robust: Double?

    @Option(help: "With --robust: trials of the stress test of each plan.")
    var trials: Int = PlanCommand.defaultTrials

    @Option(
        help: "With --robust: seed of the stress test's draws (0 to 18446744073709551615), the same for both plans.")
    var seed: UInt64 = 1

    /// Trials of `--robust`'s stress tests unless `--trials` says otherwise.
    static let defaultTrials = 1_000

    func validate() throws {
        if started != nil && previous == nil { throw ValidationError("--started needs --previous PLAN.json") }
        if let exportModel, ModelFileFormat(path: exportModel) == nil {
            throw ValidationError("--export-model must name a file ending in .mps or .lp")
        }
        if let checkBottlenecks {
            if !shadowPrices { throw ValidationError("--check-bottlenecks needs --shadow-prices") }
            if checkBottlenecks < 1 { throw ValidationError("--check-bottlenecks must be a positive number") }
        }
        if shadowPrices && redact {
            throw ValidationError("--shadow-prices is not available in redacted reports yet; leave out --redact")
        }
        try validateRobust()
    }

    /// `--robust LEVEL` and the options that go with it.
    private func validateRobust() throws {
        guard let robust else {
            if trials != PlanCommand.defaultTrials || seed != 1 {
                throw ValidationError("--trials and --seed need --robust LEVEL")
            }
            return
        }
        guard RobustPlanning(level: robust) != nil else {
            throw ValidationError(
                "--robust must be a quantile above 0 and at most 1, for example 0.9 (got \(robust.formatted()))")
        }
        guard (1...StressStudy.maximumTrials).contains(trials) else {
            throw ValidationError("--trials must be a number of trials from 1 to \(StressStudy.maximumTrials)")
        }
        for (given, name) in [
            (shadowPrices, "--shadow-prices"), (redact, "--redact"),
        ] where given {
            throw ValidationError("\(name) is not available with --robust yet; leave out one of them")
        }
    }

    func run() throws {
        let loaded = try Failure.exitingWithStatus2 {
            try ScenarioInput.loadShowingWarnings(scenario, passphrase: reportOutput.passphrase)
        }
        try Failure.exitingWithStatus2 { try plan(loaded) }
    }

    private func plan(_ loaded: Scenario) throws {
        // Asked before solving, so nobody waits for the solver to be asked for a passphrase.
        let sealing = try reportOutput.sealingPassphrase()
        var loaded = loaded
        let previousPlan = try previous.map { try PreviousPlanReader.read(Data(contentsOf: URL(fileURLWithPath: $0))) }
        if let previousPlan, let started {
            let ids = started.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            let (commitments, unknown) = previousPlan.commitments(for: ids, countedFrom: loaded.settings.startDate)
            if !unknown.isEmpty {
                throw ValidationError(
                    "--started names households the previous plan does not move: \(unknown.joined(separator: ", "))")
            }
            let already = Set(loaded.commitments.map(\.householdID))
            loaded.commitments += commitments.filter { !already.contains($0.householdID) }
        }
        let planner = Planner(scenario: loaded, solver: try solverSelection.make(for: loaded), previous: previousPlan)
        var options = limits.planningOptions
        if verbose {
            options.solverLog = { @Sendable line in StandardError.write(line) }
        } else if progress.showsProgress {
            let progress = SolveProgress()
            options.solverProgress = { @Sendable update in progress.handle(update) }
        }
        let (formulation, solved) = try planner.solve(options: options)
        var plan = solved
        if let robust, let robustness = RobustPlanning(level: robust) {
            // The robust plan, in the nominal model, compared with the nominal one under the same draws.
            var (robustPlan, robustModel) = try planner.robustPlan(robustness, nominal: solved, options: options)
            // Both plans come from `loaded`, so the study cannot meet a house or leg it does not know.
            robustPlan.robustness = try RobustnessComparison(
                level: robust, nominal: solved, robust: robustPlan, robustModel: robustModel, scenario: loaded,
                seed: seed, trials: trials, jobs: Sweep.defaultJobs)
            plan = robustPlan
        }
        if shadowPrices {
            // One more LP (the relaxation, with ranging), under its own time limit.
            var prices = try ShadowPrices.compute(
                formulation: formulation, plan: plan, solver: planner.solver,
                timeLimitSeconds: limits.timeLimit ?? loaded.settings.solver.timeLimitSeconds)
            if let checkBottlenecks {
                try prices.checkBottlenecks(
                    checkBottlenecks, scenario: loaded, plan: plan, previous: previousPlan, solver: planner.solver,
                    options: limits.planningOptions)
            }
            plan.shadowPrices = prices
        }
        // The model exported is the full one: the plan's formulation with a seat row for every leg
        // that may fill (a large model's formulation has none; its bound prices them itself).
        let modelText = try exportModel.map { path in
            try planner.solver.export(planner.fullModel(of: formulation).model, format: ModelFileFormat(path: path)!)
        }
        var reportOptions = ReportOptions(format: reportOutput.format, redacted: redact)
        if timings { reportOptions.includeTimings = true }
        let report = ReportRenderer.render(plan, format: reportOutput.format, options: reportOptions)
        // Everything is computed before anything is written: a failure leaves no partial output.
        if let exportModel, let modelText {
            try OutputFile.write(modelText, to: exportModel, replacing: reportOutput.protection.force)
        }
        try reportOutput.emit(report, sealingWith: sealing, plainName: "plan")
    }
}

extension ReportFormat: ExpressibleByArgument {}

extension ModelFileFormat {
    /// The format named by a file's extension (`.mps` or `.lp`), or nil.
    init?(path: String) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".mps") {
            self = .mps
        } else if lowered.hasSuffix(".lp") {
            self = .lp
        } else {
            return nil
        }
    }
}
