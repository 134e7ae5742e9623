import PassagePlanning

/// Every household not moved in one table (`table-not-moved`), a row each with its reason in one line,
/// for sorting by urgency, size or reason in the page; the full reasons follow as in the text report.
enum NotMovedTable {
    static let id = "table-not-moved"

    static func figure(_ plan: Plan) -> String? {
        guard !plan.unmoved.isEmpty else { return nil }
        let rows = plan.unmoved.sorted { $0.householdID < $1.householdID }.map { u in
            [u.householdID, "\(u.size)", "\(u.urgency)", Fmt.week(u.readyWeek), Fmt.reasonOneLine(u.reason)]
        }
        let table = ReportTable(
            headers: ["Household", "Persons", "Urgency", "Ready", "Reason"],
            alignments: [.left, .right, .right, .left, .left], rows: rows)
        return (["<figure id=\"\(id)\" aria-labelledby=\"\(id)-caption\">",
                 "<figcaption id=\"\(id)-caption\">Households not moved, with the reason (sort by any column)</figcaption>"]
            + HTMLBlocks.table(table) + ["</figure>"]).joined(separator: "\n")
    }
}
