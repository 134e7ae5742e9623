import PassageScenario

/// The plan a coordinator is acting on, as far as re-planning needs it: each moved household's
/// pathway (as a `Commitment`: start week, legs, house, programme) and who was not moved.
public struct PreviousPlan: Sendable, Hashable {
    /// Pathways of the households the previous plan moved, by household id.
    public var pathways: [String: Commitment]
    /// Households the previous plan did not move.
    public var notMoved: Set<String>
    /// The date the previous plan's week 1 started, when known: a plan made before the scenario was
    /// advanced counts weeks from an earlier Monday, and its weeks are shifted to the scenario's.
    public var startDate: CalendarDate?

    public init(pathways: [String: Commitment], notMoved: Set<String>, startDate: CalendarDate? = nil) {
        self.pathways = pathways
        self.notMoved = notMoved
        self.startDate = startDate
    }

    /// The same plan with its weeks counted from `start` (a Monday) instead of its own start date.
    public func counted(from start: CalendarDate) -> PreviousPlan {
        guard let startDate, startDate != start else { return self }
        let offset = (start.dayNumber - startDate.dayNumber) / 7
        var shifted = self
        for id in pathways.keys { shifted.pathways[id]!.startWeek -= offset }
        shifted.startDate = start
        return shifted
    }

    /// The previous plan as `plan` left it.
    public init(_ plan: Plan) {
        var pathways: [String: Commitment] = [:]
        for itinerary in plan.itineraries {
            pathways[itinerary.householdID] = Commitment(itinerary)
        }
        self.init(
            pathways: pathways, notMoved: Set(plan.unmoved.map(\.householdID)), startDate: plan.scenario.startDate)
    }

    /// The previous pathways of `households` (households marked started) as commitments, with their weeks
    /// counted from `start`, the scenario's week 1; sorted by id. Ids without a previous pathway are returned
    /// in `unknown`. A plan made before `advance` counts its weeks from an earlier Monday: taken as they
    /// stand, its pathways would start as many weeks late as the scenario was advanced (issue 14, bug 1).
    public func commitments(for households: [String], countedFrom start: CalendarDate) -> (
        commitments: [Commitment], unknown: [String]
    ) {
        let pathways = counted(from: start).pathways
        var found: [Commitment] = []
        var unknown: [String] = []
        for id in Set(households).sorted() {
            if let pathway = pathways[id] { found.append(pathway) } else { unknown.append(id) }
        }
        return (found, unknown)
    }
}

/// A pathway's identity across plans: same legs, house, programme and start week.
struct PathwayKey: Hashable, Sendable {
    var startWeek: Int
    var outbound: [String]
    var house: String
    var programme: String
    var onward: [String]
    /// The document service the pathway begins with, if any.
    var documentService: String?
    /// The transit stay's house and weeks, if any.
    var transitHouse: String?
    var transitWeeks: Int?

    init(_ commitment: Commitment) {
        documentService = commitment.documentServiceID
        transitHouse = commitment.transitHouseID
        transitWeeks = commitment.transitWeeks
        startWeek = commitment.startWeek
        outbound = commitment.outboundLegs
        house = commitment.safeHouseID
        programme = commitment.programmeID
        onward = commitment.onwardLegs
    }

    init(_ pathway: Pathway, startWeek: Int, scenario: Scenario) {
        self.startWeek = startWeek
        outbound = pathway.outbound.legs.map { scenario.legs[$0].id }
        house = scenario.safeHouses[pathway.house].id
        programme = scenario.programmes[pathway.programme].id
        onward = pathway.onward.legs.map { scenario.legs[$0].id }
        documentService = pathway.service(in: scenario)?.id
        transitHouse = pathway.transit.map { scenario.safeHouses[$0.house].id }
        transitWeeks = pathway.transit?.weeks
    }
}

extension Commitment {
    /// The pathway an itinerary follows, as a commitment (e.g. once the household has started it).
    public init(_ itinerary: Itinerary) {
        // A step at home starts the pathway; one during a transit stay does not.
        let transit = itinerary.transitStay
        self.init(
            householdID: itinerary.householdID,
            startWeek: transit == nil ? itinerary.document?.startWeek ?? itinerary.startWeek : itinerary.startWeek,
            outboundLegs: itinerary.outbound.map(\.legID), safeHouseID: itinerary.stay.houseID,
            programmeID: itinerary.programmeID, onwardLegs: itinerary.onward.map(\.legID),
            documentServiceID: itinerary.document?.serviceID, transitHouseID: transit?.houseID,
            transitWeeks: transit.map { $0.toWeek - $0.fromWeek + 1 })
    }
}
