/// `ReportBlock`s as HTML elements: the same content as text and Markdown, so no format can drift.
enum HTMLBlocks {
    static func render(_ blocks: [ReportBlock]) -> [String] {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .heading(let text, let level):
                let l = min(6, max(1, level))
                out.append("<h\(l)>\(HTML.escape(text))</h\(l)>")
            case .warning(let text):
                // role="alert" is not used: the page is static, and an alert would interrupt on load.
                out.append("<p class=\"warning\"><strong>Warning:</strong> \(HTML.escape(text))</p>")
            case .lines(let lines):
                out += lines.map { "<p>\(HTML.escape($0))</p>" }
            case .table(let table):
                out += self.table(table)
            case .entry(let title, let details):
                out.append("<div class=\"entry\">")
                out.append("<p class=\"entry-title\"><strong>\(HTML.escape(title))</strong></p>")
                if !details.isEmpty {
                    out.append("<ul>")
                    out += details.map { "<li>\(HTML.escape($0))</li>" }
                    out.append("</ul>")
                }
                out.append("</div>")
            }
        }
        return out
    }

    /// A table in a scrolling box (a 26-week grid is wider than a phone); the box takes keyboard focus
    /// so it can be scrolled without a mouse. Headers are always shown: a page reader needs them even
    /// where the text report leaves them out.
    static func table(_ table: ReportTable) -> [String] {
        // Tables of two rows or more can be sorted (HTMLScript); the sorter adds the header buttons, so a
        // page read without scripts shows no buttons that do nothing.
        let sortable = table.rows.count >= 2 ? " class=\"sortable\"" : ""
        var out = ["<div class=\"table\" tabindex=\"0\">", "<table\(sortable)>", "<thead>", "<tr>"]
        for (column, header) in table.headers.enumerated() {
            out.append("<th scope=\"col\"\(align(table, column))>\(HTML.escape(header))</th>")
        }
        out += ["</tr>", "</thead>", "<tbody>"]
        for row in table.rows {
            var cells = ["<tr>"]
            for column in 0..<table.headers.count {
                let value = column < row.count ? row[column] : ""
                // The first column names the row (a house, a household), so it is a row header.
                let tag = column == 0 ? "th scope=\"row\"" : "td"
                let close = column == 0 ? "th" : "td"
                cells.append("<\(tag)\(align(table, column))>\(HTML.escape(value))</\(close)>")
            }
            cells.append("</tr>")
            out.append(cells.joined())
        }
        out += ["</tbody>", "</table>", "</div>"]
        return out
    }

    private static func align(_ table: ReportTable, _ column: Int) -> String {
        column < table.alignments.count && table.alignments[column] == .right ? " class=\"num\"" : ""
    }
}
