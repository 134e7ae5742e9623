import PassagePlanning

/// Beds used per safe house and week as a heat map (`chart-capacity`).
///
/// Shading is one hue from light to dark (readable without colour vision); a full (binding) cell also
/// carries a `●`, a week the house is closed a `×` on grey and an open week without beds a `–` on light
/// grey, so no state is told by colour alone and a closed house never looks like empty beds.
enum CapacityHeatMap {
    static let id = "chart-capacity"

    /// Shades for used/capacity: 0, up to ¼, ½, ¾, below full, full.
    static let shades = ["#ffffff", "#deebf7", "#9ecae1", "#4292c6", "#2171b5", "#08306b"]
    static let closedFill = "#bdbdbd"
    static let noBedsFill = "#eeeeee"

    static func figure(_ plan: Plan) -> String? {
        let horizon = max(1, plan.scenario.horizonWeeks)
        var byHouse: [String: [Int: CapacityUse]] = [:]
        for use in plan.capacity where use.kind == .beds {
            guard let week = use.week, (1...horizon).contains(week) else { continue }
            byHouse[use.resourceID, default: [:]][week] = use
        }
        guard !byHouse.isEmpty else { return nil }
        let houses = byHouse.keys.sorted()

        let labelWidth = 120.0, right = 8.0, top = 46.0, rowHeight = 22.0, bottom = 36.0
        let width = 760.0
        let cellWidth = (width - labelWidth - right) / Double(horizon)
        let height = top + rowHeight * Double(houses.count) + bottom

        var svg = PlanCharts.svgOpening(
            id: id, width: width, height: height, title: "Beds used per safe house and week",
            description: description(houses, byHouse))
        svg.append("<g aria-hidden=\"true\">")
        // Legend.
        let legend: [(String, String, String)] = [
            (shades[0], "", "empty"), (shades[1], "", "≤25%"), (shades[2], "", "≤50%"), (shades[3], "", "≤75%"),
            (shades[4], "", "<100%"), (shades[5], "●", "full (binding)"), (closedFill, "×", "closed"),
            (noBedsFill, "–", "no beds"),
        ]
        // The legend starts at the left edge: with eight entries it would not fit right of the labels.
        var x = 8.0
        for (fill, mark, label) in legend {
            svg.append("<rect x=\"\(n(x))\" y=\"6\" width=\"16\" height=\"14\" fill=\"\(fill)\" stroke=\"#777\"/>")
            if !mark.isEmpty {
                svg.append(
                    "<text x=\"\(n(x + 8))\" y=\"17\" text-anchor=\"middle\" style=\"fill:\(markColour(fill))\">\(mark)</text>")
            }
            svg.append("<text x=\"\(n(x + 21))\" y=\"17\">\(HTML.escape(label))</text>")
            x += 21 + 8 * Double(label.count) + 10
        }
        let labelEvery = max(1, (horizon + 25) / 26)
        for week in stride(from: 1, through: horizon, by: labelEvery) {
            svg.append(
                "<text x=\"\(n(labelWidth + cellWidth * (Double(week) - 0.5)))\" y=\"\(n(top - 6))\""
                    + " text-anchor=\"middle\">\(week)</text>")
        }
        svg.append(
            "<text x=\"\(n(labelWidth + (width - labelWidth - right) / 2))\" y=\"\(n(height - 8))\""
                + " text-anchor=\"middle\">Week</text>")
        svg.append("</g>")
        for (row, house) in houses.enumerated() {
            let y = top + rowHeight * Double(row)
            // Long ids are shortened in the picture only; the tooltips and the tables keep them whole.
            let shown = house.count > 16 ? String(house.prefix(15)) + "…" : house
            svg.append(
                "<text x=\"\(n(labelWidth - 6))\" y=\"\(n(y + rowHeight / 2 + 4))\" text-anchor=\"end\">"
                    + HTML.escape(shown) + "</text>")
            for week in 1...horizon {
                guard let use = byHouse[house]?[week] else { continue }
                let noBeds = !use.isClosed && use.capacity <= 1e-6
                let fill = use.isClosed ? closedFill : noBeds ? noBedsFill : shade(use)
                let mark = use.isClosed ? "×" : noBeds ? "–" : (use.isBinding ? "●" : "")
                let cx = labelWidth + cellWidth * Double(week - 1)
                let state =
                    use.isClosed
                    ? "closed, send nobody" + (use.used > 1e-6 ? " (\(Fmt.quantity(use.used)) committed there)" : "")
                    : noBeds
                        ? "no beds"
                        : "\(Fmt.quantity(use.used)) of \(Fmt.quantity(use.capacity)) beds used"
                            + (use.isBinding ? ", full (binding)" : "")
                svg.append(
                    "<rect x=\"\(n(cx))\" y=\"\(n(y))\" width=\"\(n(cellWidth))\" height=\"\(n(rowHeight))\""
                        + " fill=\"\(fill)\" stroke=\"#fff\" stroke-width=\"1\"><title>"
                        + HTML.escape("\(house), \(Fmt.week(week)): \(state)") + "</title></rect>")
                if !mark.isEmpty {
                    svg.append(
                        "<text x=\"\(n(cx + cellWidth / 2))\" y=\"\(n(y + rowHeight / 2 + 4))\" text-anchor=\"middle\""
                            + " aria-hidden=\"true\" style=\"fill:\(markColour(fill))\">\(mark)</text>")
                }
            }
        }
        svg.append("</svg>")
        let fallback = [
            "<p>Every cell in numbers: the beds grid in the Capacity section (used/capacity, * = binding).</p>"
        ]
        return PlanCharts.figure(
            id: id, caption: "Capacity use per safe house and week (beds; ● = full, × = closed, – = no beds)", svg: svg,
            fallback: fallback)
    }

