import Foundation
import Testing

/// End-to-end: planning a generated caseload twice gives byte-identical JSON reports.
@Suite struct PlanDeterminismTests {
    /// A caseload the compact model solves to proven optimality in well under a second, so neither
    /// run depends on the time limit. (Generated caseloads of 200 households do not prove optimal
    /// within 90 s, and a plan cut off by the clock is timing-dependent by nature.)
    @Test(arguments: [("50", "5", "steady"), ("60", "8", "crisis")])
    func theSameCaseloadPlansToTheSameBytes(households: String, seed: String, profile: String) throws {
        let folder = try TemporaryFolder()
        let scenario = folder.path("caseload")
        let generated = try Passage.run(
            ["generate", "--households", households, "--seed", seed, "--profile", profile, "-o", scenario])
        #expect(generated.status == 0, "\(generated.standardError)")
        let arguments = ["plan", scenario, "--format", "json", "--mip-gap", "0", "--time-limit", "60", "--quiet"]
        let first = try Passage.run(arguments)
        let second = try Passage.run(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(second.status == 0, "\(second.standardError)")
        #expect(first.standardOutput.contains("\"status\" : \"optimal\""))
        #expect(first.standardOutput.contains("\"households\""))
        #expect(Data(first.standardOutput.utf8) == Data(second.standardOutput.utf8))
    }
}
