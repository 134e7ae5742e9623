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

/// A planned document step: the household applies at a document service and leaves once it holds the
/// document (docs/MODEL.md, "Document steps").
public struct StressDocumentStep: Sendable, Hashable, Codable {
    public var serviceID: String
    /// The week the household applies.
    public var startWeek: Int
    /// The weeks the plan counts on until it holds the document.
    public var weeks: Int

    public init(serviceID: String, startWeek: Int, weeks: Int) {
        self.serviceID = serviceID
        self.startWeek = startWeek
        self.weeks = weeks
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
    /// The document step the move begins with, if any (absent from the JSON a fingerprint is taken of
    /// when there is none, so studies without steps keep their fingerprints).
    public var document: StressDocumentStep?

    public init(
        householdID: String, persons: Int, outbound: [StressDeparture], houseID: String, stayFromWeek: Int,
        stayToWeek: Int, programmeID: String, onward: [StressDeparture], arrivalWeek: Int,
        document: StressDocumentStep? = nil
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
        self.document = document
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

/// A document service as the simulation sees it.
public struct StressDocumentService: Sendable, Hashable, Codable {
    public var id: String
    public var weeks: Int
    /// ≥ `weeks`; equal when the scenario gives no `weeks_max`.
    public var weeksMax: Int
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
    /// The document services the moves' document steps use, by id; none for a plan without steps.
    public var documentServices: [StressDocumentService] {
        get { services ?? [] }
        set { services = newValue.isEmpty ? nil : newValue }
    }
    /// Nil rather than empty, so that the JSON of a study without document steps, and its fingerprint,
    /// are what they were before steps existed.
    private var services: [StressDocumentService]?

    private enum CodingKeys: String, CodingKey {
        case horizonWeeks, currency, itineraries, houses, legs, programmes
        case services = "documentServices"
    }

    /// Whether some move begins with a document step.
    public var hasDocumentSteps: Bool { itineraries.contains { $0.document != nil } }

    /// A study of `itineraries` (sorted here by household id) over the given houses, legs and programmes,
    /// which must include every one the itineraries use.
    public init(
        horizonWeeks: Int, currency: String, itineraries: [StressItinerary], houses: [StressHouse], legs: [StressLeg],
        programmes: [StressProgramme], documentServices: [StressDocumentService] = []
    ) {
        self.horizonWeeks = horizonWeeks
        self.currency = currency
        self.itineraries = itineraries.sorted { $0.householdID < $1.householdID }
        self.houses = houses
        self.legs = legs
        self.programmes = programmes
        self.documentServices = documentServices
    }

    /// Why a plan cannot be simulated against a scenario.
    public struct Mismatch: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The moves in `itineraries` against `scenario`; throws when the plan names a house, leg,
    /// programme or document service the scenario does not have (it was made from another scenario).
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
        let servicesByID = Dictionary(
            scenario.documentServices.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var serviceIDs: Set<String> = []
        for move in self.itineraries {
            if let step = move.document {
                guard servicesByID[step.serviceID] != nil else {
                    throw Mismatch(
                        description:
                            "the plan uses document service \(step.serviceID), which the scenario does not have")
                }
                serviceIDs.insert(step.serviceID)
            }
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
        documentServices = serviceIDs.sorted().map { id in
            let service = servicesByID[id]!
            return StressDocumentService(
                id: id, weeks: service.weeks, weeksMax: max(service.weeks, service.weeksMax ?? 0),
                refusalRate: service.refusalRate ?? 0)
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
