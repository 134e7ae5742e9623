// The columns each table may have, and the check of a header row against them.

/// A column of a table.
struct ColumnSpec {
    var name: String
    var isRequired: Bool
}

/// The columns of one CSV table.
struct TableSchema {
    var file: String
    var columns: [ColumnSpec]
    /// The column whose values identify rows and must be unique (`id`, or `household` in
    /// commitments.csv).
    var keyColumn = "id"

    /// Column names in documented order, for messages.
    var columnList: String { columns.map(\.name).joined(separator: ", ") }
}

/// Where each known column is in a table's rows.
struct ColumnMap {
    /// Column name → field index, for the known columns present in the header.
    var indices: [String: Int]
    /// Number of fields every row must have (the header's).
    var width: Int
}

enum HeaderCheck {
    /// Checks the header of `table` against `schema` and maps the known columns.
    ///
    /// Refuses identifier-like columns (with their own message), unknown columns, repeated columns and
    /// missing required columns; rows are still decoded afterwards for the columns that are present.
    static func bind(_ table: CSVTable, to schema: TableSchema, issues: inout [ValidationIssue]) -> ColumnMap {
        let known = Set(schema.columns.map(\.name))
        var indices: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        for (index, cell) in table.header.enumerated() {
            let name = cell.value
            func report(_ message: String) {
                issues.append(ValidationIssue(
                    file: table.file, line: cell.position.line, column: cell.position.column, message: message))
            }
            if name.isEmpty {
                report("empty column name in the header; expected columns: \(schema.columnList)")
            } else if IdentifierColumnPolicy.isIdentifierLike(name) {
                report(IdentifierColumnPolicy.message(for: name))
            } else if !known.contains(name) {
                report("unknown column \"\(name)\"; expected columns: \(schema.columnList)")
            } else if let first = firstSeen[name] {
                report("column \"\(name)\" appears twice in the header (first as column \(first + 1))")
            } else {
                firstSeen[name] = index
                indices[name] = index
            }
        }
        let headerLine = table.header.first?.position.line ?? 1
        for column in schema.columns where column.isRequired && indices[column.name] == nil {
            issues.append(ValidationIssue(
                file: table.file, line: headerLine, column: 1,
                message: "required column \"\(column.name)\" is missing from the header"))
        }
        return ColumnMap(indices: indices, width: table.header.count)
    }
}
