import Foundation
import LinearProgramming
import PassagePlanning
import PassageScenario
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
                    kind: .beds, resourceID: "tb-1", period: .week(3), capacity: 4, used: 4, value: 394.3,
                    tierOnePersons: 0.3943, validRange: 2...6),
                ShadowPrice(
                    kind: .beds, resourceID: "tb-1", period: .week(4), capacity: 4, used: 4, value: 12.5,
                    tierOnePersons: 0.0125, validRange: 3...4),
                ShadowPrice(
                    kind: .quota, resourceID: "ca-hap", period: .horizon, capacity: 5, used: 1, value: 0,
                    tierOnePersons: 0, validRange: 1...Double.infinity),
                ShadowPrice(
                    kind: .budget, resourceID: "budget", period: .horizon, capacity: 5000, used: 4990,
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
        #expect(text.contains("Of 4 capacity rows, 3 have a positive price"))
        #expect(text.contains("No price for the seats of gz-vk"))
        // In words: the per-period table and its ranges are left to JSON, CSV and HTML.
        #expect(!text.contains("394.30") && !text.contains("2–6") && !text.contains("†"))
        // Bottlenecks: tb-1 (W3–W4, 406.80) before the budget.
        let ranked = text.components(separatedBy: "Bottlenecks\n").last ?? ""
        let tb = ranked.range(of: "1. One more bed at tb-1 in each of W3–W4")
        let budget = ranked.range(of: "2. 1,000 EUR more budget")
        #expect(tb != nil && budget != nil)
        if let tb, let budget { #expect(tb.lowerBound < budget.lowerBound) }
        for line in text.split(separator: "\n") { #expect(line.count <= TextReport.width, "\(line)") }
    }

    @Test(arguments: [ReportFormat.text, .markdown])
    func bottlenecksAreSentencesInTheObjectivesTerms(format: ReportFormat) {
        // Markdown does not wrap lines, so whole sentences can be found in it; text wraps the same words.
        let report = ReportRenderer.render(Self.plan(), format: format).replacingOccurrences(of: "\n    ", with: " ")
        // W4's range ends at the capacity, so the sum bounds the relaxation's gain only from above.
        #expect(
            report.contains(
                "1. One more bed at tb-1 in each of W3–W4 would lower the objective by at most 406.80, as much as"
                    + " leaving about 0.41 tier-1 persons unmoved adds to it."))
        // The budget's price holds up to 9,000 EUR, so it is said per 1,000 EUR.
        #expect(
            report.contains(
                "2. 1,000 EUR more budget would lower the objective by about 12.50, as much as leaving about 0.01"
                    + " tier-1 persons unmoved adds to it (the price holds up to a budget of 9,000 EUR)."))
        #expect(report.contains("counts 1,000 (the tier-1 urgency weight) for each tier-1 person left unmoved"))
    }

    /// A hand-made bottleneck: one bed in one week, its price holding beyond the capacity.
    @Test func aBedInOneWeekInWords() throws {
        let price = ShadowPrice(
            kind: .beds, resourceID: "SH-EVN-1", period: .week(3), capacity: 5, used: 5, value: 412.5,
            tierOnePersons: 0.4125, validRange: 3...8)
        let prices = ShadowPrices(
            source: .lpRelaxation, status: .optimal, relaxationObjective: 100, tierOneWeight: 1000, prices: [price],
            legsWithoutSeatRows: [])
        let bottleneck = try #require(prices.bottlenecks.first)
        #expect(
            ShadowPriceDocument.sentence(bottleneck, prices: prices, currency: "EUR")
                == "One more bed at SH-EVN-1 in W3 would lower the objective by about 412.50, as much as leaving about"
                + " 0.41 tier-1 persons unmoved adds to it.")
        // A quota in two months, with no tier-1 weight to convert by.
        let quota = ShadowPrices(
            source: .lpRelaxation, status: .optimal, relaxationObjective: 100, tierOneWeight: 0,
            prices: [
                ShadowPrice(
                    kind: .quota, resourceID: "P-DE", period: .month(QuotaMonth(year: 2026, month: 12)), capacity: 2,
                    used: 2, value: 300,
                    tierOnePersons: nil, validRange: 1...4),
                ShadowPrice(
                    kind: .quota, resourceID: "P-DE", period: .month(QuotaMonth(year: 2027, month: 2)), capacity: 2,
                    used: 2, value: 118,
                    tierOnePersons: nil, validRange: 1...3),
            ], legsWithoutSeatRows: [])
        let months = try #require(quota.bottlenecks.first)
        #expect(
            ShadowPriceDocument.sentence(months, prices: quota, currency: "EUR")
                == "One more P-DE quota place in each of December 2026, February 2027 would lower the objective by"
                + " about 418.00.")
    }

    @Test func integerChecksEndTheSentenceAndAddAColumnInHTML() throws {
        var plan = Self.plan()
        plan.shadowPrices?.integerChecks = [
            IntegerCheck(
                kind: .beds, resourceID: "tb-1", status: .optimal, objectiveFall: 628.3, tierOnePersons: 0.6283)
        ]
        let markdown = ReportRenderer.render(plan, format: .markdown)
        #expect(
            markdown.contains("unmoved adds to it. Planned again with one more, the plan's objective falls by 628.30."))
        #expect(markdown.contains("That, not the estimate, is what the plan gains."))
        #expect(!ReportRenderer.render(Self.plan(), format: .markdown).contains("Planned again"))
        let html = ReportRenderer.render(plan, format: .html)
        #expect(html.contains("Integer plan") && html.contains("628.30"))
        #expect(!ReportRenderer.render(Self.plan(), format: .html).contains("Integer plan"))
        let root = try #require(
            JSONSerialization.jsonObject(with: Data(ReportRenderer.render(plan, format: .json).utf8)) as? [String: Any])
        let ranked = try #require((root["shadowPrices"] as? [String: Any])?["bottlenecks"] as? [[String: Any]])
        let check = try #require(ranked.first?["integerCheck"] as? [String: Any])
        #expect(check["objectiveFall"] as? Double == 628.3 && check["status"] as? String == "optimal")
        #expect(ranked.last?["integerCheck"] is NSNull)
    }

    @Test func htmlKeepsEveryPriceAndItsRange() {
        let html = ReportRenderer.render(Self.plan(), format: .html)
        #expect(html.contains("394.30"))
        #expect(html.contains("2–6"))
        // The W4 price holds up to its capacity only: marked, and the mark explained.
        #expect(html.contains("3–4 †"))
        #expect(html.contains("† The range ends at the capacity"))
        #expect(html.contains("1 other capacity row has price 0"))
        #expect(html.contains("Best single period"))
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
