import PassageScenario

/// How varied a scenario is: the counts that drive the size of the planning model (docs/MODEL.md,
/// "Size"), printed by `passage generate` and checked by the tests.
public struct ScenarioVariety: Sendable, Hashable, CustomStringConvertible {
    public var households: Int
    public var persons: Int
    /// Locations of kind `origin`.
    public var origins: Int
    /// Distinct places where programmes take applications.
    public var lodgingPlaces: Int
    public var safeHouses: Int
    public var legs: Int
    public var programmes: Int
    /// Distinct nationalities among the households.
    public var nationalities: Int
    /// Distinct (passport state, internal ID) combinations among the households (at most 6).
    public var documentStates: Int
    /// Distinct strongest documents among the households (at most 3).
    public var strongestDocuments: Int
    /// Distinct needs tags among the households.
    public var needsTags: Int
    public var horizonWeeks: Int

    /// Counts `scenario`.
    public init(_ scenario: Scenario) {
        households = scenario.households.count
        persons = scenario.households.reduce(0) { $0 + $1.size }
        origins = scenario.locations.filter { $0.kind == .origin }.count
        lodgingPlaces = Set(scenario.programmes.map(\.lodgedAt)).count
        safeHouses = scenario.safeHouses.count
        legs = scenario.legs.count
        programmes = scenario.programmes.count
        nationalities = Set(scenario.households.map(\.nationality)).count
        documentStates = Set(scenario.households.map { "\($0.passport.rawValue)/\($0.hasInternalID)" }).count
        strongestDocuments = Set(scenario.households.map(\.strongestDocument)).count
        needsTags = Set(scenario.households.flatMap(\.needs)).count
        horizonWeeks = scenario.settings.horizonWeeks
    }

    /// One line: `10000 households, 23456 persons, 19 origins, …`.
    public var description: String {
        "\(households) households, \(persons) persons, \(origins) origins, \(lodgingPlaces) lodging places, "
            + "\(safeHouses) safe houses, \(legs) legs, \(programmes) programmes, \(nationalities) nationalities, "
            + "\(documentStates) document states, \(needsTags) needs tags, \(horizonWeeks)-week horizon"
    }
}
