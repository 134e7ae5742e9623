import PassagePlanning

/// Every itinerary of the plan in one table (`table-itineraries`), one row per household, for sorting
/// by any column in the page (its header buttons); the per-household itineraries follow in full.
enum ItineraryTable {
    static let id = "table-itineraries"

    static func figure(_ plan: Plan) -> String? {
        guard !plan.itineraries.isEmpty else { return nil }
        let currency = plan.scenario.currency
        let rows = plan.itineraries.sorted { $0.householdID < $1.householdID }.map { i in
            [
                i.householdID, "\(i.size)", "\(i.urgency)", Fmt.week(i.readyWeek), Fmt.week(i.startWeek),
                "\(i.weeksWaited)", i.stay.houseID, i.programmeID, i.destinationCountry, Fmt.week(i.arrivalWeek),
                // A bare number, so the sorter orders it numerically; the currency is in the header.
                Fmt.grouped(i.cost, decimals: 2),
            ]
        }
        let table = ReportTable(
            headers: [
                "Household", "Persons", "Urgency", "Ready", "Leaves", "Weeks waited", "Safe house", "Programme",
                "Country", "Arrives", "Cost (\(currency))",
            ],
            alignments: [.left, .right, .right, .left, .left, .right, .left, .left, .left, .left, .right], rows: rows)
        return (["<figure id=\"\(id)\" aria-labelledby=\"\(id)-caption\">",
                 "<figcaption id=\"\(id)-caption\">All itineraries, one row per household (sort by any column)</figcaption>"]
            + HTMLBlocks.table(table) + ["</figure>"]).joined(separator: "\n")
    }
}
