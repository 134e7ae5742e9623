import Foundation
import Testing

@testable import PassageScenario

/// The folder of the demo scenario, found from this file so tests run from any working directory.
let demoDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Data/demo", isDirectory: true)

@Suite("Demo scenario")
struct DemoScenarioTests {
    @Test("loads with no issues and the expected counts")
    func loads() throws {
        #expect(ScenarioLoader.validate(directory: demoDirectory) == [])
        let scenario = try ScenarioLoader.load(directory: demoDirectory)
        #expect(scenario.households.count == 40)
        #expect(scenario.locations.count == 18)
        #expect(scenario.safeHouses.count == 8)
        #expect(scenario.legs.count == 32)
        #expect(scenario.programmes.count == 8)
        #expect(scenario.settings.horizonWeeks == 16)
        #expect(scenario.settings.startDate == CalendarDate(year: 2026, month: 11, day: 30))
        #expect(scenario.settings.budget == 60000)
        #expect(scenario.settings.currency == "EUR")
        #expect(scenario.settings.objective == ObjectiveWeights())
        #expect(scenario.settings.solver == SolverLimits(timeLimitSeconds: 60, mipGap: 0))
    }

    @Test("decodes rows faithfully")
    func decodesRows() throws {
        let scenario = try ScenarioLoader.load(directory: demoDirectory)
        let h012 = try #require(scenario.households.first { $0.id == "H012" })
        #expect(h012.needs == ["hiv_care", "wheelchair"])
        #expect(h012.passport == .valid && h012.hasInternalID)
        let armenia = try #require(scenario.legs.first { $0.id == "L14" })
        #expect(armenia.documents.requirement(for: "RU") == .internalID)
        #expect(armenia.documents.requirement(for: "TJ") == .internationalPassport)
        let serbia = try #require(scenario.legs.first { $0.id == "L21" })
        #expect(serbia.documents.requirement(for: "KZ") == nil)
        let closing = try #require(scenario.safeHouses.first { $0.id == "SH-TBS-2" })
        #expect(closing.openUntilWeek == 7 && closing.needsSupported.isEmpty)
        // The one transit shelter, in Vladikavkaz: households may wait there rather than at home.
        let shelter = try #require(scenario.safeHouses.first { $0.id == "SH-VLK-1" })
        #expect(shelter.takesTransitGuests && shelter.location == "vladikavkaz" && shelter.beds == 4)
        #expect(scenario.safeHouses.filter(\.takesTransitGuests).map(\.id) == ["SH-VLK-1"])
        let programme = try #require(scenario.programmes.first { $0.id == "P-LT-TBS" })
        #expect(programme.quotaPeriod == .month && programme.nationalities == ["KZ", "RU"])
    }

    @Test("loads the same from memory as from disk")
    func inMemory() throws {
        var files: [String: Data] = [:]
        for name in ScenarioFileName.all + [ScenarioFileName.sharedQuotas] {
            files[name] = try Data(contentsOf: demoDirectory.appendingPathComponent(name))
        }
        #expect(try ScenarioLoader.load(files: files) == ScenarioLoader.load(directory: demoDirectory))
    }
}
