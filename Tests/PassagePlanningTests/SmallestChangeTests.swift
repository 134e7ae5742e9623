import Foundation
import PassageScenario
import Testing

@testable import PassagePlanning

/// Why a household is not moved and the smallest single capacity change that moves it
/// (`Planner.explainNotMoved`), on the demo scenario.
@Suite struct SmallestChangeTests {
    static let demoDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/demo", isDirectory: true)
    static let options = PlanningOptions(timeLimitSeconds: 30, mipGap: 0)

    /// Every change claimed to move a household does, when applied and planned again; a household
    /// short of capacity gets at least one; the capacities changed are ones it was short of.
    @Test func everyClaimedChangeMovesTheHousehold() throws {
        let scenario = try ScenarioLoader.load(directory: Self.demoDirectory)
        let planner = Planner(scenario: scenario)
        let plan = try planner.plan(options: Self.options)
        let short = plan.unmoved.filter { if case .capacity = $0.reason { true } else { false } }
        try #require(!short.isEmpty, "the demo has households that lost to competition for capacity")
        for household in short.prefix(2) {
            let explanation = try #require(try planner.explainNotMoved(household.householdID, in: plan, options: Self.options))
            guard case .capacity(let shortages) = explanation.household.reason else {
                Issue.record("reason changed")
                continue
            }
            #expect(!explanation.changes.isEmpty, "\(household.householdID): no change found")
            for change in explanation.changes {
                #expect(shortages.contains { $0.kind == change.kind && $0.resourceID == change.resourceID })
                #expect(change.to > change.from)
                let changed = try #require(change.applied(to: scenario))
                let replanned = try Planner(scenario: changed).plan(options: Self.options)
                #expect(
                    replanned.itineraries.contains { $0.householdID == household.householdID },
                    "\(household.householdID): \(change.description) does not move it")
            }
        }
    }

    @Test func aMovedHouseholdHasNoExplanation() throws {
        let scenario = try ScenarioLoader.load(directory: Self.demoDirectory)
        let planner = Planner(scenario: scenario)
        let plan = try planner.plan(options: Self.options)
        let moved = try #require(plan.itineraries.first)
        #expect(try planner.explainNotMoved(moved.householdID, in: plan, options: Self.options) == nil)
        #expect(try planner.explainNotMoved("H-NOT-THERE", in: plan, options: Self.options) == nil)
    }

    @Test func changesReadAsACoordinatorWouldSayThem() {
        #expect(CapacityChange(kind: .beds, resourceID: "SH-EVN-1", from: 12, to: 14).description == "beds of SH-EVN-1: 12 → 14")
        #expect(CapacityChange(kind: .budget, resourceID: "budget", from: 1000, to: 1250.5).description == "budget: 1000 → 1250.5")
    }
}
