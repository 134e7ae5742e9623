import Foundation
import Testing

@testable import PassageScenario

/// The uncertainty columns of issue 16 (`closure_risk`, `cancel_rate`, `processing_weeks_max`,
/// `refusal_rate`): read, validated where they are wrong, written back only when present.
@Suite struct UncertaintyColumnsTests {
    static let houses = """
        id,location,beds,cost_per_person_week,closure_risk
        S1,b,2,50,0.05

        """
    static let legs = """
        id,from,to,mode,duration_days,cost_per_person,seats_per_week,documents,risk,cancel_rate
        L1,a,b,road,1,10,5,RU:internal_id;*:international_passport,2,0.1
        L2,b,c,air,0,100,5,none,1,

        """
    static let programmes = """
        id,destination_country,lodged_at,arrival,quota,quota_period,processing_weeks,documents,cost_per_person,processing_weeks_max,refusal_rate
        P1,DE,b,c,3,month,4,internal_id,200,7,0.25

        """

    @Test func columnsAreRead() throws {
        let scenario = try ScenarioLoader.load(
            files: Fixture.files([
                "safe_houses.csv": Self.houses, "legs.csv": Self.legs, "programmes.csv": Self.programmes,
            ]))
        #expect(scenario.safeHouses[0].closureRisk == 0.05)
        #expect(scenario.legs.map(\.cancelRate) == [0.1, nil])
        #expect(scenario.programmes[0].processingWeeksMax == 7)
        #expect(scenario.programmes[0].refusalRate == 0.25)
    }

    @Test func absentColumnsMeanNoUncertainty() throws {
        let scenario = try ScenarioLoader.load(files: Fixture.files())
        #expect(scenario.safeHouses[0].closureRisk == nil)
        #expect(scenario.legs[0].cancelRate == nil)
        #expect(scenario.programmes[0].processingWeeksMax == nil)
        #expect(scenario.programmes[0].refusalRate == nil)
    }

    @Test func badValuesAreLocatedAllAtOnce() {
        let issues = Fixture.issues(
            Fixture.files([
                "safe_houses.csv": """
                id,location,beds,cost_per_person_week,closure_risk
                S1,b,2,50,1.5

                """,
                "legs.csv": """
                id,from,to,mode,duration_days,cost_per_person,seats_per_week,documents,risk,cancel_rate
                L1,a,b,road,1,10,5,RU:internal_id;*:international_passport,2,-0.1
                L2,b,c,air,0,100,5,none,1,10%

                """,
                "programmes.csv": """
                id,destination_country,lodged_at,arrival,quota,quota_period,processing_weeks,documents,cost_per_person,processing_weeks_max,refusal_rate
                P1,DE,b,c,3,month,4,internal_id,200,3,2

                """,
            ]))
        #expect(issues.count == 5, "\(issues)")
        #expect(issues.contains("safe_houses.csv:2:11: error: closure_risk must be a number from 0 to 1 (got \"1.5\")"))
        #expect(issues.contains { $0.hasPrefix("legs.csv:2:62: error: cancel_rate must be a number from 0 to 1") })
        #expect(issues.contains { $0.hasPrefix("legs.csv:3:27: error: cancel_rate must be a number from 0 to 1") })
        #expect(
            issues.contains(
                "programmes.csv:2:37: error: processing_weeks_max must be an integer of processing_weeks (4) or more (got 3)"
            ))
        #expect(
            issues.contains { $0.hasPrefix("programmes.csv:2:39: error: refusal_rate must be a number from 0 to 1") })
    }

    @Test func misspeltColumnGetsASuggestion() {
        let issues = Fixture.issues(
            Fixture.files([
                "safe_houses.csv": """
                id,location,beds,cost_per_person_week,closure_rsk
                S1,b,2,50,0.1

                """
            ]))
        #expect(issues.contains { $0.hasPrefix("safe_houses.csv:1:") && $0.contains("closure_risk") }, "\(issues)")
    }

    @Test func writtenBackOnlyWhenPresent() throws {
        let files = Fixture.files([
            "safe_houses.csv": Self.houses, "legs.csv": Self.legs, "programmes.csv": Self.programmes,
        ])
        let scenario = try ScenarioLoader.load(files: files)
        let written = ScenarioWriter.files(for: scenario)
        #expect(try ScenarioLoader.load(files: written) == scenario)
        let text = { (name: String) in String(decoding: written[name] ?? Data(), as: UTF8.self) }
        #expect(text(ScenarioFileName.safeHouses).contains(",closure_risk\nS1,b,2,1,,50,,,0.05\n"))
        #expect(text(ScenarioFileName.legs).hasSuffix(",1,\n"))
        #expect(text(ScenarioFileName.programmes).contains(",processing_weeks_max,refusal_rate\n"))
        #expect(text(ScenarioFileName.programmes).hasSuffix(",7,0.25\n"))

        let plain = try ScenarioLoader.load(files: Fixture.files())
        for (name, data) in ScenarioWriter.files(for: plain) {
            let text = String(decoding: data, as: UTF8.self)
            for column in ["closure_risk", "cancel_rate", "processing_weeks_max", "refusal_rate"] {
                #expect(!text.contains(column), "\(name)")
            }
        }
    }
}

