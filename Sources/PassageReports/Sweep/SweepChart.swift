import Foundation
import PassagePlanning

/// A sweep as a self-contained SVG chart: persons moved (left axis, solid line, round markers) and
/// total cost (right axis, dashed line, square markers) against the swept value.
///
/// No scripts, styles from outside or fonts to fetch. Accessible: a `<title>` and a `<desc>` that
/// states every point in words, axis labels, and series told apart by line style and marker shape as
/// well as colour. A plan not proven optimal has a hollow marker. The same sweep gives the same bytes.
/// Only aggregates appear, never a household.
public enum SweepChart {
    /// Size of the drawing in SVG user units (pixels at 100 %).
    static let width = 760.0
    static let height = 460.0
    /// Room around the plot for the title, legend, tick labels and axis labels.
    static let left = 80.0, right = 96.0, top = 100.0, bottom = 70.0

    static let personsColour = "#1f4e9a"
    static let costColour = "#a84a00"

    /// The chart of `sweep` as SVG text, ending in a newline.
    public static func render(_ sweep: Sweep) -> String {
        let points = sweep.points
        let resource = sweep.specification.resource
        let currency = sweep.scenario.currency
        let xLabel = resource == .budget ? "Budget (\(currency))" : SweepDocument.capitalized(resource.label)
        let title = "Persons moved and total cost by \(resource.label): \(sweep.scenario.title)"

        let values = points.map(\.value)
        var xRange = (values.min() ?? 0, values.max() ?? 1)
        if xRange.0 == xRange.1 { xRange = (xRange.0 - 1, xRange.1 + 1) }
        let persons = points.map { Double($0.summary.overall.personsMoved) }
        let costs = points.map(\.summary.totalCost)
        let personTicks = Ticks.from(0, persons.max() ?? 0, minimumStep: 1)
        let costTicks = Ticks.from(0, costs.max() ?? 0)

        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ v: Double) -> Double { left + (v - xRange.0) / (xRange.1 - xRange.0) * plotWidth }
        func yPersons(_ v: Double) -> Double { top + plotHeight - v / personTicks.last! * plotHeight }
        func yCost(_ v: Double) -> Double { top + plotHeight - v / costTicks.last! * plotHeight }

