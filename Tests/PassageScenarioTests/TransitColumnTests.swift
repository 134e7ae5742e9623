import Foundation
import Testing

@testable import PassageScenario

/// `transit` in safe_houses.csv and `transit_waiting_per_week` in `[objective]` (issue 15, section 3):
/// optional, validated where they are wrong, written back only when they say something.
@Suite struct TransitColumnTests {
    static let houses = """
        id,location,beds,cost_per_person_week,transit
        S1,b,2,50,yes
        S2,b,3,40,no
        S3,a,1,30,

        """

    @Test func theColumnIsReadAndDefaultsToNo() throws {
        let scenario = try ScenarioLoader.load(files: Fixture.files(["safe_houses.csv": Self.houses]))
        #expect(scenario.safeHouses.map(\.takesTransitGuests) == [true, false, false])
        let without = try ScenarioLoader.load(files: Fixture.files())
        #expect(without.safeHouses.map(\.takesTransitGuests) == [false])
    }

    @Test func aWrongValueIsLocated() {
        let issues = Fixture.issues(
            Fixture.files([
                "safe_houses.csv": """
                id,location,beds,cost_per_person_week,transit
                S1,b,2,50,maybe

                """
            ]))
        #expect(issues == ["safe_houses.csv:2:11: error: transit must be yes or no (got \"maybe\")"], "\(issues)")
    }

