import Testing
import LinearProgramming
import PassageScenario
import PassageSynthetic
@testable import PassagePlanning

/// The compact formulation (dominated routes dropped, safe houses chosen through pools, seat rows
/// added only for legs a plan would overfill) against the exhaustive and the naive per-household
/// models, and the rules its plans must keep after disaggregation (docs/MODEL.md).
@Suite struct CompactFormulationTests {
    /// Solving to proven optimality: no gap, and a limit no case here comes near.
    static let exact = PlanningOptions(timeLimitSeconds: 60, mipGap: 0)

    // MARK: - Same optimum in every style

    /// Small generated caseloads that every style, the naive one included, proves optimal in well
    /// under a second each.
    @Test(
        "compact, exhaustive and per-household models reach the same optimum",
        arguments: [
            (8, UInt64(1), SyntheticProfile.steady), (8, 2, .crisis), (12, 3, .steady), (12, 4, .crisis),
            (16, 1, .crisis), (16, 2, .steady), (20, 3, .crisis), (20, 4, .steady), (25, 1, .steady),
            (25, 2, .crisis),
        ])
    func everyStyleReachesTheSameOptimum(households: Int, seed: UInt64, profile: SyntheticProfile) throws {
        let scenario = SyntheticCaseload.generate(households: households, seed: seed, profile: profile)
        try expectEveryStyleReachesTheSameOptimum(scenario, options: Self.exact)
    }

    /// The random scenarios of the invariant tests (every feature on: documents, needs, exclusions,
    /// closing houses, maximum stays, month quotas, a budget) give the same optimum in every style.
    /// (Seed 15 once took GLPK 45 s when the compact model started without seat rows; small models
    /// now start with every seat row that could bind.)
    @Test(arguments: Array(1...20))
    func randomScenariosReachTheSameOptimumInEveryStyle(seed: Int) throws {
        let scenario = RandomScenarios.make(seed: UInt64(seed))
        let plans = try FormulationStyle.allCases.map {
            try Planner(scenario: scenario, style: $0).plan(options: Self.exact)
        }
        for (style, plan) in zip(FormulationStyle.allCases, plans) {
            #expect(plan.solver.status == .optimal, "\(style)")
            #expect(violations(of: plan, in: scenario) == [], "\(style)")
        }
        let objectives = plans.map { $0.solver.objective ?? .nan }
        for objective in objectives.dropFirst() {
            #expect(abs(objectives[0] - objective) <= 1e-6 * max(1, abs(objective)), "\(objectives)")
        }
    }

    // MARK: - Seats added lazily

