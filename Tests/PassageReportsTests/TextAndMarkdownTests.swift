import Foundation
import PassagePlanning
import PassageScenario
import Testing

@testable import PassageReports

/// What a coordinator relies on in the human-readable reports.
@Suite struct TextAndMarkdownTests {
    /// The part of `report` between the heading `from` and the next of `until` (or the end).
    func section(_ report: String, from: String, until: String?) -> String {
        guard let start = report.range(of: from) else { return "" }
        let rest = report[start.upperBound...]
        guard let until, let end = rest.range(of: until) else { return String(rest) }
        return String(rest[..<end.lowerBound])
    }

    func occurrences(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    @Test(arguments: [ReportFormat.text, .markdown])
    func householdsAppearExactlyWhereTheyBelong(format: ReportFormat) {
        let report = ReportRenderer.render(SamplePlan.optimal(), format: format)
        let itineraries = section(report, from: "Itineraries", until: "Capacity use")
        let notMoved = section(report, from: "Households not moved", until: nil)
        for id in SamplePlan.movedIDs {
            #expect(occurrences(id, in: report) == 1, "\(id) once in \(format)")
            #expect(itineraries.contains(id))
        }
        for id in SamplePlan.unmovedIDs {
            #expect(occurrences(id, in: report) == 1, "\(id) once in \(format)")
            #expect(notMoved.contains(id))
        }
        // Sorted by id within each section.
        #expect(itineraries.range(of: "H002")!.lowerBound < itineraries.range(of: "H007")!.lowerBound)
        #expect(notMoved.range(of: "H010")!.lowerBound < notMoved.range(of: "H012")!.lowerBound)
    }

    @Test func textCarriesStatusGapBindingAndReasons() {
        let text = ReportRenderer.render(SamplePlan.optimal(), format: .text)
        #expect(text.contains("Solver: optimal."))
        #expect(!text.contains("!!"))
        #expect(text.contains("gap 0.00 %"))
        #expect(text.contains("solved in 1.23 s"))
        #expect(text.contains("Model: 1,234 rows × 5,678 columns, 23,456 non-zeros"))
        #expect(text.contains("horizon 12 weeks, to 2027-02-21"))
        #expect(text.contains("H002  2 persons  urgency 1  ready W1 (2026-11-30) → leaves W2, arrives W8"))
        #expect(text.contains("W2     Mon 2026-12-07  road  grozny → vladikavkaz  (leg gz-vk, 1 day, 240 EUR)"))
        // The second leg leaves when the first arrives, a day later, not on the week's Monday.
        #expect(text.contains("W2     Tue 2026-12-08  road  vladikavkaz → tbilisi  (leg vk-tb, 1 day, 160 EUR)"))
        #expect(text.contains("4/4*"))
        #expect(text.contains("* = binding"))
        #expect(text.contains("2/2*"))  // binding seats
        #expect(!text.contains("zz-unused"))  // unused legs stay out of the seat grid
        // A month by name, with the weeks that count in it (each week in the month of its Thursday).
        #expect(text.contains("de-hap     December 2026  W1–W5      2      2     0  * binding"))
        #expect(text.contains("— no eligible pathway"))
        #expect(text.contains("all programmes: documents: no valid international passport"))
        #expect(text.contains("programme de-hap: needs: wheelchair access is not served"))
        #expect(text.contains("beds at tb-1 in W3–W7"))
        #expect(text.contains("quota de-hap 2026-12"))
        #expect(text.contains("    budget"))
        #expect(text.contains("— solver tolerance"))
        #expect(text.contains("the solver stopped at its time or gap limit"))
    }

    @Test func textFitsTheTerminal() {
        for plan in [SamplePlan.optimal(), SamplePlan.timeLimited(), SamplePlan.noPlan()] {
            for line in ReportRenderer.render(plan, format: .text).split(separator: "\n") {
                #expect(line.count <= TextReport.width, "too wide: \(line)")
                #expect(!line.hasSuffix(" "))
            }
        }
    }

    @Test(arguments: [ReportFormat.text, .markdown])
    func nonOptimalStatusIsImpossibleToMiss(format: ReportFormat) throws {
        let report = ReportRenderer.render(SamplePlan.timeLimited(), format: format)
        let warning = try #require(report.range(of: "TIME LIMIT: this is the best plan found, not proven optimal"))
        // The warning comes before any figure a reader might act on.
        #expect(warning.lowerBound < report.range(of: "Summary")!.lowerBound)
        #expect(report.contains("gap 4.14 %"))
        if format == .text {
            #expect(report.contains("!! TIME LIMIT"))
        } else {
            #expect(report.contains("> [!WARNING]"))
        }

        let noPlan = ReportRenderer.render(SamplePlan.noPlan(), format: format)
        #expect(noPlan.contains("TIME LIMIT: no plan found"))
        #expect(noPlan.contains("— no plan"))
        #expect(noPlan.contains("Objective n/a (minimised), bound n/a, gap n/a"))
        #expect(noPlan.contains("No household is moved in this plan."))

        var feasible = SamplePlan.optimal()
        feasible.solver.status = .feasible
        #expect(ReportRenderer.render(feasible, format: format).contains("NOT PROVEN OPTIMAL"))
    }

    @Test func timingsCanBeLeftOut() {
        let plan = SamplePlan.optimal()
        #expect(
            !ReportRenderer.render(plan, format: .text, options: ReportOptions(includeTimings: false)).contains(
                "solved in"))
        var slower = plan
        slower.solver.solveSeconds = 99
        #expect(
            ReportRenderer.render(plan, format: .markdown, options: ReportOptions(includeTimings: false))
                == ReportRenderer.render(slower, format: .markdown, options: ReportOptions(includeTimings: false)))
    }

    @Test func markdownEscapesDataAndMarksBinding() {
        var plan = SamplePlan.optimal()
        plan.scenario.title = "a | b <script> *x*"
        let markdown = ReportRenderer.render(plan, format: .markdown)
        #expect(markdown.hasPrefix("# Passage plan: a \\| b \\<script\\> \\*x\\*\n"))
        #expect(markdown.contains("| tb-1 | 0/4 | 2/4 | 4/4\\* |"))
        #expect(markdown.contains("|---|---:|"))
        #expect(markdown.contains("## Households not moved"))
    }

    @Test func controlCharactersFromDataAreNeutralised() {
        var plan = SamplePlan.optimal()
        plan.scenario.title = "evil\u{1B}[2J\ninjected"
        let text = ReportRenderer.render(plan, format: .text)
        #expect(!text.contains("\u{1B}"))
        #expect(text.hasPrefix("Passage plan: evil\u{FFFD}[2J\u{FFFD}injected\n"))
    }

    @Test func formattingHelpers() {
        #expect(
            Fmt.compressPeriods([
                .week(7), .week(3), .week(4), .week(5), .month(QuotaMonth(year: 2026, month: 12)), .week(10), .horizon,
                .week(4),
            ])
                == "W3–W5, W7, W10, 2026-12, horizon")
        #expect(Fmt.grouped(-1234567.891, decimals: 2) == "-1,234,567.89")
        #expect(Fmt.grouped(-0.0001, decimals: 2) == "0.00")
        #expect(Fmt.money(120, "EUR") == "120 EUR")
        #expect(Fmt.money(120.5, "EUR") == "120.50 EUR")
        #expect(Fmt.plain(2.25) == "2.25")
        #expect(Fmt.plain(1900) == "1900")
        #expect(Fmt.percent(0.0414) == "4.14 %")
        #expect(Fmt.endDate(SamplePlan.optimal().scenario).description == "2027-02-21")
    }

    /// A ready week shows the Monday it starts, a deadline the Sunday it ends: a scenario may give either as
    /// a date, read as the week that contains it (issue 14, item 3).
    @Test func readyAndDeadlineWeeksShowTheirDates() {
        let header = SamplePlan.optimal().scenario
        #expect(Fmt.readyWeek(2, header) == "W2 (2026-12-07)")
        #expect(Fmt.deadlineWeek(3, header) == "W3 (by 2026-12-20)")
    }

    /// Seats of a hand-made plan: L01 carries 1 of 25 every week, L02 fills 13 of 25 in W3, L03 carries
    /// 2 of 4 (exactly half) in W5, L04 is full in W6, L05 carries nobody.
    static func legsPlan() -> Plan {
        var plan = SamplePlan.optimal()
        plan.capacity.removeAll { $0.kind == .seats }
        for week in 1...12 {
            func seats(_ id: String, _ used: Double, _ capacity: Double) -> CapacityUse {
                CapacityUse(
                    kind: .seats, resourceID: id, period: .week(week), used: used, capacity: capacity)
            }
            plan.capacity += [
                seats("L01", 1, 25), seats("L02", week == 3 ? 13 : 0, 25), seats("L03", week == 5 ? 2 : 0, 4),
                seats("L04", week == 6 ? 3 : 0, 3), seats("L05", 0, 25),
            ]
        }
        return plan
    }

    @Test(arguments: [ReportFormat.text, .markdown])
    func legsNeverNearTheirSeatsAreOneLine(format: ReportFormat) {
        let report = ReportRenderer.render(Self.legsPlan(), format: format)
        let seats = section(report, from: "Seats by route leg and week", until: "Quotas by programme")
        #expect(seats.contains("(legs more than half full in some week)"))
        #expect(seats.contains("Legs used but never more than half full (2): L01, L03."))
        // The legs that come near their seats keep their rows.
        #expect(seats.contains("13/25") && seats.contains("3/3"))
        let rows = seats.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(rows.contains { $0.hasPrefix("L02") || $0.hasPrefix("| L02") })
        #expect(rows.contains { $0.hasPrefix("L04") || $0.hasPrefix("| L04") })
        #expect(!rows.contains { $0.hasPrefix("L01") || $0.hasPrefix("| L01") })
        #expect(!rows.contains { $0.hasPrefix("L03") || $0.hasPrefix("| L03") })
        #expect(!seats.contains("1/25") && !seats.contains("2/4"))
        #expect(!report.contains("L05"))
    }

    @Test func htmlKeepsARowForEveryLegWithAnyUse() {
        let html = ReportRenderer.render(Self.legsPlan(), format: .html)
        for id in ["L01", "L02", "L03", "L04"] { #expect(html.contains("<th scope=\"row\">\(id)</th>"), "\(id)") }
        #expect(html.contains("(legs with any use)") && !html.contains("never more than half full"))
    }

    @Test func theSampleSummarisesItsQuietLegs() {
        let text = ReportRenderer.render(SamplePlan.optimal(), format: .text)
        #expect(text.contains("Legs used but never more than half full (4): gz-vk, ma-yv, tb-ber, yv-tor."))
        #expect(text.contains("vk-tb") && text.contains("2/2*"))
        #expect(!text.contains("2/10"))
    }
}
