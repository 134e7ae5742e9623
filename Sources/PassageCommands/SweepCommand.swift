import ArgumentParser
import Foundation
import PassagePlanning
import PassageReports
import PassageScenario
import PassageSealing

/// `passage sweep DIR --vary RESOURCE=FROM..TO[:STEP]`: plans the scenario at every value of one
/// capacity, in parallel, and reports persons moved and cost against it (table and SVG chart).
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract:
            "Plan the scenario at every value of one capacity (beds, seats, a quota, a document service or the budget) and compare.",
        discussion: """
            --vary names what to vary and over which values: beds:HOUSE, seats:LEG, quota:PROGRAMME, \
            shared_quota:ID (a quota of shared_quotas.csv), document_service:ID (places a week at a \
            service of document_services.csv) or budget, then =FROM..TO or =FROM..TO:STEP. \
            For example:

              passage sweep Data/demo --vary beds:SH-EVN-1=5..15:2
              passage sweep Data/demo --vary quota:P-CA-IST=0..24:4 --chart quota.svg
              passage sweep Data/demo --vary budget=40000..80000:10000 --format csv

            Values run from FROM in steps of STEP (default 1; for the budget a tenth of the range) and \
            never past TO. Each value is a plan of its own with only that capacity changed, exactly as a \
            change file setting it would (docs/WHATIF.md); the plans run in parallel, one solver per \
            thread (--jobs). The report has one row per value: persons and households moved, by urgency \
            tier, cost, objective and solver status. --chart FILE.svg also draws persons moved and cost \
            against the value. Reports hold totals only, no household.

            \(ScenarioInput.warningsHelp)
            """
    )

    @Argument(help: "The scenario folder, or a sealed scenario file.", completion: .file())
    var scenario: String

    @Option(
        help: ArgumentHelp(
            "What to vary and over which values: beds:HOUSE, seats:LEG, quota:PROGRAMME, shared_quota:ID, document_service:ID or budget, then =FROM..TO[:STEP].",
            valueName: "resource=from..to[:step]"))
    var vary: String

    @OptionGroup var reportOutput: ReportOutputOptions

    @Option(help: "Also draw persons moved and cost against the value as an SVG chart in this file.")
    var chart: String?

    @Option(help: "Plans solved at once, each on its own thread (default: one per processor).")
    var jobs: Int?

    @OptionGroup(title: "Solver limits") var limits: SolveLimitOptions

    @OptionGroup var progress: ProgressOptions

    @OptionGroup(title: "Solver") var solverSelection: SolverSelection

    func validate() throws {
        do {
            _ = try SweepSpecification.parse(vary)
        } catch let error as SweepSpecificationError {
            throw ValidationError("--vary: \(error)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be a positive number of plans solved at once") }
        if let chart {
            guard chart.lowercased().hasSuffix(".svg") else {
                throw ValidationError("--chart must name a file ending in .svg")
            }
            if chart == reportOutput.output { throw ValidationError("--chart and --output must be different files") }
        }
    }

    func run() throws {
        let specification = try SweepSpecification.parse(vary)
        let loaded = try Failure.exitingWithStatus2 {
            try ScenarioInput.loadShowingWarnings(scenario, passphrase: reportOutput.passphrase)
        }
        if let problem = specification.resource.problem(in: loaded) {
            throw ValidationError("--vary: \(problem)")
        }
        try Failure.exitingWithStatus2 {
            // A sweep can take minutes: refuse an existing file before solving, not after, and never
            // leave the chart written when the report cannot be.
            for path in [reportOutput.output, chart].compactMap({ $0 }) where !reportOutput.protection.force {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                    throw isDirectory.boolValue
                        ? OutputFileError.destinationIsNotRegularFile(path: path)
                        : OutputFileError.destinationExists(path: path)
                }
            }
            try sweep(loaded, specification)
        }
    }

    private func sweep(_ loaded: Scenario, _ specification: SweepSpecification) throws {
        // Asked before solving, so nobody waits for the solver to be asked for a passphrase.
        let sealing = try reportOutput.sealingPassphrase()
        let solver = try solverSelection.make(for: loaded)
        let count = specification.values.count
        let width = jobs ?? Sweep.defaultJobs
        var progress: (@Sendable (Int, Int) -> Void)?
        if self.progress.showsProgress {
            StandardError.write(
                "passage: planning \(count) value\(count == 1 ? "" : "s") of \(specification.resource), "
                    + "\(min(width, count)) at a time")
            progress = { @Sendable done, total in StandardError.write("passage: \(done)/\(total) planned") }
        }
        let result = try Sweep.plan(
            loaded, varying: specification, options: limits.planningOptions,
            jobs: width, solver: solver, progress: progress)
        let report = SweepReport.render(result, format: reportOutput.format)
        let drawing = chart.map { _ in SweepChart.render(result) }
        // Everything is computed before anything is written: a failure leaves no partial output.
        if let chart, let drawing {
            try writeReport(
                drawing, to: chart, replacing: reportOutput.protection.force, sealingWith: sealing,
                plainName: "sweep.svg")
        }
        try reportOutput.emit(report, sealingWith: sealing, plainName: "sweep")
    }
}