    @Test func theWeightIsReadAndDefaultsToHalfTheWaitingWeight() throws {
        let plain = try ScenarioLoader.load(files: Fixture.files())
        #expect(plain.settings.objective.transitWaitingPerWeek == nil)
        #expect(plain.settings.objective.transitWaiting == plain.settings.objective.waitingPerWeek / 2)
        let toml = String(decoding: Fixture.files()["scenario.toml"]!, as: UTF8.self)
        let set = try ScenarioLoader.load(
            files: Fixture.files(["scenario.toml": toml + "\n[objective]\ntransit_waiting_per_week = 0.004\n"]))
        #expect(set.settings.objective.transitWaiting == 0.004)
        let wrong = Fixture.issues(
            Fixture.files(["scenario.toml": toml + "\n[objective]\ntransit_waiting_per_week = -1\n"]))
        #expect(
            wrong.count == 1 && wrong[0].contains("objective.transit_waiting_per_week must be a number of 0 or more"))
    }

    @Test func writtenBackOnlyWhenSomeHouseTakesTransitGuests() throws {
        // Without transit houses or the weight, the files are the very bytes they were.
        let plain = try ScenarioLoader.load(files: Fixture.files())
        let plainFiles = ScenarioWriter.files(for: plain)
        #expect(!String(decoding: plainFiles["safe_houses.csv"]!, as: UTF8.self).contains("transit"))
        #expect(!String(decoding: plainFiles["scenario.toml"]!, as: UTF8.self).contains("transit"))
        // With them, a round trip keeps both.
        var scenario = try ScenarioLoader.load(files: Fixture.files(["safe_houses.csv": Self.houses]))
        scenario.settings.objective.transitWaitingPerWeek = 0.003
        let files = ScenarioWriter.files(for: scenario)
        #expect(try ScenarioLoader.load(files: files) == scenario)
        #expect(String(decoding: files["safe_houses.csv"]!, as: UTF8.self).contains(",transit\n"))
    }

    static let transitHouses = """
        id,location,beds,cost_per_person_week,transit
        S1,b,2,50,yes
        S2,c,2,50,yes

        """

    @Test func aCommitmentKeepsItsTransitStay() throws {
        let scenario = try ScenarioLoader.load(
            files: Fixture.files([
                "safe_houses.csv": Self.transitHouses,
                "commitments.csv": """
                household,start_week,outbound,safe_house,programme,onward,transit_house,transit_weeks
                H1,-1,L1,S1,P1,L2,S1,2

                """,
            ]))
        #expect(
            scenario.commitments == [
                Commitment(
                    householdID: "H1", startWeek: -1, outboundLegs: ["L1"], safeHouseID: "S1", programmeID: "P1",
                    onwardLegs: ["L2"], transitHouseID: "S1", transitWeeks: 2)
            ])
        let files = ScenarioWriter.files(for: scenario)
        #expect(try ScenarioLoader.load(files: files) == scenario)
        // Without a transit stay the columns are not written.
        var plain = scenario
        plain.commitments[0].transitHouseID = nil
        plain.commitments[0].transitWeeks = nil
        let text = String(decoding: ScenarioWriter.files(for: plain)["commitments.csv"]!, as: UTF8.self)
        #expect(text == "household,start_week,outbound,safe_house,programme,onward\nH1,-1,L1,S1,P1,L2\n")
    }

    @Test func brokenTransitCommitmentsAreLocated() {
        let issues = Fixture.issues(
            Fixture.files([
                "households.csv": """
                id,size,location,urgency,nationality,passport,internal_id
                H1,1,a,1,RU,none,yes
                H2,1,a,1,RU,none,yes
                H3,1,a,1,RU,none,yes

                """,
                "safe_houses.csv": Self.transitHouses,
                "commitments.csv": """
                household,start_week,outbound,safe_house,programme,onward,transit_house,transit_weeks
                H1,1,L1,S1,P1,L2,S9,2
                H2,1,L1,S1,P1,L2,,2
                H3,1,L1,S1,P1,L2,S2,1

                """,
            ]))
        #expect(
            issues == [
                "commitments.csv:2:18: error: transit_house S9 is not an id in safe_houses.csv; did you mean S1, S2?",
                "commitments.csv:3:19: error: transit_house and transit_weeks go together: give both for a transit stay, or neither",
                "commitments.csv:4:18: error: transit_house S2 is at c, which the outbound legs do not reach",
            ], "\(issues)")
    }

    @Test func changeFilesAddATransitHouseOrChangeWhetherAHouseTakesTransitGuests() throws {
        let demo = try ScenarioLoader.load(directory: demoDirectory)
        // The demo's shelter in Vladikavkaz takes transit guests; the example change file takes it off.
        #expect(demo.safeHouses.filter(\.takesTransitGuests).map(\.id) == ["SH-VLK-1"])
        let example = demoDirectory.deletingLastPathComponent()
            .appendingPathComponent("demo-changes/no-transit-shelter-vladikavkaz.toml")
        let without = try ChangeFile.variant(Data(contentsOf: example), file: "transit.toml", base: demo)
        #expect(without.scenario.safeHouses.filter(\.takesTransitGuests).isEmpty)
        #expect(without.descriptions == ["safe house SH-VLK-1: no transit guests"])
        // A new house that takes transit guests.
        let shelterText = """
            [[add_safe_house]]
            id = "SH-MOW-1"
            location = "moscow"
            beds = 4
            cost_per_person_week = 40
            max_stay_weeks = 6
            transit = true

            """
        let variant = try ChangeFile.variant(Data(shelterText.utf8), file: "transit.toml", base: demo)
        let shelter = try #require(variant.scenario.safeHouses.first { $0.id == "SH-MOW-1" })
        #expect(shelter.takesTransitGuests && shelter.location == "moscow" && shelter.maxStayWeeks == 6)
        #expect(variant.descriptions == ["new safe house SH-MOW-1 at moscow, 4 beds, transit guests"])
        // An existing house: yes, no, or left as it is.
        let text = "[[safe_house]]\nid = \"SH-EVN-1\"\ntransit = \"yes\"\n"
        let changed = try ChangeFile.variant(Data(text.utf8), file: "t.toml", base: demo)
        #expect(changed.scenario.safeHouses.first { $0.id == "SH-EVN-1" }?.takesTransitGuests == true)
        #expect(changed.descriptions == ["safe house SH-EVN-1: takes transit guests"])
        let changes = try ChangeFile.read(Data(text.utf8), file: "t.toml")
        #expect(try ChangeFile.read(Data(changes.tomlText.utf8), file: "t.toml") == changes)
        #expect(changes.tomlText.contains("transit = true"))
        let added = try ChangeFile.read(Data(shelterText.utf8), file: "transit.toml")
        #expect(try ChangeFile.read(Data(added.tomlText.utf8), file: "transit.toml") == added)
        let removed = try ChangeFile.read(Data(contentsOf: example), file: "transit.toml")
        #expect(try ChangeFile.read(Data(removed.tomlText.utf8), file: "transit.toml") == removed)
        // A wrong value is located.
        do {
            _ = try ChangeFile.read(Data("[[safe_house]]\nid = \"SH-EVN-1\"\ntransit = 3\n".utf8), file: "t.toml")
            Issue.record("a transit value of 3 was accepted")
        } catch let error as ScenarioValidationError {
            #expect(error.issues.map(\.description).first?.hasPrefix("t.toml:3:") == true, "\(error.issues)")
        }
    }
}
