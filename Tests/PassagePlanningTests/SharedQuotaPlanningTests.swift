import LinearProgramming
import PassageScenario
import PassageSynthetic
import Testing

@testable import PassagePlanning

/// Two programmes sharing one quota (docs/MODEL.md, "Shared quotas"), solved by hand.
///
/// Three tier-1 persons (H1–H3) wait at A1, whose only route leads to programme G1 (lodged at B1); one
/// tier-1 person (H4) and one tier-2 person (H5) wait at A2, whose only route leads to G2 (lodged at
/// B2). Each programme has room of its own (quota 10), but they share a quota of 4 persons over the
/// horizon. Every move costs 100 (road) + 2 × 10 (stay) + 50 (programme) + 300 (flight) = 470 per
/// person, a penalty of 0.01 × 470 + 1 (risk) = 5.7, and all can leave in week 1.
/// - Split 2/2 in advance: H1, H2 and H4, H5 move, tier-1 H3 does not: 4 × 5.7 + 1000 = 1022.8.
/// - The optimum splits it 3/1: H1–H4 move, tier-2 H5 does not: 4 × 5.7 + 400 = 422.8.
enum SharedQuotaScenario {
    static func make(
        shared: Int? = 4, period: QuotaPeriod = .horizon, ownQuotas: (Int, Int) = (10, 10), horizon: Int = 4,
        households: [Household]? = nil, commitments: [Commitment] = []
    ) -> Scenario {
        let internalID = DocumentRule(fallback: .internalID)
        let noDocument = DocumentRule(fallback: DocumentKind.none)
        func programme(_ id: String, at place: String, quota: Int) -> VisaProgramme {
            VisaProgramme(
                id: id, destinationCountry: "DE", lodgedAt: place, arrival: "D", quota: quota, quotaPeriod: .horizon,
                processingWeeks: 2, documentsRequired: .internalID, costPerPerson: 50)
        }
        return Scenario(
            settings: ScenarioSettings(
                title: "Shared", startDate: CalendarDate(year: 2026, month: 11, day: 30), horizonWeeks: horizon,
                budget: nil, solver: SolverLimits(timeLimitSeconds: 30, mipGap: 0)),
            households: households ?? defaultHouseholds,
            locations: [
                Location(id: "A1", country: "RU", kind: .origin), Location(id: "A2", country: "RU", kind: .origin),
                Location(id: "B1", country: "AM", kind: .city), Location(id: "B2", country: "GE", kind: .city),
                Location(id: "D", country: "DE", kind: .destination),
            ],
            safeHouses: [
                SafeHouse(id: "K1", location: "B1", beds: 10, costPerPersonWeek: 10),
                SafeHouse(id: "K2", location: "B2", beds: 10, costPerPersonWeek: 10),
            ],
            legs: [
                RouteLeg(
                    id: "L1", from: "A1", to: "B1", mode: .road, durationDays: 2, costPerPerson: 100, seatsPerWeek: 10,
                    documents: internalID, risk: 1),
                RouteLeg(
                    id: "L2", from: "A2", to: "B2", mode: .road, durationDays: 2, costPerPerson: 100, seatsPerWeek: 10,
                    documents: internalID, risk: 1),
                RouteLeg(
                    id: "L3", from: "B1", to: "D", mode: .air, durationDays: 1, costPerPerson: 300, seatsPerWeek: 10,
                    documents: noDocument, risk: 0),
                RouteLeg(
                    id: "L4", from: "B2", to: "D", mode: .air, durationDays: 1, costPerPerson: 300, seatsPerWeek: 10,
                    documents: noDocument, risk: 0),
            ],
            programmes: [programme("G1", at: "B1", quota: ownQuotas.0), programme("G2", at: "B2", quota: ownQuotas.1)],
            commitments: commitments,
            sharedQuotas: shared.map {
                [SharedQuota(id: "DE", quota: $0, quotaPeriod: period, programmeIDs: ["G1", "G2"])]
            } ?? [])
    }

    static func household(_ id: String, at place: String, urgency: Int) -> Household {
        Household(
            id: id, size: 1, location: place, urgency: urgency, readyWeek: 1, nationality: "RU", passport: .none,
            hasInternalID: true)
    }

    static let defaultHouseholds = [
        household("H1", at: "A1", urgency: 1), household("H2", at: "A1", urgency: 1),
        household("H3", at: "A1", urgency: 1), household("H4", at: "A2", urgency: 1),
        household("H5", at: "A2", urgency: 2),
    ]
}