    /// Two tier-1 persons ready in week 1 on a road leg with one seat a week. Without a seat row a
    /// solve would put both on it in week 1: the planner must not. Its Lagrangian bound prices the
    /// leg's seats and fix-and-optimise checks them, so here the bound proves the plan optimal before
    /// branch-and-cut; branch-and-cut on its own adds the seat row of the leg its plan overfills and
    /// solves again.
    ///
    /// Per person a move costs 100 (road) + 2 × 10 (stay) + 50 (programme) + 300 (flight) = 470, so
    /// 0.01 × 470 + 1 (risk) = 5.7, plus 20 per week of waiting (tier 1). With one seat a week the
    /// second person leaves in week 2: 5.7 + 25.7 = 31.4.
    @Test func aLegThatWouldBeOverfilledGetsItsSeatRow() throws {
        let scenario = SeatScenario.make(seats: 1)
        // Start without seat rows (the planner would start with the road leg's, since two persons
        // could use its one seat), so that the planner has to find the overfilled leg itself.
        let (formulation, plan) = try Planner(scenario: scenario).solve(
            starting: Formulation(scenario: scenario, seatLegs: []), options: Self.exact)
        #expect(plan.solver.status == .optimal)
        #expect(abs((plan.solver.objective ?? .nan) - 31.4) < 1e-6)
        #expect(plan.itineraries.map(\.startWeek).sorted() == [1, 2])
        expectNoCapacityExceeded(plan)
        #expect(violations(of: plan, in: scenario) == [])
        let seats = plan.capacity.filter { $0.kind == .seats && $0.resourceID == "L1" }
        #expect(seats.map(\.used).prefix(2) == [1, 1])

        // The planner's own first formulation has the road leg's seat row (the leg may fill); the one
        // the plan comes from never has the flight's, which is never full.
        let rowNames = { (f: Formulation) in f.model.constraints.map(\.name) }
        #expect(rowNames(Planner(scenario: scenario).formulation()).contains("seats_L1_w1"))
        #expect(!rowNames(formulation).contains { $0.hasPrefix("seats_L2_") }, "the flight is never full")

        // With seats to spare nothing is added, and both leave in week 1.
        let ample = try Planner(scenario: SeatScenario.make(seats: 5)).solve(options: Self.exact)
        #expect(ample.plan.solver.status == .optimal)
        #expect(abs((ample.plan.solver.objective ?? .nan) - 11.4) < 1e-6)
        #expect(!rowNames(ample.formulation).contains { $0.hasPrefix("seats_") })

        // Branch-and-cut on its own, from the same formulation without seat rows: its first plan
        // overfills the road leg, so the planner adds that leg's seat row and solves again.
        var direct = Planner(scenario: scenario)
        direct.branchAndCutOnly = true
        let lazy = try direct.solve(starting: Formulation(scenario: scenario, seatLegs: []), options: Self.exact)
        #expect(lazy.plan.solver.status == .optimal)
        #expect(abs((lazy.plan.solver.objective ?? .nan) - 31.4) < 1e-6)
        #expect(rowNames(lazy.formulation).contains("seats_L1_w1"))
        #expect(!rowNames(lazy.formulation).contains { $0.hasPrefix("seats_L2_") }, "the flight is never full")
        #expect(violations(of: lazy.plan, in: scenario) == [])

        let exhaustive = try Planner(scenario: scenario, style: .exhaustive).plan(options: Self.exact)
        #expect(abs((exhaustive.solver.objective ?? .nan) - (plan.solver.objective ?? .nan)) < 1e-6)
    }

    /// A second road leg beside the one-seat leg, 100 dearer per person and so dominated while no leg
    /// has a seat row: once the cheap leg's row is added the dear leg must come back, since sending
    /// the second person on it in week 1 (+1) beats a week of waiting (+20).
    @Test func aRouteDroppedAsDominatedComesBackWhenItsRivalsSeatsBind() throws {
        let scenario = SeatScenario.make(seats: 1, parallelLegCost: 200)
        let plan = try Planner(scenario: scenario).plan(options: Self.exact)
        #expect(plan.solver.status == .optimal)
        #expect(abs((plan.solver.objective ?? .nan) - (5.7 + 6.7)) < 1e-6)
        #expect(plan.itineraries.map(\.startWeek) == [1, 1])
        #expect(plan.itineraries.map { $0.outbound.map(\.legID) }.sorted { $0.lexicographicallyPrecedes($1) } == [["L1"], ["L1b"]])
        expectNoCapacityExceeded(plan)
        #expect(violations(of: plan, in: scenario) == [])
        let exhaustive = try Planner(scenario: scenario, style: .exhaustive).plan(options: Self.exact)
        #expect(abs((exhaustive.solver.objective ?? .nan) - (plan.solver.objective ?? .nan)) < 1e-6)
    }

    // MARK: - House pools

