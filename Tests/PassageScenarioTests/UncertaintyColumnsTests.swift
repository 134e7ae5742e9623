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
