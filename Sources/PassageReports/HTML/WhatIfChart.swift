import PassagePlanning

/// Persons moved by urgency tier in the base and each variant, side by side (`chart-whatif`).
///
/// Plans differ by colour (Okabe–Ito) *and* pattern, and every bar carries its number, so the chart
/// reads in grey print and for colour-blind readers; the side-by-side table above it has every number.
enum WhatIfChart {
    static let id = "chart-whatif"

    static func figure(_ comparison: WhatIfComparison) -> String {
        let plans = [("Base", comparison.base)] + comparison.variants.map { ($0.name, $0.plan) }
        let tiers = max(1, plans.map { $0.1.summary.byUrgency.count }.max() ?? 1)
        // persons[plan][tier - 1]
        let persons = plans.map { _, plan in
            (1...tiers).map { tier in tier <= plan.summary.byUrgency.count ? plan.summary.byUrgency[tier - 1].personsMoved : 0 }
        }
        let ticks = Ticks.from(0, Double(persons.flatMap { $0 }.max() ?? 0), minimumStep: 1)
        let top = max(ticks.last ?? 1, 1)

        let width = 760.0, height = 340.0
        let legendRows = Double((plans.count + 1) / 2)
        let left = 48.0, right = 12.0, plotTop = 24.0 + 18.0 * legendRows, bottom = 44.0
        let plotWidth = width - left - right, plotHeight = height - plotTop - bottom
        let group = plotWidth / Double(tiers)
        let barWidth = min(48, group * 0.8 / Double(plans.count))
        func y(_ v: Double) -> Double { plotTop + plotHeight - v / top * plotHeight }
        let n = PlanCharts.n

        let description = plans.enumerated().map { index, named in
            "\(named.0): " + (1...tiers).map { "urgency \($0) \(persons[index][$0 - 1])" }.joined(separator: ", ")
        }.joined(separator: "; ")
        var svg = PlanCharts.svgOpening(
            id: id, width: width, height: height, title: "Persons moved by urgency tier, base and variants",
            description: "Persons moved by urgency tier. " + description + ".")
        svg.append("<defs>")
        for index in plans.indices { svg.append(patternDefinition(index)) }
        svg.append("</defs>")
        for (index, named) in plans.enumerated() {
            let x = left + Double(index % 2) * 350, row = 14.0 + 18.0 * Double(index / 2)
            svg.append(
                "<rect x=\"\(n(x))\" y=\"\(n(row - 10))\" width=\"14\" height=\"12\" fill=\"url(#\(patternID(index)))\""
                    + " stroke=\"#111\" stroke-width=\"0.5\"/>")
            svg.append("<text x=\"\(n(x + 19))\" y=\"\(n(row))\">\(HTML.escape(named.0))</text>")
        }
        svg.append("<g aria-hidden=\"true\">")
        for tick in ticks {
            svg.append(
                "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(tick)))\" stroke=\"#ddd\"/>")
            svg.append("<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(Fmt.quantity(tick))</text>")
        }
        for tier in 1...tiers {
            let x = left + group * (Double(tier) - 0.5)
            svg.append(
                "<text x=\"\(n(x))\" y=\"\(n(plotTop + plotHeight + 16))\" text-anchor=\"middle\">"
                    + HTML.escape(MovedPerWeekChart.tierLabel(tier)) + "</text>")
        }
        svg.append(
            "<text x=\"12\" y=\"\(n(plotTop + plotHeight / 2))\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 12 \(n(plotTop + plotHeight / 2)))\">Persons moved</text>")
        svg.append("</g>")
        for tier in 1...tiers {
            let start = left + group * Double(tier - 1) + (group - barWidth * Double(plans.count)) / 2
            for (index, named) in plans.enumerated() {
                let count = persons[index][tier - 1]
                let x = start + barWidth * Double(index)
                svg.append(
                    "<rect x=\"\(n(x))\" y=\"\(n(y(Double(count))))\" width=\"\(n(barWidth - 2))\""
                        + " height=\"\(n(y(0) - y(Double(count))))\" fill=\"url(#\(patternID(index)))\" stroke=\"#111\""
                        + " stroke-width=\"0.5\"><title>"
                        + HTML.escape("\(named.0), \(MovedPerWeekChart.tierLabel(tier)): \(Fmt.plural(count, "person"))")
                        + "</title></rect>")
                svg.append(
                    "<text x=\"\(n(x + (barWidth - 2) / 2))\" y=\"\(n(y(Double(count)) - 4))\" text-anchor=\"middle\""
                        + " font-size=\"11\" aria-hidden=\"true\">\(count)</text>")
            }
        }
        svg.append("<line x1=\"\(n(left))\" y1=\"\(n(y(0)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(0)))\" stroke=\"#111\"/>")
        svg.append("</svg>")
        return PlanCharts.figure(
            id: id, caption: "Persons moved by urgency tier: the base and each variant",
            svg: svg, fallback: ["<p>Every number: the side-by-side table above.</p>"])
    }

    static func patternID(_ index: Int) -> String { "\(id)-plan-\(index)" }

    /// A plan's fill: the tier styles of the weekly chart, in order, so each plan has its own colour and pattern.
    static func patternDefinition(_ index: Int) -> String {
        MovedPerWeekChart.patternDefinition(tier: index + 1)
            .replacingOccurrences(of: "id=\"\(MovedPerWeekChart.patternID(index + 1))\"", with: "id=\"\(patternID(index))\"")
    }
}
