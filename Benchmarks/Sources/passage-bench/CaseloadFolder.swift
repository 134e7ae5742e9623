import Foundation
import PassageScenario
import PassageSynthetic

/// A generated caseload written to a private temporary folder, ready to be loaded as a coordinator's
/// folder would be. The folder is removed by `remove()`.
struct CaseloadFolder {
    let url: URL
    let facts: ScenarioFacts
    let generateSeconds: Double
    let writeSeconds: Double

    /// Generates `households` households with `seed` and `profile` and writes them as a scenario folder.
    init(households: Int, seed: UInt64, profile: SyntheticProfile) throws {
        let generated = timed { SyntheticCaseload.generate(households: households, seed: seed, profile: profile) }
        let scenario = generated.value
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("passage-bench-\(ProcessInfo.processInfo.processIdentifier)-\(households)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        writeSeconds = try timed { try ScenarioWriter.write(scenario, into: folder) }.seconds
        url = folder
        generateSeconds = generated.seconds
        facts = ScenarioFacts(
            households: scenario.households.count, persons: scenario.households.reduce(0) { $0 + $1.size },
            locations: scenario.locations.count, safeHouses: scenario.safeHouses.count, legs: scenario.legs.count,
            programmes: scenario.programmes.count, horizonWeeks: scenario.settings.horizonWeeks)
    }

    /// Deletes the folder.
    func remove() { try? FileManager.default.removeItem(at: url) }
}