/// Change files set the uncertainty columns too (docs/WHATIF.md).
@Suite struct UncertaintyChangeFileTests {
    static let changes = """
        [[safe_house]]
        id = "SH-EVN-1"
        closure_risk = 0.02

        [[leg]]
        id = "L11"
        cancel_rate = 0.1

        [[programme]]
        id = "P-DE-EVN"
        processing_weeks_max = 9
        refusal_rate = 0.2

        [[add_safe_house]]
        id = "SH-EVN-3"
        location = "yerevan"
        beds = 2
        cost_per_person_week = 60
        closure_risk = 0.5

        [[add_leg]]
        id = "L40"
        from = "tbilisi"
        to = "istanbul"
        mode = "air"
        duration_days = 0
        cost_per_person = 120
        seats_per_week = 10
        documents = "international_passport"
        risk = 3
        cancel_rate = 0.25

        [[add_programme]]
        id = "P-SE-TBS"
        destination_country = "FR"
        lodged_at = "tbilisi"
        arrival = "paris"
        quota = 3
        quota_period = "horizon"
        processing_weeks = 5
        processing_weeks_max = 6
        documents = "international_passport"
        cost_per_person = 200
        refusal_rate = 0

        """

    @Test func readAppliedAndWrittenBack() throws {
        let demo = try ScenarioLoader.load(directory: demoDirectory)
        let changes = try ChangeFile.read(Data(Self.changes.utf8), file: "risk.toml")
        #expect(try ChangeFile.read(Data(changes.tomlText.utf8), file: "again.toml") == changes)
        #expect(changes.descriptions.contains("safe house SH-EVN-1: closure risk 0.02 a week"))
        #expect(changes.descriptions.contains("programme P-DE-EVN: slowest processing 9 weeks, refusal rate 0.2"))
        let changed = try ChangeFile.apply(changes, file: "risk.toml", to: demo)
        #expect(changed.safeHouses.first { $0.id == "SH-EVN-1" }?.closureRisk == 0.02)
        #expect(changed.safeHouses.first { $0.id == "SH-EVN-3" }?.closureRisk == 0.5)
        #expect(changed.legs.first { $0.id == "L11" }?.cancelRate == 0.1)
        #expect(changed.legs.first { $0.id == "L40" }?.cancelRate == 0.25)
        let programme = try #require(changed.programmes.first { $0.id == "P-DE-EVN" })
        #expect(programme.processingWeeksMax == 9 && programme.refusalRate == 0.2)
        let added = try #require(changed.programmes.first { $0.id == "P-SE-TBS" })
        #expect(added.processingWeeksMax == 6 && added.refusalRate == 0)
        // Untouched rows keep no value: written out, their cells are empty.
        #expect(changed.programmes.first { $0.id == "P-FR-EVN" }?.refusalRate == nil)
    }

    @Test func badValuesAreLocated() throws {
        let demo = try ScenarioLoader.load(directory: demoDirectory)
        let text = """
            [[leg]]
            id = "L11"
            cancel_rate = 1.5

            [[programme]]
            id = "P-DE-EVN"
            processing_weeks_max = 3

            """
        var issues: [String] = []
        do {
            _ = try ChangeFile.variant(Data(text.utf8), file: "risk.toml", base: demo)
        } catch let error as ScenarioValidationError {
            issues = error.issues.map(\.description)
        }
        #expect(issues.count == 2, "\(issues)")
        #expect(issues.contains { $0.hasPrefix("risk.toml:3:1: error: cancel_rate must be a number from 0 to 1") })
        #expect(
            issues.contains {
                $0.hasPrefix("risk.toml:7:1: error: programme P-DE-EVN's slowest processing (processing_weeks_max 3)")
            })
    }
}
