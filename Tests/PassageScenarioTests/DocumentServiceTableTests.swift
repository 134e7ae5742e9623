import Foundation
import Testing

@testable import PassageScenario

/// document_services.csv: optional; read, validated like every table, and written back.
@Suite struct DocumentServiceTableTests {
    static let services = """
        id,location,obtains,requires,nationalities,weeks,cost_per_person,risk,capacity
        DS-A,a,international_passport,internal_id,RU;KZ,6,120,2,3
        DS-B,a,internal_id,none,,2,0,0,

        """

    @Test func documentServicesAreOptionalAndRead() throws {
        #expect(try ScenarioLoader.load(files: Fixture.files()).documentServices.isEmpty)
        let scenario = try ScenarioLoader.load(files: Fixture.files(["document_services.csv": Self.services]))
        #expect(
            scenario.documentServices == [
                DocumentService(
                    id: "DS-A", location: "a", obtains: .internationalPassport, requires: .internalID,
                    nationalities: ["KZ", "RU"], weeks: 6, costPerPerson: 120, risk: 2, capacity: 3),
                DocumentService(
                    id: "DS-B", location: "a", obtains: .internalID, requires: .none, weeks: 2, costPerPerson: 0,
                    risk: 0),
            ])
    }

    @Test func everyProblemIsLocatedAtOnce() {
        let issues = Fixture.issues(
            Fixture.files([
                "document_services.csv": """
                id,location,obtains,requires,nationalities,weeks,cost_per_person,risk,capacity
                D1,a,international_passport,internal_id,,6,120,2,
                D1,grozn,passport,internal_id,ru,0,-5,11,-1
                D2,a,internal_id,international_passport,,3,10,1,2

                """
            ]))
        #expect(
            issues == [
                "document_services.csv:3:1: error: duplicate id D1: first defined on line 2",
                "document_services.csv:3:4: error: location \"grozn\" is not an id in locations.csv",
                "document_services.csv:3:10: error: obtains must be one of none, internal_id, international_passport (got \"passport\")",
                "document_services.csv:3:31: error: nationalities must be a list of two-letter country codes in capitals separated by ';' (e.g. RU;BY) (got \"ru\")",
                "document_services.csv:3:34: error: weeks must be an integer from 1 to 52 (got \"0\")",
                "document_services.csv:3:36: error: cost_per_person must be a number of 0 or more (got \"-5\")",
                "document_services.csv:3:39: error: risk must be a number from 0 to 10 (got \"11\")",
                "document_services.csv:3:42: error: capacity must be an integer of 0 or more (got \"-1\")",
                "document_services.csv:4:6: error: obtains (internal_id) must be a stronger document than requires (international_passport); documents from weakest to strongest: none, internal_id, international_passport",
            ], "\(issues)")
    }

    @Test func headerProblemsAreReportedLikeOtherTables() {
        let issues = Fixture.issues(
            Fixture.files([
                "document_services.csv": """
                id,location,obtains,weeks,cost_per_person,risk,fee
                D1,a,international_passport,6,120,2,3

                """
            ]))
        #expect(
            issues == [
                "document_services.csv:1:1: error: required column \"requires\" is missing from the header",
                "document_services.csv:1:48: error: unknown column \"fee\"; expected columns: id, location, obtains, requires, nationalities, weeks, cost_per_person, risk, capacity, weeks_max, refusal_rate",
            ], "\(issues)")
    }

    @Test func writtenBackOnlyWhenPresent() throws {
        let plain = try ScenarioLoader.load(files: Fixture.files())
        #expect(ScenarioWriter.files(for: plain)[ScenarioFileName.documentServices] == nil)
        let scenario = try ScenarioLoader.load(files: Fixture.files(["document_services.csv": Self.services]))
        let files = ScenarioWriter.files(for: scenario)
        #expect(
            String(decoding: files[ScenarioFileName.documentServices] ?? Data(), as: UTF8.self)
                == """
                id,location,obtains,requires,nationalities,weeks,cost_per_person,risk,capacity
                DS-A,a,international_passport,internal_id,KZ;RU,6,120,2,3
                DS-B,a,internal_id,none,,2,0,0,

                """)
        #expect(try ScenarioLoader.load(files: files) == scenario)
    }

    @Test func aCommitmentNamesItsDocumentService() throws {
        let commitments = """
            household,start_week,outbound,safe_house,programme,onward,document_service
            H1,-1,L1,S1,P1,L2,DS-A

            """
        let scenario = try ScenarioLoader.load(
            files: Fixture.files(["document_services.csv": Self.services, "commitments.csv": commitments]))
        #expect(scenario.commitments.map(\.documentServiceID) == ["DS-A"])
        let files = ScenarioWriter.files(for: scenario)
        #expect(String(decoding: files[ScenarioFileName.commitments] ?? Data(), as: UTF8.self) == commitments)
        #expect(try ScenarioLoader.load(files: files) == scenario)

        let issues = Fixture.issues(
            Fixture.files([
                "document_services.csv": Self.services,
                "commitments.csv": """
                household,start_week,outbound,safe_house,programme,onward,document_service
                H1,-1,L1,S1,P1,L2,DS-X

                """,
            ]))
        #expect(
            issues == [
                "commitments.csv:2:19: error: document_service DS-X is not an id in document_services.csv; did you mean DS-A, DS-B?"
            ], "\(issues)")
    }

    @Test func aDocumentServicesFileIsReadNotWarnedAboutAndSealed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "passage-documents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = Fixture.files(["document_services.csv": Self.services])
        files["document_service.csv"] = Data("id\n".utf8)
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        // What `passage seal` packs: the files Passage reads.
        #expect(
            ScenarioLoader.readFiles(in: folder)[ScenarioFileName.documentServices] == files["document_services.csv"])
        let (scenario, warnings) = try ScenarioLoader.loadWithWarnings(directory: folder)
        #expect(scenario.documentServices.map(\.id) == ["DS-A", "DS-B"])
        #expect(
            warnings.map(\.description) == [
                "document_service.csv:1:1: warning: document_service.csv is not a file Passage reads, so it is ignored; did you mean document_services.csv?"
            ])
    }

    /// `weeks_max` and `refusal_rate`: what `passage stress` draws a document step from (docs/STRESS.md).
    @Test func stressColumnsAreReadCheckedAndWrittenBack() throws {
        let uncertain = """
            id,location,obtains,requires,nationalities,weeks,cost_per_person,risk,capacity,weeks_max,refusal_rate
            DS-A,a,international_passport,internal_id,RU;KZ,6,120,2,3,9,0.1
            DS-B,a,internal_id,none,,2,0,0,,,

            """
        let scenario = try ScenarioLoader.load(files: Fixture.files(["document_services.csv": uncertain]))
        #expect(scenario.documentServices.map(\.weeksMax) == [9, nil])
        #expect(scenario.documentServices.map(\.refusalRate) == [0.1, nil])
        #expect(try ScenarioLoader.load(files: ScenarioWriter.files(for: scenario)) == scenario)
        let issues = Fixture.issues(
            Fixture.files([
                "document_services.csv": """
                id,location,obtains,requires,weeks,cost_per_person,risk,weeks_max,refusal_rate
                D1,a,international_passport,internal_id,6,120,2,5,1.5

                """
            ]))
        #expect(
            issues == [
                "document_services.csv:2:49: error: weeks_max must be an integer of weeks (6) or more (got 5)",
                "document_services.csv:2:51: error: refusal_rate must be a number from 0 to 1 (got \"1.5\")",
            ], "\(issues)")
        // A change file may not make the usual wait longer than the slowest.
        let text = "[[document_service]]\nid = \"DS-A\"\nweeks = 10\n"
        #expect(throws: ScenarioValidationError.self) {
            try ChangeFile.variant(Data(text.utf8), file: "slow.toml", base: scenario)
        }
    }
}

