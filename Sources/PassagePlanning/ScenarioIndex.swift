import PassageScenario

/// Lookups over a scenario's tables by id and by place, built once per planning run.
///
/// Every list is kept in the scenario's id order so that everything built from it is deterministic.
struct ScenarioIndex: Sendable {
    let scenario: Scenario
    /// Country code of every location id.
    let countryOf: [String: String]
    /// Indices into `scenario.legs` leaving each location, sorted by leg id.
    let legsFrom: [String: [Int]]
    /// Indices into `scenario.safeHouses` at each location, sorted by house id.
    let housesAt: [String: [Int]]
    /// Indices into `scenario.programmes`, sorted by programme id.
    let programmeOrder: [Int]
    /// Indices into `scenario.documentServices` at each location, sorted by service id.
    let servicesAt: [String: [Int]]
    /// Indices into `scenario.safeHouses` of the houses that take transit guests, sorted by house id.
    let transitHouses: [Int]

    init(_ scenario: Scenario) {
        self.scenario = scenario
        var countries: [String: String] = [:]
        for location in scenario.locations { countries[location.id] = location.country }
        countryOf = countries
        let legOrder = scenario.legs.indices.sorted { scenario.legs[$0].id < scenario.legs[$1].id }
        var from: [String: [Int]] = [:]
        for leg in legOrder { from[scenario.legs[leg].from, default: []].append(leg) }
        legsFrom = from
        let houseOrder = scenario.safeHouses.indices.sorted { scenario.safeHouses[$0].id < scenario.safeHouses[$1].id }
        var houses: [String: [Int]] = [:]
        for house in houseOrder { houses[scenario.safeHouses[house].location, default: []].append(house) }
        housesAt = houses
        transitHouses = houseOrder.filter { scenario.safeHouses[$0].takesTransitGuests }
        programmeOrder = scenario.programmes.indices.sorted { scenario.programmes[$0].id < scenario.programmes[$1].id }
        let serviceOrder = scenario.documentServices.indices.sorted {
            scenario.documentServices[$0].id < scenario.documentServices[$1].id
        }
        var services: [String: [Int]] = [:]
        for service in serviceOrder {
            services[scenario.documentServices[service].location, default: []].append(service)
        }
        servicesAt = services
    }

    /// Country of a location id ("??" if unknown, which validation prevents).
    func country(_ location: String) -> String { countryOf[location] ?? "??" }
}
