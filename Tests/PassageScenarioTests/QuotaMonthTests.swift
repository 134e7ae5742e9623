import Testing

@testable import PassageScenario

/// Issue 14, bug 8: a week counts in the month of its Thursday for monthly quotas, not of its Monday.
@Suite("Quota months")
struct QuotaMonthTests {
    @Test("a week counts in the month holding its Thursday, i.e. at least four of its days")
    func thursdayRule() {
        // Mon 30 Nov 2026 – Sun 6 Dec: six days in December.
        #expect(QuotaMonth(weekStarting: CalendarDate(year: 2026, month: 11, day: 30)).description == "2026-12")
        // Mon 26 Nov 2026 would be a Thursday; Mon 23 Nov – Sun 29 Nov is wholly November.
        #expect(QuotaMonth(weekStarting: CalendarDate(year: 2026, month: 11, day: 23)).description == "2026-11")
        // Mon 28 Dec 2026 – Sun 3 Jan 2027: Thursday 31 December, four days in December.
        #expect(QuotaMonth(weekStarting: CalendarDate(year: 2026, month: 12, day: 28)).description == "2026-12")
        // Mon 1 Feb 2027 – Sun 7 Feb: February (a week starting on the 1st is the month's own).
        #expect(QuotaMonth(weekStarting: CalendarDate(year: 2027, month: 2, day: 1)).description == "2027-02")
        // Mon 25 Jan 2027 – Sun 31 Jan: Thursday 28 January.
        #expect(QuotaMonth(weekStarting: CalendarDate(year: 2027, month: 1, day: 25)).description == "2027-01")
        // Mon 29 Mar 2027 – Sun 4 Apr: Thursday 1 April, four days in April.
        #expect(QuotaMonth(weekStarting: CalendarDate(year: 2027, month: 3, day: 29)).name == "April 2027")
    }

    @Test("labels read back; the demo's weeks fall in December to March")
    func labelsAndDemoWeeks() throws {
        #expect(QuotaMonth(label: "2026-12")?.name == "December 2026")
        #expect(QuotaMonth(label: "horizon") == nil && QuotaMonth(label: "2026-13") == nil)
        let settings = try ScenarioLoader.load(directory: demoDirectory).settings
        let months = (1...settings.horizonWeeks).map { settings.quotaMonth(ofWeek: $0).description }
        #expect(months == Array(repeating: "2026-12", count: 5) + Array(repeating: "2027-01", count: 4)
            + Array(repeating: "2027-02", count: 4) + Array(repeating: "2027-03", count: 3))
    }
}