/// `[[document_service]]` in a change file (docs/WHATIF.md).
@Suite struct DocumentServiceChangeTests {
    static func scenario() throws -> Scenario {
        try ScenarioLoader.load(files: Fixture.files(["document_services.csv": DocumentServiceTableTests.services]))
    }

    @Test func aChangeFileSetsCapacityWeeksAndCost() throws {
        let text = "[[document_service]]\nid = \"DS-A\"\ncapacity = 5\nweeks = 4\ncost_per_person = 90\n"
        let changes = try ChangeFile.read(Data(text.utf8), file: "faster.toml")
        #expect(changes.descriptions == ["document service DS-A: capacity 5 a week, 4 weeks, cost 90 per person"])
        #expect(try ChangeFile.read(Data(changes.tomlText.utf8), file: "again.toml") == changes)
        let changed = try ChangeFile.apply(changes, file: "faster.toml", to: try Self.scenario())
        let service = try #require(changed.documentServices.first)
        #expect(service.capacity == 5 && service.weeks == 4 && service.costPerPerson == 90)
        #expect(try ScenarioLoader.load(files: ScenarioWriter.files(for: changed)) == changed)
    }

    /// The stress columns, as a programme's `processing_weeks_max` and `refusal_rate` (docs/STRESS.md).
    @Test func aChangeFileSetsTheSlowestWaitAndTheRefusalRate() throws {
        let text = "[[document_service]]\nid = \"DS-A\"\nweeks_max = 10\nrefusal_rate = 0.2\n"
        let changes = try ChangeFile.read(Data(text.utf8), file: "uncertain.toml")
        #expect(changes.descriptions == ["document service DS-A: slowest wait 10 weeks, refusal rate 0.2"])
        #expect(try ChangeFile.read(Data(changes.tomlText.utf8), file: "again.toml") == changes)
        let changed = try ChangeFile.apply(changes, file: "uncertain.toml", to: try Self.scenario())
        let service = try #require(changed.documentServices.first)
        #expect(service.weeksMax == 10 && service.refusalRate == 0.2 && service.weeks == 6)
        #expect(try ScenarioLoader.load(files: ScenarioWriter.files(for: changed)) == changed)
        // DS-A waits 6 weeks: a slowest wait of 5 is refused where it is written.
        let faster = "[[document_service]]\nid = \"DS-A\"\nweeks_max = 5\n"
        var messages: [String] = []
        do {
            _ = try ChangeFile.variant(Data(faster.utf8), file: "bad.toml", base: try Self.scenario())
        } catch let error as ScenarioValidationError {
            messages = error.issues.map(\.description)
        }
        #expect(
            messages == [
                "bad.toml:3:1: error: document service DS-A's slowest wait (weeks_max 5) would be shorter than its waiting time (weeks 6)"
            ], "\(messages)")
    }

    @Test func anUnknownServiceAndBadValuesAreLocated() throws {
        let text =
            "[[document_service]]\nid = \"DS-Z\"\ncapacity = 5\n\n[[document_service]]\nid = \"DS-B\"\nweeks = 0\n"
        var messages: [String] = []
        do {
            _ = try ChangeFile.variant(Data(text.utf8), file: "bad.toml", base: try Self.scenario())
        } catch let error as ScenarioValidationError {
            messages = error.issues.map(\.description)
        }
        #expect(
            messages == [
                "bad.toml:2:1: error: document service DS-Z is not an id in document_services.csv; did you mean DS-A, DS-B?",
                "bad.toml:7:1: error: weeks must be an integer from 1 to 52",
            ], "\(messages)")
    }
}
