import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of a long solve on standard error: once the solver has run for a couple of seconds, a
/// line whenever GLPK reports (phase, elapsed time, best plan so far, bound, gap). Read from GLPK's own
/// progress lines, so it costs nothing extra. Silent when standard error is not a terminal (piped,
/// CI) or with `--quiet`; never carries anything about households.
final class SolveProgress: @unchecked Sendable {
    /// Seconds before the first progress line: quick solves stay silent.
    static let quietSeconds = 2.0

    private let lock = NSLock()
    private let start = Date()

    /// Whether progress should be shown at all: standard error is a terminal and not `--quiet`.
    static func isWanted(quiet: Bool) -> Bool { !quiet && isatty(STDERR_FILENO) != 0 }

    /// Takes one line of GLPK output.
    func handle(_ line: String) {
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed >= Self.quietSeconds, let message = Self.describe(line) else { return }
        lock.lock()
        defer { lock.unlock() }
        StandardError.write(String(format: "passage: %.0f s  ", elapsed) + message)
    }

    /// "branch-and-cut: best plan 15,794.35, bound 15,743.45, gap 0.32 %" for a GLPK MIP progress
    /// line (`+ 1706: mip = 1.579e+04 >= 1.574e+04 0.3% (51; 1)`), "LP relaxation" for a simplex
    /// line, nil for anything else.
    static func describe(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("+"), let range = trimmed.range(of: ">=") {
            let before = trimmed[..<range.lowerBound].split(separator: " ").last.map(String.init)
            let after = trimmed[range.upperBound...].split(separator: " ").first.map(String.init)
            let incumbent = before.flatMap(Double.init)
            let bound = after.flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil }
            var parts = ["branch-and-cut"]
            parts.append(incumbent.map { "best plan \(format($0))" } ?? "no plan yet")
            if let bound { parts.append("bound \(format(bound))") }
            if let incumbent, let bound, incumbent != 0 {
                parts.append(String(format: "gap %.2f %%", abs(incumbent - bound) / abs(incumbent) * 100))
            }
            return parts.joined(separator: ", ")
        }
        if trimmed.contains("obj =") && (trimmed.hasPrefix("*") || trimmed.first?.isNumber == true) {
            return "solving the LP relaxation"
        }
        return nil
    }

    private static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
