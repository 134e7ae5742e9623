import PassagePlanning

/// The sweep's chart (``SweepChart``, the same drawing `--chart` writes) as a figure of the sweep's
/// HTML page, `id="chart-sweep"`.
enum SweepFigure {
    static func figure(_ sweep: Sweep) -> String {
        // Inline SVG in HTML needs neither the XML declaration nor the namespace, and the page must hold
        // no URL at all (docs/REPORTS.md, "HTML").
        let svg = SweepChart.render(sweep).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("<?xml") }
            .map { $0.replacingOccurrences(of: #" xmlns="http://www.w3.org/2000/svg""#, with: "") }
        return PlanCharts.figure(
            id: "chart-sweep", caption: "Persons moved and total cost against the value swept",
            svg: svg.filter { !$0.isEmpty },
            fallback: ["<p>Every point in numbers: the table of plans by value above.</p>"])
    }
}
