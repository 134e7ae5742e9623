import Foundation
import PassagePlanning
import PassageScenario

extension PreviousPlanReader {
    /// A leg of an itinerary as a JSON plan gives it.
    public struct PlannedLeg: Sendable, Hashable {
        public var legID: String
        public var from: String
        public var to: String
        /// `road`, `rail`, `air` or `sea`, as the plan writes it.
        public var mode: String
        /// The week the leg departs, counted from the plan's own start date.
        public var week: Int
        /// The day it departs, when the plan gives it.
        public var departureDate: CalendarDate?
    }

    /// A moved household's itinerary as a JSON plan gives it: what `passage agenda` reads.
    public struct PlannedItinerary: Sendable, Hashable {
        public var householdID: String
        /// Whether the household was under way already (`commitments.csv`), kept as it was.
        public var committed: Bool
        /// Legs from where the household is to where its application is lodged.
        public var outbound: [PlannedLeg]
        public var houseID: String
        /// First and last week (inclusive) of the stay, counted from the plan's own start date.
        public var stayFromWeek: Int
        public var stayToWeek: Int
        /// The day the household reaches the house, when the plan gives it.
        public var stayArrivalDate: CalendarDate?
        public var programmeID: String
        public var destinationCountry: String
        /// The week the application is lodged (the stay's first week), from the plan's own start date.
        public var lodgedWeek: Int
        /// Legs from the lodging place to the destination.
        public var onward: [PlannedLeg]
        /// The week the household arrives at its destination, from the plan's own start date.
        public var arrivalWeek: Int
        /// The day it arrives there, when the plan gives it.
        public var arrivalDate: CalendarDate?
        /// The document step the itinerary begins with, if any.
        public var document: PlannedDocumentStep? = nil
        /// The transit stay on the way, if any.
        public var transit: PlannedTransitStay? = nil
    }

    /// A transit stay as a JSON plan gives it.
    public struct PlannedTransitStay: Sendable, Hashable {
        public var houseID: String
        /// First and last week (inclusive) of the stay, counted from the plan's own start date.
        public var fromWeek: Int
        public var toWeek: Int
        /// The day the household reaches the house, when the plan gives it.
        public var arrivalDate: CalendarDate?
    }

    /// A document step as a JSON plan gives it.
    public struct PlannedDocumentStep: Sendable, Hashable {
        public var serviceID: String
        /// The week to apply in and the week the document is held, counted from the plan's own start date.
        public var startWeek: Int
        public var heldWeek: Int
    }

    /// One row of a JSON plan's capacity table (docs/REPORTS.md, `capacity[]`).
    public struct PlannedCapacity: Sendable, Hashable {
        /// `beds`, `seats`, `quota` or `budget`.
        public var kind: String
        public var resourceID: String
        /// The week for beds and seats, counted from the plan's own start date; nil for quotas and budget.
        public var week: Int?
        /// A week (counted like `week`), the month of a monthly quota, or the horizon.
        public var period: CapacityPeriod
        public var used: Double
        public var capacity: Double
        public var binding: Bool
        public var closed: Bool
    }

    /// What a JSON plan says about who travels when: every household it names, the itineraries of those
    /// it moves (sorted by household id), the ids of those it does not move, its capacity table, the date
    /// its week 1 started and its horizon.
    public struct PlannedItineraries: Sendable, Hashable {
        public var householdIDs: [String]
        public var itineraries: [PlannedItinerary]
        public var unmoved: [String]
        public var capacity: [PlannedCapacity]
        public var startDate: CalendarDate
        public var horizonWeeks: Int
    }

