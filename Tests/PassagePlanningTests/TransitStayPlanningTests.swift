import LinearProgramming
import PassageScenario
import Testing

@testable import PassagePlanning

/// A transit stay on the way (docs/MODEL.md, "Transit stays"), solved by hand.
///
/// Households at A (ready in week 1, urgency 1, one person) can reach B, where programme P lodges
/// applications, only through M: L1 (A → M, road, 1 day, 20, risk 0.5) and L2 (M → B, road, 2 days,
/// 50, risk 0.5); L3 (B → D, air, 1 day, 300) goes on. P accepts applications from week 4 on, processes
/// them in 2 weeks and costs 50; house K at B costs 10 a week. House T at M takes transit guests
/// (10 a week, at most 6 weeks). Horizon 8 weeks.
///
/// Without the stay a household leaves in week 4 (it would reach B before the window opens), lodges in
/// week 4, stays weeks 4–5 and flies in week 6: 20 + 50 + 2 × 10 + 50 + 300 = 440 per person, penalty
/// 1000 × 0.02 × 3 (waiting at home) + 0.01 × 440 + 1 × 1 = 65.4.
/// With it, it leaves in week 1, stays in T weeks 1–3 and goes on in week 4 (same lodging, same
/// flight): 440 + 3 × 10 = 470, penalty 1000 × 0.01 × 3 (half the rate, in transit) + 0.01 × 470 + 1 = 35.7.
enum TransitScenario {
    static func make(
        households: Int = 1, transitBeds: Int = 10, transit: Bool = true, transitWaiting: Double? = nil,
        passportOnL2: Bool = false, service: Bool = false, applicationFrom: Int = 4, lodgingTakesTransit: Bool = false,
        lodgingBeds: Int = 10, commitments: [Commitment] = [], transitOpenUntil: Int? = nil
    ) -> Scenario {
        Scenario(
            settings: ScenarioSettings(
                title: "Transit", startDate: CalendarDate(year: 2026, month: 11, day: 30), horizonWeeks: 8,
                budget: nil, objective: ObjectiveWeights(transitWaitingPerWeek: transitWaiting),
                solver: SolverLimits(timeLimitSeconds: 30, mipGap: 0)),
            households: (1...households).map { household("H\($0)") },
            locations: [
                Location(id: "A", country: "RU", kind: .origin), Location(id: "M", country: "RU", kind: .hub),
                Location(id: "B", country: "GE", kind: .city), Location(id: "D", country: "FR", kind: .destination),
            ],
            safeHouses: [
                SafeHouse(
                    id: "K", location: "B", beds: lodgingBeds, costPerPersonWeek: 10,
                    takesTransitGuests: lodgingTakesTransit),
                SafeHouse(
                    id: "T", location: "M", beds: transitBeds, openUntilWeek: transitOpenUntil, costPerPersonWeek: 10,
                    maxStayWeeks: 6, takesTransitGuests: transit),
            ],
            legs: [
                RouteLeg(
                    id: "L1", from: "A", to: "M", mode: .road, durationDays: 1, costPerPerson: 20, seatsPerWeek: 10,
                    documents: DocumentRule(fallback: .internalID), risk: 0.5),
                RouteLeg(
                    id: "L2", from: "M", to: "B", mode: .road, durationDays: 2, costPerPerson: 50, seatsPerWeek: 10,
                    documents: DocumentRule(fallback: passportOnL2 ? .internationalPassport : .internalID), risk: 0.5),
                RouteLeg(
                    id: "L3", from: "B", to: "D", mode: .air, durationDays: 1, costPerPerson: 300, seatsPerWeek: 10,
                    documents: DocumentRule(fallback: DocumentKind.none), risk: 0),
            ],
            programmes: [
                VisaProgramme(
                    id: "P", destinationCountry: "FR", lodgedAt: "B", arrival: "D", quota: 10, quotaPeriod: .horizon,
                    processingWeeks: 2, documentsRequired: .internalID, costPerPerson: 50,
                    applicationFromWeek: applicationFrom)
            ],
            commitments: commitments,
            documentServices: service
                ? [
                    DocumentService(
                        id: "S", location: "M", obtains: .internationalPassport, requires: .internalID,
                        nationalities: ["RU"], weeks: 2, costPerPerson: 80, risk: 2)
                ] : [])
    }

    static func household(_ id: String) -> Household {
        Household(
            id: id, size: 1, location: "A", urgency: 1, readyWeek: 1, nationality: "RU", passport: .none,
            hasInternalID: true)
    }
}

@Suite struct TransitStayPlanningTests {
    static let exact = PlanningOptions(timeLimitSeconds: 60, mipGap: 0)

