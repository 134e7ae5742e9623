import PassageScenario
import Testing

@testable import PassagePlanning

/// Robust plans (`passage plan --robust LEVEL`, issue 16, part 3): a restriction and re-weighting of
/// the nominal model, reported in the nominal model and stress-tested against the nominal plan.
@Suite struct RobustPlanTests {
    /// Two safe houses at the lodging place B: K1 cheap (5 a week) and K2 dear (20 a week), 4 beds
    /// each; one programme lodged at B (2 weeks' processing, up to `processingMax`); legs A→B and B→D;
    /// three households of 1–2 persons at A, ready in week 1, over a 10-week horizon. The nominal plan
    /// puts everyone in the cheap K1.
    static func twoHouses(
        closureK1: Double? = nil, maxStayK1: Int? = nil, processingMax: Int? = nil, refusal: Double? = nil
    ) -> Scenario {
        let internalID = DocumentRule(fallback: .internalID)
        return Scenario(
            settings: ScenarioSettings(
                title: "Two houses", startDate: CalendarDate(year: 2026, month: 11, day: 30), horizonWeeks: 10,
                budget: nil, solver: SolverLimits(timeLimitSeconds: 30, mipGap: 0)),
            households: [
                Household(
                    id: "H1", size: 1, location: "A", urgency: 1, readyWeek: 1, nationality: "RU", passport: .none,
                    hasInternalID: true),
                Household(
                    id: "H2", size: 2, location: "A", urgency: 2, readyWeek: 1, nationality: "RU", passport: .none,
                    hasInternalID: true),
                Household(
                    id: "H3", size: 1, location: "A", urgency: 3, readyWeek: 1, nationality: "RU", passport: .none,
                    hasInternalID: true),
            ],
            locations: [
                Location(id: "A", country: "RU", kind: .origin),
                Location(id: "B", country: "AM", kind: .hub),
                Location(id: "D", country: "DE", kind: .destination),
            ],
            safeHouses: [
                SafeHouse(
                    id: "K1", location: "B", beds: 4, costPerPersonWeek: 5, maxStayWeeks: maxStayK1,
                    closureRisk: closureK1),
                SafeHouse(id: "K2", location: "B", beds: 4, costPerPersonWeek: 20),
            ],
            legs: [
                RouteLeg(
                    id: "L1", from: "A", to: "B", mode: .road, durationDays: 2, costPerPerson: 100, seatsPerWeek: 10,
                    documents: internalID, risk: 1),
                RouteLeg(
                    id: "L2", from: "B", to: "D", mode: .air, durationDays: 1, costPerPerson: 300, seatsPerWeek: 10,
                    documents: DocumentRule(fallback: DocumentKind.none), risk: 0),
            ],
            programmes: [
                VisaProgramme(
                    id: "G", destinationCountry: "DE", lodgedAt: "B", arrival: "D", quota: 10, quotaPeriod: .horizon,
                    processingWeeks: 2, documentsRequired: .internalID, costPerPerson: 50,
                    processingWeeksMax: processingMax, refusalRate: refusal)
            ])
    }

    /// The stress summary of `plan` with the seed and trials every test here uses.
    static func stress(_ plan: Plan, _ scenario: Scenario) throws -> StressSummary {
        StressSummary(StressStudy.run(try StressInput(scenario: scenario, plan: plan), seed: 7, trials: 400))
    }

    static func houses(_ plan: Plan) -> Set<String> { Set(plan.itineraries.map(\.stay.houseID)) }

    @Test func theQuantileStayRoundsUpBetweenTypicalAndSlowest() throws {
        let programme = Self.twoHouses(processingMax: 6).programmes[0]
        #expect(RobustPlanning(level: 1)!.quantileStay(programme) == 6)
        #expect(RobustPlanning(level: 0.5)!.quantileStay(programme) == 4)
        #expect(RobustPlanning(level: 0.3)!.quantileStay(programme) == 4)  // ⌈1.2⌉
        #expect(RobustPlanning(level: 0.25)!.quantileStay(programme) == 3)  // exactly 1, not 2
        #expect(RobustPlanning(level: 0) == nil && RobustPlanning(level: 1.01) == nil)
        #expect(RobustPlanning(level: .nan) == nil)
    }

