import Foundation

/// Runs `body` and returns its result with the wall-clock seconds it took.
func timed<T>(_ body: () throws -> T) rethrows -> (value: T, seconds: Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try body()
    let elapsed = clock.now - start
    return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
}

/// The process's peak resident memory so far in bytes (getrusage `ru_maxrss`: kilobytes on Linux,
/// bytes on macOS).
func peakResidentBytes() -> Int {
    var usage = rusage()
    #if os(Linux)
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024
    #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss)
    #endif
}

/// Now as ISO 8601 in UTC, e.g. `2026-05-01T12:00:00Z`.
func isoNow() -> String {
    ISO8601DateFormatter().string(from: Date())
}
