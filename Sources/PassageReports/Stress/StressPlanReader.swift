import Foundation
import PassagePlanning

/// Reads the moves of a JSON plan (`passage plan --format json`) for `passage stress`.
public enum StressPlanReader {
    /// The planned moves in `data`, checked as `PreviousPlanReader.read(_:)` checks a previous plan.
    public static func itineraries(_ data: Data) throws -> [StressItinerary] {
        _ = try PreviousPlanReader.read(data)
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw PreviousPlanReader.ReadError(
                description: "the plan's itineraries cannot be read (write it with --format json): \(error)")
        }
        var moves: [StressItinerary] = []
        for household in document.households {
            guard household.moved, let itinerary = household.itinerary else { continue }
            let legs = itinerary.outbound + itinerary.onward
            // Weeks are shifted by delays; a damaged or hand-edited value must not overflow.
            let weeks =
                legs.map(\.week) + [itinerary.stay.fromWeek, itinerary.stay.toWeek, itinerary.arrivalWeek]
                + (itinerary.documentStep.map { [$0.startWeek] } ?? [])
            guard weeks.allSatisfy(PreviousPlanReader.stayWeeks.contains),
                itinerary.stay.fromWeek <= itinerary.stay.toWeek,
                (1...10_000).contains(household.size),
                itinerary.documentStep.map({ (1...52).contains($0.weeks) }) ?? true
            else {
                throw PreviousPlanReader.ReadError(
                    description: "household \(household.id)'s itinerary is not an itinerary of a plan")
            }
            moves.append(
                StressItinerary(
                    householdID: household.id, persons: household.size,
                    outbound: itinerary.outbound.map { StressDeparture(legID: $0.legID, week: $0.week) },
                    houseID: itinerary.stay.houseID, stayFromWeek: itinerary.stay.fromWeek,
                    stayToWeek: itinerary.stay.toWeek, programmeID: itinerary.programmeID,
                    onward: itinerary.onward.map { StressDeparture(legID: $0.legID, week: $0.week) },
                    arrivalWeek: itinerary.arrivalWeek,
                    document: itinerary.documentStep.map {
                        StressDocumentStep(serviceID: $0.serviceID, startWeek: $0.startWeek, weeks: $0.weeks)
                    }))
        }
        return moves
    }

    // Only what the simulation needs of the JSON layout (docs/REPORTS.md).
    private struct Document: Decodable { var households: [Household] }
    private struct Household: Decodable {
        var id: String
        var size: Int
        var moved: Bool
        var itinerary: Itinerary?
    }
    private struct Itinerary: Decodable {
        var outbound: [Leg]
        var stay: Stay
        var programmeID: String
        var onward: [Leg]
        var arrivalWeek: Int
        /// Absent when the move begins with no document step.
        var documentStep: DocumentStep?
    }
    private struct DocumentStep: Decodable {
        var serviceID: String
        var startWeek: Int
        var weeks: Int
    }
    private struct Leg: Decodable {
        var legID: String
        var week: Int
    }
    private struct Stay: Decodable {
        var houseID: String
        var fromWeek: Int
        var toWeek: Int
    }
}
