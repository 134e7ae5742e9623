import Foundation
import PassagePlanning
import PassageScenario
import PassageSynthetic

/// The naive baseline of issue 3: one binary per household × eligible pathway × start week
/// (`FormulationStyle.perHousehold`), solved by the same GLPK with the same time limit.
enum NaiveBaseline {
    /// Households in the sample whose naive model size is scaled up to estimate larger caseloads.
    static let sampleHouseholds = 1_000

    /// Parent side: runs `passage-bench caseload … --only naive` as a child process and returns its
    /// record, so the naive model never counts towards the parent's (Passage's) peak memory. A child
    /// that fails is recorded with its exit status and the end of its error output.
    static func runInChild(_ options: CaseloadOptions) -> (record: NaiveRecord, error: String?) {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("passage-bench-naive-\(ProcessInfo.processInfo.processIdentifier).json").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var arguments = [
            "caseload", "--households", "\(options.households)", "--seed", "\(options.seed)",
            "--profile", options.profile.rawValue, "--time-limit", "\(options.timeLimit)",
            "--naive-limit-columns", "\(options.naiveColumnLimit)", "--only", "naive", "--json", output,
        ]
        if let gap = options.mipGap { arguments += ["--mip-gap", "\(gap)"] }
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        do {
            let result = try runProcess(executable, arguments)
            guard result.status == 0 else {
                let tail = String(result.standardError.suffix(300)).trimmingCharacters(in: .whitespacesAndNewlines)
                let message = "naive baseline failed (exit status \(result.status)): \(tail)"
                return (NaiveRecord(built: false, note: message), message)
            }
            guard let record = try readJSON(CaseloadRecord.self, from: output).naive else {
                throw BenchmarkError("the naive child wrote no naive record")
            }
            return (record, nil)
        } catch {
            let message = "naive baseline failed: \(error)"
            return (NaiveRecord(built: false, note: message), message)
        }
    }

    /// Child side: estimates the naive model's size, then builds and solves it unless it would exceed
    /// `options.naiveColumnLimit` columns.
    static func measure(_ options: CaseloadOptions, folder: CaseloadFolder) throws -> NaiveRecord {
        var record = NaiveRecord(built: false)
        if options.households > sampleHouseholds {
            let sample = SyntheticCaseload.generate(
                households: sampleHouseholds, seed: options.seed, profile: options.profile)
            let sampleColumns = Formulation(scenario: sample, style: .perHousehold).model.variableCount
            let estimate = Int((Double(sampleColumns) * Double(options.households) / Double(sampleHouseholds)).rounded())
            record.estimatedColumns = estimate
            record.estimateBasis =
                "\(sampleColumns) columns measured at \(sampleHouseholds) households (same seed and profile), scaled linearly"
            if estimate >= options.naiveColumnLimit {
                record.note = "not built: would have ≈ \(estimate) columns (limit \(options.naiveColumnLimit))"
                record.peakBytes = peakResidentBytes()
                return record
            }
        }
        let scenario = try ScenarioLoader.load(directory: folder.url)
        let planner = Planner(scenario: scenario, style: .perHousehold)
        let (formulation, buildSeconds) = timed { planner.formulation() }
        record.built = true
        record.buildSeconds = buildSeconds
        record.model = ModelSize(formulation.model)
        let plan = try planner.plan(
            formulation, options: PlanningOptions(timeLimitSeconds: options.timeLimit, mipGap: options.mipGap))
        record.solve = SolveRecord(plan.solver)
        record.moved = MovedRecord(plan.summary)
        record.peakBytes = peakResidentBytes()
        return record
    }
}
