import PassageScenario
import Testing

@testable import PassagePlanning

/// Capacity periods are values: they sort by value, print today's labels, and read back only labels
/// Passage writes.
@Suite struct CapacityPeriodTests {
    let december = QuotaMonth(year: 2026, month: 12)
    let january = QuotaMonth(year: 2027, month: 1)

    @Test func periodsPrintTheLabelsReportsAndJSONCarry() {
        #expect(CapacityPeriod.week(3).description == "W3")
        #expect(CapacityPeriod.month(december).description == "2026-12")
        #expect(CapacityPeriod.month(QuotaMonth(year: 987, month: 4)).description == "0987-04")
        #expect(CapacityPeriod.horizon.description == "horizon")
    }

    @Test func weeksSortByNumberThenMonthsByDateThenTheHorizon() {
        // As labels, W10 sorts before W9 and 2026-12 before W1; as values they do not.
        let periods: [CapacityPeriod] = [.horizon, .week(10), .month(january), .week(9), .month(december), .week(1)]
        #expect(periods.sorted() == [.week(1), .week(9), .week(10), .month(december), .month(january), .horizon])
    }

    @Test(arguments: ["W1", "W16", "W120", "2026-12", "2027-01", "horizon"])
    func labelsReadBackToThePeriodThatPrintsThem(label: String) throws {
        #expect(try #require(CapacityPeriod(label: label)).description == label)
    }

    @Test(arguments: ["", "W", "W03", "W+3", "w3", "3", "2026-13", "2026-1", "26-12", "Horizon", "horizon ", "month"])
    func labelsPassageDoesNotWriteAreRefused(label: String) {
        #expect(CapacityPeriod(label: label) == nil)
    }

    @Test func aQuotaRowsMonthNumberNamesItsMonth() {
        for month in [december, january, QuotaMonth(year: 2027, month: 11)] {
            #expect(QuotaMonth(number: month.number) == month)
        }
        #expect(ResourceKey.quota(programme: 0, period: december.number).period == .month(december))
        #expect(ResourceKey.quota(programme: 0, period: 0).period == .horizon)
        #expect(ResourceKey.beds(house: 0, week: 4).period == .week(4))
        #expect(ResourceKey.budget.period == .horizon)
    }
}