    /// Two houses at the lodging place, the dear one listed first, two beds each; households of 1, 1,
    /// 2 and 2 persons, all tier 1 and ready in week 1; a stay is two weeks.
    ///
    /// Four persons leave in week 1 and two in week 3 (any other order waits longer). Per person a
    /// stay in the cheap house (10 a week) gives 5.7 as in the tiny scenario, in the dear one (30 a
    /// week) 6.1; the week-3 pair waits 2 × 20: 2 × 5.7 + 2 × 6.1 + 2 × (5.7 + 40) = 115.
    @Test func pooledHousesFillTheCheaperFirstAndNeverSplitAHousehold() throws {
        let scenario = PoolScenario.make()
        let planner = Planner(scenario: scenario)
        #expect(!planner.formulation().stays.isEmpty, "houses are pooled")
        let plan = try planner.plan(options: Self.exact)
        #expect(plan.solver.status == .optimal)
        #expect(abs((plan.solver.objective ?? .nan) - 115) < 1e-6)
        expectNoCapacityExceeded(plan)
        #expect(violations(of: plan, in: scenario) == [])

        // Each household exactly once, whole.
        #expect(plan.unmoved.isEmpty)
        #expect(plan.itineraries.map(\.householdID).sorted() == ["H1", "H2", "H3", "H4"])
        let sizes = Dictionary(uniqueKeysWithValues: scenario.households.map { ($0.id, $0.size) })
        for itinerary in plan.itineraries { #expect(itinerary.size == sizes[itinerary.householdID]) }

        // The dear house is used only in weeks where the cheap one is full.
        let beds = { (house: String, week: Int) in
            plan.capacity.first { $0.kind == .beds && $0.resourceID == house && $0.week == week }?.used ?? 0
        }
        for week in 1...scenario.settings.horizonWeeks where beds("dear", week) > 0 {
            #expect(beds("cheap", week) == 2, "week \(week): dear house used while the cheap one has room")
        }
        for itinerary in plan.itineraries where itinerary.startWeek == 3 {
            #expect(itinerary.stay.houseID == "cheap")
        }
        let cheapStays = plan.itineraries.filter { $0.stay.houseID == "cheap" }.reduce(0) { $0 + $1.size }
        #expect(cheapStays == 4)

        let exhaustive = try Planner(scenario: scenario, style: .exhaustive).plan(options: Self.exact)
        #expect(abs((exhaustive.solver.objective ?? .nan) - 115) < 1e-6)
    }

    // MARK: - Invariants after disaggregation

    /// Larger generated caseloads under a short time limit: whatever the solver reached, the plan
    /// keeps every rule, recomputed from the itineraries alone.
    @Test(
        "plans of generated caseloads keep every rule, even when stopped by the time limit",
        arguments: [
            (30, UInt64(1), SyntheticProfile.steady), (30, 2, .crisis), (40, 3, .steady), (40, 4, .crisis),
            (50, 5, .steady), (50, 6, .crisis), (60, 7, .steady), (60, 8, .crisis),
        ])
    func generatedPlansKeepEveryRule(households: Int, seed: UInt64, profile: SyntheticProfile) throws {
        let scenario = SyntheticCaseload.generate(households: households, seed: seed, profile: profile)
        let plan = try Planner(scenario: scenario).plan(options: PlanningOptions(timeLimitSeconds: 3, mipGap: 0))
        #expect(plan.solver.status.hasSolution, "\(plan.solver.status)")
        #expect(violations(of: plan, in: scenario) == [])
        expectNoCapacityExceeded(plan)
        expectEveryHouseholdOnce(plan, scenario)
        let ready = Dictionary(uniqueKeysWithValues: scenario.households.map { ($0.id, $0.readyWeek) })
        for itinerary in plan.itineraries {
            #expect(itinerary.startWeek >= ready[itinerary.householdID]!, "\(itinerary.householdID)")
            #expect(itinerary.arrivalWeek <= scenario.settings.horizonWeeks, "\(itinerary.householdID)")
        }
    }

    /// The random scenarios too (tight seats on most legs, so seat rows are added lazily).
    @Test(arguments: 1...20)
    func randomScenarioPlansKeepEveryRule(seed: Int) throws {
        let scenario = RandomScenarios.make(seed: UInt64(seed))
        let plan = try Planner(scenario: scenario).plan(options: PlanningOptions(timeLimitSeconds: 3, mipGap: 0))
        #expect(plan.solver.status.hasSolution)
        #expect(violations(of: plan, in: scenario) == [])
        expectNoCapacityExceeded(plan)
        expectEveryHouseholdOnce(plan, scenario)
    }

    // MARK: - Greedy plan

    /// The coordinator's greedy plan keeps every capacity, seats of legs without rows included, and is
    /// never better than the optimum.
    @Test(
        "the greedy plan is feasible and no better than the optimum",
        arguments: [
            (12, UInt64(1), SyntheticProfile.steady), (16, 2, .crisis), (20, 3, .steady), (25, 4, .crisis),
            (30, 2, .steady), (40, 3, .steady),
        ])
    func greedyPlanIsFeasibleAndNoBetterThanTheOptimum(households: Int, seed: UInt64, profile: SyntheticProfile) throws {
        let scenario = SyntheticCaseload.generate(households: households, seed: seed, profile: profile)
        try checkGreedy(scenario)
    }

    @Test(arguments: Array(1...14) + Array(16...20))
    func greedyPlanOfRandomScenariosIsFeasibleAndNoBetterThanTheOptimum(seed: Int) throws {
        try checkGreedy(RandomScenarios.make(seed: UInt64(seed)))
    }

    @Test func greedyPlanOfHandBuiltScenariosIsFeasibleAndNoBetterThanTheOptimum() throws {
        try checkGreedy(SeatScenario.make(seats: 1))
        try checkGreedy(SeatScenario.make(seats: 1, parallelLegCost: 200))
        try checkGreedy(PoolScenario.make())
    }

    private func checkGreedy(_ scenario: Scenario) throws {
        let planner = Planner(scenario: scenario)
        let greedy = planner.greedyPlan(planner.formulation())
        #expect(violations(of: greedy, in: scenario) == [])
        expectNoCapacityExceeded(greedy)
        expectEveryHouseholdOnce(greedy, scenario)
        let optimal = try planner.plan(options: Self.exact)
        #expect(optimal.solver.status == .optimal)
        let best = try #require(optimal.solver.objective)
        let greedyObjective = try #require(greedy.solver.objective)
        #expect(greedyObjective >= best - 1e-6 * max(1, abs(best)), "greedy \(greedyObjective) < optimum \(best)")
    }
}

// MARK: - Checks

/// Every capacity entry of the plan, seats of legs without rows included, within its capacity.
func expectNoCapacityExceeded(_ plan: Plan, sourceLocation: SourceLocation = #_sourceLocation) {
    for entry in plan.capacity where entry.used > entry.capacity + 1e-6 {
        Issue.record(
            "\(entry.kind) \(entry.resourceID) \(entry.period): \(entry.used) used of \(entry.capacity)",
            sourceLocation: sourceLocation)
    }
    #expect(plan.capacity.contains { $0.kind == .seats }, "seats are reported", sourceLocation: sourceLocation)
}

/// `values`, a plan of `formulation` with objective `objective`, decoded and checked by the independent
/// invariants: no rule broken, no capacity exceeded (seats of every leg included), every household
/// once, and the decoded plan's own objective, recomputed from its moves, is `objective`. Returns the
/// decoded plan.
@discardableResult func expectPlanKeepsEveryRule(
    _ values: [Double], objective: Double, of formulation: Formulation, in scenario: Scenario,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Plan {
    let plan = PlanDecoder(
        formulation: formulation,
        solution: formulation.solution(values, status: .feasible, bound: nil, seconds: 0),
        limits: (nil, nil)
    ).decode()
    #expect(violations(of: plan, in: scenario) == [], sourceLocation: sourceLocation)
    expectNoCapacityExceeded(plan, sourceLocation: sourceLocation)
    expectEveryHouseholdOnce(plan, scenario, sourceLocation: sourceLocation)
    #expect(
        abs((plan.solver.objective ?? .nan) - objective) < 1e-6 * max(1, abs(objective)), sourceLocation: sourceLocation
    )
    return plan
}

/// Each household of the scenario exactly once: in one itinerary, or not moved.
func expectEveryHouseholdOnce(_ plan: Plan, _ scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation) {
    let mentioned = plan.itineraries.map(\.householdID) + plan.unmoved.map(\.householdID)
    #expect(mentioned.count == Set(mentioned).count, "a household appears twice", sourceLocation: sourceLocation)
    #expect(Set(mentioned) == Set(scenario.households.map(\.id)), sourceLocation: sourceLocation)
}

// MARK: - Hand-built scenarios

/// Two tier-1 persons at A, ready in week 1; road A→B (2 days, 100, risk 1), a house at B (10 a
/// week, ample beds), a programme lodged at B (2 weeks, fee 50), a flight B→D (1 day, 300, ample
/// seats); 6 weeks. Optionally a second road A→B, `L1b`, with ample seats at `parallelLegCost`.
enum SeatScenario {
    static func make(seats: Int, parallelLegCost: Double? = nil) -> Scenario {
        var legs = [
            RouteLeg(
                id: "L1", from: "A", to: "B", mode: .road, durationDays: 2, costPerPerson: 100,
                seatsPerWeek: seats, documents: TinyScenario.internalIDOnly, risk: 1),
            RouteLeg(
                id: "L2", from: "B", to: "D", mode: .air, durationDays: 1, costPerPerson: 300,
                seatsPerWeek: 10, documents: DocumentRule(fallback: DocumentKind.none), risk: 0),
        ]
        if let parallelLegCost {
            legs.append(
                RouteLeg(
                    id: "L1b", from: "A", to: "B", mode: .rail, durationDays: 2, costPerPerson: parallelLegCost,
                    seatsPerWeek: 10, documents: TinyScenario.internalIDOnly, risk: 1))
        }
        let person = { (id: String) in
            Household(
                id: id, size: 1, location: "A", urgency: 1, readyWeek: 1, nationality: "RU", passport: .none,
                hasInternalID: true)
        }
        return Scenario(
            settings: ScenarioSettings(
                title: "Seats", startDate: CalendarDate(year: 2026, month: 11, day: 30), horizonWeeks: 6,
                budget: nil, solver: SolverLimits(timeLimitSeconds: 30, mipGap: 0)),
            // Two classes of one household each, so the road is shared between classes too.
            households: [person("H1"), { var h = person("H2"); h.preferredCountries = ["FR"]; return h }()],
            locations: locations, safeHouses: [SafeHouse(id: "K", location: "B", beds: 10, costPerPersonWeek: 10)],
            legs: legs, programmes: [programme])
    }

