import Foundation
import PassageScenario
import Testing

@testable import PassagePlanning
@testable import PassageSynthetic

/// `generate(…, documentServices: true)`: passport offices added, everything else as it was.
@Suite struct GeneratedDocumentServiceTests {
    @Test func servicesAreAddedAndNothingElseChanges() throws {
        let plain = SyntheticCaseload.generate(households: 300, seed: 7)
        let with = SyntheticCaseload.generate(households: 300, seed: 7, documentServices: true)
        #expect(plain.documentServices.isEmpty)
        #expect(!with.documentServices.isEmpty)
        var without = with
        without.documentServices = []
        #expect(without == plain)
        let files = ScenarioWriter.files(for: with)
        for (name, data) in ScenarioWriter.files(for: plain) { #expect(files[name] == data, "\(name)") }
        #expect(files[ScenarioFileName.documentServices] != nil)
        // Valid, and the same on every run.
        #expect(try ScenarioLoader.load(files: files) == with)
        #expect(SyntheticCaseload.generate(households: 300, seed: 7, documentServices: true) == with)
        #expect(with.documentServices.contains { $0.obtains == .internationalPassport && $0.capacity != nil })
    }

    @Test func somePlannedPathwaysBeginWithAStep() throws {
        let scenario = SyntheticCaseload.generate(households: 60, seed: 3, documentServices: true)
        let formulation = Formulation(scenario: scenario)
        #expect(
            formulation.options.contains { $0.pathways.contains { $0.document != nil } },
            "\(scenario.documentServices)")
    }
}
