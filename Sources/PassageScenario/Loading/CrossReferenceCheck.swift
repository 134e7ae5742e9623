// References between tables, checked on whatever parsed: a table that is missing or has no id column is
// not referenced against (its own issue already says why), and ids on otherwise bad rows still count.

enum CrossReferenceCheck {
    static func check(
        households: DecodedTable<Household>, locations: DecodedTable<Location>,
        safeHouses: DecodedTable<SafeHouse>, legs: DecodedTable<RouteLeg>,
        programmes: DecodedTable<VisaProgramme>
    ) -> [ValidationIssue] {
        guard locations.isAvailable else { return [] }
        var issues: [ValidationIssue] = []
        let file = ScenarioFileName.locations

        func dangling<V>(_ row: Located<V>, _ column: String, _ value: String, echo: Bool) {
            guard !locations.ids.contains(value) else { return }
            let at = row.position(column)
            let named = echo ? "\(column) \"\(value)\"" : column
            issues.append(ValidationIssue(
                file: row.row.file, line: at.line, column: at.column, message: "\(named) is not an id in \(file)"))
        }

        for household in households.rows {
            dangling(household, "location", household.value.location, echo: false)
        }
        for house in safeHouses.rows {
            dangling(house, "location", house.value.location, echo: true)
        }
        for leg in legs.rows {
            dangling(leg, "from", leg.value.from, echo: true)
            dangling(leg, "to", leg.value.to, echo: true)
        }
        // Country of each location that decoded completely; a bad location row was reported already.
        var country: [String: String] = [:]
        for location in locations.rows { country[location.value.id] = location.value.country }
        for programme in programmes.rows {
            dangling(programme, "lodged_at", programme.value.lodgedAt, echo: true)
            dangling(programme, "arrival", programme.value.arrival, echo: true)
            let destination = programme.value.destinationCountry
            if let arrivalCountry = country[programme.value.arrival], arrivalCountry != destination {
                let at = programme.position("arrival")
                issues.append(ValidationIssue(
                    file: programme.row.file, line: at.line, column: at.column,
                    message: "arrival \"\(programme.value.arrival)\" is in country \(arrivalCountry) "
                        + "but destination_country is \(destination); the arrival must be in the destination country"))
            }
        }
        return issues
    }
}