        var svg: [String] = [
            ##"<?xml version="1.0" encoding="UTF-8"?>"##,
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(n(width))" height="\##(n(height))" viewBox="0 0 \##(n(width)) \##(n(height))" role="img" aria-labelledby="chart-title chart-desc" font-family="sans-serif" font-size="13">"##,
            ##"<title id="chart-title">\##(escape(title))</title>"##,
            ##"<desc id="chart-desc">\##(escape(description(sweep)))</desc>"##,
            ##"<rect x="0" y="0" width="\##(n(width))" height="\##(n(height))" fill="#ffffff"/>"##,
            ##"<text x="\##(n(width / 2))" y="24" text-anchor="middle" font-size="16" font-weight="bold">\##(escape(title))</text>"##,
        ]
        // Legend: line style and marker shape carry the meaning; colour only repeats it.
        svg += [
            ##"<g id="legend">"##,
            ##"<line x1="\##(n(left))" y1="44" x2="\##(n(left + 36))" y2="44" stroke="\##(personsColour)" stroke-width="2.5"/>"##,
            ##"<circle cx="\##(n(left + 18))" cy="44" r="4.5" fill="\##(personsColour)"/>"##,
            ##"<text x="\##(n(left + 44))" y="48">Persons moved (left axis, solid line, circles)</text>"##,
            ##"<line x1="\##(n(left))" y1="64" x2="\##(n(left + 36))" y2="64" stroke="\##(costColour)" stroke-width="2" stroke-dasharray="6 4"/>"##,
            ##"<rect x="\##(n(left + 14))" y="60" width="8" height="8" fill="\##(costColour)"/>"##,
            ##"<text x="\##(n(left + 44))" y="68">Total cost (right axis, dashed line, squares)</text>"##,
            ##"<text x="\##(n(left))" y="88" font-size="11">Hollow marker: plan not proven optimal. Dotted line: the scenario's own value.</text>"##,
            "</g>",
        ]
        // Grid and axes.
        svg.append(##"<g id="axes" stroke="#000000" stroke-width="1">"##)
        for tick in personTicks {
            let y = n(yPersons(tick))
            svg.append(
                ##"<line x1="\##(n(left))" y1="\##(y)" x2="\##(n(left + plotWidth))" y2="\##(y)" stroke="#dddddd"/>"##)
        }
        svg.append(##"<line x1="\##(n(left))" y1="\##(n(top))" x2="\##(n(left))" y2="\##(n(top + plotHeight))"/>"##)
        svg.append(
            ##"<line x1="\##(n(left + plotWidth))" y1="\##(n(top))" x2="\##(n(left + plotWidth))" y2="\##(n(top + plotHeight))"/>"##
        )
        svg.append(
            ##"<line x1="\##(n(left))" y1="\##(n(top + plotHeight))" x2="\##(n(left + plotWidth))" y2="\##(n(top + plotHeight))"/>"##
        )
        svg.append("</g>")

        svg.append(##"<g id="tick-labels" font-size="12">"##)
        for tick in personTicks {
            svg.append(
                ##"<text x="\##(n(left - 8))" y="\##(n(yPersons(tick) + 4))" text-anchor="end">\##(escape(Fmt.quantity(tick)))</text>"##
            )
        }
        for tick in costTicks {
            svg.append(
                ##"<text x="\##(n(left + plotWidth + 8))" y="\##(n(yCost(tick) + 4))" text-anchor="start">\##(escape(Fmt.quantity(tick)))</text>"##
            )
        }
        let xTicks =
            values.count <= 12
            ? values
            : Ticks.from(
                xRange.0, xRange.1, startingAtZero: false, minimumStep: resource.takesWholeNumbers ? 1 : 0)
        for tick in xTicks where tick >= xRange.0 - 1e-9 && tick <= xRange.1 + 1e-9 {
            let px = n(x(tick))
            svg.append(
                ##"<line x1="\##(px)" y1="\##(n(top + plotHeight))" x2="\##(px)" y2="\##(n(top + plotHeight + 5))" stroke="#000000"/>"##
            )
            svg.append(
                ##"<text x="\##(px)" y="\##(n(top + plotHeight + 20))" text-anchor="middle">\##(escape(Fmt.quantity(tick)))</text>"##
            )
        }
        svg.append("</g>")
        // Axis labels.
        svg += [
            ##"<text x="\##(n(left + plotWidth / 2))" y="\##(n(height - 18))" text-anchor="middle">\##(escape(xLabel))</text>"##,
            ##"<text transform="translate(22 \##(n(top + plotHeight / 2))) rotate(-90)" text-anchor="middle">Persons moved</text>"##,
            ##"<text transform="translate(\##(n(width - 16)) \##(n(top + plotHeight / 2))) rotate(90)" text-anchor="middle">\##(escape("Total cost (\(currency))"))</text>"##,
        ]
        if let own = sweep.scenarioValue, own >= xRange.0, own <= xRange.1 {
            let px = n(x(own))
            svg.append(
                ##"<line id="scenario-value" x1="\##(px)" y1="\##(n(top))" x2="\##(px)" y2="\##(n(top + plotHeight))" stroke="#555555" stroke-dasharray="2 3"/>"##
            )
        }
        // Series: cost first, so persons (the point of the chart) is drawn on top.
        let costLine = zip(values, costs).map { "\(n(x($0))),\(n(yCost($1)))" }.joined(separator: " ")
        svg.append(##"<g id="cost">"##)
        svg.append(
            ##"<polyline points="\##(costLine)" fill="none" stroke="\##(costColour)" stroke-width="2" stroke-dasharray="6 4"/>"##
        )
        for (point, cost) in zip(points, costs) {
            let fill = point.status == .optimal ? costColour : "#ffffff"
            svg.append(
                ##"<rect x="\##(n(x(point.value) - 4))" y="\##(n(yCost(cost) - 4))" width="8" height="8" fill="\##(fill)" stroke="\##(costColour)" stroke-width="1.5"/>"##
            )
        }
        svg.append("</g>")
        let personLine = zip(values, persons).map { "\(n(x($0))),\(n(yPersons($1)))" }.joined(separator: " ")
        svg.append(##"<g id="persons">"##)
        svg.append(
            ##"<polyline points="\##(personLine)" fill="none" stroke="\##(personsColour)" stroke-width="2.5"/>"##)
        for (point, count) in zip(points, persons) {
            let fill = point.status == .optimal ? personsColour : "#ffffff"
            svg.append(
                ##"<circle cx="\##(n(x(point.value)))" cy="\##(n(yPersons(count)))" r="4.5" fill="\##(fill)" stroke="\##(personsColour)" stroke-width="1.5"/>"##
            )
        }
        svg.append("</g>")
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    /// Every point in words, for screen readers and anyone who cannot see the lines.
    static func description(_ sweep: Sweep) -> String {
        let currency = sweep.scenario.currency
        let points = sweep.points.map { point -> String in
            let value = SweepDocument.value(point.value, sweep)
            let status = point.status == .optimal ? "" : " (\(point.status.rawValue), not proven optimal)"
            return "at \(value): \(Fmt.quantity(Double(point.summary.overall.personsMoved))) persons moved, cost "
                + Fmt.money(point.summary.totalCost, currency) + status
        }
        return "Line chart of persons moved and total cost as the \(sweep.specification.resource.label) varies; the"
            + " scenario has \(SweepDocument.scenarioValue(sweep)). Points: " + points.joined(separator: "; ") + "."
    }

    /// A coordinate with one decimal, the same on every machine and locale.
    static func n(_ x: Double) -> String {
        let s = String(format: "%.1f", x)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }

    /// Text made safe inside an XML element or attribute (the escaper HTML pages use too).
    static func escape(_ text: String) -> String { markupEscaped(text) }
}

/// Round axis ticks: 1, 2 or 5 times a power of ten apart, about five of them.
enum Ticks {
    /// Ticks covering `low` to `high`; the last is at or above `high` (and above 0), so it can scale an axis.
    /// `minimumStep` 1 keeps counts of persons on whole numbers.
    static func from(_ low: Double, _ high: Double, startingAtZero: Bool = true, minimumStep: Double = 0) -> [Double] {
        let top = max(high, low + 1)
        let rough = (top - low) / 5
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let round = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let step = max(round, minimumStep)
        let first = startingAtZero ? low : (low / step).rounded(.up) * step
        let count = Int(((top - first) / step).rounded(.up))
        let ticks = (0...max(1, count)).map { first + Double($0) * step }
        return startingAtZero ? ticks : ticks.filter { $0 <= high + 1e-9 }
    }
}
