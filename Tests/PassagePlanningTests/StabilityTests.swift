import Testing
import PassageScenario
@testable import PassagePlanning

/// Re-planning against a previous plan: households keep their pathway unless a change buys more
/// than the change penalty, and every change is listed with its reason.
@Suite struct StabilityTests {
    /// With nothing changed, re-planning reproduces the previous plan exactly.
    @Test(arguments: 1...15)
    func replanningWithoutChangesReproducesThePlan(seed: Int) throws {
        let scenario = RandomScenarios.make(seed: UInt64(seed))
        let first = try Planner(scenario: scenario).plan()
        let second = try Planner(scenario: scenario, previous: PreviousPlan(first)).plan()
        #expect(second.changes == [])
        #expect(second.itineraries == first.itineraries)
        #expect(second.unmoved.map(\.householdID) == first.unmoved.map(\.householdID))
    }

    /// H1 alone; the previous plan had it leave in week 2, a week later than it could. Leaving in
    /// week 1 saves 20 (2 % of 1000): not worth a change at a penalty of 50, worth it at 10.
    @Test func aChangeMustBuyMoreThanThePenalty() throws {
        var scenario = TinyScenario.make(households: [TinyScenario.defaultHouseholds[0]])
        let previous = PreviousPlan(
            pathways: [
                "H1": Commitment(
                    householdID: "H1", startWeek: 2, outboundLegs: ["L1"], safeHouseID: "K", programmeID: "G",
                    onwardLegs: ["L2"])
            ], notMoved: [])
        scenario.settings.objective.changePenalty = 50
        let kept = try Planner(scenario: scenario, previous: previous).plan()
        #expect(kept.itineraries.map(\.startWeek) == [2])
        #expect(kept.changes == [])
        scenario.settings.objective.changePenalty = 10
        let changed = try Planner(scenario: scenario, previous: previous).plan()
        #expect(changed.itineraries.map(\.startWeek) == [1])
        let change = try #require(changed.changes?.first)
        #expect(change.kinds == [.earlier] && change.previousStartWeek == 2 && change.newStartWeek == 1)
        #expect(change.reason.contains("more than the change penalty"))
    }

    /// Closing the house the previous plan used moves its households elsewhere or out of the plan,
    /// each with the reason that its previous pathway is no longer possible.
    @Test func aClosedHouseExplainsTheChanges() throws {
        var scenario = RandomScenarios.make(seed: 6)
        let first = try Planner(scenario: scenario).plan()
        let house = try #require(first.itineraries.first?.stay.houseID)
        let index = try #require(scenario.safeHouses.firstIndex { $0.id == house })
        scenario.safeHouses[index].openUntilWeek = 0
        let second = try Planner(scenario: scenario, previous: PreviousPlan(first)).plan()
        let changes = try #require(second.changes)
        let affected = first.itineraries.filter { $0.stay.houseID == house }.map(\.householdID)
        for id in affected {
            let change = try #require(changes.first { $0.householdID == id })
            #expect(change.reason.contains("no longer possible") && change.reason.contains(house))
        }
        #expect(violations(of: second, in: scenario) == [])
    }
}
