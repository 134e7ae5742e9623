import Foundation
import Testing
import PassageCommands

/// End-to-end: `passage why-not` on the demo (a household no pathway is open to, so no re-planning)
/// and its refusals.
@Suite struct WhyNotCommandTests {
    @Test func explainsAHouseholdAndWritesAnOwnerOnlyReport() throws {
        let folder = try TemporaryFolder()
        let output = folder.path("why-not.json")
        // H009 has no document any programme accepts: its reason needs no re-planning.
        let result = try Passage.run([
            "why-not", Passage.demo, "H009", "--format", "json", "--output", output, "--quiet",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        // Standard error holds the demo's warnings, as validate prints them, and nothing else.
        let warnings = try Passage.warnings(of: Passage.demo)
        #expect(result.standardOutput.isEmpty && result.standardError == warnings)
        let attributes = try FileManager.default.attributesOfItem(atPath: output)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let data = try #require(FileManager.default.contents(atPath: output))
        let root = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let households = try #require(root["households"] as? [[String: Any]])
        #expect(households.map { $0["householdID"] as? String } == ["H009"])
        #expect(households.first?["reason"] as? String == "no eligible pathway")
    }

    @Test func anUnknownHouseholdIsRefusedAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        let output = folder.path("why-not.txt")
        let result = try Passage.run(["why-not", Passage.demo, "H009", "H999", "--output", output])
        #expect(result.status == 1)
        #expect(result.standardError.contains("not households of this scenario: H999"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func needsHouseholdsOrAllAndHasNoRedactedForm() throws {
        #expect(
            try Passage.run(["why-not", Passage.demo]).standardError.contains(
                "name households to explain, or give --all"))
        #expect(try Passage.run(["why-not", Passage.demo, "H009", "--all"]).status == 64)
        let noJobs = try Passage.run(["why-not", Passage.demo, "H009", "--jobs", "0"])
        #expect(noJobs.status == 64 && noJobs.standardError.contains("--jobs must be a positive number"))
        // The report names households: there is no --redact to offer (issue 14), so it is an unknown option.
        let redacted = try Passage.run(["why-not", Passage.demo, "H009", "--redact"])
        #expect(redacted.status != 0 && redacted.standardError.contains("Unknown option '--redact'"))
        #expect(!(try Passage.run(["why-not", "--help"]).standardOutput.contains("--redact")))
    }

    @Test func passageTellsItsVersion() throws {
        let result = try Passage.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == PassageCommand.version)
    }
}