    static func shade(_ use: CapacityUse) -> String {
        if use.isBinding { return shades[5] }
        let ratio = use.used / use.capacity
        if ratio <= 1e-6 { return shades[0] }
        if ratio <= 0.25 { return shades[1] }
        if ratio <= 0.5 { return shades[2] }
        if ratio <= 0.75 { return shades[3] }
        return shades[4]
    }

    /// A mark readable on its cell: white on the dark shades.
    static func markColour(_ fill: String) -> String {
        fill == shades[3] || fill == shades[4] || fill == shades[5] ? "#fff" : "#111"
    }

    /// The full and closed cells in words; the shading in between is in the Capacity tables.
    static func description(_ houses: [String], _ byHouse: [String: [Int: CapacityUse]]) -> String {
        var full: [String] = []
        var closed: [String] = []
        var noBeds: [String] = []
        for house in houses {
            let uses = byHouse[house, default: [:]]
            let fullWeeks = uses.filter { $0.value.capacity > 1e-6 && $0.value.isBinding }.map(\.key)
            let closedWeeks = uses.filter { $0.value.isClosed }.map(\.key)
            let noBedWeeks = uses.filter { !$0.value.isClosed && $0.value.capacity <= 1e-6 }.map(\.key)
            if !fullWeeks.isEmpty { full.append("\(house) \(PlanCharts.weekRanges(fullWeeks))") }
            if !closedWeeks.isEmpty { closed.append("\(house) \(PlanCharts.weekRanges(closedWeeks))") }
            if !noBedWeeks.isEmpty { noBeds.append("\(house) \(PlanCharts.weekRanges(noBedWeeks))") }
        }
        var text = "Heat map of beds used out of beds available, \(Fmt.plural(houses.count, "safe house")) by week;"
            + " darker is fuller. "
        text += full.isEmpty ? "No safe house is full in any week." : "Full (binding): " + full.joined(separator: "; ") + "."
        if !closed.isEmpty { text += " Closed (send nobody): " + closed.joined(separator: "; ") + "." }
        if !noBeds.isEmpty { text += " Open without beds: " + noBeds.joined(separator: "; ") + "." }
        return text
    }

    private static func n(_ x: Double) -> String { PlanCharts.n(x) }
}
