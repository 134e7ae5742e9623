import CSV
import Testing

@testable import PassageReports

/// The spreadsheet export parses back to one correct row per household.
@Suite struct CSVReportTests {
    @Test func parsesBackToOneRowPerHousehold() throws {
        let csv = ReportRenderer.render(SamplePlan.optimal(), format: .csv)
        #expect(csv.hasSuffix("\n"))
        let reader = try CSVReader(string: csv, hasHeaderRow: true)
        #expect(reader.headerRow == CSVReport.columns)
        var rows: [[String: String]] = []
        while let row = reader.next() {
            rows.append(Dictionary(uniqueKeysWithValues: zip(CSVReport.columns, row)))
        }
        #expect(rows.map { $0["household_id"] } == ["H002", "H007", "H010", "H011", "H012"])
        let h002 = rows[0]
        #expect(h002["moved"] == "true")
        #expect(h002["route"] == "gz-vk > vk-tb > tb-ber")
        #expect(h002["safe_house"] == "tb-1")
        #expect(h002["programme"] == "de-hap")
        #expect(h002["destination_country"] == "DE")
        #expect(h002["cost"] == "1900")
        #expect(h002["risk"] == "3.5")
        #expect(h002["arrival_week"] == "8")
        #expect(h002["reason"] == "")
        let h010 = rows[2]
        #expect(h010["moved"] == "false")
        #expect(h010["route"] == "")
        // The field holding a comma and quotes survives the round trip.
        #expect(h010["reason"]?.contains(SamplePlan.blockerWithQuoteAndComma) == true)
        #expect(h010["reason"]?.hasPrefix("no eligible pathway: all programmes: documents:") == true)
        #expect(rows[3]["reason"] == "capacity: beds at tb-1 in W3–W7 | quota de-hap 2026-12 | budget")
        #expect(rows[4]["reason"]?.hasPrefix("solver tolerance: ") == true)
    }

    @Test func formulaLikeTextIsDefused() {
        #expect(CSVReport.text("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(CSVReport.text("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVReport.text("H001") == "H001")
    }
}
