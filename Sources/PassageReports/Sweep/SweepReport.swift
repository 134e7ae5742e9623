import PassagePlanning

/// Renders a ``Sweep`` in any ``ReportFormat``: text and Markdown for people, JSON and CSV for
/// programs and spreadsheets, one row or entry per value in increasing order. Every format is
/// deterministic byte for byte (no timings appear). The chart is ``SweepChart``.
public enum SweepReport {
    /// `sweep` rendered as `format`, ending in a newline.
    public static func render(_ sweep: Sweep, format: ReportFormat) -> String {
        switch format {
        case .text: TextReport.render(SweepDocument.build(sweep))
        case .markdown: MarkdownReport.render(SweepDocument.build(sweep))
        case .json: SweepData.json(sweep)
        case .csv: SweepData.csv(sweep)
        case .html: HTMLReport.page(SweepDocument.build(sweep), charts: [SweepFigure.figure(sweep)])
        }
    }
}
