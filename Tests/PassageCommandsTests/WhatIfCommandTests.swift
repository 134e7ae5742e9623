import Foundation
import Testing

/// End-to-end: `passage whatif` on the demo with the example change files and with broken ones.
@Suite struct WhatIfCommandTests {
    static let changes = Passage.repositoryRoot.appendingPathComponent("Data/demo-changes")

    static func example(_ name: String) -> String { changes.appendingPathComponent(name).path }

    @Test func comparesTheExampleChangeFilesAndWritesAnOwnerOnlyReport() throws {
        let folder = try TemporaryFolder()
        let output = folder.path("whatif.json")
        let result = try Passage.run([
            "whatif", Passage.demo, "--change", Self.example("close-yerevan-house-week-4.toml"),
            "--change", Self.example("canada-doubles-quota.toml"), "--combined", "--format", "json", "--output", output,
            "--quiet",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        // Standard error holds the demo's warnings, as validate prints them, and nothing else.
        let warnings = try Passage.warnings(of: Passage.demo)
        #expect(result.standardOutput.isEmpty && result.standardError == warnings)
        let attributes = try FileManager.default.attributesOfItem(atPath: output)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let data = try #require(FileManager.default.contents(atPath: output))
        let root = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let variants = try #require(root["variants"] as? [[String: Any]])
        #expect(
            variants.map { $0["name"] as? String } == [
                "SH-EVN-1 closes in week 4", "Canada doubles its quota",
                "SH-EVN-1 closes in week 4 + Canada doubles its quota",
            ])
    }

    @Test func aBadChangeFileIsReportedWithItsPositionAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        let bad = folder.path("bad.toml")
        try Data("title = \"Bad\"\n\n[[safe_house]]\nid = \"SH-NOPE\"\nbeds = -1\n".utf8).write(
            to: URL(fileURLWithPath: bad))
        let output = folder.path("whatif.txt")
        let result = try Passage.run([
            "whatif", Passage.demo, "--change", Self.example("canada-doubles-quota.toml"), "--change", bad,
            "--output", output,
        ])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output))
        // The scenario's own warnings (the demo has two) come first, as validate prints them.
        let warnings = try Passage.warnings(of: Passage.demo)
        #expect(result.standardError.hasPrefix(warnings))
        let errors = result.standardError.dropFirst(warnings.count).split(separator: "\n").map(String.init)
        #expect(
            errors == [
                "\(bad):4:1: error: safe house SH-NOPE is not an id in safe_houses.csv",
                "\(bad):5:1: error: beds must be an integer of 0 or more",
                "2 problems found; nothing was written.",
            ])
    }

    /// A sealed scenario is compared straight from the sealed file, as `plan` plans it.
    @Test func aSealedScenarioComparesLikeItsFolder() throws {
        let folder = try TemporaryFolder()
        let sealed = folder.path("demo.sealed")
        try SealingFixtures.seal(folder: Passage.demo, to: sealed)
        let change = Self.example("canada-doubles-quota.toml")
        let fromFolder = try Passage.run(["whatif", Passage.demo, "--change", change, "--format", "csv"])
        let fromSealed = try Passage.run(
            ["whatif", sealed, "--change", change, "--format", "csv"], environment: SealingFixtures.environment)
        #expect(fromSealed.status == 0, "\(fromSealed.standardError)")
        #expect(fromSealed.standardOutput == fromFolder.standardOutput)
        #expect(fromFolder.standardOutput.hasPrefix("measure,base,Canada doubles its quota\n"))
    }

    @Test func aChangeFileIsRequired() throws {
        let result = try Passage.run(["whatif", Passage.demo])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--change"))
    }
}