    @Test func leavingEarlyThroughATransitHouseLowersTheObjective() throws {
        let scenario = TransitScenario.make()
        let plan = try Planner(scenario: scenario).plan(options: Self.exact)
        #expect(plan.solver.status == .optimal)
        #expect(abs((plan.solver.objective ?? .nan) - 35.7) < 1e-6, "\(plan.solver.objective ?? .nan)")
        let itinerary = try #require(plan.itineraries.first)
        #expect(itinerary.startWeek == 1)
        #expect(itinerary.transitStay == HouseStay(houseID: "T", location: "M", fromWeek: 1, toWeek: 3, cost: 30))
        #expect(itinerary.outbound.map(\.legID) == ["L1", "L2"] && itinerary.outbound.map(\.week) == [1, 4])
        #expect(itinerary.outbound.map(\.daysIntoWeek) == [0, 0])
        #expect(itinerary.lodgedWeek == 4 && itinerary.stay.toWeek == 5 && itinerary.arrivalWeek == 6)
        #expect(itinerary.cost == 470 && itinerary.risk == 1)
        #expect(violations(of: plan, in: scenario) == [])
        // Without the transit house the household waits at home until week 4.
        let home = try Planner(scenario: TransitScenario.make(transit: false)).plan(options: Self.exact)
        #expect(abs((home.solver.objective ?? .nan) - 65.4) < 1e-6, "\(home.solver.objective ?? .nan)")
        #expect(home.itineraries.first?.transitStay == nil && home.itineraries.first?.startWeek == 4)
    }

    @Test func notUsedWhenItDoesNotPay() throws {
        // Waiting in transit as dear as at home: the stay only adds its cost (65.7 > 65.4).
        let dear = try Planner(scenario: TransitScenario.make(transitWaiting: 0.02)).plan(options: Self.exact)
        #expect(abs((dear.solver.objective ?? .nan) - 65.4) < 1e-6, "\(dear.solver.objective ?? .nan)")
        #expect(dear.itineraries.first?.transitStay == nil)
        // Nothing to wait for (the window open from week 1): no stay at all.
        let open = try Planner(scenario: TransitScenario.make(applicationFrom: 1)).plan(options: Self.exact)
        #expect(open.itineraries.first?.transitStay == nil && open.itineraries.first?.startWeek == 1)
        #expect(abs((open.solver.objective ?? .nan) - 5.4) < 1e-6, "\(open.solver.objective ?? .nan)")
    }

    @Test func theTransitHousesBedsAreNeverExceeded() throws {
        // Two beds in T: two households wait there (weeks 1–3), the other two at home until week 4
        // (a later, shorter stay would overlap weeks 2–3): 2 × 35.7 + 2 × 65.4.
        let scenario = TransitScenario.make(households: 4, transitBeds: 2)
        for style in FormulationStyle.allCases {
            let plan = try Planner(scenario: scenario, style: style).plan(options: Self.exact)
            #expect(abs((plan.solver.objective ?? .nan) - 202.2) < 1e-6, "\(style) \(plan.solver.objective ?? .nan)")
            #expect(plan.itineraries.filter { $0.transitStay != nil }.count == 2, "\(style)")
            #expect(violations(of: plan, in: scenario) == [], "\(style)")
            let beds = plan.capacity.filter { $0.kind == .beds && $0.resourceID == "T" }
            #expect(beds.allSatisfy { $0.used <= 2 }, "\(style)")
            #expect(beds.filter { $0.used > 0 }.map(\.period) == [.week(1), .week(2), .week(3)], "\(style) \(beds)")
        }
    }

    @Test func transitAndLodgingGuestsShareAHousesBeds() throws {
        // K at B takes transit guests too: households may wait there before lodging, in the same beds
        // as those lodged; with 3 beds the plan never puts more than 3 persons in K in a week.
        let scenario = TransitScenario.make(
            households: 4, transit: false, lodgingTakesTransit: true, lodgingBeds: 3)
        var objectives: [Double] = []
        for style in FormulationStyle.allCases {
            let plan = try Planner(scenario: scenario, style: style).plan(options: Self.exact)
            #expect(plan.solver.status == .optimal, "\(style)")
            #expect(violations(of: plan, in: scenario) == [], "\(style)")
            #expect(plan.itineraries.contains { $0.transitStay?.houseID == "K" }, "\(style)")
            objectives.append(plan.solver.objective ?? .nan)
        }
        #expect(objectives.allSatisfy { abs($0 - objectives[0]) < 1e-6 }, "\(objectives)")
    }

