/// The content of a human-readable report, independent of its presentation.
///
/// `PlanDocument` decides *what* a coordinator reads; `TextReport` and `MarkdownReport` decide only how
/// it looks, so the two formats cannot drift apart.
struct ReportDocument: Sendable, Hashable {
    var blocks: [ReportBlock]
}

/// One piece of a report. Strings are plain text; each renderer escapes and decorates them itself.
enum ReportBlock: Sendable, Hashable {
    /// A heading; level 1 is the title, 2 a section, 3 an item within a section.
    case heading(String, level: Int)
    /// Something that must not be missed (a plan that is not proven optimal).
    case warning(String)
    /// Lines of prose, each kept on its own line.
    case lines([String])
    /// A table.
    case table(ReportTable)
    /// A titled entry with detail lines (a household not moved and why).
    case entry(title: String, details: [String])
}

/// How much of a plan's data a document spells out.
enum DocumentDetail: Sendable, Hashable {
    /// For reading (text, Markdown): legs far from full in one line instead of grid rows, bottlenecks
    /// as sentences instead of tables of prices. The numbers left out are in the JSON report.
    case summarised
    /// Every grid row and table (HTML, a page people sort and search).
    case full
}
