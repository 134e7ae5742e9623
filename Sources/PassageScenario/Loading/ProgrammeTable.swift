// programmes.csv: humanitarian visa and admission programmes.

enum ProgrammeTable {
    static let schema = TableSchema(file: ScenarioFileName.programmes, columns: [
        ColumnSpec(name: "id", isRequired: true),
        ColumnSpec(name: "destination_country", isRequired: true),
        ColumnSpec(name: "lodged_at", isRequired: true),
        ColumnSpec(name: "arrival", isRequired: true),
        ColumnSpec(name: "quota", isRequired: true),
        ColumnSpec(name: "quota_period", isRequired: true),
        ColumnSpec(name: "processing_weeks", isRequired: true),
        ColumnSpec(name: "nationalities", isRequired: false),
        ColumnSpec(name: "documents", isRequired: true),
        ColumnSpec(name: "needs_served", isRequired: false),
        ColumnSpec(name: "cost_per_person", isRequired: true),
        ColumnSpec(name: "application_from_week", isRequired: false),
        ColumnSpec(name: "application_until_week", isRequired: false),
        ColumnSpec(name: "processing_weeks_max", isRequired: false),
        ColumnSpec(name: "refusal_rate", isRequired: false),
    ])

    /// Decodes programmes; `weeks` converts dates in the application window, as far as the settings could be read.
    static func decode(_ table: CSVTable?, weeks: HorizonWeeks, issues: inout [ValidationIssue]) -> DecodedTable<VisaProgramme> {
        TableDecoding.decode(table, schema: schema, echoValues: true, issues: &issues) { id, row in
            let destination = row.requiredCountry("destination_country")
            let lodgedAt = row.requiredLocation("lodged_at")
            let arrival = row.requiredLocation("arrival")
            let quota = row.requiredInteger("quota", atLeast: 0)
            let period = row.requiredEnum("quota_period", QuotaPeriod.self)
            let processing = row.requiredInteger("processing_weeks", 1...52)
            let nationalities = row.countryList("nationalities")
            let documents = row.requiredEnum("documents", DocumentKind.self)
            let needs = row.tagList("needs_served")
            let cost = row.requiredNumber("cost_per_person", atLeast: 0)
            // A window may open before week 1 (it is open now) and close after the horizon, as week numbers may.
            let windowFrom = row.optionalWeek(
                "application_from_week", weeks, isCapped: false, rule: DatesBeforeStart(beforeStartIsWeekOne: true))
            var windowUntil = row.optionalWeek(
                "application_until_week", weeks, isCapped: false,
                rule: DatesBeforeStart(
                    beforeStartIsWeekOne: false,
                    early: "the application window closed before week 1; remove the programme or its window"))
            if let until = windowUntil, until < (windowFrom ?? 1) {
                row.fail(
                    "application_until_week",
                    "application_until_week must be an integer of application_from_week (\(windowFrom ?? 1)) or more (got \(until))")
                windowUntil = nil
            }
            var processingMax = row.optionalInteger("processing_weeks_max", 1...52)
            if let slowest = processingMax, let processing, slowest < processing {
                row.fail(
                    "processing_weeks_max",
                    "processing_weeks_max must be an integer of processing_weeks (\(processing)) or more (got \(slowest))")
                processingMax = nil
            }
            let refusal = row.optionalNumber("refusal_rate", 0...1)
            guard let id, let destination, let lodgedAt, let arrival, let quota, let period, let processing,
                let documents, let cost
            else { return nil }
            return VisaProgramme(
                id: id, destinationCountry: destination, lodgedAt: lodgedAt, arrival: arrival, quota: quota,
                quotaPeriod: period, processingWeeks: processing, nationalities: nationalities,
                documentsRequired: documents, needsServed: needs, costPerPerson: cost,
                applicationFromWeek: windowFrom, applicationUntilWeek: windowUntil, processingWeeksMax: processingMax,
                refusalRate: refusal)
        }
    }
}
