import PassagePlanning

/// The charts of a plan's HTML page, each a `<figure>` with a stable `id` so a reader (or a check) can
/// link to it: `chart-moved-per-week`, `chart-capacity` and `chart-flows`.
enum PlanCharts {
    /// Every chart the plan has data for, in reading order.
    static func all(_ plan: Plan) -> [String] {
        [MovedPerWeekChart.figure(plan), CapacityHeatMap.figure(plan), FlowsChart.figure(plan), ItineraryTable.figure(plan),
         NotMovedTable.figure(plan)]
            .compactMap { $0 }
    }

    /// A figure: caption, the SVG (`role="img"`, labelled by its `<title>` and `<desc>`), then the
    /// numbers as a table or a note, so nothing is told by the picture alone.
    static func figure(id: String, caption: String, svg: [String], fallback: [String]) -> String {
        (["<figure id=\"\(id)\" aria-labelledby=\"\(id)-caption\">",
          "<figcaption id=\"\(id)-caption\">\(HTML.escape(caption))</figcaption>"]
            + svg + fallback + ["</figure>"]).joined(separator: "\n")
    }

    /// The opening of an SVG chart and its accessible name and description.
    static func svgOpening(id: String, width: Double, height: Double, title: String, description: String) -> [String] {
        [
            // No xmlns: inline SVG in HTML needs none, and the page holds no URL at all.
            "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\""
                + " height=\"\(n(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">",
            "<title id=\"\(id)-title\">\(HTML.escape(title))</title>",
            "<desc id=\"\(id)-desc\">\(HTML.escape(description))</desc>",
        ]
    }

    /// A coordinate with at most one decimal, the same on every machine and locale.
    static func n(_ x: Double) -> String { SweepChart.n(x) }

    /// Weeks as short ranges: `W3–W5, W9`.
    static func weekRanges(_ weeks: [Int]) -> String {
        var ranges: [(Int, Int)] = []
        for week in weeks.sorted() {
            if let last = ranges.last, last.1 + 1 == week { ranges[ranges.count - 1].1 = week } else { ranges.append((week, week)) }
        }
        return ranges.map { Fmt.weeks($0.0, $0.1) }.joined(separator: ", ")
    }
}
