import CSV
import Foundation

/// A cell's value and where the field starts.
struct CSVCell {
    /// The field's value, unquoted, with surrounding spaces and tabs trimmed.
    var value: String
    var position: TextPosition
}

/// A data row: where it starts and its cells in file order.
struct CSVRow {
    var position: TextPosition
    var cells: [CSVCell]
}

/// A CSV file read into a header and data rows, every cell located.
struct CSVTable {
    var file: String
    var header: [CSVCell]
    var rows: [CSVRow]
}

/// Reads a CSV table: positions from ``CSVPositionIndex``, values from CSV.swift.
enum CSVTableReader {
    /// The table in `data`, or nil (with issues) when the file has no usable header.
    ///
    /// Malformed records are reported and left out; blank lines are skipped; every other record becomes a
    /// row, whatever its number of fields (the schema step checks that, so it can say which row).
    static func read(file: String, data: Data, issues: inout [ValidationIssue]) -> CSVTable? {
        let text: String
        switch TextDecoding.decodeUTF8(data) {
        case .success(let decoded): text = decoded
        case .failure(let failure):
            issues.append(failure.issue(file: file))
            return nil
        }
        let scalars = Array(text.unicodeScalars)
        let spans = CSVPositionIndex.scan(scalars)
        let values = parseValues(scalars: scalars, text: text, spans: spans)

        var header: [CSVCell]?
        var rows: [CSVRow] = []
        for (span, fields) in zip(spans, values) {
            if let malformation = span.malformation {
                issues.append(ValidationIssue(
                    file: file, line: malformation.position.line, column: malformation.position.column,
                    message: "malformed CSV: \(malformation.message)"))
                if header == nil { return nil }  // Without a header nothing below can be interpreted.
                continue
            }
            if span.isBlank { continue }
            guard let fields, fields.count == span.fieldStarts.count else {
                issues.append(ValidationIssue(
                    file: file, line: span.start.line, column: span.start.column,
                    message: "malformed CSV: this record could not be read"))
                continue
            }
            let cells = zip(fields, span.fieldStarts).map { value, position in
                CSVCell(value: value.trimmingCharacters(in: CSVTableReader.padding), position: position)
            }
            if header == nil {
                header = cells
            } else {
                rows.append(CSVRow(position: span.start, cells: cells))
            }
        }
        guard let header else {
            issues.append(ValidationIssue(
                file: file, line: 1, column: 1, message: "the header row is missing: the file is empty"))
            return nil
        }
        return CSVTable(file: file, header: header, rows: rows)
    }

    /// Spaces and tabs around a value are not part of it (spreadsheets and hand edits add them).
    static let padding = CharacterSet(charactersIn: " \t")

    /// Field values for each span, by CSV.swift.
    ///
    /// Normally the whole text is parsed in one pass and its records line up one to one with the spans.
    /// When the text is malformed CSV.swift's record boundaries can drift from the index's, so each
    /// well-formed record is then parsed on its own.
    private static func parseValues(scalars: [Unicode.Scalar], text: String, spans: [CSVRecordSpan]) -> [[String]?] {
        if spans.allSatisfy({ $0.malformation == nil }), let reader = try? CSVReader(string: text) {
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            if rows.count == spans.count, reader.error == nil { return rows }
        }
        return spans.map { span in
            if span.malformation != nil { return nil }
            var record = String.UnicodeScalarView()
            record.append(contentsOf: scalars[span.scalarRange])
            guard let reader = try? CSVReader(string: String(record)) else { return nil }
            // An empty record yields no row at all; it is one empty field.
            return reader.next() ?? [""]
        }
    }
}
