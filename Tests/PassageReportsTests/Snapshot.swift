import Foundation
import Testing

/// Byte-for-byte snapshot comparison against files in `Snapshots/` next to this source file.
/// Set `PASSAGE_RECORD_SNAPSHOTS=1` to (re-)record them instead.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PASSAGE_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record("missing snapshot \(name); run with PASSAGE_RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        let matches = expected == Data(actual.utf8)
        if !matches {
            let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = (0..<min(expectedLines.count, actualLines.count)).first { expectedLines[$0] != actualLines[$0] }
                ?? min(expectedLines.count, actualLines.count)
            let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
            let message = "snapshot \(name) differs at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)\n"
                + "re-record with PASSAGE_RECORD_SNAPSHOTS=1 if the change is intended"
            Issue.record(
                Comment(rawValue: message),
                sourceLocation: sourceLocation)
        }
    }
}
