import PassagePlanning

/// Persons leaving each week, stacked by urgency tier (`chart-moved-per-week`).
///
/// Tiers differ by colour (Okabe–Ito) *and* by pattern, so the chart reads in grey print and for
/// colour-blind readers; every bar segment has a tooltip and the table under it gives every number.
enum MovedPerWeekChart {
    static let id = "chart-moved-per-week"

    /// Colour and pattern per tier; tiers beyond the list reuse it in order.
    static let tierStyles: [(colour: String, pattern: Pattern)] = [
        ("#D55E00", .solid), ("#E69F00", .diagonal), ("#56B4E9", .dots), ("#009E73", .crossHatch),
        ("#CC79A7", .horizontal), ("#0072B2", .solid), ("#F0E442", .diagonal),
    ]

    enum Pattern { case solid, diagonal, dots, crossHatch, horizontal }

    static func figure(_ plan: Plan) -> String? {
        let horizon = max(1, plan.scenario.horizonWeeks)
        let tiers = max(plan.summary.byUrgency.count, plan.itineraries.map(\.urgency).max() ?? 0, 1)
        // persons[week - 1][tier - 1]
        var persons = Array(repeating: Array(repeating: 0, count: tiers), count: horizon)
        for itinerary in plan.itineraries where (1...horizon).contains(itinerary.startWeek) && itinerary.urgency >= 1 {
            persons[itinerary.startWeek - 1][itinerary.urgency - 1] += itinerary.size
        }
        let totals = persons.map { $0.reduce(0, +) }
        let ticks = Ticks.from(0, Double(totals.max() ?? 0), minimumStep: 1)
        let top = ticks.last ?? 1

        let width = 760.0, height = 320.0
        let left = 48.0, right = 12.0, plotTop = 28.0 + 18.0 * Double((tiers + 2) / 3), bottom = 44.0
        let plotWidth = width - left - right, plotHeight = height - plotTop - bottom
        let slot = plotWidth / Double(horizon)
        let barWidth = max(2, slot * 0.7)
        func y(_ v: Double) -> Double { plotTop + plotHeight - v / top * plotHeight }

        var svg = PlanCharts.svgOpening(
            id: id, width: width, height: height, title: "Persons moved per week by urgency tier",
            description: description(persons, totals: totals))
        svg.append("<defs>")
        for tier in 1...tiers { svg.append(patternDefinition(tier: tier)) }
        svg.append("</defs>")
        // Legend, three tiers to a row (tier 1's name is long).
        for tier in 1...tiers {
            let x = left + Double((tier - 1) % 3) * 230, row = 14.0 + 18.0 * Double((tier - 1) / 3)
            svg.append(
                "<rect x=\"\(n(x))\" y=\"\(n(row - 10))\" width=\"14\" height=\"12\" fill=\"url(#\(patternID(tier)))\""
                    + " stroke=\"#111\" stroke-width=\"0.5\"/>")
            svg.append("<text x=\"\(n(x + 19))\" y=\"\(n(row))\">\(HTML.escape(tierLabel(tier)))</text>")
        }
        // Axis and grid.
        svg.append("<g aria-hidden=\"true\">")
        for tick in ticks {
            svg.append(
                "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(tick)))\""
                    + " stroke=\"#ddd\"/>")
            svg.append(
                "<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(Fmt.quantity(tick))</text>")
        }
        let labelEvery = max(1, (horizon + 25) / 26)
        for week in stride(from: 1, through: horizon, by: labelEvery) {
            let x = left + slot * (Double(week) - 0.5)
            svg.append("<text x=\"\(n(x))\" y=\"\(n(plotTop + plotHeight + 16))\" text-anchor=\"middle\">\(week)</text>")
        }
        svg.append(
            "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 6))\" text-anchor=\"middle\">Week of departure</text>")
        svg.append(
            "<text x=\"12\" y=\"\(n(plotTop + plotHeight / 2))\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 12 \(n(plotTop + plotHeight / 2)))\">Persons</text>")
        svg.append("</g>")
        // Bars: tier 1 at the bottom, where the eye compares best.
        for week in 1...horizon where totals[week - 1] > 0 {
            let x = left + slot * Double(week - 1) + (slot - barWidth) / 2
            var base = 0
            for tier in 1...tiers where persons[week - 1][tier - 1] > 0 {
                let count = persons[week - 1][tier - 1]
                let y0 = y(Double(base + count)), y1 = y(Double(base))
                svg.append(
                    "<rect x=\"\(n(x))\" y=\"\(n(y0))\" width=\"\(n(barWidth))\" height=\"\(n(y1 - y0))\""
                        + " fill=\"url(#\(patternID(tier)))\" stroke=\"#111\" stroke-width=\"0.5\"><title>"
                        + HTML.escape("\(Fmt.week(week)), \(tierLabel(tier)): \(Fmt.plural(count, "person"))")
                        + "</title></rect>")
                base += count
            }
        }
        svg.append(
            "<line x1=\"\(n(left))\" y1=\"\(n(y(0)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(0)))\" stroke=\"#111\"/>")
        svg.append("</svg>")

        let rows = (1...horizon).filter { totals[$0 - 1] > 0 }.map { week in
            [Fmt.week(week)] + persons[week - 1].map { "\($0)" } + ["\(totals[week - 1])"]
        }
        let table = ReportTable(
            headers: ["Week"] + (1...tiers).map(tierLabel) + ["Total"],
            alignments: [.left] + Array(repeating: .right, count: tiers + 1), rows: rows)
        let fallback = rows.isEmpty ? ["<p>No one is moved in this plan.</p>"] : HTMLBlocks.table(table)
        return PlanCharts.figure(
            id: id, caption: "Persons moved per week, by urgency tier (weeks with departures in the table below)",
            svg: svg, fallback: fallback)
    }

