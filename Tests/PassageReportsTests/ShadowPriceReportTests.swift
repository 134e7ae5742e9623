import Foundation
import LinearProgramming
import PassagePlanning
import Testing

@testable import PassageReports

/// The "Shadow prices" and "Bottlenecks" sections in every format.
@Suite struct ShadowPriceReportTests {
    /// The sample plan with three priced capacities and one at 0.
    static func plan() -> Plan {
        var plan = SamplePlan.optimal()
        plan.shadowPrices = ShadowPrices(
            source: .lpRelaxation, status: .optimal, relaxationObjective: -4321.5, tierOneWeight: 1000,
            prices: [
                ShadowPrice(
                    kind: .beds, resourceID: "tb-1", week: 3, period: "W3", capacity: 4, used: 4, value: 394.3,
                    tierOnePersons: 0.3943, validRange: 2...6),
                ShadowPrice(
                    kind: .beds, resourceID: "tb-1", week: 4, period: "W4", capacity: 4, used: 4, value: 12.5,
                    tierOnePersons: 0.0125, validRange: 3...4),
                ShadowPrice(
                    kind: .quota, resourceID: "ca-hap", week: nil, period: "horizon", capacity: 5, used: 1, value: 0,
                    tierOnePersons: 0, validRange: 1...Double.infinity),
                ShadowPrice(
                    kind: .budget, resourceID: "budget", week: nil, period: "horizon", capacity: 5000, used: 4990,
                    value: 0.0125, tierOnePersons: 0.0000125, validRange: 4000...9000),
            ],
            legsWithoutSeatRows: ["gz-vk"])
        return plan
    }

    @Test func textHasBothSectionsWithTheCaveat() {
        let text = ReportRenderer.render(Self.plan(), format: .text, options: ReportOptions(includeTimings: false))
        #expect(text.contains("Shadow prices\n-------------"))
        #expect(text.contains("Bottlenecks\n-----------"))
        #expect(text.contains("LP relaxation"))
        #expect(text.contains("not from the LP with the integer decisions fixed"))
        #expect(text.contains("394.30"))
        #expect(text.contains("2–6"))
        // The W4 price holds up to its capacity only: marked, and the mark explained.
        #expect(text.contains("3–4 †"))
        #expect(text.contains("† The range ends at the capacity"))
        #expect(text.contains("1 other capacity row has price 0"))
        #expect(text.contains("No price for the seats of gz-vk"))
        // Bottlenecks: tb-1 (W3–W4, 406.80) before the budget (0.0125).
        let ranked = text.components(separatedBy: "Bottlenecks\n").last ?? ""
        let tb = ranked.range(of: "tb-1")
        let budget = ranked.range(of: "budget")
        #expect(tb != nil && budget != nil)
        if let tb, let budget { #expect(tb.lowerBound < budget.lowerBound) }
        #expect(ranked.contains("W3–W4") && ranked.contains("406.80"))
        for line in text.split(separator: "\n") { #expect(line.count <= TextReport.width, "\(line)") }
    }

    @Test func integerChecksAddAColumnToTheBottlenecks() throws {
        var plan = Self.plan()
        plan.shadowPrices?.integerChecks = [
            IntegerCheck(
                kind: .beds, resourceID: "tb-1", status: .optimal, objectiveFall: 628.3, tierOnePersons: 0.6283)
        ]
        let text = ReportRenderer.render(plan, format: .text, options: ReportOptions(includeTimings: false))
        #expect(text.contains("Integer plan"))
        #expect(text.contains("628.30"))
        #expect(!ReportRenderer.render(Self.plan(), format: .text).contains("Integer plan"))
        let root = try #require(
            JSONSerialization.jsonObject(with: Data(ReportRenderer.render(plan, format: .json).utf8)) as? [String: Any])
        let ranked = try #require((root["shadowPrices"] as? [String: Any])?["bottlenecks"] as? [[String: Any]])
        let check = try #require(ranked.first?["integerCheck"] as? [String: Any])
        #expect(check["objectiveFall"] as? Double == 628.3 && check["status"] as? String == "optimal")
        #expect(ranked.last?["integerCheck"] is NSNull)
    }

    @Test func withoutPricesNothingChanges() {
        let text = ReportRenderer.render(SamplePlan.optimal(), format: .text)
        #expect(!text.contains("Shadow prices") && !text.contains("Bottlenecks"))
        #expect(!CSVReport.render(SamplePlan.optimal()).contains("\n\n"))
    }

    @Test func markdownHasBothSections() {
        let markdown = ReportRenderer.render(Self.plan(), format: .markdown)
        #expect(markdown.contains("## Shadow prices"))
        #expect(markdown.contains("## Bottlenecks"))
        #expect(markdown.contains("LP relaxation"))
    }

    @Test func jsonCarriesEveryPriceAndTheRanking() throws {
        let json = ReportRenderer.render(Self.plan(), format: .json)
        let root = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let prices = try #require(root["shadowPrices"] as? [String: Any])
        #expect(prices["source"] as? String == "lp_relaxation")
        #expect((prices["caveat"] as? String)?.contains("integer decisions fixed") == true)
        let rows = try #require(prices["prices"] as? [[String: Any]])
        #expect(rows.count == 4)
        let quota = try #require(rows.first { $0["kind"] as? String == "quota" })
        let range = try #require(quota["validRange"] as? [String: Any])
        #expect(range["from"] as? Double == 1 && range["to"] is NSNull)
        let ranked = try #require(prices["bottlenecks"] as? [[String: Any]])
        #expect(ranked.map { $0["resourceID"] as? String } == ["tb-1", "budget"])
        #expect(ranked.first?["rank"] as? Int == 1)
        // Absent prices are null, not missing.
        let plain = try #require(
            JSONSerialization.jsonObject(with: Data(ReportRenderer.render(SamplePlan.optimal(), format: .json).utf8))
                as? [String: Any])
        #expect(plain["shadowPrices"] is NSNull)
    }

    @Test func csvAppendsAPriceTable() {
        let csv = CSVReport.render(Self.plan())
        let tables = csv.components(separatedBy: "\n\n")
        #expect(tables.count == 2)
        let lines = tables[1].split(separator: "\n")
        #expect(lines.first.map(String.init) == ShadowPriceCSV.columns.joined(separator: ","))
        #expect(lines.count == 5)
        #expect(lines.contains("beds,tb-1,3,W3,4,4,394.3,0.3943,2,6,true,1"))
        #expect(lines.contains("quota,ca-hap,,horizon,5,1,0,0,1,,true,"))
        #expect(
            lines.contains {
                $0.hasPrefix("budget,budget,,horizon,5000,4990,0.0125,0.0000") && $0.hasSuffix(",4000,9000,true,2")
            })
    }

    @Test func renderingIsDeterministic() {
        for format in ReportFormat.allCases {
            #expect(
                ReportRenderer.render(Self.plan(), format: format) == ReportRenderer.render(Self.plan(), format: format)
            )
        }
    }
}
