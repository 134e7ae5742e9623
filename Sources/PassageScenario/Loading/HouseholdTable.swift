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

    /// Decodes households; `weeks` bounds ready_week and latest_departure_week and converts dates in them,
    /// as far as the settings could be read.
    static func decode(_ table: CSVTable?, weeks: HorizonWeeks, issues: inout [ValidationIssue]) -> DecodedTable<Household> {
        TableDecoding.decode(table, schema: schema, echoValues: false, issues: &issues) { id, row in
            let size = row.requiredInteger("size", 1...30)
            let location = row.requiredLocation("location")
            let urgency = row.requiredInteger("urgency", 1...4)
            // A household that became ready before week 1 is ready now.
            let readyWeek = row.optionalWeek("ready_week", weeks, isCapped: true, rule: DatesBeforeStart(beforeStartIsWeekOne: true))
            let nationality = row.requiredCountry("nationality")
            let passport = row.requiredEnum("passport", PassportStatus.self)
            let internalID = row.required("internal_id", Expected.yesNo, CellParsing.yesNo)
            let needs = row.tagList("needs")
            let excluded = row.countryList("excluded_countries")
            let preferred = row.countryList("preferred_countries")
            var latest = row.optionalWeek(
                "latest_departure_week", weeks, isCapped: true,
                rule: DatesBeforeStart(
                    beforeStartIsWeekOne: false,
                    early: "the latest safe departure has passed; if the household must still leave as soon as possible, give week 1"))
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
