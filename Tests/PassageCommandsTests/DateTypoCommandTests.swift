import Foundation
import Testing

/// Issue 17, end to end: a typo in a TOML date (`start_date = 2026-11-30 1`) aborted `passage` with
/// SIGABRT inside toml++. Now `validate`, `plan`, `whatif` and a sealed scenario all exit with status 1,
/// name the file, line and column, and write nothing.
@Suite struct DateTypoCommandTests {
    /// Each typo and the column of the problem on the demo's `start_date = …` line (the value is at column 14).
    static let typos: [(text: String, column: Int)] = [
        ("2026-11-30 1", 25), ("2026-11-30 10:00", 25), ("2026-11-30T10:00:00", 14), ("2026-11-30 2026-12-07", 25),
    ]

    /// A copy of the demo in `folder` whose start date (line 3 of scenario.toml) is `typo`.
    static func demo(withStartDate typo: String, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Passage.demo) where name.hasSuffix(".csv") {
            try FileManager.default.copyItem(
                atPath: Passage.demo + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
        let settings = try String(contentsOfFile: Passage.demo + "/scenario.toml", encoding: .utf8)
        let typoed = settings.replacingOccurrences(of: "start_date = 2026-11-30", with: "start_date = \(typo)")
        #expect(typoed != settings)
        try typoed.write(to: folder.appendingPathComponent("scenario.toml"), atomically: true, encoding: .utf8)
    }

    /// Status 1, the one problem at `location` (a `FILE:LINE:COLUMN` prefix), no report on standard output.
    /// (The demo's own warnings, printed before a change file is read, are not problems.)
    static func expectRefused(_ result: CommandResult, at location: String) {
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n").map(String.init).filter { !$0.contains(": warning: ") }
        #expect(lines.count == 2 && lines.first?.hasPrefix(location + ": error: ") == true, "\(lines)")
        #expect(lines.last == "1 problem found; nothing was written.")
    }

    @Test(arguments: typos.map(\.text))
    func validateAndPlanRefuseATypoInTheStartDate(typo: String) throws {
        let column = try #require(Self.typos.first { $0.text == typo }?.column)
        let folder = try TemporaryFolder()
        let scenario = folder.url.appendingPathComponent("scenario")
        try Self.demo(withStartDate: typo, in: scenario)
        Self.expectRefused(
            try Passage.run(["validate", scenario.path]), at: "\(scenario.path)/scenario.toml:3:\(column)")
        let output = folder.path("plan.json")
        Self.expectRefused(
            try Passage.run(["plan", scenario.path, "--format", "json", "--output", output]),
            at: "\(scenario.path)/scenario.toml:3:\(column)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test(arguments: typos.map(\.text))
    func aSealedScenarioWithATypoIsRefusedLikeItsFolder(typo: String) throws {
        let column = try #require(Self.typos.first { $0.text == typo }?.column)
        let folder = try TemporaryFolder()
        let scenario = folder.url.appendingPathComponent("scenario")
        try Self.demo(withStartDate: typo, in: scenario)
        // SealingFixtures.seal reads scenario.toml and the CSV files; the folder has them all.
        let sealed = folder.path("typo.sealed")
        try SealingFixtures.seal(folder: scenario.path, to: sealed)
        let output = folder.path("plan.txt")
        let result = try Passage.run(["plan", sealed, "--output", output], environment: SealingFixtures.environment)
        Self.expectRefused(result, at: "\(sealed)/scenario.toml:3:\(column)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// The same typo in a change file's week (`closed_from_week = 2026-11-30 1`) killed `whatif`.
    @Test(arguments: typos.map(\.text))
    func whatifRefusesATypoInAChangeFile(typo: String) throws {
        let folder = try TemporaryFolder()
        let change = folder.path("typo.toml")
        try Data("title = \"Typo\"\n\n[[safe_house]]\nid = \"SH-EVN-1\"\nclosed_from_week = \(typo)\n".utf8)
            .write(to: URL(fileURLWithPath: change))
        let output = folder.path("whatif.txt")
        let result = try Passage.run(["whatif", Passage.demo, "--change", change, "--output", output])
        let column = 20 + (typo.contains("T") ? 0 : 11)
        Self.expectRefused(result, at: "\(change):5:\(column)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
