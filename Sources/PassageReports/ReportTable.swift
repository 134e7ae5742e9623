/// A table laid out once and printed either as aligned plain text or as a GitHub-flavoured Markdown table.
///
/// Text and Markdown reports share this so column logic (alignment, widths, escaping) lives in one place.
struct ReportTable: Sendable, Hashable {
    /// How a column's cells line up in text.
    enum Alignment: Sendable, Hashable { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]]
    /// Whether text output prints the header row (itinerary lines read better without one).
    var showsHeaderInText: Bool = true
    /// Leading columns repeated in every panel when a wide table is split to fit the text width.
    var repeatedColumns: Int = 1

    init(
        headers: [String], alignments: [Alignment]? = nil, rows: [[String]], showsHeaderInText: Bool = true,
        repeatedColumns: Int = 1
    ) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
        self.rows = rows
        self.showsHeaderInText = showsHeaderInText
        self.repeatedColumns = repeatedColumns
    }

    // MARK: Text

    /// The table as aligned text lines, indented by `indent` spaces, columns two spaces apart.
    ///
    /// A table wider than `maxWidth` (a week-by-week grid over 26 weeks) is split into panels of columns,
    /// each repeating the leading `repeatedColumns`, separated by an empty line, so it never wraps.
    func textLines(maxWidth: Int, indent: Int = 0) -> [String] {
        let cells = rows.map { $0.map(Fmt.printable) }
        let head = headers.map(Fmt.printable)
        let count = headers.count
        var widths = (0..<count).map { column in
            let cellWidths = cells.map { column < $0.count ? $0[column].count : 0 }
            return max(showsHeaderInText ? head[column].count : 0, cellWidths.max() ?? 0)
        }
        if !showsHeaderInText && cells.isEmpty { widths = widths.map { _ in 0 } }

        let fixed = Array(0..<min(repeatedColumns, count))
        var panels: [[Int]] = []
        var current = fixed
        var currentWidth = indent + fixed.reduce(0) { $0 + widths[$1] } + 2 * max(0, fixed.count - 1)
        for column in fixed.count..<max(fixed.count, count) {
            let added = (current.isEmpty ? 0 : 2) + widths[column]
            if current.count > fixed.count && currentWidth + added > maxWidth {
                panels.append(current)
                current = fixed
                currentWidth = indent + fixed.reduce(0) { $0 + widths[$1] } + 2 * max(0, fixed.count - 1)
            }
            currentWidth += (current.isEmpty ? 0 : 2) + widths[column]
            current.append(column)
        }
        panels.append(current)

        var lines: [String] = []
        for (index, panel) in panels.enumerated() {
            if index > 0 { lines.append("") }
            func line(_ values: [String]) -> String {
                let padded = panel.map { column -> String in
                    let value = column < values.count ? values[column] : ""
                    let pad = String(repeating: " ", count: max(0, widths[column] - value.count))
                    return alignments[column] == .right ? pad + value : value + pad
                }
                return trimmedTrailing(String(repeating: " ", count: indent) + padded.joined(separator: "  "))
            }
            // A long left-aligned last cell (an itinerary's description) wraps under its own column
            // instead of running past the width.
            func wrapped(_ values: [String]) -> [String] {
                let single = line(values)
                guard let last = panel.last, single.count > maxWidth, alignments[last] == .left,
                    last < values.count
                else { return [single] }
                let offset = indent + panel.dropLast().reduce(0) { $0 + widths[$1] + 2 }
                let pieces = TextReport.wrap(values[last], width: max(20, maxWidth - offset), indent: 0, hanging: 2)
                var first = values
                first[last] = pieces[0]
                return [line(first)]
                    + pieces.dropFirst().map { trimmedTrailing(String(repeating: " ", count: offset) + $0) }
            }
            if showsHeaderInText {
                lines.append(line(head))
                lines.append(line(panel.map { String(repeating: "-", count: widths[$0]) }))
            }
            lines += cells.flatMap(wrapped)
        }
        return lines
    }

    // MARK: Markdown

    /// The table in GitHub-flavoured Markdown; cell text is escaped so data cannot break the table.
    func markdownLines() -> [String] {
        func row(_ values: [String]) -> String {
            "| " + (0..<headers.count).map { Markdown.escape($0 < values.count ? values[$0] : "") }
                .joined(separator: " | ") + " |"
        }
        let rule = "|" + alignments.map { $0 == .right ? "---:|" : "---|" }.joined()
        return [row(headers), rule] + rows.map(row)
    }
}

/// Removes trailing spaces, so padded lines compare cleanly and no editor rewrites snapshots.
func trimmedTrailing(_ s: String) -> String {
    var s = s
    while s.hasSuffix(" ") { s.removeLast() }
    return s
}