@Suite struct SharedQuotaPlanningTests {
    @Test func theOptimumSplitsTheSharedQuotaWhereItMovesTheMostUrgent() throws {
        let scenario = SharedQuotaScenario.make()
        let formulation = Planner(scenario: scenario).formulation()
        let row = try #require(formulation.resourceRows.first { $0.key == .sharedQuota(quota: 0, period: 0) })
        #expect(formulation.model.constraints[row.row.index].name == "shared_quota_DE_horizon")
        #expect(row.capacity == 4)

        let plan = try Planner(scenario: scenario).plan()
        #expect(plan.solver.status == .optimal)
        #expect(abs((plan.solver.objective ?? .nan) - 422.8) < 1e-6)
        let programmeOf = Dictionary(uniqueKeysWithValues: plan.itineraries.map { ($0.householdID, $0.programmeID) })
        #expect(programmeOf == ["H1": "G1", "H2": "G1", "H3": "G1", "H4": "G2"])
        let shared = plan.capacity.filter { $0.kind == .sharedQuota }
        #expect(
            shared == [
                CapacityUse(kind: .sharedQuota, resourceID: "DE", period: .horizon, used: 4, capacity: 4)
            ])
        #expect(shared.allSatisfy { $0.isBinding })
        let reason = try #require(plan.unmoved.first { $0.householdID == "H5" }?.reason)
        guard case .capacity(let shortages) = reason else {
            Issue.record("H5 should be short of capacity, got \(reason)")
            return
        }
        #expect(shortages.map(\.kind) == [.sharedQuota] && shortages.first?.resourceID == "DE")
        #expect(violations(of: plan, in: scenario) == [])
    }

    /// Every split of the 4 places fixed in advance (own quotas k and 4 − k, nothing shared) is at best
    /// as good as the shared quota, and the even split is worse: it leaves a tier-1 person behind.
    @Test func noSplitGivenInAdvanceBeatsTheSharedQuota() throws {
        let sharedObjective = try #require(try Planner(scenario: SharedQuotaScenario.make()).plan().solver.objective)
        for k in 0...4 {
            let fixed = SharedQuotaScenario.make(shared: nil, ownQuotas: (k, 4 - k))
            let objective = try #require(try Planner(scenario: fixed).plan().solver.objective)
            #expect(objective >= sharedObjective - 1e-6, "split \(k)/\(4 - k)")
            if k == 2 { #expect(abs(objective - 1022.8) < 1e-6) }
        }
    }

    /// A programme's own quota still binds within the shared one.
    @Test func aProgrammesOwnQuotaStillBinds() throws {
        let plan = try Planner(scenario: SharedQuotaScenario.make(ownQuotas: (2, 10))).plan()
        #expect(plan.itineraries.filter { $0.programmeID == "G1" }.count == 2)
        #expect(plan.itineraries.map(\.size).reduce(0, +) == 4)
        #expect(plan.unmoved.map(\.householdID).count == 1)
    }

    /// A committed household lodged with G2 takes one of the 4 places: three are left for the plan.
    @Test func commitmentsCountTowardTheSharedQuota() throws {
        let committed = SharedQuotaScenario.household("H6", at: "A2", urgency: 3)
        let scenario = SharedQuotaScenario.make(
            households: SharedQuotaScenario.defaultHouseholds + [committed],
            commitments: [
                Commitment(
                    householdID: "H6", startWeek: 1, outboundLegs: ["L2"], safeHouseID: "K2", programmeID: "G2",
                    onwardLegs: ["L4"])
            ])
        let formulation = Planner(scenario: scenario).formulation()
        #expect(formulation.resourceRows.first { $0.key == .sharedQuota(quota: 0, period: 0) }?.capacity == 3)
        let plan = try Planner(scenario: scenario).plan()
        #expect(plan.solver.status == .optimal)
        #expect(plan.itineraries.filter { !$0.isCommitted }.count == 3)
        #expect(plan.unmoved.contains { $0.householdID == "H5" })
        #expect(
            plan.capacity.filter { $0.kind == .sharedQuota }.map { [$0.used, $0.capacity] } == [[4, 4]])
        #expect(violations(of: plan, in: scenario) == [])
        #expect(plan.conflicts.isEmpty)
    }

    /// Commitments alone over the shared quota: a conflict saying so, not a dropped commitment.
    @Test func commitmentsOverTheSharedQuotaAreAConflict() throws {
        let scenario = SharedQuotaScenario.make(
            shared: 0, households: [SharedQuotaScenario.household("H6", at: "A2", urgency: 3)],
            commitments: [
                Commitment(
                    householdID: "H6", startWeek: 1, outboundLegs: ["L2"], safeHouseID: "K2", programmeID: "G2",
                    onwardLegs: ["L4"])
            ])
        let plan = try Planner(scenario: scenario).plan()
        #expect(plan.itineraries.map(\.householdID) == ["H6"])
        let conflict = try #require(plan.conflicts.first)
        #expect(conflict.kind == .overCapacity && conflict.problem.contains("places in shared quota DE"))
    }

    /// A monthly shared quota has one row per calendar month, a week counting in the month of its
    /// Thursday: with 8 weeks from Monday 30 November 2026, weeks 1–5 count in December (week 5 is
    /// 28 December – 3 January) and weeks 6–8 in January. Two places a month move two households in
    /// December and the other two in January.
    @Test func aMonthlySharedQuotaHasOneRowPerMonth() throws {
        let households = (1...4).map { SharedQuotaScenario.household("H\($0)", at: "A1", urgency: 1) }
        let scenario = SharedQuotaScenario.make(shared: 2, period: .month, horizon: 8, households: households)
        let plan = try Planner(scenario: scenario).plan()
        #expect(plan.itineraries.count == 4)
        #expect(plan.itineraries.filter { $0.lodgedWeek <= 5 }.count == 2)
        #expect(plan.itineraries.filter { $0.lodgedWeek >= 6 }.count == 2)
        let months = plan.capacity.filter { $0.kind == .sharedQuota }
        #expect(
            months.map(\.period) == [
                .month(QuotaMonth(year: 2026, month: 12)), .month(QuotaMonth(year: 2027, month: 1)),
            ])
        #expect(months.map(\.used) == [2, 2])
        #expect(violations(of: plan, in: scenario) == [])
    }

    /// `advance` takes the persons lodged before the new week 1 off a horizon shared quota: the four
    /// lodged in week 1 leave none of its 4 places, and they are not counted again as commitments.
    @Test func advanceTakesLodgedPersonsOffAHorizonSharedQuota() throws {
        let scenario = SharedQuotaScenario.make()
        let plan = try Planner(scenario: scenario).plan()
        let next = try RollingHorizon.advance(scenario, plan: PreviousPlan(plan), toWeek: 2)
        #expect(
            next.sharedQuotas == [SharedQuota(id: "DE", quota: 0, quotaPeriod: .horizon, programmeIDs: ["G1", "G2"])])
        #expect(next.commitments.map(\.householdID) == ["H1", "H2", "H3", "H4"])
        let replanned = try Planner(scenario: next).plan()
        #expect(replanned.conflicts.isEmpty)
        #expect(replanned.unmoved.map(\.householdID) == ["H5"])
        #expect(try ScenarioLoader.load(files: ScenarioWriter.files(for: next)) == next)
    }

    /// Why-not finds one more place in the shared quota as the smallest change that moves H5, and the
    /// bottleneck check plans again with it.
    @Test func whyNotAndTheBottleneckCheckTryOneMoreSharedPlace() throws {
        let planner = Planner(scenario: SharedQuotaScenario.make())
        let options = PlanningOptions(timeLimitSeconds: 30, mipGap: 0)
        let plan = try planner.plan(options: options)
        let explanation = try #require(try planner.explainNotMoved("H5", in: plan, options: options))
        let change = try #require(explanation.changes.first)
        #expect(change.kind == .sharedQuota && change.resourceID == "DE" && change.from == 4 && change.to == 5)
        #expect(change.description == "shared quota of DE: 4 → 5")
        let more = try #require(ShadowPrices.withOneMore(.sharedQuota, "DE", in: SharedQuotaScenario.make()))
        #expect(more.sharedQuotas.map(\.quota) == [5])
    }

    /// On random scenarios with shared quotas, the greedy plan is feasible for every row, shared quotas
    /// included, and decodes to a plan that keeps every rule (checked without the formulation's code);
    /// so does the planner's plan.
    @Test(arguments: 1...12)
    func greedyAndPlannedPlansNeverExceedASharedQuota(seed: Int) throws {
        let scenario = RandomScenarios.withSharedQuotas(seed: UInt64(seed))
        #expect(!scenario.sharedQuotas.isEmpty)
        let planner = Planner(scenario: scenario)
        let formulation = planner.formulation()
        let greedy = formulation.greedySolution()
        for (index, row) in formulation.model.constraints.enumerated() where row.relation == .lessOrEqual {
            #expect(
                formulation.model.activity(of: Constraint(index: index), values: greedy) <= row.rightHandSide + 1e-9)
        }
        let greedyPlan = PlanDecoder(
            formulation: formulation,
            solution: formulation.solution(greedy, status: .feasible, bound: nil, seconds: 0),
            limits: (nil, nil)
        ).decode()
        #expect(violations(of: greedyPlan, in: scenario) == [])
        let plan = try planner.plan(formulation)
        #expect(violations(of: plan, in: scenario) == [])
        expectNoCapacityExceeded(plan)
    }
}

extension RandomScenarios {
    /// `make(seed:)` with one or two quotas shared by some of its programmes, at most half of what
    /// their own quotas allow together, so that they bind.
    static func withSharedQuotas(seed: UInt64) -> Scenario {
        var scenario = make(seed: seed)
        var random = SeededRandom(seed: seed &+ 7_919)
        let ids = scenario.programmes.map(\.id)
        for n in 0..<Int.random(in: 1...2, using: &random) {
            var members = ids.filter { _ in Bool.random(using: &random) }
            if members.count < 2 { members = Array(ids.shuffled(using: &random).prefix(2)) }
            let own = scenario.programmes.filter { members.contains($0.id) }.map(\.quota).reduce(0, +)
            scenario.sharedQuotas.append(
                SharedQuota(
                    id: "s\(n)", quota: Int.random(in: 0...max(1, own / 2), using: &random),
                    quotaPeriod: Bool.random(using: &random) ? .month : .horizon, programmeIDs: members))
        }
        return scenario
    }
}
