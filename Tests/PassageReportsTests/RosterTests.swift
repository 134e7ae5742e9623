import Foundation
import Testing
import PassageScenario
@testable import PassageReports

/// `Roster` on the demo scenario with hand-written stays: which guests, which weeks, and refusals.
@Suite struct RosterTests {
    static let demo = try! ScenarioLoader.load(
        directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/demo"))

    static func stay(_ id: String, _ house: String, _ from: Int, _ to: Int) -> PreviousPlanReader.PlannedStay {
        PreviousPlanReader.PlannedStay(
            householdID: id, houseID: house, fromWeek: from, toWeek: to,
            arrivalDate: nil, departureDate: nil)
    }

    static let stays = PreviousPlanReader.PlannedStays(
        householdIDs: ["H001", "H002", "H014", "H020"],
        stays: [stay("H001", "SH-EVN-1", 2, 3), stay("H002", "SH-TBS-1", 1, 4), stay("H014", "SH-EVN-1", 3, 5)],
        startDate: demo.settings.startDate)

    @Test func keepsOnlyTheHousesGuestsWeekByWeek() throws {
        let roster = try Roster.make(houseID: "SH-EVN-1", plan: Self.stays, scenario: Self.demo)
        #expect(roster.guests.map(\.householdID) == ["H001", "H014"])
        #expect(roster.guests.map(\.persons) == [1, 2])
        #expect(roster.guests[1].needs == ["medical"])
        // No day in the plan: the Monday of the first week.
        #expect(roster.guests[0].arrivalDate == Self.demo.settings.startDate.adding(days: 7))
        #expect(roster.weeks.map(\.week) == [2, 3, 4, 5])
        #expect(roster.weeks.map(\.persons) == [1, 3, 2, 2])
        #expect(roster.weeks[1].arriving == ["H014"] && roster.weeks[1].leaving == ["H001"])
        #expect(roster.weeks[1].present == ["H001", "H014"])
        #expect(roster.weeks[0].start == CalendarDate(year: 2026, month: 12, day: 7))
    }

    @Test func aPlanMadeBeforeTheScenarioStartedIsCountedFromItsWeekOne() throws {
        var earlier = Self.stays
        earlier.startDate = Self.demo.settings.startDate.adding(days: -14)
        let roster = try Roster.make(houseID: "SH-EVN-1", plan: earlier, scenario: Self.demo)
        #expect(roster.guests.map(\.firstWeek) == [0, 1])
        #expect(roster.weeks.first?.start == Self.demo.settings.startDate.adding(days: -7))
    }

    @Test func aHouseNobodyIsLodgedInHasAnEmptyRoster() throws {
        let roster = try Roster.make(houseID: "SH-BEG-1", plan: Self.stays, scenario: Self.demo)
        #expect(roster.guests.isEmpty && roster.weeks.isEmpty)
        #expect(RosterReport.render(roster, format: .text).contains("The plan lodges no one in SH-BEG-1."))
        #expect(RosterReport.render(roster, format: .csv).split(separator: "\n").count == 1)
        #expect(RosterReport.render(roster, format: .json).contains(#""guests" : ["#))
    }

    @Test func refusesAnUnknownHouseAndAnotherScenariosPlan() {
        #expect(
            throws: Roster.Problem(
                description: "SH-EVN-9 is not a safe house of this scenario; did you mean SH-EVN-1, SH-EVN-2?")
        ) {
            try Roster.make(houseID: "SH-EVN-9", plan: Self.stays, scenario: Self.demo)
        }
        var foreign = Self.stays
        foreign.householdIDs += ["X1", "X2"]
        #expect(throws: Roster.Problem.self) {
            try Roster.make(houseID: "SH-EVN-1", plan: foreign, scenario: Self.demo)
        }
        var strayHouse = Self.stays
        strayHouse.stays.append(Self.stay("H020", "SH-XXX-1", 1, 2))
        #expect(throws: Roster.Problem.self) {
            try Roster.make(houseID: "SH-EVN-1", plan: strayHouse, scenario: Self.demo)
        }
    }

    @Test func staysAreReadBackFromAJSONPlan() throws {
        let plan = SamplePlan.optimal()
        let read = try PreviousPlanReader.readStays(Data(JSONReport.render(plan).utf8))
        #expect(read.startDate == plan.scenario.startDate)
        #expect(Set(read.householdIDs) == Set(plan.itineraries.map(\.householdID) + plan.unmoved.map(\.householdID)))
        for itinerary in plan.itineraries {
            let stay = try #require(read.stays.first { $0.householdID == itinerary.householdID })
            #expect(stay.houseID == itinerary.stay.houseID)
            #expect(stay.fromWeek == itinerary.stay.fromWeek && stay.toWeek == itinerary.stay.toWeek)
            #expect(stay.arrivalDate != nil && stay.departureDate != nil)
        }
    }
}
