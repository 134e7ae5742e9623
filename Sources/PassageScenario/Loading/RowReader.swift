// Reads the cells of one data row by column name, turning every bad cell into a located issue.

/// Reads typed values from one row; collects issues and remembers whether the row is complete.
///
/// With `echoValues` false (households.csv) messages name the column and what was expected, never the
/// cell's content: a household's attributes must not leak into logs or terminals.
struct RowReader {
    let file: String
    let row: CSVRow
    let columns: ColumnMap
    let echoValues: Bool
    private(set) var issues: [ValidationIssue] = []
    /// False once a value was bad or a required column absent: the row cannot become a domain value.
    private(set) var isComplete = true
    /// Well-formed location ids this row refers to, checked against locations.csv later even when
    /// another cell of the row is bad.
    private(set) var locationReferences: [LocationReference] = []

    init(file: String, row: CSVRow, columns: ColumnMap, echoValues: Bool) {
        self.file = file
        self.row = row
        self.columns = columns
        self.echoValues = echoValues
    }

    /// The cell of `column`, or nil when the column is not in the header.
    func cell(_ column: String) -> CSVCell? {
        guard let index = columns.indices[column], index < row.cells.count else { return nil }
        return row.cells[index]
    }

    /// Where `column`'s field starts in this row (the row's start if the column is absent).
    func position(_ column: String) -> TextPosition { cell(column)?.position ?? row.position }

    /// Records a problem with `column` in this row and marks the row incomplete.
    mutating func fail(_ column: String, _ message: String) {
        let at = position(column)
        issues.append(ValidationIssue(file: file, line: at.line, column: at.column, message: message))
        isComplete = false
    }

    private mutating func reject(_ column: String, _ cell: CSVCell, expected: String) {
        let got = echoValues ? " (got \"\(cell.value)\")" : ""
        fail(column, "\(column) must be \(expected)\(got)")
    }

    /// A required value. A missing column was reported with the header, so it only marks the row.
    mutating func required<T>(_ column: String, _ expected: String, _ parse: (String) -> T?) -> T? {
        guard let cell = cell(column) else {
            isComplete = false
            return nil
        }
        if cell.value.isEmpty {
            fail(column, "\(column) is empty; it must be \(expected)")
            return nil
        }
        guard let value = parse(cell.value) else {
            reject(column, cell, expected: expected)
            return nil
        }
        return value
    }

    /// An optional value: nil when the column is absent or the cell empty (or the value bad, reported).
    mutating func optional<T>(_ column: String, _ expected: String, _ parse: (String) -> T?) -> T? {
        guard let cell = cell(column), !cell.value.isEmpty else { return nil }
        guard let value = parse(cell.value) else {
            reject(column, cell, expected: expected)
            return nil
        }
        return value
    }

    // MARK: Typed helpers shared by the tables

    mutating func requiredInteger(_ column: String, _ range: ClosedRange<Int>) -> Int? {
        required(column, Expected.integer(range)) { CellParsing.integer($0).flatMap { range.contains($0) ? $0 : nil } }
    }

    mutating func requiredInteger(_ column: String, atLeast minimum: Int) -> Int? {
        required(column, Expected.integer(atLeast: minimum)) { CellParsing.integer($0).flatMap { $0 >= minimum ? $0 : nil } }
    }

    mutating func optionalInteger(_ column: String, _ range: ClosedRange<Int>) -> Int? {
        optional(column, Expected.integer(range)) { CellParsing.integer($0).flatMap { range.contains($0) ? $0 : nil } }
    }

    mutating func optionalInteger(_ column: String, atLeast minimum: Int) -> Int? {
        optional(column, Expected.integer(atLeast: minimum)) { CellParsing.integer($0).flatMap { $0 >= minimum ? $0 : nil } }
    }

    mutating func requiredNumber(_ column: String, atLeast minimum: Int) -> Double? {
        required(column, Expected.number(atLeast: minimum)) {
            CellParsing.number($0).flatMap { $0 >= Double(minimum) ? $0 : nil }
        }
    }

    mutating func requiredNumber(_ column: String, _ range: ClosedRange<Int>) -> Double? {
        required(column, Expected.number(range)) { text in
            CellParsing.number(text).flatMap { Double(range.lowerBound) <= $0 && $0 <= Double(range.upperBound) ? $0 : nil }
        }
    }

    mutating func optionalNumber(_ column: String, _ range: ClosedRange<Int>) -> Double? {
        optional(column, Expected.number(range)) { text in
            CellParsing.number(text).flatMap { Double(range.lowerBound) <= $0 && $0 <= Double(range.upperBound) ? $0 : nil }
        }
    }

    mutating func requiredIdentifier(_ column: String) -> String? {
        required(column, Expected.identifier, CellParsing.identifier)
    }

    /// A required location id, remembered for the cross-reference check.
    mutating func requiredLocation(_ column: String) -> String? {
        guard let id = requiredIdentifier(column), let cell = cell(column) else { return nil }
        locationReferences.append(LocationReference(
            file: file, column: column, id: id, position: cell.position, echoValue: echoValues))
        return id
    }

    mutating func requiredCountry(_ column: String) -> String? {
        required(column, Expected.countryCode, CellParsing.countryCode)
    }

    mutating func requiredEnum<E: RawRepresentable & CaseIterable>(_ column: String, _ type: E.Type) -> E?
    where E.RawValue == String {
        required(column, Expected.oneOf(type)) { E(rawValue: $0) }
    }

    /// An optional list of country codes; empty when absent.
    mutating func countryList(_ column: String) -> [String] {
        optional(column, Expected.countryCodes) { CellParsing.list($0, item: CellParsing.countryCode) } ?? []
    }

    /// An optional list of needs tags; empty when absent.
    mutating func tagList(_ column: String) -> [String] {
        optional(column, Expected.tags) { CellParsing.list($0, item: CellParsing.tag) } ?? []
    }
}

/// A cell that names a location, to be checked against locations.csv.
struct LocationReference {
    var file: String
    var column: String
    var id: String
    var position: TextPosition
    /// Whether the message may repeat the id (not in households.csv).
    var echoValue: Bool
}
