import PassagePlanning

/// The formats a plan can be rendered in.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Plain text for a terminal (what a coordinator reads).
    case text
    /// GitHub-flavoured Markdown, the same content as `text`.
    case markdown
    /// Machine-readable JSON, byte-identical for the same plan (documented in docs/REPORTS.md).
    case json
    /// One row per household, for spreadsheets.
    case csv
    /// One self-contained HTML page (the text report's sections plus inline SVG charts) that opens
    /// offline and requests nothing; see `HTMLReport` and docs/REPORTS.md.
    case html

    /// The usual file-name extension for the format, without the dot.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .json: "json"
        case .csv: "csv"
        case .html: "html"
        }
    }
}

/// Choices that change what a report contains.
public struct ReportOptions: Sendable, Hashable {
    /// Whether the solve time appears. It varies from run to run, so it defaults to on only for text and
    /// Markdown (read by people); JSON, CSV and HTML default to off so the same plan gives the same bytes
    /// (an HTML page is often kept or shared as a file, where identical bytes show nothing changed).
    public var includeTimings: Bool
    /// Whether the report is redacted: aggregates only, fit to share (see `RedactedPlan`, docs/REPORTS.md).
    public var redacted: Bool

    /// Options with explicit choices.
    public init(includeTimings: Bool, redacted: Bool = false) {
        self.includeTimings = includeTimings
        self.redacted = redacted
    }

    /// The defaults for `format`: timings in text and Markdown, none in JSON and CSV.
    public init(format: ReportFormat, redacted: Bool = false) {
        switch format {
        case .text, .markdown: self.includeTimings = true
        case .json, .csv, .html: self.includeTimings = false
        }
        self.redacted = redacted
    }
}

/// Renders a plan in any `ReportFormat`.
public enum ReportRenderer {
    /// `plan` rendered as `format`; `options` default to `ReportOptions(format:)`.
    public static func render(_ plan: Plan, format: ReportFormat, options: ReportOptions? = nil) -> String {
        let options = options ?? ReportOptions(format: format)
        if options.redacted { return RedactedReport.render(plan, format: format, options: options) }
        switch format {
        case .text: return TextReport.render(plan, options: options)
        case .markdown: return MarkdownReport.render(plan, options: options)
        case .json: return JSONReport.render(plan, options: options)
        case .csv: return CSVReport.render(plan)
        case .html: return HTMLReport.render(plan, options: options)
        }
    }
}
