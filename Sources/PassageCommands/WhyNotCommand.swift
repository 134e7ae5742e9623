import ArgumentParser
import Foundation
import PassagePlanning
import PassageReports
import PassageScenario

/// `passage why-not DIR HOUSEHOLD…`: why households are not moved, the smallest single capacity
/// change that moves each, verified by planning again, and the stronger documents that would open
/// programmes to each.
struct WhyNotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why-not",
        abstract: "Explain why households are not moved, and find the smallest single capacity change that moves each.",
        discussion: """
            Plans the scenario, then for each household named (or, with --all, every household the plan \
            does not move) gives the reason: no eligible pathway (what closes them: documents, needs, \
            exclusions, timing) or short of capacity (which beds, seats, quotas or budget). For a household \
            short of capacity it raises each capacity it lacks on its own (a house's beds, a leg's weekly \
            seats, a programme's quota, the budget), at most by what the household could use (its persons \
            beyond the room the plan leaves; for the budget its costliest pathway), and finds the smallest \
            increase that moves it by bisection, planning the whole scenario again each time: every change \
            reported was planned and moves the household. When no single change of that size moves it, the \
            report says so. For every household it also lists each stronger document (an internal ID, a \
            valid international passport) that would open programmes to it, its pathways generated again \
            with only the document changed; --check-documents also plans the scenario once more with the \
            household holding that document to say whether it would then move. \
            Searches run side by side (--jobs). Each re-plan stops after a fixed amount of work (--node-limit \
            branch-and-bound nodes, default 100), never after a time, so the report is the same bytes on any \
            machine and under any load; the time limit (--time-limit, else the scenario's, else 60 seconds) \
            is only a safety net, and the report says when it cut a re-plan. See docs/WHATIF.md, "Why not moved".

            \(ScenarioInput.warningsHelp)
            """
    )

    @Argument(help: "The scenario folder, or a sealed scenario file.", completion: .file())
    var scenario: String

    @Argument(help: "Ids of households to explain.")
    var households: [String] = []

    @Flag(help: "Explain every household the plan does not move.")
    var all = false

    @OptionGroup var reportOutput: ReportOutputOptions

    @Flag(
        help:
            "Plan again with the household holding each stronger document listed, to say whether it would then move (one plan per document: slower)."
    )
    var checkDocuments = false

    @Option(help: "Re-plans solved at once, each on its own thread (default: one per processor).")
    var jobs: Int?

    @OptionGroup(title: "Solver limits") var limits: SolveLimitOptions

    @Option(
        help:
            "Branch-and-bound nodes each re-plan explores at most: its deciding stop, the same on any machine (default 100)."
    )
    var nodeLimit: Int?

    @OptionGroup var progress: ProgressOptions

    // No --redact: the report names households, so it has no redacted form.

    @OptionGroup(title: "Solver") var solverSelection: SolverSelection

    func validate() throws {
        if households.isEmpty && !all { throw ValidationError("name households to explain, or give --all") }
        if !households.isEmpty && all { throw ValidationError("give household ids or --all, not both") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be a positive number of re-plans solved at once") }
        if let nodeLimit, nodeLimit < 1 { throw ValidationError("--node-limit must be a positive number of nodes") }
    }

    func run() throws {
        let loaded = try Failure.exitingWithStatus2 {
            try ScenarioInput.loadShowingWarnings(scenario, passphrase: reportOutput.passphrase)
        }
        let known = Set(loaded.households.map(\.id))
        let unknown = households.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            StandardError.write("passage: not households of this scenario: \(unknown.joined(separator: ", "))")
            throw ExitCode(1)
        }
        try Failure.exitingWithStatus2 { try explain(loaded) }
    }

    private func explain(_ loaded: Scenario) throws {
        let sealing = try reportOutput.sealingPassphrase()
        let options = limits.planningOptions
        let planner = Planner(scenario: loaded, solver: try solverSelection.make(for: loaded))
        let plan = try planner.plan(options: options)
        let moved = Set(plan.itineraries.map(\.householdID))
        let alreadyMoved = households.filter { moved.contains($0) }
        if !alreadyMoved.isEmpty {
            StandardError.write(
                "passage: moved by this plan, nothing to explain: \(alreadyMoved.joined(separator: ", "))")
        }
        let ids = all ? plan.unmoved.map(\.householdID) : households.filter { !moved.contains($0) }
        guard !ids.isEmpty else { throw ExitCode(1) }
        let showsProgress = progress.showsProgress
        // Re-plans stop after a fixed amount of work: whether some plan moves the household is the
        // question, not that plan's proof of optimality, and the answer must not depend on the load.
        var replanOptions = options
        replanOptions.nodeLimit = nodeLimit
        replanOptions = planner.explanationOptions(replanOptions)
        let width = jobs ?? Planner.defaultExplanationJobs
        // Counts only: household ids stay out of logs.
        let progress: (@Sendable (ExplanationProgress) -> Void)? =
            showsProgress ? { @Sendable update in Self.describe(update, width: width).map(StandardError.write) } : nil
        let explanations = try planner.explainNotMoved(
            ids, in: plan, options: replanOptions, jobs: width, checkingDocuments: checkDocuments, progress: progress)
        let report = WhyNotReport.render(explanations, plan: plan, format: reportOutput.format)
        // Everything is computed before anything is written: a failure leaves no partial output.
        try reportOutput.emit(report, sealingWith: sealing, plainName: "plan")
    }

    /// A progress line: when a stage starts (if it has anything to do) and as each search ends.
    static func describe(_ update: ExplanationProgress, width: Int) -> String? {
        guard update.total > 0 else { return nil }
        let searches = "\(update.total) search\(update.total == 1 ? "" : "es")"
        let atOnce = "\(min(width, update.total)) at a time"
        switch (update.stage, update.done) {
        case (.together, 0):
            return "passage: why-not: \(searches) with every capacity a household lacks raised together, \(atOnce)"
        case (.alone, 0):
            return "passage: why-not: \(searches) with one capacity raised as far as a household could use, \(atOnce)"
        case (.narrowing, 0):
            return
                "passage: why-not: \(searches) narrowing a change down to the smallest that moves a household, \(atOnce)"
        case (.documents, 0):
            let plans = "\(update.total) plan\(update.total == 1 ? "" : "s")"
            return "passage: why-not: \(plans) with a household holding a stronger document, \(atOnce)"
        default:
            return "passage: why-not: \(update.done)/\(update.total) done"
        }
    }
}
