import Foundation
import Testing

@testable import PassageScenario

/// An id that does not exist gets the closest existing ids (issue 14, item 4b), from the one helper the
/// sweep uses too.
@Suite struct DidYouMeanTests {
    @Test func referencesBetweenTablesSuggestTheClosestIds() {
        let issues = Fixture.issues(
            Fixture.files([
                "locations.csv": """
                id,country,kind
                a,RU,origin
                b,AM,city
                c,DE,destination
                yerevan,AM,city
                tbilisi,GE,city
                berlin,DE,destination

                """,
                "households.csv": """
                id,size,location,urgency,nationality,passport,internal_id
                H1,1,a,1,RU,none,yes
                H2,1,yerevn,1,RU,none,yes

                """,
                "legs.csv": """
                id,from,to,mode,duration_days,cost_per_person,seats_per_week,documents,risk
                L1,a,b,road,1,10,5,RU:internal_id;*:international_passport,2
                L2,b,c,air,0,100,5,none,1
                L3,tblisi,berln,road,1,10,5,none,2

                """,
                "safe_houses.csv": """
                id,location,beds,cost_per_person_week
                S1,b,2,50
                S2,Yerevan,2,50

                """,
                "programmes.csv": """
                id,destination_country,lodged_at,arrival,quota,quota_period,processing_weeks,documents,cost_per_person
                P1,DE,b,c,3,month,4,internal_id,200
                P2,DE,tbilis,berlinn,3,month,4,internal_id,200

                """,
                "commitments.csv": """
                household,start_week,outbound,safe_house,programme,onward
                H1,1,L1,S11,P11,L2

                """,
            ]))
        #expect(
            issues == [
                "commitments.csv:2:9: error: safe_house S11 is not an id in safe_houses.csv; did you mean S1, S2?",
                "commitments.csv:2:13: error: programme P11 is not an id in programmes.csv; did you mean P1, P2?",
                // households.csv does not repeat the cell; the suggestion is an id of locations.csv.
                "households.csv:3:6: error: location is not an id in locations.csv; did you mean yerevan?",
                "legs.csv:4:4: error: from \"tblisi\" is not an id in locations.csv; did you mean tbilisi?",
                "legs.csv:4:11: error: to \"berln\" is not an id in locations.csv; did you mean berlin?",
                "programmes.csv:3:7: error: lodged_at \"tbilis\" is not an id in locations.csv; did you mean tbilisi?",
                "programmes.csv:3:14: error: arrival \"berlinn\" is not an id in locations.csv; did you mean berlin?",
                "safe_houses.csv:3:4: error: location \"Yerevan\" is not an id in locations.csv; did you mean yerevan?",
            ], "\(issues)")
    }

    @Test func changeFileIdsSuggestTheClosestIds() {
        let tests = ChangeFileTests()
        let issues = tests.problems(
            """
            [[safe_house]]
            id = "SH-EVN-3"
            beds = 1

            [[remove_programme]]
            id = "P-DE-EVM"

            [[add_leg]]
            id = "L99"
            from = "yerevn"
            to = "berlin"
            mode = "air"
            duration_days = 0
            cost_per_person = 1
            seats_per_week = 1
            documents = "none"
            risk = 0

            """)
        #expect(
            issues == [
                "change.toml:2:1: error: safe house SH-EVN-3 is not an id in safe_houses.csv; did you mean SH-EVN-1, SH-EVN-2?",
                "change.toml:6:1: error: programme P-DE-EVM is not an id in programmes.csv; did you mean P-DE-EVN?",
                "change.toml:10:1: error: from \"yerevn\" is not an id in locations.csv; did you mean yerevan?",
            ], "\(issues)")
    }

    @Test func onlyCloseNamesAreSuggested() {
        #expect(ClosestNames.suggestion(for: "b", among: ["a", "c"]) == "")
        #expect(ClosestNames.suggestion(for: "nothing like it", among: ["yerevan", "tbilisi"]) == "")
        #expect(ClosestNames.suggestion(for: "TBILISI", among: ["yerevan", "tbilisi"]) == "; did you mean tbilisi?")
    }
}
