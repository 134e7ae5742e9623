// commitments.csv: households already under way, whose pathways are fixed. Optional file.

enum CommitmentTable {
    static let schema = TableSchema(
        file: ScenarioFileName.commitments,
        columns: [
            ColumnSpec(name: "household", isRequired: true),
            ColumnSpec(name: "start_week", isRequired: true),
            ColumnSpec(name: "outbound", isRequired: false),
            ColumnSpec(name: "safe_house", isRequired: true),
            ColumnSpec(name: "programme", isRequired: true),
            ColumnSpec(name: "onward", isRequired: true),
            ColumnSpec(name: "document_service", isRequired: false),
            ColumnSpec(name: "transit_house", isRequired: false),
            ColumnSpec(name: "transit_weeks", isRequired: false),
        ],
        keyColumn: "household")

    /// Earliest start week accepted: a household that left up to two years before this round.
    static let earliestStartWeek = -104

    static func decode(_ table: CSVTable?, horizonWeeks: Int?, issues: inout [ValidationIssue])
        -> DecodedTable<Commitment>
    {
        TableDecoding.decode(table, schema: schema, echoValues: true, issues: &issues) { id, row in
            let start = row.requiredInteger("start_week", earliestStartWeek...(horizonWeeks ?? 1_000))
            let outbound =
                row.optional("outbound", Expected.identifiers) {
                    CellParsing.list($0, item: CellParsing.identifier)
                } ?? []
            let house = row.requiredIdentifier("safe_house")
            let programme = row.requiredIdentifier("programme")
            let onward = row.required("onward", Expected.identifiers) {
                CellParsing.list($0, item: CellParsing.identifier).flatMap { $0.isEmpty ? nil : $0 }
            }
            let documentService = row.optional("document_service", Expected.identifier, CellParsing.identifier)
            let transitHouse = row.optional("transit_house", Expected.identifier, CellParsing.identifier)
            var transitWeeks = row.optionalInteger("transit_weeks", 1...104)
            if (transitHouse == nil) != (transitWeeks == nil) {
                row.fail(
                    transitHouse == nil ? "transit_weeks" : "transit_house",
                    "transit_house and transit_weeks go together: give both for a transit stay, or neither")
                transitWeeks = nil
            }
            guard let id, let start, let house, let programme, let onward else { return nil }
            return Commitment(
                householdID: id, startWeek: start, outboundLegs: outbound, safeHouseID: house,
                programmeID: programme, onwardLegs: onward, documentServiceID: documentService,
                transitHouseID: transitWeeks == nil ? nil : transitHouse, transitWeeks: transitWeeks)
        }
    }
}