    @Test func aRiskyHouseIsAvoidedAndFewerHouseholdsAreStranded() throws {
        // K1 closes by week 2, the last week of the stays, in 75 % of trials (1 − 0.5²).
        let scenario = Self.twoHouses(closureK1: 0.5)
        let planner = Planner(scenario: scenario)
        let nominal = try planner.plan()
        #expect(Self.houses(nominal) == ["K1"])
        let robust = try planner.robustPlan(RobustPlanning(level: 0.9)!, nominal: nominal).plan
        #expect(Self.houses(robust) == ["K2"])
        #expect(robust.summary.overall.personsMoved == nominal.summary.overall.personsMoved)
        // Nominal-feasible, in the nominal model's terms: every capacity, and an objective no better.
        #expect(violations(of: robust, in: scenario).isEmpty)
        #expect(robust.solver.objective! >= nominal.solver.objective! - 1e-9)
        #expect(robust.solver.bound == nominal.solver.bound)
        let (a, b) = (try Self.stress(nominal, scenario), try Self.stress(robust, scenario))
        let stranded = { (s: StressSummary) in s.statistics.first { $0.key == "households_stranded" }!.median }
        #expect(stranded(b) < stranded(a))
        #expect(stranded(a) == 3 && stranded(b) == 0)
    }

    @Test func aStayThatMayOutgrowTheHouseIsAvoided() throws {
        // K1 takes stays of at most 2 weeks; processing takes 2 to 4.
        let scenario = Self.twoHouses(maxStayK1: 2, processingMax: 4)
        let planner = Planner(scenario: scenario)
        let nominal = try planner.plan()
        #expect(Self.houses(nominal) == ["K1"])
        let robust = try planner.robustPlan(RobustPlanning(level: 0.5)!, nominal: nominal).plan
        #expect(Self.houses(robust) == ["K2"])
        #expect(violations(of: robust, in: scenario).isEmpty)
        let comparison = try RobustnessComparison(
            level: 0.5, nominal: nominal, robust: robust, scenario: scenario, seed: 7, trials: 400)
        let median = { (side: RobustnessComparison.Side) in side.statistic("households_stranded")!.median }
        #expect(median(comparison.robust) < median(comparison.nominal))
        #expect(comparison.sentence.hasPrefix("The robust plan moves as many persons as the nominal plan and strands"))
        #expect(comparison.sentence.contains("fewer household"))
    }

    @Test func withoutUncertaintyTheRobustPlanIsTheNominalPlan() throws {
        for scenario in [Self.twoHouses(), TinyScenario.make()] {
            let planner = Planner(scenario: scenario)
            let nominal = try planner.plan()
            let robust = try planner.robustPlan(RobustPlanning(level: 0.9)!, nominal: nominal).plan
            #expect(robust.itineraries == nominal.itineraries)
            #expect(robust.unmoved == nominal.unmoved)
            #expect(robust.capacity == nominal.capacity)
            #expect(abs(robust.solver.objective! - nominal.solver.objective!) <= 1e-6)
            #expect(robust.solver.status == .optimal)
        }
    }

    @Test func refusalsArePricedButNeverMakeThePlanInfeasible() throws {
        // Every application refused half the time: at level 1 moving a tier-3 person still beats
        // leaving them, as the penalty is half the unmoved cost.
        let scenario = Self.twoHouses(refusal: 0.5)
        let planner = Planner(scenario: scenario)
        let nominal = try planner.plan()
        let robust = try planner.robustPlan(RobustPlanning(level: 1)!, nominal: nominal).plan
        #expect(violations(of: robust, in: scenario).isEmpty)
        #expect(robust.summary.overall.personsMoved == nominal.summary.overall.personsMoved)
    }

