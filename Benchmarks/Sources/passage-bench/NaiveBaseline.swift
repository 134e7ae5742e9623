import GLPKBackend
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
        arguments += ["--naive-memory-gib", "\(options.naiveMemoryGiB)"]
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let guardSeconds = options.childGuardSeconds
        do {
            let result = try runProcess(executable, arguments, timeout: guardSeconds)
            if result.timedOut {
                return (NaiveRecord(built: false, note: "stopped: still running after \(Int(guardSeconds)) s (3 × the time limit + 60 s)"), nil)
            }
            // Running out of memory under the cap aborts the child (SIGABRT, no message) or, beyond
            // it, the kernel kills it (SIGKILL): recorded as a skip, not a failure.
            let mentionsMemory = ["memory", "allocat"].contains { result.standardError.localizedCaseInsensitiveContains($0) }
            if result.status != 0 && (mentionsMemory || (result.signalled && [SIGABRT, SIGKILL].contains(result.status))) {
                let how = result.signalled ? "signal \(result.status)" : "exit status \(result.status)"
                let note = "not built: stopped by \(how) under the \(options.naiveMemoryGiB) GiB memory cap (most likely out of memory): \(result.standardError.suffix(160))"
                return (NaiveRecord(built: false, note: note), nil)
            }
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
        capAddressSpace(gibibytes: options.naiveMemoryGiB)
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
        let planner = Planner(scenario: scenario, solver: GLPKSolver(), style: .perHousehold)
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

    /// Limits this process's address space, so that a naive model too large for the machine ends this
    /// child (recorded by the parent as a skip) instead of exhausting the machine's memory.
    static func capAddressSpace(gibibytes: Int) {
        let bytes = rlim_t(gibibytes) << 30
        var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
        #if os(Linux)
            _ = setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        #else
            _ = setrlimit(RLIMIT_AS, &limit)
        #endif
    }
}
