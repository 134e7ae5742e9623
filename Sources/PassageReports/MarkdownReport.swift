import PassagePlanning

/// The plan as GitHub-flavoured Markdown: the same content as the text report, as headings and tables.
public enum MarkdownReport {
    /// Renders `plan` as Markdown.
    public static func render(_ plan: Plan, options: ReportOptions = ReportOptions(format: .markdown)) -> String {
        render(PlanDocument.build(plan, options: options, detail: .summarised))
    }

    static func render(_ document: ReportDocument) -> String {
        var out: [String] = []
        for block in document.blocks {
            if !out.isEmpty { out.append("") }
            switch block {
            case .heading(let text, let level):
                out.append(String(repeating: "#", count: min(6, max(1, level))) + " " + Markdown.escape(text))
            case .warning(let text):
                // A GitHub alert renders as a coloured box; the bold text keeps it loud in other viewers.
                out += ["> [!WARNING]", "> **" + Markdown.escape(text) + "**"]
            case .lines(let lines):
                // One paragraph per line: hard line breaks differ between Markdown dialects.
                out += lines.map(Markdown.escape).flatMap { [$0, ""] }.dropLast()
            case .table(let table):
                out += table.markdownLines()
            case .entry(let title, let details):
                out.append("- **" + Markdown.escape(title) + "**")
                out += details.map { "  - " + Markdown.escape($0) }
            }
        }
        return out.map(trimmedTrailing).joined(separator: "\n") + "\n"
    }
}

/// Markdown escaping shared by the Markdown renderer and tables.
enum Markdown {
    /// `text` with Markdown's inline syntax escaped and control characters replaced, so ids and
    /// explanations from scenario files show literally and cannot break a table or inject links or HTML.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in Fmt.printable(text) {
            if "\\`*_|<>[]~#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
