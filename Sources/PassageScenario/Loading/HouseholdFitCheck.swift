// Households larger than every safe house open to them: the planner can never move them (a household
// is never split), however empty the houses are. That is a warning, not an error: the scenario is
// still valid and the plan says "cannot fit", but a coordinator should know before planning, while a
// larger house can still be found.

enum HouseholdFitCheck {
    /// One warning per household with more persons than the beds of the largest safe house open to it,
    /// at the household's `size` cell.
    ///
    /// A house is open to a household here when some programme accepts its nationality, documents and
    /// needs, neither that programme's destination nor its lodging country is excluded, and the house
    /// is where that programme lodges applications, supports the needs and allows the processing time.
    /// Routes and timing are not considered, so these houses include every house the planner could use:
    /// a warning is never wrong, though the plan may find more households that cannot fit. Households
    /// with no house open at all are left to the plan, which says what closes each programme.
    static func check(
        households: DecodedTable<Household>, locations: DecodedTable<Location>,
        safeHouses: DecodedTable<SafeHouse>, programmes: DecodedTable<VisaProgramme>
    ) -> [ValidationIssue] {
        var country: [String: String] = [:]
        for location in locations.rows { country[location.value.id] = location.value.country }
        let houses = safeHouses.rows.map(\.value)
        var warnings: [ValidationIssue] = []
        for located in households.rows {
            let household = located.value
            let needs = Set(household.needs)
            let excluded = Set(household.excludedCountries)
            var open: [SafeHouse] = []
            for programme in programmes.rows.map(\.value)
            where programme.accepts(nationality: household.nationality) && household.holds(programme.documentsRequired)
                && needs.isSubset(of: programme.needsServed) && !excluded.contains(programme.destinationCountry)
                && !excluded.contains(country[programme.lodgedAt] ?? "")
            {
                open += houses.filter {
                    $0.location == programme.lodgedAt && needs.isSubset(of: $0.needsSupported)
                        && ($0.maxStayWeeks ?? Int.max) >= programme.processingWeeks
                }
            }
            // The first of the largest, in file order, so the message is the same on every run.
            guard let most = open.map(\.beds).max(), household.size > most,
                let largest = houses.first(where: { house in house.beds == most && open.contains { $0.id == house.id } })
            else { continue }
            let at = located.position("size")
            warnings.append(ValidationIssue(
                file: located.row.file, line: at.line, column: at.column,
                // Like every households.csv message, it repeats no cell value (not even the size): the
                // coordinator has the file open at this cell.
                message: "household \(household.id) has more persons than the beds of any safe house open to it"
                    + " (the largest, \(largest.id), has \(largest.beds)): a household is never split, so no plan can"
                    + " move it unless a house where a programme it qualifies for lodges applications, and that"
                    + " supports its needs, has a bed for each of its persons",
                severity: .warning))
        }
        return warnings
    }
}
