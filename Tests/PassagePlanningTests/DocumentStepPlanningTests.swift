import LinearProgramming
import PassageScenario
import Testing

@testable import PassagePlanning

/// A document step at the start of a pathway (docs/MODEL.md, "Document steps"), solved by hand.
///
/// Households at A hold only an internal ID. The one route out (L1, A → B, road, 2 days, 100) and the
/// programme P (lodged at B, 2 weeks' processing, 50) need an international passport; document
/// service S at A issues one in 3 weeks for 80 (risk 2). The onward flight L2 (B → D, 1 day, 300) needs
/// none; house K at B costs 10 a week. Horizon 8 weeks, everyone ready in week 1.
///
/// Applying in week 1, a household holds the passport in week 4, leaves then, lodges in week 4, stays
/// weeks 4–5 and flies in week 6. It costs 80 + 100 + 2 × 10 + 50 + 300 = 550 per person; its penalty is
/// waiting 1000 × 0.02 × 3 (until it leaves) + 0.01 × 550 + 1 × (1 + 2) = 68.5, against 1000 unmoved.
/// The latest start is week 3 (arrival in week 8).
enum DocumentStepScenario {
    static func make(
        households: Int = 1, capacity: Int? = nil, applicationUntil: Int? = nil, commitments: [Commitment] = [],
        horizon: Int = 8, houses: Int = 1
    ) -> Scenario {
        Scenario(
            settings: ScenarioSettings(
                title: "Documents", startDate: CalendarDate(year: 2026, month: 11, day: 30), horizonWeeks: horizon,
                budget: nil, solver: SolverLimits(timeLimitSeconds: 30, mipGap: 0)),
            households: (1...households).map { household("H\($0)") },
            locations: [
                Location(id: "A", country: "RU", kind: .origin), Location(id: "B", country: "GE", kind: .city),
                Location(id: "D", country: "FR", kind: .destination),
            ],
            safeHouses: [SafeHouse(id: "K", location: "B", beds: 10, costPerPersonWeek: 10)]
                + (houses > 1 ? [SafeHouse(id: "K2", location: "B", beds: 1, costPerPersonWeek: 10)] : []),
            legs: [
                RouteLeg(
                    id: "L1", from: "A", to: "B", mode: .road, durationDays: 2, costPerPerson: 100, seatsPerWeek: 10,
                    documents: DocumentRule(fallback: .internationalPassport), risk: 1),
                RouteLeg(
                    id: "L2", from: "B", to: "D", mode: .air, durationDays: 1, costPerPerson: 300, seatsPerWeek: 10,
                    documents: DocumentRule(fallback: DocumentKind.none), risk: 0),
            ],
            programmes: [
                VisaProgramme(
                    id: "P", destinationCountry: "FR", lodgedAt: "B", arrival: "D", quota: 10, quotaPeriod: .horizon,
                    processingWeeks: 2, documentsRequired: .internationalPassport, costPerPerson: 50,
                    applicationUntilWeek: applicationUntil)
            ],
            commitments: commitments,
            documentServices: [
                DocumentService(
                    id: "S", location: "A", obtains: .internationalPassport, requires: .internalID,
                    nationalities: ["RU"],
                    weeks: 3, costPerPerson: 80, risk: 2, capacity: capacity)
            ])
    }

    static func household(_ id: String) -> Household {
        Household(
            id: id, size: 1, location: "A", urgency: 1, readyWeek: 1, nationality: "RU", passport: .none,
            hasInternalID: true)
    }
}

