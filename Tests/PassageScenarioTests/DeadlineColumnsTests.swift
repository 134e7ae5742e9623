import Foundation
import Testing

@testable import PassageScenario

/// Deadlines: a household's latest safe departure week, a programme's application window, and the
/// weight of lateness in the objective.
@Suite struct DeadlineColumnsTests {
    @Test func deadlinesAndWindowsAreRead() throws {
        let scenario = try ScenarioLoader.load(
            files: Fixture.files([
                "scenario.toml": """
                    title = "Fixture"
                    start_date = 2026-11-30
                    horizon_weeks = 10
                    [objective]
                    lateness_per_week = 0.25

                    """,
                "households.csv": """
                    id,size,location,urgency,nationality,passport,internal_id,ready_week,latest_departure_week
                    H1,1,a,1,RU,none,yes,2,4
                    H2,1,a,2,RU,none,yes,,

                    """,
                "programmes.csv": """
                    id,destination_country,lodged_at,arrival,quota,quota_period,processing_weeks,documents,cost_per_person,application_from_week,application_until_week
                    P1,DE,b,c,3,month,4,internal_id,200,2,6

                    """,
            ]))
        #expect(scenario.settings.objective.latenessPerWeek == 0.25)
        #expect(scenario.households.map(\.latestDepartureWeek) == [4, nil])
        #expect(scenario.programmes[0].applicationFromWeek == 2)
        #expect(scenario.programmes[0].applicationUntilWeek == 6)
        #expect(!scenario.programmes[0].acceptsApplications(inWeek: 1))
        #expect(scenario.programmes[0].acceptsApplications(inWeek: 6))
        #expect(!scenario.programmes[0].acceptsApplications(inWeek: 7))
    }

    @Test func inconsistentDeadlinesAreLocatedWithoutEchoingHouseholdValues() {
        let issues = Fixture.issues(
            Fixture.files([
                "households.csv": """
                    id,size,location,urgency,nationality,passport,internal_id,ready_week,latest_departure_week
                    H1,1,a,1,RU,none,yes,5,3
                    H2,1,a,1,RU,none,yes,1,11

                    """,
                "programmes.csv": """
                    id,destination_country,lodged_at,arrival,quota,quota_period,processing_weeks,documents,cost_per_person,application_from_week,application_until_week
                    P1,DE,b,c,3,month,4,internal_id,200,6,2

                    """,
            ]))
        #expect(issues.count == 3, "\(issues)")
        #expect(issues.contains("households.csv:2:24: error: latest_departure_week must not be before ready_week"))
        #expect(issues.contains { $0.hasPrefix("households.csv:3:24: error: latest_departure_week") })
        #expect(issues.contains { $0.hasPrefix("programmes.csv:2:") && $0.contains("application_until_week") })
        for issue in issues where issue.hasPrefix("households.csv") {
            // The message names the valid dates (2026-11-30 …), never the cell's week 11.
            #expect(!issue.contains(" 11") && !issue.contains("got"))
        }
    }
}
