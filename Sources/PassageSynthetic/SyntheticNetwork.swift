import PassageScenario

/// The role a generated leg plays, which decides how many seats it gets once the caseload is known.
enum LegRole: CaseIterable {
    /// From an origin region to a hub or border point of the same country.
    case local
    /// From a hub to a border point, or across a land border into a transit country.
    case overland
    /// A flight from a hub of an origin country to a transit capital.
    case flight
    /// Between two transit places.
    case transfer
    /// From a transit place to a destination city, travelled on a programme's visa.
    case onward
}

/// The places and legs of a synthetic scenario, with the indexes the rest of the generator needs.
struct SyntheticNetwork {
    var locations: [Location] = []
    var legs: [RouteLeg] = []
    var legRoles: [LegRole] = []
    /// Location indexes by role.
    var origins: [Int] = []
    var hubs: [Int] = []
    var borders: [Int] = []
    var lodgingPlaces: [Int] = []
    var destinations: [Int] = []
    /// Hub of each origin (parallel to `origins`).
    var hubOfOrigin: [Int] = []
    /// Origin countries in use, most frequent first, and every nationality in the caseload.
    var originCountries: [String] = []
    var nationalities: [String] = []
    var destinationCountries: [String] = []

    func id(_ location: Int) -> String { locations[location].id }
    func country(_ location: Int) -> String { locations[location].country }

    /// Adds a location and returns its index.
    mutating func addLocation(_ id: String, _ country: String, _ kind: LocationKind) -> Int {
        locations.append(Location(id: id, country: country, kind: kind))
        return locations.count - 1
    }

    /// Adds a leg (seats are set later, from the caseload).
    mutating func addLeg(
        from: Int, to: Int, role: LegRole, mode: TravelMode, days: Int, cost: Double, risk: Double,
        documents: DocumentRuleSpec
    ) {
        precondition(from != to, "a leg joins two different places")
        let number = String(legs.count + 1)
        let id = "L" + String(repeating: "0", count: max(0, 4 - number.count)) + number
        legs.append(RouteLeg(
            id: id, from: self.id(from), to: self.id(to), mode: mode, durationDays: days, costPerPerson: cost,
            seatsPerWeek: 0, documents: documents.rule, risk: risk))
        legRoles.append(role)
    }

    /// Whether some leg already joins `from` to `to`.
    func hasLeg(from: Int, to: Int) -> Bool {
        let a = id(from), b = id(to)
        return legs.contains { $0.from == a && $0.to == b }
    }
}
