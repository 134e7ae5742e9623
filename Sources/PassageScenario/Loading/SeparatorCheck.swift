// Excel in many locales (where the decimal separator is a comma) saves "CSV" with ';' between columns.
// Read as comma-separated, such a file is one column named "id;size;location;…", and every message about
// it would be misleading: say what happened and how to save the file instead.

enum SeparatorCheck {
    /// The issue for `table` when it was saved with ';' between columns: its header is one field whose
    /// ';'-separated pieces include column names of `schema`. Nil otherwise.
    static func semicolonIssue(_ table: CSVTable, schema: TableSchema) -> ValidationIssue? {
        guard table.header.count == 1, let header = table.header.first, header.value.contains(";") else { return nil }
        let names = header.value.split(separator: ";").map {
            $0.trimmingCharacters(in: CSVTableReader.padding).trimmingCharacters(in: ["\""])
        }
        let known = Set(schema.columns.map(\.name))
        guard names.contains(where: known.contains) else { return nil }
        return ValidationIssue(
            file: table.file, line: header.position.line, column: header.position.column,
            message: "\(table.file) has ';' between its columns, as spreadsheets save CSV in many locales; Passage "
                + "reads comma-separated files: save \(table.file) as comma-separated (in Excel: \"CSV UTF-8 (Comma "
                + "delimited)\"; in LibreOffice: field delimiter ',') and check that numbers use '.' for decimals")
    }
}
