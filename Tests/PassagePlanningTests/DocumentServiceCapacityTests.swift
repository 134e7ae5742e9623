import GLPKBackend
import LinearProgramming
import PassageScenario
import Testing

@testable import PassagePlanning

/// A document service's places a week are a capacity like a leg's seats (issue 15, section 2): a sweep
/// varies them, the smallest-change search and the bottleneck check raise them, and shadow prices
/// price their rows (docs/WHATIF.md).
///
/// DocumentStepScenario with four households and one place a week at service S: a household must
/// apply in week 1, 2 or 3 to arrive within the 8 weeks, so three move and one is short of S's places.
@Suite struct DocumentServiceCapacityTests {
    static let options = PlanningOptions(timeLimitSeconds: 30, mipGap: 0)

    static func fourForOnePlace() -> Scenario { DocumentStepScenario.make(households: 4, capacity: 1) }

    @Test func aSweepVariesTheServicesPlacesAWeek() throws {
        let scenario = Self.fourForOnePlace()
        let specification = try SweepSpecification.parse("document_service:S=0..2")
        #expect(specification.resource == .documentService(id: "S"))
        let sweep = try Sweep.plan(scenario, varying: specification, options: Self.options, jobs: 2)
        #expect(sweep.scenarioValue == 1)
        #expect(sweep.points.map(\.value) == [0, 1, 2])
        #expect(sweep.points.map(\.summary.overall.personsMoved) == [0, 3, 4])
        // Each point is the scenario with only S's capacity changed, as a change file would set it.
        let two = try specification.resource.applying(2, to: scenario)
        #expect(two.documentServices.map(\.capacity) == [2])
        #expect(two.documentServices[0].weeks == scenario.documentServices[0].weeks)
    }

    @Test func anUnlimitedServiceHasNoValueOfItsOwn() throws {
        let unlimited = DocumentStepScenario.make(households: 2, capacity: nil)
        #expect(SweptResource.documentService(id: "S").currentValue(in: unlimited) == nil)
        #expect(
            SweptResource.documentService(id: "T").problem(in: unlimited)
                == "document service T is not an id in document_services.csv")
    }

    @Test func theSmallestChangeRaisesTheServicesPlaces() throws {
        let scenario = Self.fourForOnePlace()
        let planner = Planner(scenario: scenario)
        let plan = try planner.plan(options: Self.options)
        let unmoved = try #require(plan.unmoved.first)
        #expect(plan.unmoved.count == 1)
        guard case .capacity(let shortages) = unmoved.reason else {
            Issue.record("expected a capacity reason, got \(unmoved.reason)")
            return
        }
        #expect(shortages.contains { $0.kind == .documentService && $0.resourceID == "S" })
        let explanation = try #require(
            try planner.explainNotMoved(unmoved.householdID, in: plan, options: Self.options))
        let change = try #require(explanation.changes.first { $0.kind == .documentService })
        #expect(change == CapacityChange(kind: .documentService, resourceID: "S", from: 1, to: 2))
        #expect(change.description == "places a week at document service S: 1 → 2")
        // The change, made, moves the household.
        let changed = try #require(change.applied(to: scenario))
        let replanned = try Planner(scenario: changed).plan(options: Self.options)
        #expect(replanned.itineraries.contains { $0.householdID == unmoved.householdID })
    }

    @Test func theBottleneckCheckPlansWithOneMorePlace() throws {
        let scenario = Self.fourForOnePlace()
        let more = try #require(ShadowPrices.withOneMore(.documentService, "S", in: scenario))
        #expect(more.documentServices.map(\.capacity) == [2])
        #expect(ShadowPrices.withOneMore(.documentService, "T", in: scenario) == nil)
        // A service without a limit has no place to add.
        #expect(
            ShadowPrices.withOneMore(.documentService, "S", in: DocumentStepScenario.make(capacity: nil)) == nil)

        let solver = GLPKSolver()
        let (formulation, plan) = try Planner(scenario: scenario).solve(options: Self.options)
        let computed = try ShadowPrices.compute(formulation: formulation, plan: plan, solver: solver)
        // S's rows are priced, one a week it may be applied to, like seat rows. (GLPK's duals price them
        // at 0 in this small model, so the check is asked for S directly below.)
        #expect(
            computed.prices.filter { $0.kind == .documentService }.map(\.period) == [.week(1), .week(2), .week(3)])
        var prices = ShadowPrices(
            source: .lpRelaxation, status: .optimal, relaxationObjective: nil, tierOneWeight: 1000,
            prices: [
                ShadowPrice(
                    kind: .documentService, resourceID: "S", period: .week(1), capacity: 1, used: 1, value: 500,
                    tierOnePersons: 0.5, validRange: nil)
            ], legsWithoutSeatRows: [])
        try prices.checkBottlenecks(1, scenario: scenario, plan: plan, solver: solver, options: Self.options)
        let check = try #require(prices.integerChecks.first)
        #expect(check.kind == .documentService && check.resourceID == "S" && check.status == .optimal)
        // One more place moves the fourth household: the objective falls by its unmoved penalty less
        // what its move costs, as planning the changed scenario says.
        let replanned = try Planner(scenario: more).plan(options: Self.options)
        let fall = try #require(plan.solver.objective) - (try #require(replanned.solver.objective))
        #expect(fall > 0)
        #expect(abs(try #require(check.objectiveFall) - fall) < 1e-6)
    }
}