    @Test func aProgrammeThatRefusesEveryoneLeavesEveryoneForRobustness() throws {
        // At level 1 the expected loss is the whole unmoved cost: no move is worth it.
        let scenario = Self.twoHouses(refusal: 1)
        let planner = Planner(scenario: scenario)
        let nominal = try planner.plan()
        #expect(nominal.summary.overall.householdsMoved == 3)
        let (robust, robustModel) = try planner.robustPlan(RobustPlanning(level: 1)!, nominal: nominal)
        #expect(robust.itineraries.isEmpty)
        #expect(robust.unmoved.map(\.reason) == Array(repeating: .leftForRobustness, count: 3))
        #expect(robustModel.status == .optimal && robust.solver.status == .feasible)
        #expect(robust.solver.bound == nominal.solver.bound)
    }

    /// Random scenarios given random uncertainty: the robust plan keeps every rule of the nominal
    /// scenario, is no better than the nominal bound, and every stay it plans fits at the quantile.
    @Test(arguments: 1...12)
    func robustPlansOfRandomScenariosKeepEveryRule(seed: Int) throws {
        var scenario = RandomScenarios.make(seed: UInt64(seed))
        var random = SplitMix64(seed: UInt64(seed) &* 7919)
        func uniform() -> Double { Double(random.next() >> 11) * 0x1p-53 }
        for k in scenario.safeHouses.indices { scenario.safeHouses[k].closureRisk = 0.2 * uniform() }
        for g in scenario.programmes.indices {
            scenario.programmes[g].processingWeeksMax = scenario.programmes[g].processingWeeks + Int(uniform() * 4)
            scenario.programmes[g].refusalRate = 0.3 * uniform()
        }
        let planner = Planner(scenario: scenario)
        let nominal = try planner.plan()
        for level in [0.5, 1.0] {
            let (robust, robustModel) = try planner.robustPlan(RobustPlanning(level: level)!, nominal: nominal)
            #expect(violations(of: robust, in: scenario) == [], "level \(level)")
            #expect(robustModel.status == .optimal)
            let bound = try #require(nominal.solver.bound)
            #expect(robust.solver.objective! >= bound - 1e-6 * max(1, abs(bound)))
            // Stays fit at the quantile: the house allows them and is open throughout.
            let robustness = RobustPlanning(level: level)!
            for itinerary in robust.itineraries where !itinerary.isCommitted {
                let house = try #require(scenario.safeHouses.first { $0.id == itinerary.stay.houseID })
                let programme = try #require(scenario.programmes.first { $0.id == itinerary.programmeID })
                let stay = robustness.quantileStay(programme)
                #expect((house.maxStayWeeks ?? .max) >= stay, "\(itinerary.householdID)")
                #expect(house.isOpen(throughout: itinerary.lodgedWeek...(itinerary.lodgedWeek + stay - 1)))
            }
        }
    }

    @Test func theRobustModelHasPenaltiesOnlyWhereThereIsRisk() throws {
        let scenario = Self.twoHouses(closureK1: 0.1)
        let nominal = Formulation(scenario: scenario)
        let robust = Formulation(scenario: scenario, robustness: RobustPlanning(level: 1)!)
        // The nominal model pools K1 and K2; the robust one gives the risky K1 pathways of their own.
        #expect(!nominal.pools.isEmpty)
        #expect(robust.pools.isEmpty)
        #expect(robust.robustness == RobustPlanning(level: 1))
        let penalties = RobustPenalties(RobustPlanning(level: 1)!, scenario: scenario)
        #expect(abs(penalties.strandProbability(house: 0, lastWeek: 2) - (1 - 0.9 * 0.9)) < 1e-12)
        #expect(penalties.strandProbability(house: 0, lastWeek: 0) == 0)
        // Weeks after the horizon draw no closure.
        #expect(
            penalties.strandProbability(house: 0, lastWeek: 50) == penalties.strandProbability(house: 0, lastWeek: 10))
        #expect(penalties.strandProbability(house: 1, lastWeek: 5) == 0)
    }
}
