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
                pathways[household.id] = Commitment(
                    householdID: household.id, startWeek: itinerary.startWeek,
                    outboundLegs: itinerary.outbound.map(\.legID), safeHouseID: itinerary.stay.houseID,
                    programmeID: itinerary.programmeID, onwardLegs: itinerary.onward.map(\.legID))
            } else {
                notMoved.insert(household.id)
            }
        }
        let parts = document.scenario.startDate.split(separator: "-").compactMap { Int($0) }
        let start = parts.count == 3 ? CalendarDate(year: parts[0], month: parts[1], day: parts[2]) : nil
        return PreviousPlan(pathways: pathways, notMoved: notMoved, startDate: start)
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
    }
    private struct Leg: Decodable { var legID: String }
    private struct Stay: Decodable { var houseID: String }
}
