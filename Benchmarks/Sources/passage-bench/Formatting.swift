import Foundation

/// Number formats for RESULTS.md.
enum Fmt {
    /// `12,345`.
    static func int(_ value: Int?) -> String {
        guard let value else { return "–" }
        let digits = String(abs(value))
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// Seconds with two decimals.
    static func seconds(_ value: Double?) -> String {
        value.map { String(format: "%.2f s", $0) } ?? "–"
    }

    /// An objective or bound, with three decimals.
    static func number(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "–"
    }

    /// A fraction as a percentage, e.g. `0.123 %`.
    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.3f %%", $0 * 100) } ?? "–"
    }

    /// Bytes in MiB or GiB.
    static func bytes(_ value: Int?) -> String {
        guard let value else { return "–" }
        let mib = Double(value) / 1_048_576
        return mib >= 1024 ? String(format: "%.2f GiB", mib / 1024) : String(format: "%.0f MiB", mib)
    }
}

/// What `/usr/bin/time -v` reported for one whole benchmark process.
struct TimeReport {
    var maximumResidentBytes: Int?
    var elapsed: String?

    /// Reads the `-v` output in `path`; nil when the file does not exist.
    init?(path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("Maximum resident set size (kbytes):") {
                maximumResidentBytes = Int(trimmed.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)).map { $0 * 1024 }
            } else if trimmed.hasPrefix("Elapsed (wall clock) time") {
                elapsed = trimmed.components(separatedBy: "): ").last
            }
        }
    }
}
