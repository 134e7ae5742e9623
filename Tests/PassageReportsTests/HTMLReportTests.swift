import Foundation
import PassagePlanning
import Testing

@testable import PassageReports

/// The HTML page: self-contained (nothing fetched, nothing leaked), escaped, complete and accessible.
@Suite struct HTMLReportTests {
    static func page(_ plan: Plan = SamplePlan.optimal(), redacted: Bool = false) -> String {
        ReportRenderer.render(plan, format: .html, options: ReportOptions(format: .html, redacted: redacted))
    }

    /// Every attribute value of `name` in `html`.
    static func attributes(_ name: String, in html: String) -> [String] {
        html.components(separatedBy: " \(name)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func thePageRequestsNothingFromOutside() {
        for plan in [SamplePlan.optimal(), SamplePlan.timeLimited(), SamplePlan.noPlan()] {
            for html in [Self.page(plan), Self.page(plan, redacted: true)] {
                #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
                #expect(
                    html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;"))
                for forbidden in ["http://", "https://", "src=", "<link", "<img", "<iframe", "@import", "url(http"] {
                    #expect(!html.lowercased().contains(forbidden), "page contains \(forbidden)")
                }
                // One script only, the table sorter, allowed by its hash and nothing else.
                #expect(html.components(separatedBy: "<script").count - 1 == 1)
                #expect(html.contains("<script>" + HTMLScript.sortableTables + "</script>\n</body>"))
                #expect(html.contains("script-src &#39;sha256-"))
                #expect(!html.contains("unsafe-eval") && !html.contains("script-src &#39;unsafe-inline"))
                // Links only to places in the page; fills only to patterns defined in it.
                #expect(Self.attributes("href", in: html).allSatisfy { $0.hasPrefix("#") })
                for reference in html.components(separatedBy: "url(#").dropFirst().map({
                    String($0.prefix { $0 != ")" })
                }) {
                    #expect(html.contains("id=\"\(reference)\""), "url(#\(reference)) points nowhere")
                }
            }
        }
    }

    @Test func everySectionOfTheTextReportAppears() {
        let html = Self.page()
        for heading in [
            "Passage plan: North Caucasus winter test", "Summary", "Itineraries", "Capacity use",
            "Households not moved",
        ] {
            #expect(html.contains(">\(heading)</h"), "no heading \(heading)")
        }
        for id in SamplePlan.movedIDs + SamplePlan.unmovedIDs { #expect(html.contains(id)) }
        // The warning of a provisional plan comes before any number.
        let limited = Self.page(SamplePlan.timeLimited())
        let warning = limited.range(of: "class=\"warning\"")
        #expect(warning.map { $0.lowerBound < limited.range(of: "<h2>Summary</h2>")!.lowerBound } == true)
    }

    @Test func hostileIdsAndTitlesAreEscaped() {
        var plan = SamplePlan.optimal()
        plan.scenario.title = "<script>alert('x')</script> & \"quoted\""
        plan.itineraries[0].householdID = "<img src=x onerror=alert(1)>"
        plan.capacity.append(
            CapacityUse(kind: .beds, resourceID: "\"><script>x</script>", period: .week(1), used: 1, capacity: 1))
        let html = Self.page(plan)
        #expect(html.components(separatedBy: "<script").count - 1 == 1, "only the page's own script")
        #expect(!html.contains("<img"))
        #expect(!html.contains("src="))
        #expect(
            html.contains(
                "<title>Passage plan: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</title>")
        )
        #expect(html.contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;"))
        #expect(html.contains("&quot;&gt;&lt;script&gt;x&lt;/script&gt;"))
    }

    @Test func renderingIsDeterministic() {
        #expect(Self.page() == Self.page())
        #expect(Self.page(redacted: true) == Self.page(redacted: true))
        #expect(!Self.page().contains("solved in"), "timings vary from run to run")
    }

    @Test func movedPerWeekChartIsStackedByTierWithWordsAndATable() throws {
        let html = Self.page()
        let figure = try #require(Self.figure("chart-moved-per-week", in: html))
        #expect(figure.contains("<svg "))
        #expect(figure.contains("role=\"img\""))
        #expect(figure.contains("aria-labelledby=\"chart-moved-per-week-title chart-moved-per-week-desc\""))
        #expect(figure.contains("<figcaption"))
        // H002 (2 persons, tier 1) leaves in W2, H007 (1 person, tier 3) in W3.
        let start = try #require(SamplePlan.optimal().itineraries.first { $0.householdID == "H007" }?.startWeek)
        #expect(figure.contains("W2 2 persons (tier 1: 2)"))
        #expect(figure.contains("W\(start) 1 person (tier 3: 1)"))
        #expect(figure.contains("<title>W2, 1 immediate threat to life: 2 persons</title>"))
        // Tiers differ by pattern, not colour alone; the table gives the numbers.
        #expect(figure.contains("<circle"))
        #expect(figure.contains("<table"))
        #expect(figure.contains("<th scope=\"col\" class=\"num\">Total</th>"))
    }

    @Test func capacityHeatMapMarksBindingAndClosedCellsWithSymbols() throws {
        let figure = try #require(Self.figure("chart-capacity", in: Self.page()))
        #expect(figure.contains("<svg "))
        #expect(figure.contains("role=\"img\""))
        #expect(figure.contains("Full (binding): tb-1 W3–W7."))
        #expect(figure.contains("Closed (send nobody): yv-2 W10–W12."))
        #expect(figure.contains("<title>yv-2, W10: closed, send nobody</title>"))
        #expect(figure.contains("<title>tb-1, W3: 4 of 4 beds used, full (binding)</title>"))
        #expect(figure.contains("<title>yv-2, W4: 1 of 2 beds used</title>"))
        #expect(figure.components(separatedBy: ">●</text>").count - 1 == 5 + 1, "five binding cells and the legend")
        #expect(figure.components(separatedBy: ">×</text>").count - 1 == 3 + 1, "three closed cells and the legend")
        #expect(figure.components(separatedBy: ">–</text>").count - 1 == 0 + 1, "no open week without beds; the legend")
    }

    @Test func flowsChartFollowsEachHouseholdFromOriginToProgramme() throws {
        let figure = try #require(Self.figure("chart-flows", in: Self.page()))
        #expect(figure.contains("role=\"img\""))
        #expect(figure.contains("grozny → tb-1 → de-hap: 2 persons"))
        #expect(figure.contains("<title>grozny → tb-1: 2 persons</title>"))
        #expect(figure.contains("<title>tb-1 → de-hap: 2 persons</title>"))
        #expect(figure.contains("<th scope=\"col\">Safe house</th>"))
        #expect(!Self.page(SamplePlan.noPlan()).contains("id=\"chart-flows\""), "no flows without itineraries")
    }

    @Test func chartsFollowTheSummaryAndAPlanWithoutBedsHasNoHeatMap() throws {
        let html = Self.page()
        let summary = try #require(html.range(of: "<h2>Summary</h2>"))
        let charts = try #require(html.range(of: "<h2 id=\"charts-heading\">Charts</h2>"))
        let itineraries = try #require(html.range(of: "<h2>Itineraries</h2>"))
        #expect(summary.lowerBound < charts.lowerBound && charts.lowerBound < itineraries.lowerBound)
        var plan = SamplePlan.noPlan()
        plan.capacity = []
        let empty = Self.page(plan)
        #expect(!empty.contains("id=\"chart-capacity\""))
        #expect(empty.contains("No one is moved in this plan."))
    }

    @Test func theRedactedPageHasNoChartsAndNoIds() {
        let plan = SamplePlan.optimal()
        let html = Self.page(plan, redacted: true)
        #expect(!html.contains("<svg"))
        #expect(html.contains("redacted"))
        for id in plan.itineraries.map(\.householdID) + plan.unmoved.map(\.householdID) + ["tb-1", "yv-2"] {
            #expect(!html.contains(id), "redacted page shows \(id)")
        }
    }

    @Test func tablesOfSeveralRowsAreSortableByKeyboardButtons() {
        let html = Self.page()
        #expect(html.contains("<table class=\"sortable\">"))
        // Buttons are made by the script, so a page read without scripts offers none that do nothing.
        #expect(!html.contains("<button"))
        #expect(HTMLScript.sortableTables.contains("createElement(\"button\")"))
        #expect(HTMLScript.sortableTables.contains("aria-sort"))
    }

    /// The `<figure id="…">` element of `html`, or nil.
    static func figure(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "<figure id=\"\(id)\""),
            let end = html[start.upperBound...].range(of: "</figure>")
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// Every itinerary is a row of one sortable table, costs as bare numbers so they sort as numbers.
    @Test func everyItineraryIsARowOfTheSortableTable() throws {
        let plan = SamplePlan.optimal()
        let page = HTMLReport.render(plan)
        let start = try #require(page.range(of: "<figure id=\"table-itineraries\""))
        let end = try #require(page[start.upperBound...].range(of: "</figure>"))
        let table = page[start.upperBound..<end.lowerBound]
        #expect(table.contains("<table class=\"sortable\">") || plan.itineraries.count < 2)
        for itinerary in plan.itineraries {
            #expect(table.contains("<th scope=\"row\">\(HTML.escape(itinerary.householdID))</th>"))
        }
        #expect(table.contains("Cost (\(HTML.escape(plan.scenario.currency)))"))
    }

    /// Every household not moved is a row of one sortable table, with its reason.
    @Test func everyHouseholdNotMovedIsARowWithItsReason() throws {
        let plan = SamplePlan.optimal()
        let page = HTMLReport.render(plan)
        let start = try #require(page.range(of: "<figure id=\"table-not-moved\""))
        let end = try #require(page[start.upperBound...].range(of: "</figure>"))
        let table = page[start.upperBound..<end.lowerBound]
        for household in plan.unmoved {
            #expect(table.contains("<th scope=\"row\">\(HTML.escape(household.householdID))</th>"))
            #expect(table.contains(HTML.escape(household.reason.label)))
        }
    }
}
