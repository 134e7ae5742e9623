import Foundation
import Testing

@testable import PassageScenario

/// shared_quotas.csv: optional; read, validated like every table, and written back.
@Suite struct SharedQuotaTableTests {
    static let programmes = """
        id,destination_country,lodged_at,arrival,quota,quota_period,processing_weeks,documents,cost_per_person
        P1,DE,b,c,3,month,4,internal_id,200
        P2,DE,b,c,9,horizon,4,internal_id,200
        P3,DE,b,c,9,horizon,4,internal_id,200

        """

    @Test func sharedQuotasAreOptionalAndRead() throws {
        #expect(try ScenarioLoader.load(files: Fixture.files()).sharedQuotas.isEmpty)
        let scenario = try ScenarioLoader.load(
            files: Fixture.files([
                "programmes.csv": Self.programmes,
                "shared_quotas.csv": """
                id,quota,quota_period,programmes
                DE-ALL,5,horizon,P2;P1
                "DE-MONTH",2,month," P3 ; P1 "

                """,
            ]))
        #expect(
            scenario.sharedQuotas == [
                SharedQuota(id: "DE-ALL", quota: 5, quotaPeriod: .horizon, programmeIDs: ["P1", "P2"]),
                SharedQuota(id: "DE-MONTH", quota: 2, quotaPeriod: .month, programmeIDs: ["P1", "P3"]),
            ])
    }

    @Test func everyProblemIsLocatedAtOnce() {
        let issues = Fixture.issues(
            Fixture.files([
                "programmes.csv": Self.programmes,
                "shared_quotas.csv": """
                id,quota,quota_period,programmes
                Q1,5,horizon,P1;P2
                Q1,-1,year,P1
                Q2,4,month,
                Q3,4,month,P2;P9;P2
                Q4,x,month,P1;;P2
                bad id,1,horizon,P1

                """,
            ]))
        #expect(
            issues == [
                "shared_quotas.csv:3:1: error: duplicate id Q1: first defined on line 2",
                "shared_quotas.csv:3:4: error: quota must be an integer of 0 or more (got \"-1\")",
                "shared_quotas.csv:3:7: error: quota_period must be one of horizon, month (got \"year\")",
                "shared_quotas.csv:4:12: error: programmes is empty; it must be a list of programme ids separated by ';' (e.g. P-DE-EVN;P-DE-TBS)",
                "shared_quotas.csv:5:12: error: programme P9 is not an id in programmes.csv; did you mean P1, P2, P3?",
                "shared_quotas.csv:5:12: error: programmes lists P2 more than once; list each programme once",
                "shared_quotas.csv:6:4: error: quota must be an integer of 0 or more (got \"x\")",
                "shared_quotas.csv:6:12: error: programmes must be a list of programme ids separated by ';' (e.g. P-DE-EVN;P-DE-TBS) (got \"P1;;P2\")",
                "shared_quotas.csv:7:1: error: id must be an id of at most 64 letters, digits, '_', '.' or '-', starting with a letter or digit (got \"bad id\")",
            ], "\(issues)")
    }

    @Test func headerProblemsAreReportedLikeOtherTables() {
        let issues = Fixture.issues(
            Fixture.files([
                "shared_quotas.csv": """
                id,quota,programmes,weeks
                Q1,5,P1,3

                """
            ]))
        #expect(
            issues == [
                "shared_quotas.csv:1:1: error: required column \"quota_period\" is missing from the header",
                "shared_quotas.csv:1:21: error: unknown column \"weeks\"; expected columns: id, quota, quota_period, programmes",
            ], "\(issues)")
    }

    @Test func unknownProgrammesAreReportedOnOtherwiseBadRows() {
        let issues = Fixture.issues(
            Fixture.files([
                "shared_quotas.csv": """
                id,quota,quota_period,programmes
                Q1,many,horizon,P7

                """
            ]))
        #expect(
            issues == [
                "shared_quotas.csv:2:4: error: quota must be an integer of 0 or more (got \"many\")",
                "shared_quotas.csv:2:17: error: programme P7 is not an id in programmes.csv; did you mean P1?",
            ], "\(issues)")
    }

    @Test func writtenBackOnlyWhenPresent() throws {
        let plain = try ScenarioLoader.load(files: Fixture.files())
        #expect(ScenarioWriter.files(for: plain)[ScenarioFileName.sharedQuotas] == nil)

        let scenario = try ScenarioLoader.load(
            files: Fixture.files([
                "programmes.csv": Self.programmes,
                "shared_quotas.csv": """
                id,quota,quota_period,programmes
                DE-ALL,5,horizon,P2;P1

                """,
            ]))
        let files = ScenarioWriter.files(for: scenario)
        #expect(
            String(decoding: files[ScenarioFileName.sharedQuotas] ?? Data(), as: UTF8.self)
                == "id,quota,quota_period,programmes\nDE-ALL,5,horizon,P1;P2\n")
        #expect(try ScenarioLoader.load(files: files) == scenario)
    }

    @Test func aSharedQuotasFileIsReadNotWarnedAbout() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "passage-shared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = Fixture.files(["programmes.csv": Self.programmes])
        files["shared_quotas.csv"] = Data("id,quota,quota_period,programmes\nQ1,4,month,P1;P3\n".utf8)
        files["shared_quota.csv"] = Data("id\n".utf8)
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        // What `passage seal` packs: the files Passage reads, so a sealed scenario keeps its shared quotas.
        #expect(ScenarioLoader.readFiles(in: folder)[ScenarioFileName.sharedQuotas] == files["shared_quotas.csv"])
        #expect(ScenarioLoader.readFiles(in: folder)["shared_quota.csv"] == nil)
        let (scenario, warnings) = try ScenarioLoader.loadWithWarnings(directory: folder)
        #expect(scenario.sharedQuotas.map(\.id) == ["Q1"])
        #expect(
            warnings.map(\.description) == [
                "shared_quota.csv:1:1: warning: shared_quota.csv is not a file Passage reads, so it is ignored; did you mean shared_quotas.csv?"
            ])
    }

    @Test func removingAProgrammeInAChangeFileLeavesItsSharedQuotas() throws {
        let scenario = try ScenarioLoader.load(
            files: Fixture.files([
                "programmes.csv": Self.programmes,
                "shared_quotas.csv": """
                id,quota,quota_period,programmes
                BOTH,5,horizon,P2;P3
                ONLY-P3,2,month,P3

                """,
            ]))
        let changed = try ChangeFile.apply(
            ChangeFile.read(Data("[[remove_programme]]\nid = \"P3\"\n".utf8), file: "drop.toml"),
            file: "drop.toml", to: scenario)
        #expect(
            changed.sharedQuotas == [SharedQuota(id: "BOTH", quota: 5, quotaPeriod: .horizon, programmeIDs: ["P2"])])
        #expect(try ScenarioLoader.load(files: ScenarioWriter.files(for: changed)) == changed)
    }

    static func twoShared() throws -> Scenario {
        try ScenarioLoader.load(
            files: Fixture.files([
                "programmes.csv": Self.programmes,
                "shared_quotas.csv": """
                id,quota,quota_period,programmes
                BOTH,5,horizon,P2;P3
                ONLY-P3,2,month,P3

                """,
            ]))
    }

    @Test func aChangeFileSetsASharedQuota() throws {
        let scenario = try Self.twoShared()
        let text = "[[shared_quota]]\nid = \"BOTH\"\nquota = 8\n"
        let changes = try ChangeFile.read(Data(text.utf8), file: "more.toml")
        #expect(changes.sharedQuotas.map(\.quota) == [8])
        #expect(changes.descriptions == ["shared quota BOTH: quota 8"])
        #expect(try ChangeFile.read(Data(changes.tomlText.utf8), file: "again.toml") == changes)
        let changed = try ChangeFile.apply(changes, file: "more.toml", to: scenario)
        #expect(changed.sharedQuotas.map(\.quota) == [8, 2])
    }

    /// A `[[shared_quota]]` entry has no weeks, like a programme's quota or a house's beds: its quota
    /// holds in every period (every month of a monthly one). A `weeks` key is refused alike in both
    /// sections: there is no way to change a capacity for some periods only.
    @Test func aSharedQuotaEntryWithoutWeeksHoldsInEveryPeriodLikeAProgrammesQuota() throws {
        let scenario = try Self.twoShared()
        let text = "[[shared_quota]]\nid = \"ONLY-P3\"\nquota = 4\n\n[[programme]]\nid = \"P3\"\nquota = 12\n"
        let changed = try ChangeFile.apply(
            ChangeFile.read(Data(text.utf8), file: "all.toml"), file: "all.toml", to: scenario)
        let monthly = try #require(changed.sharedQuotas.first { $0.id == "ONLY-P3" })
        #expect(monthly.quota == 4 && monthly.quotaPeriod == .month)
        #expect(changed.programmes.first { $0.id == "P3" }?.quota == 12)
        let weeks =
            "[[shared_quota]]\nid = \"ONLY-P3\"\nquota = 4\nweeks = [2, 3]\n\n"
            + "[[programme]]\nid = \"P3\"\nquota = 9\nweeks = [2, 3]\n"
        var messages: [String] = []
        do {
            _ = try ChangeFile.read(Data(weeks.utf8), file: "weeks.toml")
        } catch let error as ScenarioValidationError {
            messages = error.issues.map(\.description)
        }
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.first?.hasPrefix("weeks.toml:4:1: error: unknown key \"weeks\" in [[shared_quota]]") == true)
        #expect(messages.last?.hasPrefix("weeks.toml:9:1: error: unknown key \"weeks\" in [[programme]]") == true)
    }

    @Test func aChangeFileNamesAnUnknownSharedQuotaAndABadQuota() throws {
        let scenario = try Self.twoShared()
        let text = "[[shared_quota]]\nid = \"BOTHH\"\nquota = 8\n\n[[shared_quota]]\nid = \"BOTH\"\nquota = -1\n"
        var messages: [String] = []
        do {
            _ = try ChangeFile.variant(Data(text.utf8), file: "bad.toml", base: scenario)
        } catch let error as ScenarioValidationError {
            messages = error.issues.map(\.description)
        }
        #expect(
            messages == [
                "bad.toml:2:1: error: shared quota BOTHH is not an id in shared_quotas.csv; did you mean BOTH?",
                "bad.toml:7:1: error: quota must be an integer of 0 or more",
            ], "\(messages)")
    }

    @Test func aSweepVariesASharedQuota() throws {
        let scenario = try Self.twoShared()
        let sweep = try SweepSpecification.parse("shared_quota:ONLY-P3=0..4:2")
        #expect(sweep.resource == .sharedQuota(id: "ONLY-P3"))
        #expect(sweep.values == [0, 2, 4])
        #expect(sweep.resource.currentValue(in: scenario) == 2)
        #expect(try sweep.resource.applying(4, to: scenario).sharedQuotas.map(\.quota) == [5, 4])
        #expect(
            SweptResource.sharedQuota(id: "ONLY-P4").problem(in: scenario)
                == "shared quota ONLY-P4 is not an id in shared_quotas.csv; did you mean ONLY-P3?")
        #expect(throws: SweepSpecificationError.self) { try SweepSpecification.parse("shared_quota=0..4") }
    }
}
