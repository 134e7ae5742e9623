// Checks each commitment against the other tables: everything it names exists, and its legs form one
// journey from the household's location to the lodging place, and from there to the arrival. Only
// complete rows are checked (a bad row was reported already). Messages name ids, never a household's
// attributes.

enum CommitmentCheck {
    static func check(
        _ commitments: DecodedTable<Commitment>, households: DecodedTable<Household>,
        safeHouses: DecodedTable<SafeHouse>, legs: DecodedTable<RouteLeg>, programmes: DecodedTable<VisaProgramme>,
        documentServices: DecodedTable<DocumentService> = DecodedTable()
    ) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let householdByID = Dictionary(households.rows.map { ($0.value.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        let legByID = Dictionary(legs.rows.map { ($0.value.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        let houseByID = Dictionary(safeHouses.rows.map { ($0.value.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        let programmeByID = Dictionary(
            programmes.rows.map { ($0.value.id, $0.value) }, uniquingKeysWith: { a, _ in a })
        let serviceByID = Dictionary(
            documentServices.rows.map { ($0.value.id, $0.value) }, uniquingKeysWith: { a, _ in a })

        for located in commitments.rows {
            let commitment = located.value
            func report(_ column: String, _ message: String) {
                let at = located.position(column)
                issues.append(
                    ValidationIssue(
                        file: ScenarioFileName.commitments, line: at.line, column: at.column, message: message))
            }
            var complete = true
            if households.isAvailable, !households.ids.contains(commitment.householdID) {
                report(
                    "household",
                    "household \(commitment.householdID) is not an id in \(ScenarioFileName.households)"
                        + ClosestNames.suggestion(for: commitment.householdID, among: households.ids))
                complete = false
            }
            for (column, ids) in [("outbound", commitment.outboundLegs), ("onward", commitment.onwardLegs)] {
                for id in ids where legs.isAvailable && !legs.ids.contains(id) {
                    report(
                        column,
                        "leg \(id) is not an id in \(ScenarioFileName.legs)"
                            + ClosestNames.suggestion(for: id, among: legs.ids))
                    complete = false
                }
            }
            if safeHouses.isAvailable, !safeHouses.ids.contains(commitment.safeHouseID) {
                report(
                    "safe_house",
                    "safe_house \(commitment.safeHouseID) is not an id in \(ScenarioFileName.safeHouses)"
                        + ClosestNames.suggestion(for: commitment.safeHouseID, among: safeHouses.ids))
                complete = false
            }
            if programmes.isAvailable, !programmes.ids.contains(commitment.programmeID) {
                report(
                    "programme",
                    "programme \(commitment.programmeID) is not an id in \(ScenarioFileName.programmes)"
                        + ClosestNames.suggestion(for: commitment.programmeID, among: programmes.ids))
                complete = false
            }
            if let service = commitment.documentServiceID, !documentServices.ids.contains(service) {
                // Absent file or no such row: either way the id names nothing.
                report(
                    "document_service",
                    "document_service \(service) is not an id in \(ScenarioFileName.documentServices)"
                        + ClosestNames.suggestion(for: service, among: documentServices.ids))
                complete = false
            }
            if let transit = commitment.transitHouseID, safeHouses.isAvailable, !safeHouses.ids.contains(transit) {
                report(
                    "transit_house",
                    "transit_house \(transit) is not an id in \(ScenarioFileName.safeHouses)"
                        + ClosestNames.suggestion(for: transit, among: safeHouses.ids))
                complete = false
            }
            // The journey, when every part decoded.
            guard complete, let household = householdByID[commitment.householdID],
                let house = houseByID[commitment.safeHouseID], let programme = programmeByID[commitment.programmeID]
            else { continue }
            let transitHouse = commitment.transitHouseID.flatMap { houseByID[$0] }
            // The document is obtained where the household is, before it leaves, or during the transit stay.
            if let id = commitment.documentServiceID, let service = serviceByID[id],
                service.location != (transitHouse?.location ?? household.location)
            {
                report(
                    "document_service",
                    transitHouse.map {
                        "document_service \(id) is at \(service.location), not where the transit stay is (\($0.location))"
                    } ?? "document_service \(id) is at \(service.location), not where the household is (its location)")
            }
            let outbound = commitment.outboundLegs.compactMap { legByID[$0] }
            let onward = commitment.onwardLegs.compactMap { legByID[$0] }
            guard outbound.count == commitment.outboundLegs.count, onward.count == commitment.onwardLegs.count
            else { continue }
            // A transit stay is at a place the outbound legs reach (not where the household starts).
            if let transitHouse, !outbound.contains(where: { $0.to == transitHouse.location }) {
                report(
                    "transit_house",
                    "transit_house \(transitHouse.id) is at \(transitHouse.location), which the outbound legs do not reach"
                )
            }
            if let problem = chainProblem(
                outbound, from: household.location, fromWords: "where the household is (its location)",
                to: programme.lodgedAt, toWords: "where programme \(programme.id) lodges applications")
            {
                report("outbound", problem)
            }
            if house.location != programme.lodgedAt {
                report(
                    "safe_house",
                    "safe_house \(house.id) is not at \(programme.lodgedAt), where programme \(programme.id) lodges applications"
                )
            }
            if let problem = chainProblem(
                onward, from: programme.lodgedAt, fromWords: "the lodging place \(programme.lodgedAt)",
                to: programme.arrival, toWords: "the programme's arrival \(programme.arrival)")
            {
                report("onward", problem)
            }
        }
        return issues
    }

    /// Why `legs` do not form one journey from `from` to `to`, or nil when they do.
    private static func chainProblem(
        _ legs: [RouteLeg], from: String, fromWords: String, to: String, toWords: String
    ) -> String? {
        var place = from
        for leg in legs {
            if leg.from != place {
                return "leg \(leg.id) does not continue the journey: it must leave from "
                    + (place == from ? fromWords : place)
            }
            place = leg.to
        }
        return place == to ? nil : "the legs must end at \(toWords)"
    }
}
