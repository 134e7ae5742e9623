import Foundation
import PassagePlanning
import PassageScenario

/// Reads a JSON plan written by `passage plan --format json` back as the previous plan for
/// re-planning (`--previous`): who moved, along which pathway, and who did not.
public enum PreviousPlanReader {
    /// Why a previous plan could not be read.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The previous plan in `data` (a JSON report of any `reportVersion` 1 layout).
    public static func read(_ data: Data) throws -> PreviousPlan {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw ReadError(description: "not a Passage JSON plan (write one with --format json): \(error)")
        }
        guard document.reportVersion == 1 else {
            throw ReadError(description: "the plan has report version \(document.reportVersion); this Passage reads 1")
        }
        var pathways: [String: Commitment] = [:]
        var notMoved: Set<String> = []
        for household in document.households {
            if household.moved, let itinerary = household.itinerary {
                // Weeks are later shifted and compared; a damaged or hand-edited value must not overflow.
                guard Self.startWeeks.contains(itinerary.startWeek) else {
                    throw ReadError(
                        description:
                            "household \(household.id)'s startWeek \(itinerary.startWeek) is not a week of a plan"
                            + " (\(Self.startWeeks.lowerBound) to \(Self.startWeeks.upperBound))")
                }
                // A pathway with a document step starts when the household applies for the document.
                let step = itinerary.documentStep
                if let step, !Self.startWeeks.contains(step.startWeek) {
                    throw ReadError(
                        description:
                            "household \(household.id)'s documentStep.startWeek \(step.startWeek) is not a week of a plan"
                            + " (\(Self.startWeeks.lowerBound) to \(Self.startWeeks.upperBound))")
                }
                // A transit stay's weeks; a step during it does not start the pathway.
                let transit = itinerary.transitStay
                if let transit,
                    !(Self.stayWeeks.contains(transit.fromWeek) && Self.stayWeeks.contains(transit.toWeek)
                        && transit.fromWeek <= transit.toWeek)
                {
                    throw ReadError(
                        description:
                            "household \(household.id)'s transit stay from week \(transit.fromWeek) to \(transit.toWeek) is not a stay of a plan"
                    )
                }
                pathways[household.id] = Commitment(
                    householdID: household.id,
                    startWeek: transit == nil ? step?.startWeek ?? itinerary.startWeek : itinerary.startWeek,
                    outboundLegs: itinerary.outbound.map(\.legID), safeHouseID: itinerary.stay.houseID,
                    programmeID: itinerary.programmeID, onwardLegs: itinerary.onward.map(\.legID),
                    documentServiceID: step?.serviceID, transitHouseID: transit?.houseID,
                    transitWeeks: transit.map { $0.toWeek - $0.fromWeek + 1 })
            } else {
                notMoved.insert(household.id)
            }
        }
        guard let start = Self.date(document.scenario.startDate) else {
            throw ReadError(description: "the plan's startDate is not a date from year 1 to 9999 written as YYYY-MM-DD")
        }
        return PreviousPlan(pathways: pathways, notMoved: notMoved, startDate: start)
    }

    /// A household's stay in a safe house as a JSON plan gives it: what `passage roster` reads.
    public struct PlannedStay: Sendable, Hashable {
        public var householdID: String
        public var houseID: String
        /// First and last week (inclusive) of the stay, counted from the plan's own start date.
        public var fromWeek: Int
        public var toWeek: Int
        /// The day the household reaches the house, when the plan gives it.
        public var arrivalDate: CalendarDate?
        /// The day the household leaves the house (its first onward leg departs), when the plan gives it.
        public var departureDate: CalendarDate?

        public init(
            householdID: String, houseID: String, fromWeek: Int, toWeek: Int, arrivalDate: CalendarDate?,
            departureDate: CalendarDate?
        ) {
            self.householdID = householdID
            self.houseID = houseID
            self.fromWeek = fromWeek
            self.toWeek = toWeek
            self.arrivalDate = arrivalDate
            self.departureDate = departureDate
        }
    }

    /// What a JSON plan says about safe-house stays: every household it names (moved or not), the
    /// stays of those it moves, sorted by household id, and the date its week 1 started.
    public struct PlannedStays: Sendable, Hashable {
        public var householdIDs: [String]
        public var stays: [PlannedStay]
        public var startDate: CalendarDate

        public init(householdIDs: [String], stays: [PlannedStay], startDate: CalendarDate) {
            self.householdIDs = householdIDs
            self.stays = stays
            self.startDate = startDate
        }
    }

    /// The safe-house stays of the JSON plan in `data`, checked as `read(_:)` checks a previous plan.
    public static func readStays(_ data: Data) throws -> PlannedStays {
        let previous = try read(data)
        let document: StaysDocument
        do {
            document = try JSONDecoder().decode(StaysDocument.self, from: data)
        } catch {
            throw ReadError(
                description: "the plan's safe-house stays cannot be read (write it with --format json): \(error)")
        }
        var stays: [PlannedStay] = []
        for household in document.households {
            guard household.moved, let itinerary = household.itinerary else { continue }
            // A transit stay on the way is a stay like the lodging one: its guests are on the house's roster.
            var held: [(stay: HouseStay, leaves: String?)] = []
            if let transit = itinerary.transitStay {
                let after = itinerary.outbound?.first { $0.from == transit.location }
                held.append((transit, after?.departureDate))
            }
            held.append((itinerary.stay, itinerary.onward.first?.departureDate))
            for (stay, leaves) in held {
                guard Self.stayWeeks.contains(stay.fromWeek), Self.stayWeeks.contains(stay.toWeek),
                    stay.fromWeek <= stay.toWeek
                else {
                    throw ReadError(
                        description:
                            "household \(household.id)'s stay from week \(stay.fromWeek) to \(stay.toWeek) is not a stay of a plan"
                    )
                }
                stays.append(
                    PlannedStay(
                        householdID: household.id, houseID: stay.houseID, fromWeek: stay.fromWeek, toWeek: stay.toWeek,
                        arrivalDate: stay.arrivalDate.flatMap(Self.date), departureDate: leaves.flatMap(Self.date)))
            }
        }
        return PlannedStays(
            householdIDs: document.households.map(\.id).sorted(),
            stays: stays.sorted { ($0.householdID, $0.fromWeek) < ($1.householdID, $1.fromWeek) },
            startDate: previous.startDate!)
    }

    /// The weeks a stay can cover: from the earliest start week to past the longest horizon.
    static let stayWeeks = -104...312

    /// The start weeks a plan can hold: committed pathways may have started up to two years before it
    /// (as in commitments.csv), and a horizon is at most 104 weeks.
    static let startWeeks = -104...104

    /// `YYYY-MM-DD` as a date, or nil. The year is bounded so that counting days from it cannot overflow
    /// (a fuzzed plan with the year 9223372036854775807 trapped in `CalendarDate.dayNumber`).
    static func date(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let date = CalendarDate(year: year, month: month, day: day)
        // A day past the end of its month (2026-02-30) does not come back the same from its day number.
        return CalendarDate(dayNumber: date.dayNumber) == date ? date : nil
    }

    // Only what re-planning needs of the JSON layout (docs/REPORTS.md).
    private struct Document: Decodable {
        var reportVersion: Int
        var scenario: Scenario
        var households: [Household]
    }
    private struct Scenario: Decodable { var startDate: String }
    private struct Household: Decodable {
        var id: String
        var moved: Bool
        var itinerary: Itinerary?
    }
    private struct Itinerary: Decodable {
        var startWeek: Int
        var outbound: [Leg]
        var stay: Stay
        var programmeID: String
        var onward: [Leg]
        var documentStep: DocumentStep?
        var transitStay: TransitStay?
    }
    private struct TransitStay: Decodable {
        var houseID: String
        var fromWeek: Int
        var toWeek: Int
    }
    private struct DocumentStep: Decodable {
        var serviceID: String
        var startWeek: Int
    }
    // Only what `passage roster` needs: who stays in which house, from when to when.
    private struct StaysDocument: Decodable { var households: [StaysHousehold] }
    private struct StaysHousehold: Decodable {
        var id: String
        var moved: Bool
        var itinerary: StaysItinerary?
    }
    private struct StaysItinerary: Decodable {
        var stay: HouseStay
        var onward: [OnwardLeg]
        var transitStay: HouseStay?
        var outbound: [OnwardLeg]?
    }
    private struct OnwardLeg: Decodable {
        var departureDate: String?
        var from: String?
    }
    private struct HouseStay: Decodable {
        var houseID: String
        var location: String?
        var fromWeek: Int
        var toWeek: Int
        var arrivalDate: String?
    }
    private struct Leg: Decodable { var legID: String }
    private struct Stay: Decodable { var houseID: String }
}