    static func tierLabel(_ tier: Int) -> String { "\(tier) \(Fmt.tierName(tier))" }

    static func patternID(_ tier: Int) -> String { "\(id)-tier-\(tier)" }

    /// The fill of a tier: its colour with a dark pattern over it.
    static func patternDefinition(tier: Int) -> String {
        let style = tierStyles[(tier - 1) % tierStyles.count]
        let base = "<rect width=\"8\" height=\"8\" fill=\"\(style.colour)\"/>"
        let mark: String
        switch style.pattern {
        case .solid: mark = ""
        case .diagonal: mark = "<path d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke=\"#111\" stroke-width=\"1\"/>"
        case .dots: mark = "<circle cx=\"4\" cy=\"4\" r=\"1.4\" fill=\"#111\"/>"
        case .crossHatch: mark = "<path d=\"M0,0 L8,8 M8,0 L0,8\" stroke=\"#111\" stroke-width=\"0.8\"/>"
        case .horizontal: mark = "<path d=\"M0,4 H8\" stroke=\"#111\" stroke-width=\"1\"/>"
        }
        return "<pattern id=\"\(patternID(tier))\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
            + base + mark + "</pattern>"
    }

    /// Every week with departures in words, for screen readers.
    static func description(_ persons: [[Int]], totals: [Int]) -> String {
        let total = totals.reduce(0, +)
        guard total > 0 else { return "Stacked bar chart: no one is moved in this plan." }
        let weeks = totals.indices.filter { totals[$0] > 0 }.map { index -> String in
            let parts = persons[index].indices.filter { persons[index][$0] > 0 }.map {
                "tier \($0 + 1): \(persons[index][$0])"
            }
            return "\(Fmt.week(index + 1)) \(Fmt.plural(totals[index], "person")) (\(parts.joined(separator: ", ")))"
        }
        return "Stacked bar chart of persons leaving each week by urgency tier, \(Fmt.plural(total, "person")) in all. "
            + weeks.joined(separator: "; ") + ". No one leaves in the other weeks."
    }

    private static func n(_ x: Double) -> String { PlanCharts.n(x) }
}
