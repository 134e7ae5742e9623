import Foundation
import Testing

@testable import PassageScenario

/// Week columns take an ISO date as well as a week number (issue 14, item 3). The fixture's week 1 starts
/// on Monday 2026-11-30 and its 10-week horizon ends on Sunday 2027-02-07.
@Suite struct WeekDateCellsTests {
    static let households = "id,size,location,urgency,nationality,passport,internal_id,ready_week,latest_departure_week"
    static let programmes =
        "id,destination_country,lodged_at,arrival,quota,quota_period,processing_weeks,documents,cost_per_person,application_from_week,application_until_week"
    /// What households' week columns accept, as messages say it.
    static let capped =
        "a week from 1 to 10 or a date from 2026-11-30 to 2027-02-07 written YYYY-MM-DD (e.g. 2026-12-16)"
    /// What programmes' window columns accept: a window may close after the horizon.
    static let open = "a week of 1 or more or a date from 2026-11-30 on written YYYY-MM-DD (e.g. 2026-12-16)"

    @Test func aDateIsTheWeekThatContainsIt() throws {
        let scenario = try ScenarioLoader.load(
            files: Fixture.files([
                "households.csv": """
                \(Self.households)
                H1,1,a,1,RU,none,yes,2026-12-09,2027-02-07
                H2,1,a,1,RU,none,yes,2026-11-01,2026-11-30
                H3,1,a,1,RU,none,yes,2026-12-06,

                """,
                "programmes.csv": """
                \(Self.programmes)
                P1,DE,b,c,3,month,4,internal_id,200,2026-10-01,2027-03-31

                """,
            ]))
        // H1: a Wednesday of week 2, and the Sunday that ends week 10. H2: ready before the start, so ready
        // now (week 1), and the Monday that starts week 1. H3: the Sunday that ends week 1.
        #expect(scenario.households.map(\.readyWeek) == [2, 1, 1])
        #expect(scenario.households.map(\.latestDepartureWeek) == [10, 1, nil])
        // A window already open is open from week 1; one that closes after the horizon keeps its week (18),
        // as a week number may.
        #expect(scenario.programmes[0].applicationFromWeek == 1)
        #expect(scenario.programmes[0].applicationUntilWeek == 18)
    }

    @Test func badDatesAreLocatedAndSayWhatIsValid() {
        let issues = Fixture.issues(
            Fixture.files([
                "households.csv": """
                \(Self.households)
                H1,1,a,1,RU,none,yes,2027-02-30,
                H2,1,a,1,RU,none,yes,2027-02-08,
                H3,1,a,1,RU,none,yes,1,2026-11-29
                H4,1,a,1,RU,none,yes,15/02/2027,
                H5,1,a,1,RU,none,yes,11,

                """,
                "programmes.csv": """
                \(Self.programmes)
                P1,DE,b,c,3,month,4,internal_id,200,2027-02-30,2026-11-01

                """,
            ]))
        #expect(
            issues == [
                "households.csv:2:22: error: ready_week is not a day of the calendar; it must be \(Self.capped)",
                "households.csv:3:22: error: ready_week is after the horizon, which ends on 2027-02-07 (week 10); it must be \(Self.capped)",
                "households.csv:4:24: error: latest_departure_week is before start_date (2026-11-30, the Monday of week 1): "
                    + "the latest safe departure has passed; if the household must still leave as soon as possible, "
                    + "give week 1; it must be \(Self.capped)",
                "households.csv:5:22: error: ready_week looks like a date in another form; dates must be written "
                    + "YYYY-MM-DD (a spreadsheet may have reformatted it: format the column as text or as yyyy-mm-dd); "
                    + "it must be \(Self.capped)",
                "households.csv:6:22: error: ready_week must be \(Self.capped)",
                "programmes.csv:2:37: error: application_from_week is not a day of the calendar (got \"2027-02-30\"); it must be \(Self.open)",
                "programmes.csv:2:48: error: application_until_week 2026-11-01 is before start_date (2026-11-30, the "
                    + "Monday of week 1): the application window closed before week 1; remove the programme or its "
                    + "window; it must be \(Self.open)",
            ], "\(issues)")
    }

    /// Without a readable start_date a date has no week: said at the cell, as well as at start_date.
    @Test func aDateNeedsTheStartDate() {
        let issues = Fixture.issues(
            Fixture.files([
                "scenario.toml": """
                title = "Fixture"
                start_date = 2026-12-01
                horizon_weeks = 10

                """,
                "households.csv": """
                \(Self.households)
                H1,1,a,1,RU,none,yes,2026-12-09,

                """,
            ]))
        #expect(
            issues == [
                "households.csv:2:22: error: ready_week is a date, but scenario.toml's start_date could not be read, "
                    + "so its week is unknown; fix start_date, or give a week number",
                "scenario.toml:2:1: error: start_date must be a Monday, because week 1 starts then; 2026-12-01 is a Tuesday",
            ], "\(issues)")
    }

    @Test func theWeekOfADateCountsFromTheStartMonday() {
        let start = CalendarDate(year: 2026, month: 11, day: 30)
        let weeks = [
            (2026, 11, 23, 0), (2026, 11, 29, 0), (2026, 11, 30, 1), (2026, 12, 6, 1), (2026, 12, 7, 2),
            (2027, 2, 7, 10),
        ]
        for (year, month, day, week) in weeks {
            #expect(HorizonWeeks.week(of: CalendarDate(year: year, month: month, day: day), start: start) == week)
        }
        #expect(CellParsing.isoDate("2028-02-29") == CalendarDate(year: 2028, month: 2, day: 29))
        for text in ["2027-02-29", "2027-13-01", "2027-00-10", "2027-1-15", "27-01-15", "2027/01/15"] {
            #expect(CellParsing.isoDate(text) == nil, "\(text)")
        }
    }
}
