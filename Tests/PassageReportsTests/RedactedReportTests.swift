import Foundation
import Testing

@testable import PassageReports

/// Redacted reports: aggregates only, small counts suppressed, safe houses coded, in every format.
@Suite struct RedactedReportTests {
    @Test func countsAreShownAsZeroUnderFiveOrABandOfFive() {
        #expect(SuppressedCount(0).description == "0")
        for n in 1...4 { #expect(SuppressedCount(n).description == "<5") }
        #expect(SuppressedCount(5).description == "5–9")
        #expect(SuppressedCount(9).description == "5–9")
        #expect(SuppressedCount(123).description == "120–124")
    }

    @Test func houseCodesFollowSpreadsheetLetters() {
        #expect(RedactedPlan.letters(0) == "A")
        #expect(RedactedPlan.letters(25) == "Z")
        #expect(RedactedPlan.letters(26) == "AA")
        #expect(RedactedPlan.letters(27) == "AB")
    }

    @Test(arguments: ReportFormat.allCases)
    func noHouseholdIdSafeHouseIdOrLegAppears(format: ReportFormat) {
        for plan in [SamplePlan.optimal(), SamplePlan.timeLimited(), SamplePlan.noPlan()] {
            let report = ReportRenderer.render(plan, format: format, options: ReportOptions(format: format, redacted: true))
            for id in plan.itineraries.map(\.householdID) + plan.unmoved.map(\.householdID) {
                #expect(!report.contains(id), "\(format) shows \(id)")
            }
            let legs = plan.itineraries.flatMap({ ($0.outbound + $0.onward).map(\.legID) })
            for id in plan.itineraries.map(\.stay.houseID) + legs {
                #expect(!report.contains(id), "\(format) shows \(id)")
            }
            #expect(!report.contains(plan.scenario.title), "\(format) shows the title")
            #expect(report.contains("redacted") || report.contains("section,group,measure,value"))
        }
    }

    @Test func renderingIsDeterministic() {
        let options = ReportOptions(format: .json, redacted: true)
        #expect(ReportRenderer.render(SamplePlan.optimal(), format: .json, options: options)
            == ReportRenderer.render(SamplePlan.optimal(), format: .json, options: options))
    }
}
