import PassagePlanning

/// Persons flowing from where they start, through safe houses, to visa programmes (`chart-flows`), a
/// Sankey-style diagram: band widths are persons.
///
/// Bands are one neutral colour: the picture tells where people go by position and width, and every
/// flow is in the `<desc>`, in a tooltip and in the table under it.
enum FlowsChart {
    static let id = "chart-flows"

    /// One column of the diagram: node names in order, and persons per node.
    struct Column {
        var names: [String]
        var persons: [String: Int]
    }

    /// A band of the diagram: from a node of one column to a node of the next.
    struct Band: Hashable {
        var source: String
        var target: String
    }

    static func figure(_ plan: Plan) -> String? {
        guard !plan.itineraries.isEmpty else { return nil }
        var first: [Band: Int] = [:], second: [Band: Int] = [:]  // persons per band
        var paths: [[String]: Int] = [:]
        for itinerary in plan.itineraries {
            let origin = origin(itinerary)
            first[Band(source: origin, target: itinerary.stay.houseID), default: 0] += itinerary.size
            second[Band(source: itinerary.stay.houseID, target: itinerary.programmeID), default: 0] += itinerary.size
            paths[[origin, itinerary.stay.houseID, itinerary.programmeID], default: 0] += itinerary.size
        }
        let columns = [
            column(plan.itineraries.map { (origin($0), $0.size) }),
            column(plan.itineraries.map { ($0.stay.houseID, $0.size) }),
            column(plan.itineraries.map { ($0.programmeID, $0.size) }),
        ]
        let total = plan.itineraries.reduce(0) { $0 + $1.size }

        let width = 760.0, top = 30.0, bottom = 12.0, gap = 10.0, nodeWidth = 12.0
        let most = columns.map(\.names.count).max() ?? 1
        let plotHeight = max(220.0, 26.0 * Double(most))
        let height = top + plotHeight + bottom
        let unit = (plotHeight - gap * Double(most - 1)) / Double(max(1, total))
        let xs = [150.0, 374.0, 598.0]

        // Each node's top, in its column's order.
        var nodeTop: [[String: Double]] = []
        for column in columns {
            var y = top, tops: [String: Double] = [:]
            for name in column.names {
                tops[name] = y
                y += Double(column.persons[name] ?? 0) * unit + gap
            }
            nodeTop.append(tops)
        }

        var svg = PlanCharts.svgOpening(
            id: id, width: width, height: height, title: "Flows of persons from origins through safe houses to programmes",
            description: description(paths, total: total))
        svg.append("<g aria-hidden=\"true\">")
        for (x, label) in zip(xs, ["From", "Safe house", "Programme"]) {
            svg.append("<text x=\"\(n(x + nodeWidth / 2))\" y=\"16\" text-anchor=\"middle\" font-weight=\"bold\">\(label)</text>")
        }
        svg.append("</g>")
        // Bands, leaving each node and entering the next in the other column's order, so none cross inside a node.
        for (layer, flows) in [first, second].enumerated() {
            var outOffset: [String: Double] = [:], inOffset: [String: Double] = [:]
            let order = { (column: Int, name: String) in columns[column].names.firstIndex(of: name) ?? 0 }
            for band in flows.keys.sorted(by: {
                (order(layer, $0.source), order(layer + 1, $0.target)) < (order(layer, $1.source), order(layer + 1, $1.target))
            }) {
                let (source, target) = (band.source, band.target)
                let persons = flows[band] ?? 0
                let thickness = Double(persons) * unit
                let y0 = (nodeTop[layer][source] ?? top) + outOffset[source, default: 0] + thickness / 2
                let y1 = (nodeTop[layer + 1][target] ?? top) + inOffset[target, default: 0] + thickness / 2
                outOffset[source, default: 0] += thickness
                inOffset[target, default: 0] += thickness
                let x0 = xs[layer] + nodeWidth, x1 = xs[layer + 1], mid = (x0 + x1) / 2
                svg.append(
                    "<path d=\"M\(n(x0)),\(n(y0)) C\(n(mid)),\(n(y0)) \(n(mid)),\(n(y1)) \(n(x1)),\(n(y1))\" fill=\"none\""
                        + " stroke=\"#56B4E9\" stroke-opacity=\"0.55\" stroke-width=\"\(n(max(1, thickness)))\"><title>"
                        + HTML.escape("\(source) → \(target): \(Fmt.plural(persons, "person"))") + "</title></path>")
            }
        }
        // Nodes and their names: first column named on the left, the others on the right.
        for (index, column) in columns.enumerated() {
            for name in column.names {
                let y = nodeTop[index][name] ?? top, h = max(1, Double(column.persons[name] ?? 0) * unit)
                svg.append(
                    "<rect x=\"\(n(xs[index]))\" y=\"\(n(y))\" width=\"\(n(nodeWidth))\" height=\"\(n(h))\" fill=\"#111\">"
                        + "<title>" + HTML.escape("\(name): \(Fmt.plural(column.persons[name] ?? 0, "person"))")
                        + "</title></rect>")
                let shown = name.count > 20 ? String(name.prefix(19)) + "…" : name
                let labelX = index == 0 ? xs[index] - 6 : xs[index] + nodeWidth + 6
                svg.append(
                    "<text x=\"\(n(labelX))\" y=\"\(n(y + h / 2 + 4))\" text-anchor=\"\(index == 0 ? "end" : "start")\""
                        + " aria-hidden=\"true\" style=\"paint-order:stroke;stroke:#fff;stroke-width:3px\">"
                        + HTML.escape("\(shown) (\(column.persons[name] ?? 0))") + "</text>")
            }
        }
        svg.append("</svg>")

        let rows = paths.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { $0 + ["\(paths[$0] ?? 0)"] }
        let table = ReportTable(
            headers: ["From", "Safe house", "Programme", "Persons"], alignments: [.left, .left, .left, .right], rows: rows)
        return PlanCharts.figure(
            id: id, caption: "Flows of persons: from where they start, through safe houses, to visa programmes",
            svg: svg, fallback: HTMLBlocks.table(table))
    }

    /// Where a household starts: the first leg's origin, or the safe house's location if it needs no leg.
    static func origin(_ itinerary: Itinerary) -> String { itinerary.outbound.first?.from ?? itinerary.stay.location }

    /// Names sorted by id with their persons.
    static func column(_ entries: [(String, Int)]) -> Column {
        var persons: [String: Int] = [:]
        for (name, count) in entries { persons[name, default: 0] += count }
        return Column(names: persons.keys.sorted(), persons: persons)
    }

    /// Every path in words.
    static func description(_ paths: [[String]: Int], total: Int) -> String {
        let flows = paths.keys.sorted { $0.lexicographicallyPrecedes($1) }.map {
            $0.joined(separator: " → ") + ": " + Fmt.plural(paths[$0] ?? 0, "person")
        }
        return "Flow diagram of \(Fmt.plural(total, "person")) moved, from origin through safe house to programme. "
            + flows.joined(separator: "; ") + "."
    }

    private static func n(_ x: Double) -> String { PlanCharts.n(x) }
}
