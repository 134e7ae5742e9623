import PassageScenario

// What `passage stress` simulates: the moves of a plan and the uncertainty of the scenario it was
// made from. Plain values, `Codable` so that a fingerprint of them identifies a study (shards of one
// study must agree on it before they are merged).

/// One departure of a leg in a planned itinerary.
public struct StressDeparture: Sendable, Hashable, Codable {
    public var legID: String
    /// The week the plan has it depart.
    public var week: Int

    public init(legID: String, week: Int) {
        self.legID = legID
        self.week = week
    }
}

/// One planned move, as the plan gives it.
public struct StressItinerary: Sendable, Hashable, Codable {
    public var householdID: String
    public var persons: Int
    public var outbound: [StressDeparture]
    public var houseID: String
    /// First and last week (inclusive) of the planned stay in the house.
    public var stayFromWeek: Int
    public var stayToWeek: Int
    public var programmeID: String
    public var onward: [StressDeparture]
    /// The week the plan has the household reach its destination.
    public var arrivalWeek: Int

    public init(
        householdID: String, persons: Int, outbound: [StressDeparture], houseID: String, stayFromWeek: Int,
        stayToWeek: Int, programmeID: String, onward: [StressDeparture], arrivalWeek: Int
    ) {
        self.householdID = householdID
        self.persons = persons
        self.outbound = outbound
        self.houseID = houseID
        self.stayFromWeek = stayFromWeek
        self.stayToWeek = stayToWeek
        self.programmeID = programmeID
        self.onward = onward
        self.arrivalWeek = arrivalWeek
    }
}

/// A safe house as the simulation sees it.
public struct StressHouse: Sendable, Hashable, Codable {
    public var id: String
    public var closureRisk: Double
    public var costPerPersonWeek: Double
    public var maxStayWeeks: Int?
    public var openFromWeek: Int
    public var openUntilWeek: Int?
    /// Weeks closed inside the open window (what-if change files).
    public var closedWeeks: [ClosedRange<Int>]

    /// Whether the house is open in `week`.
    func isOpen(inWeek week: Int) -> Bool {
        week >= openFromWeek && week <= (openUntilWeek ?? Int.max) && !closedWeeks.contains { $0.contains(week) }
    }
}

/// A leg as the simulation sees it.
public struct StressLeg: Sendable, Hashable, Codable {
    public var id: String
    public var cancelRate: Double
}

/// A programme as the simulation sees it.
public struct StressProgramme: Sendable, Hashable, Codable {
    public var id: String
    public var processingWeeks: Int
    /// ≥ `processingWeeks`; equal when the scenario gives no `processing_weeks_max`.
    public var processingWeeksMax: Int
    public var refusalRate: Double
}

/// Everything one study simulates: the plan's moves (sorted by household id) and, for the houses, legs
/// and programmes they use, the scenario's uncertainty (absent columns mean no uncertainty).
public struct StressInput: Sendable, Hashable, Codable {
    public var horizonWeeks: Int
    /// The scenario's currency, for the extra cost.
    public var currency: String
    public var itineraries: [StressItinerary]
    public var houses: [StressHouse]
    public var legs: [StressLeg]
    public var programmes: [StressProgramme]

    /// A study of `itineraries` (sorted here by household id) over the given houses, legs and programmes,
    /// which must include every one the itineraries use.
    public init(
        horizonWeeks: Int, currency: String, itineraries: [StressItinerary], houses: [StressHouse], legs: [StressLeg],
        programmes: [StressProgramme]
    ) {
        self.horizonWeeks = horizonWeeks
        self.currency = currency
        self.itineraries = itineraries.sorted { $0.householdID < $1.householdID }
        self.houses = houses
        self.legs = legs
        self.programmes = programmes
    }

    /// Why a plan cannot be simulated against a scenario.
    public struct Mismatch: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The moves in `itineraries` against `scenario`; throws when the plan names a house, leg or
    /// programme the scenario does not have (it was made from another scenario).
    public init(scenario: Scenario, itineraries: [StressItinerary]) throws {
        horizonWeeks = scenario.settings.horizonWeeks
        currency = scenario.settings.currency
        self.itineraries = itineraries.sorted { $0.householdID < $1.householdID }
        let housesByID = Dictionary(scenario.safeHouses.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let legsByID = Dictionary(scenario.legs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let programmesByID = Dictionary(scenario.programmes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var houseIDs: Set<String> = []
        var legIDs: Set<String> = []
        var programmeIDs: Set<String> = []
        for move in self.itineraries {
            guard housesByID[move.houseID] != nil else {
                throw Mismatch(
                    description: "the plan uses safe house \(move.houseID), which the scenario does not have")
            }
            guard programmesByID[move.programmeID] != nil else {
                throw Mismatch(
                    description: "the plan uses programme \(move.programmeID), which the scenario does not have")
            }
            for departure in move.outbound + move.onward where legsByID[departure.legID] == nil {
                throw Mismatch(description: "the plan uses leg \(departure.legID), which the scenario does not have")
            }
            houseIDs.insert(move.houseID)
            programmeIDs.insert(move.programmeID)
            legIDs.formUnion((move.outbound + move.onward).map(\.legID))
        }
        houses = houseIDs.sorted().map { id in
            let house = housesByID[id]!
            return StressHouse(
                id: id, closureRisk: house.closureRisk ?? 0, costPerPersonWeek: house.costPerPersonWeek,
                maxStayWeeks: house.maxStayWeeks, openFromWeek: house.openFromWeek, openUntilWeek: house.openUntilWeek,
                closedWeeks: house.closedWeeks)
        }
        legs = legIDs.sorted().map { StressLeg(id: $0, cancelRate: legsByID[$0]!.cancelRate ?? 0) }
        programmes = programmeIDs.sorted().map { id in
            let programme = programmesByID[id]!
            return StressProgramme(
                id: id, processingWeeks: programme.processingWeeks,
                processingWeeksMax: max(programme.processingWeeks, programme.processingWeeksMax ?? 0),
                refusalRate: programme.refusalRate ?? 0)
        }
    }

    /// Households and persons the plan moves.
    public var householdsPlanned: Int { itineraries.count }
    public var personsPlanned: Int { itineraries.reduce(0) { $0 + $1.persons } }
    /// Persons the plan has reach their destination within the horizon.
    public var personsPlannedWithinHorizon: Int {
        itineraries.reduce(0) { $0 + ($1.arrivalWeek <= horizonWeeks ? $1.persons : 0) }
    }
}
