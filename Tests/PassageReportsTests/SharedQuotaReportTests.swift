import Foundation
import PassagePlanning
import PassageScenario
import Testing

@testable import PassageReports

/// Shared quotas (shared_quotas.csv) appear with the other capacities: their own table in text,
/// Markdown and HTML, `shared_quota` rows in JSON, and by name in reasons and shadow prices.
@Suite struct SharedQuotaReportTests {
    static let december = CapacityPeriod.month(QuotaMonth(year: 2026, month: 12))
    static let january = CapacityPeriod.month(QuotaMonth(year: 2027, month: 1))

    static func plan() -> Plan {
        var plan = SamplePlan.optimal()
        plan.capacity += [
            CapacityUse(kind: .sharedQuota, resourceID: "DE-ALL", period: december, used: 5, capacity: 5),
            CapacityUse(kind: .sharedQuota, resourceID: "DE-ALL", period: january, used: 1, capacity: 5),
        ]
        return plan
    }

    @Test(arguments: [ReportFormat.text, .markdown, .html])
    func sharedQuotasHaveTheirOwnTable(format: ReportFormat) throws {
        let report = ReportRenderer.render(Self.plan(), format: format)
        #expect(report.contains("Shared quotas by period"))
        let binding = try #require(
            report.split(separator: "\n").first { $0.contains("DE-ALL") && $0.contains("December 2026") })
        #expect(binding.contains("binding"))
        let slack = try #require(
            report.split(separator: "\n").first { $0.contains("DE-ALL") && $0.contains("January 2027") })
        #expect(!slack.contains("binding"))
        // Without shared quotas the section is not there at all: those reports are as before.
        #expect(!ReportRenderer.render(SamplePlan.optimal(), format: format).contains("Shared quota"))
    }

    @Test func jsonListsEachSharedQuotaPeriodAfterTheProgrammeQuotas() throws {
        let json = ReportRenderer.render(Self.plan(), format: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let capacity = try #require(object["capacity"] as? [[String: Any]])
        let kinds = capacity.compactMap { $0["kind"] as? String }
        let shared = capacity.filter { $0["kind"] as? String == "shared_quota" }
        #expect(shared.map { $0["period"] as? String } == ["2026-12", "2027-01"])
        #expect(shared.map { $0["binding"] as? Bool } == [true, false])
        #expect(shared.allSatisfy { $0["resourceID"] as? String == "DE-ALL" })
        #expect(kinds.lastIndex(of: "quota")! < kinds.firstIndex(of: "shared_quota")!)
        #expect(kinds.firstIndex(of: "shared_quota")! < kinds.firstIndex(of: "budget")!)
    }

    @Test func reasonsAndShadowPricesNameTheSharedQuota() throws {
        #expect(
            Fmt.shortage(ResourceShortage(kind: .sharedQuota, resourceID: "DE-ALL", periods: [Self.december]))
                == "shared quota DE-ALL 2026-12")
        let prices = ShadowPrices(
            source: .lpRelaxation, status: .optimal, relaxationObjective: 100, tierOneWeight: 0,
            prices: [
                ShadowPrice(
                    kind: .sharedQuota, resourceID: "DE-ALL", period: .horizon, capacity: 6, used: 6, value: 300,
                    tierOnePersons: nil, validRange: 1...9)
            ], legsWithoutSeatRows: [])
        let bottleneck = try #require(prices.bottlenecks.first)
        #expect(
            ShadowPriceDocument.sentence(bottleneck, prices: prices, currency: "EUR")
                == "One more place in shared quota DE-ALL over the whole horizon would lower the objective by about"
                + " 300.00.")
    }
}
