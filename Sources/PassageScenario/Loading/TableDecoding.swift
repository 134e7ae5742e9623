// The row loop shared by every table: field counts, ids and duplicates, then the table's own decoder.

/// A value decoded from a row, with where its fields were (for cross-reference messages).
struct Located<Value> {
    var value: Value
    var row: RowReader

    func position(_ column: String) -> TextPosition { row.position(column) }
}

/// The outcome of decoding one table.
struct DecodedTable<Value> {
    /// Rows that decoded completely, in file order.
    var rows: [Located<Value>] = []
    /// Every well-formed id in the table (even on otherwise bad rows), so that references to a row with
    /// a bad cell are not also reported as dangling.
    var ids: Set<String> = []
    /// Location references from every row with the right number of fields, complete or not.
    var locationReferences: [LocationReference] = []
    /// False when the file is missing, unreadable or has no id column: references into it are not checked.
    var isAvailable = false
}

enum TableDecoding {
    /// Decodes every row of `table` with `decodeRow`, which reads the row's cells through the reader.
    static func decode<Value>(
        _ table: CSVTable?, schema: TableSchema, echoValues: Bool, issues: inout [ValidationIssue],
        decodeRow: (_ id: String?, _ reader: inout RowReader) -> Value?
    ) -> DecodedTable<Value> {
        var result = DecodedTable<Value>()
        guard let table else { return result }
        // A ';'-separated file cannot be read column by column: one issue says why, and nothing else.
        if let issue = SeparatorCheck.semicolonIssue(table, schema: schema) {
            issues.append(issue)
            return result
        }
        let columns = HeaderCheck.bind(table, to: schema, issues: &issues)
        let key = schema.keyColumn
        result.isAvailable = columns.indices[key] != nil
        var firstLine: [String: Int] = [:]

        for row in table.rows {
            var reader = RowReader(file: table.file, row: row, columns: columns, echoValues: echoValues)
            // A row with the wrong number of fields has its values under the wrong columns: report it
            // once rather than a cascade of misleading type errors. Its id (if it looks like one) still
            // counts as known, so references to it are not reported as dangling too.
            if row.cells.count != columns.width {
                issues.append(ValidationIssue(
                    file: table.file, line: row.position.line, column: row.position.column,
                    message: "the row has \(row.cells.count) fields but the header has \(columns.width)"))
                if let id = reader.cell(key).flatMap({ CellParsing.identifier($0.value) }) { result.ids.insert(id) }
                continue
            }
            let id = reader.requiredIdentifier(key)
            if let id {
                result.ids.insert(id)
                if let first = firstLine[id] {
                    reader.fail(key, "duplicate \(key) \(id): first defined on line \(first)")
                } else {
                    firstLine[id] = row.position.line
                }
            }
            let value = decodeRow(id, &reader)
            issues.append(contentsOf: reader.issues)
            result.locationReferences += reader.locationReferences
            if let value, reader.isComplete {
                result.rows.append(Located(value: value, row: reader))
            }
        }
        return result
    }
}
