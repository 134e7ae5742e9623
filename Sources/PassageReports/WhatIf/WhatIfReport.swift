import PassagePlanning

/// Renders a ``WhatIfComparison`` in any ``ReportFormat``: text and Markdown for people, JSON and CSV
/// for programs and spreadsheets. Every format is deterministic byte for byte (no timings appear).
public enum WhatIfReport {
    /// `comparison` rendered as `format`, ending in a newline.
    public static func render(_ comparison: WhatIfComparison, format: ReportFormat) -> String {
        switch format {
        case .text: TextReport.render(WhatIfDocument.build(comparison))
        case .markdown: MarkdownReport.render(WhatIfDocument.build(comparison))
        case .json: WhatIfJSON.render(comparison)
        case .csv: WhatIfCSV.render(comparison)
        case .html: HTMLReport.page(WhatIfDocument.build(comparison), charts: [WhatIfChart.figure(comparison)])
        }
    }
}
