// document_services.csv: where households can obtain a stronger document. Optional file.

enum DocumentServiceTable {
    static let schema = TableSchema(
        file: ScenarioFileName.documentServices,
        columns: [
            ColumnSpec(name: "id", isRequired: true),
            ColumnSpec(name: "location", isRequired: true),
            ColumnSpec(name: "obtains", isRequired: true),
            ColumnSpec(name: "requires", isRequired: true),
            ColumnSpec(name: "nationalities", isRequired: false),
            ColumnSpec(name: "weeks", isRequired: true),
            ColumnSpec(name: "cost_per_person", isRequired: true),
            ColumnSpec(name: "risk", isRequired: true),
            ColumnSpec(name: "capacity", isRequired: false),
            ColumnSpec(name: "weeks_max", isRequired: false),
            ColumnSpec(name: "refusal_rate", isRequired: false),
        ])

    /// Decodes document services; locations are checked with every other table's
    /// (`CrossReferenceCheck`), through the reader's location references.
    static func decode(_ table: CSVTable?, issues: inout [ValidationIssue]) -> DecodedTable<DocumentService> {
        TableDecoding.decode(table, schema: schema, echoValues: true, issues: &issues) { id, row in
            let location = row.requiredLocation("location")
            let obtains = row.requiredEnum("obtains", DocumentKind.self)
            let requires = row.requiredEnum("requires", DocumentKind.self)
            // A service that issues nothing stronger than what it asks for could never be of use: a
            // mistake in the row, most likely the two columns swapped.
            if let obtains, let requires, obtains <= requires {
                row.fail(
                    "obtains",
                    "obtains (\(obtains.rawValue)) must be a stronger document than requires (\(requires.rawValue)); "
                        + "documents from weakest to strongest: none, internal_id, international_passport")
            }
            let nationalities = row.countryList("nationalities")
            let weeks = row.requiredInteger("weeks", 1...52)
            let cost = row.requiredNumber("cost_per_person", atLeast: 0)
            let risk = row.requiredNumber("risk", 0...10)
            let capacity = row.optionalInteger("capacity", atLeast: 0)
            // Uncertainty for `passage stress` (docs/STRESS.md), as a programme's processing and refusals.
            var weeksMax = row.optionalInteger("weeks_max", 1...52)
            if let slowest = weeksMax, let weeks, slowest < weeks {
                row.fail("weeks_max", "weeks_max must be an integer of weeks (\(weeks)) or more (got \(slowest))")
                weeksMax = nil
            }
            let refusal = row.optionalNumber("refusal_rate", 0...1)
            guard let id, let location, let obtains, let requires, obtains > requires, let weeks, let cost, let risk
            else { return nil }
            return DocumentService(
                id: id, location: location, obtains: obtains, requires: requires, nationalities: nationalities,
                weeks: weeks, costPerPerson: cost, risk: risk, capacity: capacity, weeksMax: weeksMax,
                refusalRate: refusal)
        }
    }
}