@Suite struct DocumentStepPlanningTests {
    @Test func aHouseholdThatNeedsAPassportMovesWithTheStep() throws {
        let scenario = DocumentStepScenario.make()
        let plan = try Planner(scenario: scenario).plan()
        #expect(plan.solver.status == .optimal)
        #expect(abs((plan.solver.objective ?? .nan) - 68.5) < 1e-6, "\(plan.solver.objective ?? .nan)")
        let itinerary = try #require(plan.itineraries.first)
        #expect(
            itinerary.document
                == DocumentStepTaken(
                    serviceID: "S", location: "A", obtains: .internationalPassport, startWeek: 1, weeks: 3, cost: 80,
                    risk: 2))
        #expect(itinerary.startWeek == 4)
        #expect(itinerary.outbound.map(\.week) == [4])
        #expect(itinerary.lodgedWeek == 4 && itinerary.stay.toWeek == 5)
        #expect(itinerary.onward.map(\.week) == [6] && itinerary.arrivalWeek == 6)
        #expect(itinerary.cost == 550 && itinerary.risk == 3)
        #expect(violations(of: plan, in: scenario) == [])
        // Without the service the household cannot move at all, and the reason says so.
        var without = scenario
        without.documentServices = []
        let stuck = try Planner(scenario: without).plan()
        #expect(stuck.itineraries.isEmpty)
    }

    @Test func notMovedWhenTheStepEndsAfterTheApplicationWindow() throws {
        // Lodging is in week 4 at the earliest: a window that closes after week 3 leaves no pathway.
        let scenario = DocumentStepScenario.make(applicationUntil: 3)
        let plan = try Planner(scenario: scenario).plan()
        #expect(plan.itineraries.isEmpty)
        let reason = try #require(plan.unmoved.first?.reason)
        guard case .noEligiblePathway(let blockers) = reason else {
            Issue.record("expected no eligible pathway, got \(reason)")
            return
        }
        #expect(
            blockers.map(\.explanation) == [
                "requires a valid international passport; document service S in A issues a valid international"
                    + " passport in 3 weeks, but then: cannot finish within the 8-week horizon from ready week 1"
                    + " while a safe house is open and the programme accepts applications"
            ], "\(blockers)")
        // Holding a passport today would open P; the opening says where to obtain one, and how long it takes.
        let openings = Planner(scenario: scenario).documentOpenings(of: "H1")
        #expect(openings.map(\.services.count) == [1])
        #expect(
            openings.map(\.description) == ["a valid international passport, 3 weeks in A (S), would open P"],
            "\(openings.map(\.description))")
        // One week more of window, and it moves.
        let open = try Planner(scenario: DocumentStepScenario.make(applicationUntil: 4)).plan()
        #expect(open.itineraries.map(\.lodgedWeek) == [4])
    }

    @Test func theServicesCapacityIsNeverExceeded() throws {
        // One person may apply a week: three households apply in weeks 1, 2 and 3; a fourth cannot
        // (starting in week 4 it would arrive after the horizon).
        let scenario = DocumentStepScenario.make(households: 4, capacity: 1)
        let formulation = Planner(scenario: scenario).formulation()
        let row = try #require(formulation.resourceRows.first { $0.key == .documents(service: 0, week: 1) })
        #expect(formulation.model.constraints[row.row.index].name == "documents_S_w1")
        let plan = try Planner(scenario: scenario).plan()
        #expect(plan.solver.status == .optimal)
        #expect(plan.itineraries.compactMap(\.document?.startWeek).sorted() == [1, 2, 3])
        // 68.5 + 88.5 + 108.5 (one more week of waiting each) + 1000 for the one left.
        #expect(abs((plan.solver.objective ?? .nan) - 1265.5) < 1e-6, "\(plan.solver.objective ?? .nan)")
        let uses = plan.capacity.filter { $0.kind == .documentService }
        #expect(uses.count == 8 && uses.allSatisfy { $0.used <= $0.capacity })
        #expect(uses.prefix(3).allSatisfy { $0.isBinding })
        #expect(violations(of: plan, in: scenario) == [])
        let reason = try #require(plan.unmoved.first?.reason)
        guard case .capacity(let shortages) = reason else {
            Issue.record("expected a capacity reason, got \(reason)")
            return
        }
        #expect(shortages.map(\.kind) == [.documentService])
    }

    @Test func aStartedStepBecomesACommitmentOnAdvance() throws {
        let scenario = DocumentStepScenario.make(households: 2, capacity: 1)
        let plan = try Planner(scenario: scenario).plan()
        // H1 applies in week 1, H2 in week 2; advancing to week 2 leaves H1 under way, H2 not yet started.
        let first = try #require(plan.itineraries.first { $0.document?.startWeek == 1 })
        let second = try #require(plan.itineraries.first { $0.document?.startWeek == 2 })
        let next = try RollingHorizon.advance(scenario, plan: PreviousPlan(plan), toWeek: 2)
        #expect(
            next.commitments == [
                Commitment(
                    householdID: first.householdID, startWeek: 0, outboundLegs: ["L1"], safeHouseID: "K",
                    programmeID: "P", onwardLegs: ["L2"], documentServiceID: "S")
            ])
        #expect(next.households.map(\.id).sorted() == ["H1", "H2"])
        let replanned = try Planner(scenario: next).plan()
        let kept = try #require(replanned.itineraries.first { $0.householdID == first.householdID })
        #expect(kept.isCommitted && kept.document?.startWeek == 0 && kept.startWeek == 3)
        // The other still applies in the new week 1 (its old week 2), with the week's one place.
        let moved = try #require(replanned.itineraries.first { $0.householdID == second.householdID })
        #expect(moved.document?.startWeek == 1 && !moved.isCommitted)
        #expect(violations(of: replanned, in: next) == [])
    }

    @Test func aPlanRemadeAgainstItselfKeepsItsSteps() throws {
        // Two houses: the compact model pools them, and the previous pathway (its own house) is kept too.
        let scenario = DocumentStepScenario.make(households: 3, capacity: 2, houses: 2)
        let plan = try Planner(scenario: scenario).plan()
        #expect(plan.itineraries.contains { $0.document != nil })
        let again = try Planner(scenario: scenario, previous: PreviousPlan(plan)).plan()
        #expect(again.itineraries == plan.itineraries)
        #expect(again.changes == [])
    }

    @Test func aScenarioWithoutServicesHasNoDocumentRowsOrSteps() throws {
        var scenario = DocumentStepScenario.make()
        scenario.documentServices = []
        scenario.legs[0].documents = DocumentRule(fallback: .internalID)
        scenario.programmes[0].documentsRequired = .internalID
        let formulation = Planner(scenario: scenario).formulation()
        #expect(!formulation.resourceRows.contains { if case .documents = $0.key { true } else { false } })
        let plan = try Planner(scenario: scenario).plan()
        #expect(plan.itineraries.allSatisfy { $0.document == nil })
        #expect(!plan.capacity.contains { $0.kind == .documentService })
    }
}
