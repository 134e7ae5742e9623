import PassagePlanning

/// The plan as one self-contained HTML page: every section of the text report, plus inline SVG charts.
///
/// The page must open offline and leak nothing (docs/REPORTS.md, "HTML"): it has no font, image,
/// script or link from outside itself, and a Content-Security-Policy that forbids loading any,
/// so even a hostile id in a scenario file cannot make a browser send a request. Every string is
/// escaped. The same plan gives the same bytes (no timings, no dates of rendering).
public enum HTMLReport {
    /// The Content-Security-Policy of every page: nothing may be fetched, only the page's own inline
    /// style applies, the one script that may run is the table sorter (named by its hash, so an injected
    /// script could not run even if escaping failed), and images may only be `data:` URLs (none today).
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src \(HTMLScript.sortableTablesHash);"
        + " base-uri 'none'; form-action 'none'"

    /// Renders `plan` as an HTML page; `options.redacted` gives the redacted page (no charts).
    public static func render(_ plan: Plan, options: ReportOptions = ReportOptions(format: .html)) -> String {
        if options.redacted { return RedactedReport.render(plan, format: .html, options: options) }
        var blocks = PlanDocument.build(plan, options: options, detail: .full).blocks
        // The charts follow the summary, as a section of their own: after the warning and the numbers
        // they picture, before the long itinerary tables. `PlanDocument.build` starts with exactly
        // these three parts, so their block count is where the charts go.
        let afterSummary =
            (PlanDocument.header(plan) + PlanDocument.solver(plan, options: options) + PlanDocument.summary(plan)).count
        let charts = PlanCharts.all(plan)
        let index = min(afterSummary, blocks.count)
        let head = ReportDocument(blocks: Array(blocks[..<index]))
        blocks.removeFirst(index)
        return page(head, charts: charts, then: ReportDocument(blocks: blocks))
    }

    /// A page of `document`'s blocks with `charts` (already rendered `<figure>`s) in a "Charts" section
    /// after them, then `rest`. Used for every report that has a `ReportDocument`.
    static func page(
        _ document: ReportDocument, charts: [String], then rest: ReportDocument = ReportDocument(blocks: [])
    )
        -> String
    {
        let title =
            document.blocks.lazy.compactMap { block -> String? in
                if case .heading(let text, level: 1) = block { return text }
                return nil
            }.first ?? "Passage report"
        var out = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTML.escape(contentSecurityPolicy))\">",
            "<meta name=\"referrer\" content=\"no-referrer\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(HTML.escape(title))</title>",
            "<style>",
            HTMLStyle.css,
            "</style>",
            "</head>",
            "<body>",
            "<main>",
        ]
        out += HTMLBlocks.render(document.blocks)
        if !charts.isEmpty {
            out.append("<section class=\"charts\" aria-labelledby=\"charts-heading\">")
            out.append("<h2 id=\"charts-heading\">Charts</h2>")
            out += charts
            out.append("</section>")
        }
        out += HTMLBlocks.render(rest.blocks)
        out.append("</main>")
        // Last, so the tables it enhances exist when it runs.
        out += ["<script>" + HTMLScript.sortableTables + "</script>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }
}

/// HTML escaping shared by the page and its charts.
enum HTML {
    /// `text` safe inside an element or a quoted attribute (`markupEscaped`, shared with SVG charts).
    static func escape(_ text: String) -> String { markupEscaped(text) }
}
