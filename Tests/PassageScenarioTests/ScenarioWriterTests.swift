import Foundation
import Testing

@testable import PassageScenario

@Suite("Scenario writer")
struct ScenarioWriterTests {
    @Test("the demo written and loaded again is the same scenario, and writing is deterministic")
    func demoRoundTrip() throws {
        let demo = try ScenarioLoader.load(directory: demoDirectory)
        let files = ScenarioWriter.files(for: demo)
        #expect(Set(files.keys) == Set(ScenarioFileName.all + [ScenarioFileName.sharedQuotas]))
        #expect(try ScenarioLoader.load(files: files) == demo)
        #expect(ScenarioWriter.files(for: demo) == files)
    }

    @Test("numbers are written in their shortest exact form")
    func numbers() {
        #expect(ValueFormatting.number(300) == "300")
        #expect(ValueFormatting.number(0.02) == "0.02")
        #expect(ValueFormatting.number(-44.6287) == "-44.6287")
        #expect(ValueFormatting.number(1e-5) == "1e-05")
        #expect(ValueFormatting.number(1e20) == "1e+20")
        #expect(ValueFormatting.number(nil) == "")
        for value in [0.1, 1.0 / 3.0, 123456.789, 2.5e-300, 9_007_199_254_740_993.0] {
            #expect(CellParsing.number(ValueFormatting.number(value)) == value)
        }
    }

    @Test("document rules: one kind, or pairs sorted with * last")
    func documentRules() throws {
        #expect(ValueFormatting.documentRule(DocumentRule(fallback: .internalID)) == "internal_id")
        let rule = DocumentRule(byNationality: ["RU": .internalID, "BY": .internalID], fallback: .internationalPassport)
        #expect(ValueFormatting.documentRule(rule) == "BY:internal_id;RU:internal_id;*:international_passport")
        #expect(try DocumentRuleParsing.parse(ValueFormatting.documentRule(rule)).get() == rule)
    }

    @Test("edge values survive a round trip: quotes in the title, optional cells, no budget")
    func edgeValues() throws {
        var scenario = try ScenarioLoader.load(directory: demoDirectory)
        scenario.settings.title = "Winter \"B\" \\ plan\tα"
        scenario.settings.budget = nil
        scenario.settings.objective = ObjectiveWeights(
            urgencyWeights: [1000.5, 400, 0.001, 1e-7], waitingPerWeek: 0, cost: 0.1, risk: 2.25, preferredCountry: 0)
        scenario.safeHouses[0].openUntilWeek = 9
        scenario.safeHouses[0].maxStayWeeks = nil
        scenario.legs[0].costPerPerson = 12.345
        scenario.locations[0].latitude = nil
        let files = ScenarioWriter.files(for: scenario)
        #expect(try ScenarioLoader.load(files: files) == scenario)
    }

    @Test("the solver backend of [solver] survives a round trip; absent, it stays absent")
    func solverBackendRoundTrip() throws {
        var scenario = try ScenarioLoader.load(directory: demoDirectory)
        #expect(scenario.settings.solver.backend == nil)
        scenario.settings.solver.backend = .highs
        let files = ScenarioWriter.files(for: scenario)
        #expect(String(decoding: files[ScenarioFileName.settings] ?? Data(), as: UTF8.self).contains("backend = \"highs\""))
        #expect(try ScenarioLoader.load(files: files).settings.solver.backend == .highs)
    }

    @Test("write(into:) puts every file in the folder")
    func writesFolder() throws {
        let demo = try ScenarioLoader.load(directory: demoDirectory)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passage-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try ScenarioWriter.write(demo, into: folder)
        #expect(try ScenarioLoader.load(directory: folder) == demo)
    }

    @Test("commitments, deadlines and application windows survive a round trip")
    func commitmentsRoundTrip() throws {
        var demo = try ScenarioLoader.load(directory: demoDirectory)
        demo.settings.objective.changePenalty = 12.5
        demo.settings.objective.latenessPerWeek = 0.3
        demo.commitments = [
            Commitment(
                householdID: "H001", startWeek: -1, outboundLegs: ["L04", "L13"], safeHouseID: "SH-EVN-1",
                programmeID: "P-DE-EVN", onwardLegs: ["L30"]),
            Commitment(
                householdID: "H032", startWeek: 2, outboundLegs: ["L20"], safeHouseID: "SH-IST-1",
                programmeID: "P-NL-IST", onwardLegs: ["L34"]),
        ]
        // With a passport office, so that every optional file is written (and a commitment begun with it).
        demo.documentServices = [
            DocumentService(
                id: "DS-GRZ", location: "grozny", obtains: .internationalPassport, requires: .internalID,
                nationalities: ["RU"], weeks: 6, costPerPerson: 150, risk: 3, capacity: 2)
        ]
        demo.commitments[0].documentServiceID = "DS-GRZ"
        #expect(demo.households.contains { $0.latestDepartureWeek != nil })
        #expect(demo.programmes.contains { $0.applicationUntilWeek != nil })
        let files = ScenarioWriter.files(for: demo)
        #expect(Set(files.keys) == Set(ScenarioFileName.all + ScenarioFileName.optional))
        #expect(try ScenarioLoader.load(files: files) == demo)
    }
}
