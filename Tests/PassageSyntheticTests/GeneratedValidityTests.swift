import Foundation
import PassageScenario
import Testing

@testable import PassageSynthetic

@Suite("Generated scenarios are valid")
struct GeneratedValidityTests {
    @Test(
        "every generated scenario loads without issues, and reloads equal",
        arguments: [(10, SyntheticProfile.steady), (10, .crisis), (100, .steady), (100, .crisis), (1_000, .steady),
                    (1_000, .crisis), (3_000, .crisis)])
    func validAndRoundTrips(households: Int, profile: SyntheticProfile) throws {
        let scenario = SyntheticCaseload.generate(households: households, seed: 11, profile: profile)
        let files = ScenarioWriter.files(for: scenario)
        let issues = ScenarioLoader.validate(files: files)
        #expect(issues.isEmpty, "\(issues.prefix(5).map(\.description))")
        #expect(try ScenarioLoader.load(files: files) == scenario)
        #expect(scenario.households.count == households)
    }

    @Test("10,000 households: valid and reloads equal")
    func tenThousand() throws {
        let files = ScenarioWriter.files(for: Generated.tenThousand)
        #expect(try ScenarioLoader.load(files: files) == Generated.tenThousand)
    }
}