    static let locations = [
        Location(id: "A", country: "RU", kind: .origin),
        Location(id: "B", country: "AM", kind: .hub),
        Location(id: "D", country: "DE", kind: .destination),
    ]

    static let programme = VisaProgramme(
        id: "G", destinationCountry: "DE", lodgedAt: "B", arrival: "D", quota: 20, quotaPeriod: .horizon,
        processingWeeks: 2, documentsRequired: .internalID, costPerPerson: 50)
}

/// The seat scenario's network with ample seats and two houses at B, two beds each: `dear` (30 a
/// week, listed first) and `cheap` (10 a week); households of 1, 1, 2 and 2 persons.
enum PoolScenario {
    static func make() -> Scenario {
        var scenario = SeatScenario.make(seats: 20)
        scenario.safeHouses = [
            SafeHouse(id: "dear", location: "B", beds: 2, costPerPersonWeek: 30),
            SafeHouse(id: "cheap", location: "B", beds: 2, costPerPersonWeek: 10),
        ]
        scenario.households = [1, 1, 2, 2].enumerated().map { n, size in
            Household(
                id: "H\(n + 1)", size: size, location: "A", urgency: 1, readyWeek: 1, nationality: "RU",
                passport: .none, hasInternalID: true)
        }
        return scenario
    }
}
