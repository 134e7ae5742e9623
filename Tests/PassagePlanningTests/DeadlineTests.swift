import Testing
import PassageScenario
@testable import PassagePlanning

/// Deadlines on the tiny scenario with one seat a week on the road leg, so households leave one a
/// week. Per-person move penalty 5.7 (see HandCheckedPlanTests); waiting costs 2 % of the urgency
/// weight per week, lateness another 10 % per week past the latest safe departure week.
@Suite struct DeadlineTests {
    /// C: tier 1 (weight 1000). B: tier 2 (weight 400), must leave by week 1.
    static func scenario(latenessPerWeek: Double) -> Scenario {
        var scenario = TinyScenario.make(households: [
            Household(
                id: "B", size: 1, location: "A", urgency: 2, readyWeek: 1, nationality: "RU", passport: .none,
                hasInternalID: true, latestDepartureWeek: 1),
            Household(
                id: "C", size: 1, location: "A", urgency: 1, readyWeek: 1, nationality: "RU", passport: .none,
                hasInternalID: true),
        ])
        scenario.legs[0].seatsPerWeek = 1
        scenario.settings.objective.latenessPerWeek = latenessPerWeek
        return scenario
    }

    /// B first (5.7) and C a week later (5.7 + 20 waiting) = 31.4, against C first and B late
    /// (5.7 + 5.7 + 8 waiting + 40 lateness) = 59.4.
    @Test func aDeadlineLetsALessUrgentHouseholdGoFirst() throws {
        let plan = try Planner(scenario: Self.scenario(latenessPerWeek: 0.1)).plan()
        #expect(abs((plan.solver.objective ?? 0) - 31.4) < 1e-6)
        let start = Dictionary(uniqueKeysWithValues: plan.itineraries.map { ($0.householdID, $0.startWeek) })
        #expect(start == ["B": 1, "C": 2])
        #expect(plan.summary.householdsWithDeadline == 1 && plan.summary.deadlinesMissed == 0)
    }

    /// Without a lateness weight the tier-1 household goes first and B's deadline is missed, and
    /// the plan says so: C first (5.7), B a week late (5.7 + 8) = 19.4.
    @Test func aMissedDeadlineIsReported() throws {
        let plan = try Planner(scenario: Self.scenario(latenessPerWeek: 0)).plan()
        #expect(abs((plan.solver.objective ?? 0) - 19.4) < 1e-6)
        let late = try #require(plan.itineraries.first { $0.householdID == "B" })
        #expect(late.startWeek == 2 && late.weeksLate == 1 && late.latestDepartureWeek == 1)
        #expect(plan.summary.deadlinesMissed == 1)
    }

    /// An application window after the horizon closes the programme: no eligible pathway, timing.
    @Test func aClosedApplicationWindowBlocksThePathway() throws {
        var scenario = TinyScenario.make()
        scenario.programmes[0].applicationFromWeek = 3
        let plan = try Planner(scenario: scenario).plan()
        #expect(plan.itineraries.isEmpty)
        for household in plan.unmoved where household.householdID != "H4" {
            guard case .noEligiblePathway(let blockers) = household.reason else {
                Issue.record("\(household.householdID) should have no eligible pathway")
                continue
            }
            #expect(blockers.map(\.kind) == [.timing])
        }
    }

    /// Lodging is allowed only in the window: with applications until week 1, only week-1 starts.
    @Test func applicationsAreLodgedOnlyInTheWindow() throws {
        var scenario = TinyScenario.make()
        scenario.programmes[0].applicationUntilWeek = 1
        let plan = try Planner(scenario: scenario).plan()
        #expect(!plan.itineraries.isEmpty)
        #expect(plan.itineraries.allSatisfy { $0.lodgedWeek == 1 })
    }
}
