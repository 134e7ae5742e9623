import Testing
import LinearProgramming
import PassageScenario
@testable import PassagePlanning

/// The tiny scenario solved by hand.
///
/// Per person, a move costs 100 (road) + 2 × 10 (stay) + 50 (programme) + 300 (flight) = 470, so
/// with the default weights its penalty is 0.01 × 470 + 1 × 1 (risk) = 5.7, plus 20 per week of
/// waiting for a tier-1 person. Every move needs a bed in week 2 and there are 2 beds, so the choice
/// is between H1 + H3 (tier 1 and tier 3, 1 person each) and H2 alone (2 persons, tier 2):
/// - H1 + H3 in week 1: 5.7 + 5.7 + unmoved H2 (2 × 400) + unmoved H4 (1000) = 1811.4
/// - H2 in week 1:      2 × 5.7 + unmoved H1 (1000) + H3 (150) + H4 (1000) = 2161.4
/// H4 holds no document at all, and the road leg and programme need an internal ID.
@Suite struct HandCheckedPlanTests {
    @Test func optimalPlanMovesTheMostUrgentPersonsFirst() throws {
        let plan = try Planner(scenario: TinyScenario.make()).plan()
        #expect(plan.solver.status == .optimal)
        let objective = try #require(plan.solver.objective)
        #expect(abs(objective - 1811.4) < 1e-6)
        #expect(plan.itineraries.map(\.householdID) == ["H1", "H3"])
        for itinerary in plan.itineraries {
            #expect(itinerary.startWeek == 1)
            #expect(itinerary.outbound.map(\.legID) == ["L1"])
            #expect(itinerary.stay.houseID == "K" && itinerary.stay.fromWeek == 1 && itinerary.stay.toWeek == 2)
            #expect(itinerary.lodgedWeek == 1)
            #expect(itinerary.onward.map(\.legID) == ["L2"] && itinerary.onward[0].week == 3)
            #expect(itinerary.arrivalWeek == 3)
            #expect(itinerary.cost == 470)
        }
        #expect(
            plan.summary.overall == MoveCount(householdsMoved: 2, householdsTotal: 4, personsMoved: 2, personsTotal: 5))
        #expect(plan.summary.totalCost == 940)
    }

    @Test func unmovedHouseholdsCarryTheirReasons() throws {
        let plan = try Planner(scenario: TinyScenario.make()).plan()
        let reasons = Dictionary(uniqueKeysWithValues: plan.unmoved.map { ($0.householdID, $0.reason) })
        #expect(reasons.keys.sorted() == ["H2", "H4"])
        guard case .capacity(let shortages) = reasons["H2"] else {
            Issue.record("H2 should be lost to capacity, got \(String(describing: reasons["H2"]))")
            return
        }
        #expect(shortages.contains { $0.kind == .beds && $0.resourceID == "K" && $0.periods.contains(.week(2)) })
        guard case .noEligiblePathway(let blockers) = reasons["H4"] else {
            Issue.record("H4 should have no eligible pathway")
            return
        }
        #expect(blockers == [Blocker(kind: .documents, programmeID: "G", explanation: "requires an internal ID")])
    }

    @Test func bindingBedsAreReported() throws {
        let plan = try Planner(scenario: TinyScenario.make()).plan()
        let beds = plan.capacity.filter { $0.kind == .beds }
        #expect(beds.map(\.week) == [1, 2, 3, 4])
        #expect(beds.map(\.used) == [2, 2, 0, 0])
        #expect(beds.map(\.isBinding) == [true, true, false, false])
        let budget = try #require(plan.capacity.first { $0.kind == .budget })
        #expect(budget.used == 940 && budget.capacity == 10_000)
    }

    /// With a budget of 600 only one person can move: H1 (tier 1) rather than H3.
    @Test func aBindingBudgetKeepsTheMostUrgent() throws {
        let plan = try Planner(scenario: TinyScenario.make(budget: 600)).plan()
        #expect(plan.solver.status == .optimal)
        #expect(plan.itineraries.map(\.householdID) == ["H1"])
        #expect(abs((plan.solver.objective ?? 0) - (5.7 + 800 + 150 + 1000)) < 1e-6)
        let reasons = Dictionary(uniqueKeysWithValues: plan.unmoved.map { ($0.householdID, $0.reason) })
        guard case .capacity(let shortages) = reasons["H3"] else {
            Issue.record("H3 should be lost to capacity")
            return
        }
        #expect(shortages.contains { $0.kind == .budget })
    }

    /// Two identical households form one class; the plan moves the one with the smaller id first.
    @Test func interchangeableHouseholdsAreAggregatedAndDisaggregatedByID() throws {
        let twin = { (id: String) in
            Household(
                id: id, size: 1, location: "A", urgency: 1, readyWeek: 1, nationality: "RU", passport: .none,
                hasInternalID: true)
        }
        let scenario = TinyScenario.make(households: [twin("H9"), twin("H5"), twin("H7")])
        let formulation = Formulation(scenario: scenario)
        #expect(formulation.classes.count == 1)
        let plan = try Planner(scenario: scenario).plan(formulation)
        #expect(plan.itineraries.map(\.householdID) == ["H5", "H7"])
        #expect(plan.unmoved.map(\.householdID) == ["H9"])
    }
}
