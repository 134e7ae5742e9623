import Foundation
import LinearProgramming
import PassagePlanning

/// The independent-solver baseline: Passage's compact model exported as free MPS and solved by HiGHS
/// (`highspy`, through `Benchmarks/highs_solve.py`) with the same time limit and MIP gap.
enum HiGHSBaseline {
    /// `Benchmarks/highs_solve.py`, found from this source file's location.
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("highs_solve.py").path

    /// What `highs_solve.py` prints.
    private struct ScriptOutput: Decodable {
        var available: Bool
        var note: String?
        var version: String?
        var status: String?
        var optimal: Bool?
        var objective: Double?
        var bound: Double?
        var gap: Double?
        var seconds: Double?
    }

    /// Exports `formulation.model`, solves it with HiGHS and compares with Passage's `solve`.
    /// Throws when the export or the script fails; a missing `python3` or `highspy` is recorded.
    static func run(
        planner: Planner, formulation: Formulation, passage: SolveRecord, timeLimit: Double, mipGap: Double,
        guardSeconds: Double
    ) throws -> HiGHSRecord {
        guard let python = findExecutable("python3") else {
            return HiGHSRecord(available: false, note: "HiGHS: python3 not found; install Python 3 and pip install highspy")
        }
        let model = formulation.model
        let (mps, exportSeconds) = try timed { try planner.solver.export(model, format: .mps) }
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("passage-bench-\(ProcessInfo.processInfo.processIdentifier).mps")
        try Data(mps.utf8).write(to: file, options: .atomic)
        defer { try? FileManager.default.removeItem(at: file) }
        var arguments = [script, file.path, "--time-limit", "\(timeLimit)", "--mip-gap", "\(mipGap)"]
        if model.sense == .maximize { arguments.append("--max") }
        let (result, wallSeconds) = try timed { try runProcess(python, arguments, timeout: guardSeconds) }
        if result.timedOut {
            return HiGHSRecord(
                available: true, note: "stopped: still running after \(Int(guardSeconds)) s (3 × the time limit + 60 s)",
                exportSeconds: exportSeconds, mpsBytes: mps.utf8.count, wallSeconds: wallSeconds)
        }
        guard result.status == 0 else {
            throw BenchmarkError("highs_solve.py failed (exit status \(result.status)): \(result.standardError.suffix(300))")
        }
        let output = try JSONDecoder().decode(ScriptOutput.self, from: result.standardOutput)
        var record = HiGHSRecord(
            available: output.available, note: output.note, version: output.version, exportSeconds: exportSeconds,
            mpsBytes: mps.utf8.count, wallSeconds: wallSeconds)
        guard output.available, let status = output.status else { return record }
        let highs = SolveRecord(
            status: status, objective: output.objective, bound: output.bound, gap: output.gap,
            solverSeconds: output.seconds ?? wallSeconds)
        record.solve = highs
        compare(passage, highs, highsOptimal: output.optimal ?? false, sense: model.sense, mipGap: mipGap, into: &record)
        return record
    }

    /// Fills the agreement fields: equal objectives when both proved optimality (within the MIP gap
    /// or 1e-6), else each objective no better than the other solver's bound.
    static func compare(
        _ passage: SolveRecord, _ highs: SolveRecord, highsOptimal: Bool, sense: ObjectiveSense, mipGap: Double,
        into record: inout HiGHSRecord
    ) {
        guard let ours = passage.objective, let theirs = highs.objective else {
            record.agreement = "not comparable: a solver has no objective"
            return
        }
        let difference = abs(ours - theirs) / max(1, abs(theirs))
        let tolerance = max(1e-6, mipGap)
        record.relativeDifference = difference
        if passage.status == SolveStatus.optimal.rawValue && highsOptimal {
            record.agrees = difference <= tolerance
            record.agreement = "both optimal; relative difference \(difference) (tolerance \(tolerance))"
            return
        }
        // Minimisation: no objective may lie below the other's proven lower bound (and the reverse).
        let sign = sense == .minimize ? 1.0 : -1.0
        func respects(_ objective: Double, _ bound: Double?) -> Bool {
            guard let bound else { return true }
            return sign * (objective - bound) >= -tolerance * max(1, abs(bound))
        }
        record.agrees = respects(ours, highs.bound) && respects(theirs, passage.bound)
        record.agreement =
            record.agrees == true
            ? "not both proven optimal; objectives and bounds consistent" : "INCONSISTENT: an objective beats the other solver's bound"
    }
}
