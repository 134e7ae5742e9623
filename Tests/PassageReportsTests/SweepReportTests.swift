import Foundation
import LinearProgramming
import PassagePlanning
import PassageScenario
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import PassageReports

/// The sweep report in every format and its SVG chart: well-formed, accessible, deterministic.
@Suite struct SweepReportTests {
    /// Four values of a house's beds, the third stopped by the time limit; a title that needs escaping.
    static func sample(resource: SweptResource = .beds(houseID: "SH-EVN-1")) -> Sweep {
        func point(_ value: Double, _ persons: [Int], cost: Double, objective: Double, status: SolveStatus = .optimal)
            -> SweepPoint
        {
            let tiers = persons.map {
                MoveCount(householdsMoved: ($0 + 1) / 2, householdsTotal: 10, personsMoved: $0, personsTotal: 20)
            }
            let overall = MoveCount(
                householdsMoved: tiers.map(\.householdsMoved).reduce(0, +), householdsTotal: 40,
                personsMoved: persons.reduce(0, +), personsTotal: 80)
            return SweepPoint(
                value: value, status: status, objective: objective,
                bound: status == .optimal ? objective : objective - 100,
                gap: status == .optimal ? 0 : 100 / objective,
                summary: PlanSummary(
                    overall: overall, byUrgency: tiers, urgencyWeightedPersonsMoved: 1000,
                    totalCost: cost, averageWeeksWaited: 1.5, householdsWithDeadline: 2, deadlinesMissed: 1))
        }
        return Sweep(
            specification: SweepSpecification(resource: resource, from: 3, to: 9, step: 2), scenarioValue: 5,
            scenario: ScenarioHeader(
                title: "Winter <test> & \"sweep\"", startDate: CalendarDate(year: 2026, month: 11, day: 30),
                horizonWeeks: 16, currency: "EUR", budget: 60_000),
            points: [
                point(3, [19, 10, 2, 3], cost: 48_275, objective: 15_772.75),
                point(5, [19, 14, 2, 3], cost: 52_485, objective: 13_877.85),
                point(7, [19, 16, 2, 3], cost: 54_875, objective: 13_072.75, status: .timeLimitFeasible),
                point(9, [19, 18, 2, 3], cost: 57_215, objective: 12_383.15),
            ])
    }