    /// The itineraries and capacity table of the JSON plan in `data`, checked as `read(_:)` checks a
    /// previous plan, with every week bounded so that counting days from it cannot overflow.
    public static func readItineraries(_ data: Data) throws -> PlannedItineraries {
        let previous = try read(data)
        let document: ItinerariesDocument
        do {
            document = try JSONDecoder().decode(ItinerariesDocument.self, from: data)
        } catch {
            throw ReadError(
                description: "the plan's itineraries cannot be read (write it with --format json): \(error)")
        }
        guard (1...Self.startWeeks.upperBound).contains(document.scenario.horizonWeeks) else {
            throw ReadError(description: "the plan's horizonWeeks \(document.scenario.horizonWeeks) is not a horizon")
        }
        func week(_ value: Int, _ what: String, of id: String) throws -> Int {
            guard Self.stayWeeks.contains(value) else {
                throw ReadError(description: "household \(id)'s \(what) \(value) is not a week of a plan")
            }
            return value
        }
        func legs(_ legs: [ItineraryLeg], of id: String) throws -> [PlannedLeg] {
            try legs.map {
                PlannedLeg(
                    legID: $0.legID, from: $0.from, to: $0.to, mode: $0.mode,
                    week: try week($0.week, "leg week", of: id),
                    departureDate: $0.departureDate.flatMap(Self.date))
            }
        }
        var itineraries: [PlannedItinerary] = []
        var unmoved: [String] = []
        for household in document.households {
            guard household.moved, let itinerary = household.itinerary else {
                unmoved.append(household.id)
                continue
            }
            let id = household.id
            let stay = itinerary.stay
            guard stay.fromWeek <= stay.toWeek else {
                throw ReadError(
                    description:
                        "household \(id)'s stay from week \(stay.fromWeek) to \(stay.toWeek) is not a stay of a plan")
            }
            itineraries.append(
                PlannedItinerary(
                    householdID: id, committed: itinerary.committed ?? false,
                    outbound: try legs(itinerary.outbound, of: id),
                    houseID: stay.houseID, stayFromWeek: try week(stay.fromWeek, "stay week", of: id),
                    stayToWeek: try week(stay.toWeek, "stay week", of: id),
                    stayArrivalDate: stay.arrivalDate.flatMap(Self.date), programmeID: itinerary.programmeID,
                    destinationCountry: itinerary.destinationCountry,
                    lodgedWeek: try week(itinerary.lodgedWeek, "lodgedWeek", of: id),
                    onward: try legs(itinerary.onward, of: id),
                    arrivalWeek: try week(itinerary.arrivalWeek, "arrivalWeek", of: id),
                    arrivalDate: itinerary.arrivalDate.flatMap(Self.date),
                    document: try itinerary.documentStep.map { step in
                        PlannedDocumentStep(
                            serviceID: step.serviceID,
                            startWeek: try week(step.startWeek, "document step week", of: id),
                            heldWeek: try week(step.heldWeek, "document step week", of: id))
                    },
                    transit: try itinerary.transitStay.map { transit in
                        guard transit.fromWeek <= transit.toWeek else {
                            throw ReadError(
                                description:
                                    "household \(id)'s transit stay from week \(transit.fromWeek) to \(transit.toWeek) is not a stay of a plan"
                            )
                        }
                        return PlannedTransitStay(
                            houseID: transit.houseID, fromWeek: try week(transit.fromWeek, "transit stay week", of: id),
                            toWeek: try week(transit.toWeek, "transit stay week", of: id),
                            arrivalDate: transit.arrivalDate.flatMap(Self.date))
                    }))
        }
        var capacity: [PlannedCapacity] = []
        for row in document.capacity {
            if let w = row.week, !Self.stayWeeks.contains(w) {
                throw ReadError(description: "a capacity row of \(row.resourceID) has week \(w), not a week of a plan")
            }
            // Read into its type here, so nothing later compares labels.
            guard let period = CapacityPeriod(label: row.period) else {
                throw ReadError(
                    description:
                        "a capacity row of \(row.resourceID) has period \"\(row.period)\", not a week (W3), a month"
                        + " (2026-12) or horizon")
            }
            capacity.append(
                PlannedCapacity(
                    kind: row.kind, resourceID: row.resourceID, week: row.week, period: period, used: row.used,
                    capacity: row.capacity, binding: row.binding, closed: row.closed ?? false))
        }
        return PlannedItineraries(
            householdIDs: document.households.map(\.id).sorted(),
            itineraries: itineraries.sorted { $0.householdID < $1.householdID }, unmoved: unmoved.sorted(),
            capacity: capacity, startDate: previous.startDate!, horizonWeeks: document.scenario.horizonWeeks)
    }

    // Only what `passage agenda` needs of the JSON layout (docs/REPORTS.md).
    private struct ItinerariesDocument: Decodable {
        var scenario: ItinerariesScenario
        var households: [ItinerariesHousehold]
        var capacity: [CapacityRow]
    }
    private struct ItinerariesScenario: Decodable { var horizonWeeks: Int }
    private struct ItinerariesHousehold: Decodable {
        var id: String
        var moved: Bool
        var itinerary: FullItinerary?
    }
    private struct FullItinerary: Decodable {
        var committed: Bool?
        var outbound: [ItineraryLeg]
        var stay: ItineraryStay
        var programmeID: String
        var destinationCountry: String
        var lodgedWeek: Int
        var onward: [ItineraryLeg]
        var arrivalWeek: Int
        var arrivalDate: String?
        var documentStep: ItineraryDocumentStep?
        var transitStay: ItineraryStay?
    }
    private struct ItineraryDocumentStep: Decodable {
        var serviceID: String
        var startWeek: Int
        var heldWeek: Int
    }
    private struct ItineraryLeg: Decodable {
        var legID: String
        var from: String
        var to: String
        var mode: String
        var week: Int
        var departureDate: String?
    }
    private struct ItineraryStay: Decodable {
        var houseID: String
        var fromWeek: Int
        var toWeek: Int
        var arrivalDate: String?
    }
    private struct CapacityRow: Decodable {
        var kind: String
        var resourceID: String
        var week: Int?
        var period: String
        var used: Double
        var capacity: Double
        var binding: Bool
        var closed: Bool?
    }
}
