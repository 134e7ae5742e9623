// References between tables, checked on whatever parsed: a table that is missing or has no id column is
// not referenced against (its own issue already says why); ids on otherwise bad rows still count, and
// references from otherwise bad rows are still checked.

enum CrossReferenceCheck {
    static func check(
        households: DecodedTable<Household>, locations: DecodedTable<Location>,
        safeHouses: DecodedTable<SafeHouse>, legs: DecodedTable<RouteLeg>,
        programmes: DecodedTable<VisaProgramme>, documentServices: DecodedTable<DocumentService> = DecodedTable()
    ) -> [ValidationIssue] {
        guard locations.isAvailable else { return [] }
        var issues: [ValidationIssue] = []
        let references =
            households.locationReferences + safeHouses.locationReferences
            + legs.locationReferences + programmes.locationReferences
            + documentServices.locationReferences
        for reference in references where !locations.ids.contains(reference.id) {
            // households.csv never repeats a cell value, not even a location id; the suggestions are ids of
            // locations.csv, which the coordinator needs to correct the cell.
            let named = reference.echoValue ? "\(reference.column) \"\(reference.id)\"" : reference.column
            issues.append(
                ValidationIssue(
                    file: reference.file, line: reference.position.line, column: reference.position.column,
                    message: "\(named) is not an id in \(ScenarioFileName.locations)"
                        + ClosestNames.suggestion(for: reference.id, among: locations.ids)))
        }
        // The arrival must be in the destination country; only locations that decoded completely have a
        // trusted country (a bad location row was reported already).
        var country: [String: String] = [:]
        for location in locations.rows { country[location.value.id] = location.value.country }
        for programme in programmes.rows {
            let destination = programme.value.destinationCountry
            if let arrivalCountry = country[programme.value.arrival], arrivalCountry != destination {
                let at = programme.position("arrival")
                issues.append(
                    ValidationIssue(
                        file: programme.row.file, line: at.line, column: at.column,
                        message: "arrival \"\(programme.value.arrival)\" is in country \(arrivalCountry) "
                            + "but destination_country is \(destination); the arrival must be in the destination country"
                    ))
            }
        }
        return issues
    }
}