    @Test func theTextReportListsEveryValueWithinTheWidth() throws {
        let text = SweepReport.render(Self.sample(), format: .text)
        try Snapshot.check(text, named: "sweep.txt")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= TextReport.width })
        #expect(text.contains("NOT ALL PROVEN OPTIMAL: the plan at 7 is not proven optimal"))
        #expect(text.contains("\n 5 *  "))
    }

    @Test func markdownJSONAndCSVCarryTheSamePoints() throws {
        let sweep = Self.sample()
        let markdown = SweepReport.render(sweep, format: .markdown)
        #expect(markdown.contains("| Beds | Persons | Households |"))
        #expect(markdown.contains("\\<test\\>"))

        let json = SweepReport.render(sweep, format: .json)
        let root = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["kind"] as? String == "sweep")
        #expect(root["allOptimal"] as? Bool == false)
        let resource = try #require(root["resource"] as? [String: Any])
        #expect(resource["kind"] as? String == "beds" && resource["id"] as? String == "SH-EVN-1")
        let points = try #require(root["points"] as? [[String: Any]])
        #expect(points.map { $0["value"] as? Double } == [3, 5, 7, 9])
        #expect(points.map { $0["status"] as? String } == ["optimal", "optimal", "time_limit_feasible", "optimal"])

        let csv = SweepReport.render(sweep, format: .csv)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("value,status,objective,bound,gap,persons_moved,households_moved,"))
        #expect(lines[1].hasPrefix("3,optimal,15772.75,15772.75,0,34,"))
        // A budget sweep reports each point's own budget.
        let budget = SweepReport.render(Self.sample(resource: .budget), format: .csv)
        #expect(budget.split(separator: "\n")[1].contains(",48275,3,"))
    }

    /// A document service's places a week: named in words, and a service without a limit has no value
    /// of its own.
    @Test func aDocumentServiceSweepSaysWhatItVaries() throws {
        var sweep = Self.sample(resource: .documentService(id: "DS-GRZ-PASS"))
        let text = SweepReport.render(sweep, format: .text)
        #expect(text.contains("Varies the places a week at document service DS-GRZ-PASS from 3 to 9"), "\(text)")
        #expect(text.contains("\nPlaces a week  Persons  Households"), "\(text)")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= TextReport.width })
        let json = SweepReport.render(sweep, format: .json)
        let root = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let resource = try #require(root["resource"] as? [String: Any])
        #expect(resource["kind"] as? String == "document_service" && resource["id"] as? String == "DS-GRZ-PASS")
        sweep.scenarioValue = nil
        #expect(SweepReport.render(sweep, format: .text).contains("the scenario has no limit."))
        let budget = Sweep(
            specification: SweepSpecification(resource: .budget, from: 0, to: 1, step: 1), scenarioValue: nil,
            scenario: sweep.scenario, points: sweep.points)
        #expect(SweepReport.render(budget, format: .text).contains("the scenario has no budget limit."))
    }

    @Test func theChartIsWellFormedAccessibleAndDeterministic() throws {
        let svg = SweepChart.render(Self.sample())
        #expect(svg == SweepChart.render(Self.sample()))
        try Snapshot.check(svg, named: "sweep.svg")
        let parsed = SVGOutline(svg)
        #expect(parsed.error == nil, "\(String(describing: parsed.error))")
        #expect(parsed.root == "svg")
        #expect(parsed.texts["title"] == "Persons moved and total cost by beds of SH-EVN-1: Winter <test> & \"sweep\"")
        let description = try #require(parsed.texts["desc"])
        #expect(
            description.contains("at 7: 40 persons moved, cost 54,875 EUR (time_limit_feasible, not proven optimal)"))
        #expect(parsed.count["script"] == nil && parsed.count["foreignObject"] == nil)
        #expect(!svg.contains("href"))
        // Four circles and four squares (and the legend's one of each); one hollow of each for the time limit.
        #expect(parsed.count["circle"] == 5)
        #expect(svg.components(separatedBy: ##"fill="#ffffff" stroke="#1f4e9a""##).count - 1 == 1)
        #expect(parsed.allText.contains("Persons moved") && parsed.allText.contains("Total cost (EUR)"))
        #expect(parsed.allText.contains("Beds of SH-EVN-1"))
    }

    /// The HTML page carries the chart inline, as a figure a browser check can find, with no URL in it.
    @Test func theHTMLPageHoldsTheChart() throws {
        let page = SweepReport.render(Self.sample(), format: .html)
        let figure = try #require(page.range(of: "<figure id=\"chart-sweep\""))
        #expect(page[figure.upperBound...].contains("<svg"))
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("<?xml"))
        #expect(page == SweepReport.render(Self.sample(), format: .html))
    }

    @Test func ticksAreRoundAndCoverTheRange() {
        #expect(Ticks.from(0, 42) == [0, 10, 20, 30, 40, 50])
        #expect(Ticks.from(0, 57_215) == [0, 20_000, 40_000, 60_000])
        #expect(Ticks.from(0, 0, minimumStep: 1) == [0, 1])
        #expect(Ticks.from(0, 0).last! > 0)
    }
}

/// What XMLParser makes of an SVG document: the root element, the text of each element by name,
/// how many elements of each name, and the first error.
final class SVGOutline: NSObject, XMLParserDelegate {
    var root: String?
    var texts: [String: String] = [:]
    var count: [String: Int] = [:]
    var allText = ""
    var error: Error?
    private var stack: [String] = []

    init(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? error ?? CocoaError(.coderReadCorrupt) }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil { root = name }
        count[name, default: 0] += 1
        stack.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = stack.last { texts[current, default: ""] += string }
        allText += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
}
