import Foundation
import Testing

@testable import PassageScenario

/// commitments.csv: optional; every reference checked; the legs must form one journey.
@Suite struct CommitmentTableTests {
    @Test func commitmentsAreOptionalAndRead() throws {
        #expect(try ScenarioLoader.load(files: Fixture.files()).commitments.isEmpty)
        let scenario = try ScenarioLoader.load(
            files: Fixture.files([
                "commitments.csv": """
                    household,start_week,outbound,safe_house,programme,onward
                    H1,-2,L1,S1,P1,L2

                    """
            ]))
        #expect(
            scenario.commitments == [
                Commitment(
                    householdID: "H1", startWeek: -2, outboundLegs: ["L1"], safeHouseID: "S1", programmeID: "P1",
                    onwardLegs: ["L2"])
            ])
    }

    @Test func brokenCommitmentsAreLocated() {
        let issues = Fixture.issues(
            Fixture.files([
                "households.csv": """
                    id,size,location,urgency,nationality,passport,internal_id
                    H1,1,a,1,RU,none,yes
                    H2,1,b,1,RU,none,yes
                    H3,1,a,1,RU,none,yes

                    """,
                "commitments.csv": """
                    household,start_week,outbound,safe_house,programme,onward
                    H1,1,L1,S1,P1,L2
                    H1,2,L1,S1,P1,L2
                    H9,1,L1,S1,P1,L2
                    H2,1,L1,S1,P1,L2
                    H3,1,L1,S1,P1,L7

                    """,
            ]))
        #expect(
            issues == [
                "commitments.csv:3:1: error: duplicate household H1: first defined on line 2",
                "commitments.csv:4:1: error: household H9 is not an id in households.csv; did you mean H1, H2, H3?",
                "commitments.csv:5:6: error: leg L1 does not continue the journey: it must leave from where the household is (its location)",
                "commitments.csv:6:15: error: leg L7 is not an id in legs.csv; did you mean L1, L2?",
            ], "\(issues)")
    }
}
