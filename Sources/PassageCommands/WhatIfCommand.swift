import ArgumentParser
import Foundation
import PassagePlanning
import PassageReports
import PassageScenario
import PassageSealing

/// `passage whatif DIR --change FILE …`: plans the scenario and each changed variant, and compares them.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract:
            "Compare the plan of a scenario with plans of changed versions of it (what if a house closes, a quota doubles…).",
        discussion: """
            Each --change FILE is a small TOML file describing changes to the scenario: close or open a \
            safe house for some weeks, change beds, seats, quotas, processing times, costs or the budget, \
            add or remove a leg, safe house or programme, change a household's documents from a week. \
            The format is in docs/WHATIF.md; Data/demo-changes/ has examples for Data/demo.

            Every change file is applied on its own to the scenario as it is (the base), giving one \
            variant per file; to combine changes, put them in one file, or add --combined for one more \
            variant with every file applied in the order given. The base and each variant are \
            planned with the same solver settings and reported side by side: households and persons \
            moved by urgency tier, average weeks waited, cost, objective and solver status; then, per \
            variant, the households moved in one plan and not the other (by id) and the capacities that \
            became binding or stopped binding.

            Change files are checked as strictly as scenarios: every problem is listed as \
            FILE:LINE:COLUMN: error: message, nothing is planned or written, and the exit status is 1.

            \(ScenarioInput.warningsHelp)
            """
    )

    @Argument(help: "The scenario folder, or a sealed scenario file.", completion: .file())
    var scenario: String

    @Option(
        name: .customLong("change"),
        help: ArgumentHelp(
            "A change file (TOML, docs/WHATIF.md); repeat for more variants, each compared with the base.",
            valueName: "file"), completion: .file(extensions: ["toml"]))
    var changes: [String] = []

    @Flag(help: "Also plan every change file applied together, in the order given, as one more variant.")
    var combined = false

    @OptionGroup var reportOutput: ReportOutputOptions

    @OptionGroup(title: "Solver limits") var limits: SolveLimitOptions

    @OptionGroup var progress: ProgressOptions

    @OptionGroup(title: "Solver") var solverSelection: SolverSelection

    /// Change files larger than this are refused unread: a change file is a few lines.
    static let maximumChangeFileSize = 1 << 20

    func validate() throws {
        if changes.isEmpty { throw ValidationError("give at least one --change FILE to compare with the scenario") }
    }

    func run() throws {
        let base = try Failure.exitingWithStatus2 {
            try ScenarioInput.loadShowingWarnings(scenario, passphrase: reportOutput.passphrase)
        }
        var variants = try Self.variants(changes, base: base)
        if combined && variants.count > 1 { variants.append(try Self.combining(variants, base: base)) }
        try Failure.exitingWithStatus2 { try compare(base, variants) }
    }

    /// Every change file applied to `base`; all problems in all files printed and exit status 1 if any.
    static func variants(_ paths: [String], base: Scenario) throws -> [ScenarioVariant] {
        var variants: [ScenarioVariant] = []
        var issues: [ValidationIssue] = []
        for path in paths {
            let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
            guard size <= maximumChangeFileSize, let data = FileManager.default.contents(atPath: path) else {
                let why = size > maximumChangeFileSize ? "is larger than 1 MiB" : "cannot be read"
                issues.append(ValidationIssue(file: path, line: 1, column: 1, message: "the change file \(why)"))
                continue
            }
            do {
                variants.append(try ChangeFile.variant(data, file: path, base: base))
            } catch let error as ScenarioValidationError {
                issues += error.issues
            }
        }
        guard issues.isEmpty else {
            for issue in issues { StandardError.write(issue.description) }
            StandardError.write("\(issues.count) problem\(issues.count == 1 ? "" : "s") found; nothing was written.")
            throw ExitCode(1)
        }
        return variants
    }

    /// All `variants` applied together; problems (a file changing what an earlier one removed) printed
    /// and exit status 1.
    static func combining(_ variants: [ScenarioVariant], base: Scenario) throws -> ScenarioVariant {
        do {
            return try ChangeFile.combining(variants, base: base)
        } catch let error as ScenarioValidationError {
            for issue in error.issues { StandardError.write(issue.description) }
            StandardError.write(
                "\(error.issues.count) problem\(error.issues.count == 1 ? "" : "s") found when combining the change files; nothing was written."
            )
            throw ExitCode(1)
        }
    }

    private func compare(_ base: Scenario, _ variants: [ScenarioVariant]) throws {
        // Asked before solving, so nobody waits for the solver to be asked for a passphrase.
        let sealing = try reportOutput.sealingPassphrase()
        let showsProgress = progress.showsProgress
        let solver = try solverSelection.make(for: base)
        let comparison = try WhatIfComparison.plan(base: base, variants: variants, solver: solver) { index in
            guard showsProgress else { return limits.planningOptions }
            // Variant numbers only: titles are the coordinator's words, and progress is for a glance.
            StandardError.write(
                "passage: planning " + (index == 0 ? "the base" : "variant \(index) of \(variants.count)"))
            let progress = SolveProgress()
            return PlanningOptions(
                timeLimitSeconds: limits.timeLimit, mipGap: limits.mipGap,
                solverProgress: { @Sendable update in progress.handle(update) })
        }
        let report = WhatIfReport.render(comparison, format: reportOutput.format)
        // Everything is computed before anything is written: a failure leaves no partial output.
        try reportOutput.emit(report, sealingWith: sealing, plainName: "whatif")
    }
}
