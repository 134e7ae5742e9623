// legs.csv: route legs between locations, with per-nationality document rules.

enum LegTable {
    static let schema = TableSchema(file: ScenarioFileName.legs, columns: [
        ColumnSpec(name: "id", isRequired: true),
        ColumnSpec(name: "from", isRequired: true),
        ColumnSpec(name: "to", isRequired: true),
        ColumnSpec(name: "mode", isRequired: true),
        ColumnSpec(name: "duration_days", isRequired: true),
        ColumnSpec(name: "cost_per_person", isRequired: true),
        ColumnSpec(name: "seats_per_week", isRequired: true),
        ColumnSpec(name: "documents", isRequired: true),
        ColumnSpec(name: "risk", isRequired: true),
        ColumnSpec(name: "cancel_rate", isRequired: false),
    ])

    static func decode(_ table: CSVTable?, issues: inout [ValidationIssue]) -> DecodedTable<RouteLeg> {
        TableDecoding.decode(table, schema: schema, echoValues: true, issues: &issues) { id, row in
            let from = row.requiredLocation("from")
            var to = row.requiredLocation("to")
            if let from, let target = to, from == target {
                row.fail("to", "to must differ from from (both are \"\(from)\")")
                to = nil
            }
            let mode = row.requiredEnum("mode", TravelMode.self)
            let duration = row.requiredInteger("duration_days", 0...30)
            let cost = row.requiredNumber("cost_per_person", atLeast: 0)
            let seats = row.requiredInteger("seats_per_week", atLeast: 0)
            let documents = documentRule(&row)
            let risk = row.requiredNumber("risk", 0...10)
            let cancelRate = row.optionalNumber("cancel_rate", 0...1)
            guard let id, let from, let to, let mode, let duration, let cost, let seats, let documents, let risk
            else { return nil }
            return RouteLeg(
                id: id, from: from, to: to, mode: mode, durationDays: duration, costPerPerson: cost,
                seatsPerWeek: seats, documents: documents, risk: risk, cancelRate: cancelRate)
        }
    }

    private static func documentRule(_ row: inout RowReader) -> DocumentRule? {
        guard let cell = row.cell("documents") else {
            _ = row.required("documents", DocumentRuleParsing.expected) { _ in () }  // Marks the row incomplete.
            return nil
        }
        if cell.value.isEmpty {
            row.fail("documents", "documents is empty; it must be \(DocumentRuleParsing.expected)")
            return nil
        }
        switch DocumentRuleParsing.parse(cell.value) {
        case .success(let rule): return rule
        case .failure(let error):
            row.fail("documents", "documents must be \(DocumentRuleParsing.expected): \(error.reason)")
            return nil
        }
    }
}
