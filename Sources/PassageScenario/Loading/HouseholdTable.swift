// households.csv: the caseload. Decoded without echoing any cell value into messages.

enum HouseholdTable {
    static let schema = TableSchema(file: ScenarioFileName.households, columns: [
        ColumnSpec(name: "id", isRequired: true),
        ColumnSpec(name: "size", isRequired: true),
        ColumnSpec(name: "location", isRequired: true),
        ColumnSpec(name: "urgency", isRequired: true),
        ColumnSpec(name: "ready_week", isRequired: false),
        ColumnSpec(name: "nationality", isRequired: true),
        ColumnSpec(name: "passport", isRequired: true),
        ColumnSpec(name: "internal_id", isRequired: true),
        ColumnSpec(name: "needs", isRequired: false),
        ColumnSpec(name: "excluded_countries", isRequired: false),
        ColumnSpec(name: "preferred_countries", isRequired: false),
        ColumnSpec(name: "latest_departure_week", isRequired: false),
    ])

    /// Decodes households; `horizonWeeks` bounds ready_week when the settings could be read.
    static func decode(_ table: CSVTable?, horizonWeeks: Int?, issues: inout [ValidationIssue]) -> DecodedTable<Household> {
        TableDecoding.decode(table, schema: schema, echoValues: false, issues: &issues) { id, row in
            let size = row.requiredInteger("size", 1...30)
            let location = row.requiredLocation("location")
            let urgency = row.requiredInteger("urgency", 1...4)
            let readyWeek: Int?
            if let horizonWeeks {
                readyWeek = row.optionalInteger("ready_week", 1...horizonWeeks)
            } else {
                readyWeek = row.optionalInteger("ready_week", atLeast: 1)
            }
            let nationality = row.requiredCountry("nationality")
            let passport = row.requiredEnum("passport", PassportStatus.self)
            let internalID = row.required("internal_id", Expected.yesNo, CellParsing.yesNo)
            let needs = row.tagList("needs")
            let excluded = row.countryList("excluded_countries")
            let preferred = row.countryList("preferred_countries")
            var latest: Int?
            if let horizonWeeks {
                latest = row.optionalInteger("latest_departure_week", 1...horizonWeeks)
            } else {
                latest = row.optionalInteger("latest_departure_week", atLeast: 1)
            }
            if let deadline = latest, deadline < (readyWeek ?? 1) {
                row.fail("latest_departure_week", "latest_departure_week must not be before ready_week")
                latest = nil
            }
            guard let id, let size, let location, let urgency, let nationality, let passport, let internalID
            else { return nil }
            return Household(
                id: id, size: size, location: location, urgency: urgency, readyWeek: readyWeek ?? 1,
                nationality: nationality, passport: passport, hasInternalID: internalID, needs: needs,
                excludedCountries: excluded, preferredCountries: preferred, latestDepartureWeek: latest)
        }
    }
}
