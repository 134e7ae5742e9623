import Foundation
import Testing

/// A sealed caseload stays sealed through `advance`: refused without --seal, sealed with it.
@Suite struct SealedAdvanceTests {
    let env = SealingFixtures.environment

    @Test func advancingASealedScenarioKeepsItSealed() throws {
        let folder = try TemporaryFolder()
        let sealed = folder.path("demo.sealed")
        try SealingFixtures.seal(folder: Passage.demo, to: sealed)
        let plan = folder.path("plan.json")
        #expect(try Passage.run(["plan", sealed, "--format", "json", "-o", plan], environment: env).status == 0)
        let refused = try Passage.run(
            ["advance", sealed, "--to-week", "2", "--plan", plan, "-o", folder.path("next")], environment: env)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("--seal"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("next")))
        let next = folder.path("next.sealed")
        let advanced = try Passage.run(
            ["advance", sealed, "--to-week", "2", "--plan", plan, "-o", next, "--seal"], environment: env)
        #expect(advanced.status == 0, "\(advanced.standardError)")
        let validated = try Passage.run(["validate", next], environment: env)
        #expect(validated.status == 0, "\(validated.standardError)")
        #expect(validated.standardOutput.contains("valid"))
    }
}