    @Test func aDocumentStepDuringTheTransitStay() throws {
        // L2 needs an international passport, which S at M issues in 2 weeks: leave A in week 1, apply
        // at M in week 1, hold the passport in week 3, go on then; window open from week 1.
        // 20 + 50 + 2 × 10 (transit) + 2 × 10 (stay) + 50 + 300 + 80 = 540; penalty
        // 1000 × 0.01 × 2 + 0.01 × 540 + 1 × (0.5 + 0.5 + 2) = 28.4.
        let scenario = TransitScenario.make(passportOnL2: true, service: true, applicationFrom: 1)
        for style in FormulationStyle.allCases {
            let plan = try Planner(scenario: scenario, style: style).plan(options: Self.exact)
            #expect(abs((plan.solver.objective ?? .nan) - 28.4) < 1e-6, "\(style) \(plan.solver.objective ?? .nan)")
            #expect(violations(of: plan, in: scenario) == [], "\(style)")
            let itinerary = try #require(plan.itineraries.first)
            #expect(itinerary.startWeek == 1)
            #expect(itinerary.transitStay?.fromWeek == 1 && itinerary.transitStay?.toWeek == 2)
            #expect(itinerary.document?.serviceID == "S" && itinerary.document?.location == "M")
            #expect(itinerary.document?.startWeek == 1 && itinerary.document?.readyWeek == 3)
            #expect(itinerary.outbound.map(\.week) == [1, 3] && itinerary.lodgedWeek == 3)
        }
        // Without the transit house there is no way at all: the passport is issued only at M.
        let stuck = try Planner(scenario: TransitScenario.make(transit: false, passportOnL2: true, service: true))
            .plan(options: Self.exact)
        #expect(stuck.itineraries.isEmpty)
    }

    @Test func aFullTransitHouseIsNamedAsTheReason() throws {
        // The passport is issued only at M, so every household goes through T, which has one bed:
        // weeks 1–2 and 3–4 take two households; a third would arrive after the horizon.
        let scenario = TransitScenario.make(
            households: 3, transitBeds: 1, passportOnL2: true, service: true, applicationFrom: 1)
        let plan = try Planner(scenario: scenario).plan(options: Self.exact)
        #expect(plan.itineraries.count == 2 && violations(of: plan, in: scenario) == [])
        let reason = try #require(plan.unmoved.first?.reason)
        guard case .capacity(let shortages) = reason else {
            Issue.record("expected a capacity reason, got \(reason)")
            return
        }
        #expect(shortages.first?.kind == .beds && shortages.first?.resourceID == "T", "\(shortages)")
    }

    /// H1 left in week 1 for T, where it stays 3 weeks (weeks 1–3), then goes on to B.
    static let committed = Commitment(
        householdID: "H1", startWeek: 1, outboundLegs: ["L1", "L2"], safeHouseID: "K", programmeID: "P",
        onwardLegs: ["L3"], transitHouseID: "T", transitWeeks: 3)

    @Test func aCommittedTransitStayKeepsItsBeds() throws {
        // T has one bed, which H1's committed stay holds in weeks 1–3: H2 waits at home until week 4.
        let scenario = TransitScenario.make(households: 2, transitBeds: 1, commitments: [Self.committed])
        let plan = try Planner(scenario: scenario).plan(options: Self.exact)
        #expect(plan.conflicts.isEmpty)
        let h1 = try #require(plan.itineraries.first { $0.householdID == "H1" })
        #expect(h1.isCommitted && h1.transitStay?.fromWeek == 1 && h1.transitStay?.toWeek == 3)
        #expect(h1.outbound.map(\.week) == [1, 4] && h1.lodgedWeek == 4)
        let h2 = try #require(plan.itineraries.first { $0.householdID == "H2" })
        #expect(h2.transitStay == nil && h2.startWeek == 4)
        #expect(abs((plan.solver.objective ?? .nan) - 65.4) < 1e-6, "\(plan.solver.objective ?? .nan)")
        #expect(violations(of: plan, in: scenario) == [])
        // The transit house closing during the committed stay is a conflict, never a dropped household.
        let closed = try Planner(
            scenario: TransitScenario.make(households: 1, commitments: [Self.committed], transitOpenUntil: 1)
        ).plan(options: Self.exact)
        #expect(closed.conflicts.map(\.kind) == [.houseClosed], "\(closed.conflicts)")
        #expect(closed.conflicts.first?.problem.contains("transit stay") == true)
    }

    @Test func aScenarioWithoutTransitHousesHasNoTransitPathway() throws {
        // Every house `transit = no`: no transit pathway, and the transit weight changes nothing.
        let without = TransitScenario.make(transit: false)
        let weighted = TransitScenario.make(transit: false, transitWaiting: 0.001)
        #expect(
            Planner(scenario: without).formulation().options.allSatisfy { $0.pathways.allSatisfy { $0.transit == nil } }
        )
        let a = try Planner(scenario: without).plan(options: Self.exact)
        let b = try Planner(scenario: weighted).plan(options: Self.exact)
        #expect(a.itineraries == b.itineraries && a.solver.objective == b.solver.objective)
    }
}
