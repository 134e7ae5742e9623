import Foundation
import LinearProgramming

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of a long solve on standard error: once the solver has run for a couple of seconds, a
/// line whenever the solver reports (phase, elapsed time, best plan so far, bound, gap), from the
/// backend's structured `SolverProgress`. Silent when standard error is not a terminal (piped, CI) or
/// with `--quiet`; never carries anything about households.
final class SolveProgress: @unchecked Sendable {
    /// Seconds before the first progress line: quick solves stay silent.
    static let quietSeconds = 2.0

    private let lock = NSLock()
    private let start = Date()

    /// Whether progress should be shown at all: standard error is a terminal and not `--quiet`.
    static func isWanted(quiet: Bool) -> Bool { !quiet && isatty(STDERR_FILENO) != 0 }

    /// Takes one progress report of the solver.
    func handle(_ update: SolverProgress) {
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed >= Self.quietSeconds else { return }
        lock.lock()
        defer { lock.unlock() }
        StandardError.write(String(format: "passage: %.0f s  ", elapsed) + Self.describe(update))
    }

    /// "branch-and-cut, best plan 15794.35, bound 15742.10, gap 0.33 %", "branch-and-cut, no plan yet",
    /// "solving the LP relaxation", "proving a bound, best plan …, bound …" or "improving the plan, best plan …".
    static func describe(_ update: SolverProgress) -> String {
        let name: String
        switch update.phase {
        case .linearRelaxation: return "solving the LP relaxation"
        case .branchAndCut: name = "branch-and-cut"
        case .bound: name = "proving a bound"
        case .improvement: name = "improving the plan"
        }
        var parts = [name]
        parts.append(update.incumbent.map { "best plan \(format($0))" } ?? "no plan yet")
        if let bound = update.bound { parts.append("bound \(format(bound))") }
        if let gap = update.gap, update.incumbent != 0 { parts.append(String(format: "gap %.2f %%", gap * 100)) }
        return parts.joined(separator: ", ")
    }

    private static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
