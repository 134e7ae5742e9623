// safe_houses.csv: where households wait while their application is processed.

enum SafeHouseTable {
    static let schema = TableSchema(
        file: ScenarioFileName.safeHouses,
        columns: [
            ColumnSpec(name: "id", isRequired: true),
            ColumnSpec(name: "location", isRequired: true),
            ColumnSpec(name: "beds", isRequired: true),
            ColumnSpec(name: "open_from_week", isRequired: false),
            ColumnSpec(name: "open_until_week", isRequired: false),
            ColumnSpec(name: "cost_per_person_week", isRequired: true),
            ColumnSpec(name: "max_stay_weeks", isRequired: false),
            ColumnSpec(name: "needs_supported", isRequired: false),
            ColumnSpec(name: "closure_risk", isRequired: false),
            ColumnSpec(name: "transit", isRequired: false),
        ])

    static func decode(_ table: CSVTable?, issues: inout [ValidationIssue]) -> DecodedTable<SafeHouse> {
        TableDecoding.decode(table, schema: schema, echoValues: true, issues: &issues) { id, row in
            let location = row.requiredLocation("location")
            let beds = row.requiredInteger("beds", atLeast: 0)
            let openFrom = row.optionalInteger("open_from_week", atLeast: 1)
            var openUntil = row.optionalInteger("open_until_week", atLeast: 1)
            if let until = openUntil, until < (openFrom ?? 1) {
                row.fail(
                    "open_until_week",
                    "open_until_week must be an integer of open_from_week (\(openFrom ?? 1)) or more (got \(until))")
                openUntil = nil
            }
            let cost = row.requiredNumber("cost_per_person_week", atLeast: 0)
            let maxStay = row.optionalInteger("max_stay_weeks", atLeast: 1)
            let needs = row.tagList("needs_supported")
            let closureRisk = row.optionalNumber("closure_risk", 0...1)
            let transit = row.optional("transit", Expected.yesNo, CellParsing.yesNo)
            guard let id, let location, let beds, let cost else { return nil }
            return SafeHouse(
                id: id, location: location, beds: beds, openFromWeek: openFrom ?? 1, openUntilWeek: openUntil,
                costPerPersonWeek: cost, maxStayWeeks: maxStay, needsSupported: needs,
                closureRisk: closureRisk, takesTransitGuests: transit ?? false)
        }
    }
}
