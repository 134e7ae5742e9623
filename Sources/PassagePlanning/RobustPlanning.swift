import Foundation
import LinearProgramming
import PassageScenario

/// Planning against the scenario's uncertainty instead of the typical case (`passage plan --robust
/// LEVEL`, docs/MODEL.md, "Robust plans"): stays must fit at a quantile of the processing time, and
/// the expected loss from closures and refusals is priced in the objective.
public struct RobustPlanning: Sendable, Hashable {
    /// The quantile, in (0, 1]: how far between `processing_weeks` and `processing_weeks_max` a stay
    /// must fit, and how much of the expected loss is priced.
    public let level: Double

    /// Robust planning at `level`, or nil unless 0 < level ≤ 1.
    public init?(level: Double) {
        guard level > 0, level <= 1 else { return nil }
        self.level = level
    }

    /// The stay at the quantile, q_g = π_g + ⌈level × (π_g^max − π_g)⌉ weeks.
    public func quantileStay(_ programme: VisaProgramme) -> Int {
        let spread = max(0, (programme.processingWeeksMax ?? programme.processingWeeks) - programme.processingWeeks)
        // A tiny tolerance so that, say, 0.3 × 10 is 3 and not 4 after rounding error.
        return programme.processingWeeks + Int((level * Double(spread) - 1e-9).rounded(.up))
    }
}

/// The robust penalties of move columns (docs/MODEL.md, "Robust plans"), precomputed per house and
/// programme.
struct RobustPenalties: Sendable {
    let level: Double
    let horizon: Int
    /// Per house: the weekly closure risk.
    let closureRisk: [Double]
    /// Per programme: the refusal rate and the stay at the quantile.
    let refusalRate: [Double]
    let quantileStay: [Int]

    init(_ planning: RobustPlanning, scenario: Scenario) {
        level = planning.level
        horizon = scenario.settings.horizonWeeks
        closureRisk = scenario.safeHouses.map { $0.closureRisk ?? 0 }
        refusalRate = scenario.programmes.map { $0.refusalRate ?? 0 }
        quantileStay = scenario.programmes.map(planning.quantileStay)
    }

    /// Weeks a household lodging with `programme` must be able to stay in its house.
    func stayWeeks(programme: Int) -> Int { quantileStay[programme] }

    /// Probability that house `house` closes in or before `lastWeek`: one draw per week 1…H, as the
    /// stress simulation draws (docs/STRESS.md, "Draws").
    func strandProbability(house: Int, lastWeek: Int) -> Double {
        let weeks = max(0, min(horizon, lastWeek))
        let risk = closureRisk[house]
        guard risk > 0, weeks > 0 else { return 0 }
        return 1 - pow(1 - risk, Double(weeks))
    }

    /// The penalty of one household starting `pathway` in `week` whose unmoved cost is `unmovedCost`:
    /// level × P(not moved) × unmoved cost, with P(not moved) = P(strand) + (1 − P(strand)) × refusal
    /// (a house that closes strands the household before any refusal). A pooled pathway's houses all
    /// have no closure risk (the generator pools only those), so its strand probability is 0.
    func penalty(_ pathway: Pathway, week: Int, unmovedCost: Double) -> Double {
        let lodged = week + pathway.lodgeOffset
        let strand =
            pathway.isPooled
            ? 0 : strandProbability(house: pathway.house, lastWeek: lodged + quantileStay[pathway.programme] - 1)
        let lost = strand + (1 - strand) * refusalRate[pathway.programme]
        return level * lost * unmovedCost
    }
}

extension Planner {
    /// The robust plan of this planner's scenario at `robustness`, expressed in the nominal model: the
    /// robust model (docs/MODEL.md, "Robust plans") is solved, and its moves are given to the nominal
    /// formulation, which reports the objective, capacity use and reasons as a nominal plan would.
    /// `nominal`, the plan of the nominal model, gives the bound: it is valid for the nominal model,
    /// which the robust plan is a feasible plan of. `robustModel` is the solver's account of the
    /// robust model itself (its objective includes the penalties).
    public func robustPlan(
        _ robustness: RobustPlanning, nominal: Plan, options: PlanningOptions = PlanningOptions()
    ) throws -> (plan: Plan, robustModel: SolverReport) {
        var robustPlanner = self
        robustPlanner.robustness = robustness
        let solved = try robustPlanner.solveKeepingSolution(options: options)
        guard solved.solution.status.hasSolution else { return (solved.plan, solved.plan.solver) }
        // Each robust move joins the nominal formulation as a column of its own (a concrete pathway
        // and start week, the safe house fixed), taken by one household: the nominal objective and
        // rows then count exactly the robust plan. Classes do not depend on robustness.
        let assignments = solved.formulation.assignments(solved.solution)
        var variants: [Int: [(pathway: Pathway, startWeek: Int)]] = [:]
        for (c, moves) in assignments.enumerated() where !moves.isEmpty { variants[c] = moves }
        var formulation = Formulation(
            scenario: scenario, previous: previous, style: style, seatLegs: solved.formulation.seatLegs,
            variants: variants)
        // Changes from a previous plan are the robust model's choice: say so in their reasons.
        formulation.robustChanges = (robustness.level, solved.formulation.previousMove)
        var values = [Double](repeating: 0, count: formulation.model.variableCount)
        for householdClass in formulation.classes {
            let c = householdClass.index
            let taken = assignments[c].count
            // The variants are the class's last columns, one start week each, in the order added.
            for position in formulation.movesOfClass[c].suffix(taken) {
                values[formulation.moves[position].variable.index] = 1
            }
            values[formulation.unmoved[c].index] = Double(householdClass.count - taken)
        }
        let objective = formulation.model.objectiveValue(of: values)
        let bound = nominal.solver.bound
        let closed = bound.map { objective - $0 <= Planner.optimalityTolerance * max(1, abs(objective)) } ?? false
        let status: SolveStatus =
            closed ? .optimal : solved.solution.status == .timeLimitFeasible ? .timeLimitFeasible : .feasible
        let solution = formulation.solution(
            values, status: status, bound: bound, seconds: solved.plan.solver.solveSeconds)
        var plan = decode(formulation, solution, options: options)
        plan.solver.stages = solved.plan.solver.stages
        // Room remains for these households in the nominal model: the robust one chose not to use it.
        if solved.solution.status == .optimal {
            for i in plan.unmoved.indices where plan.unmoved[i].reason == .notSelectedWithinTolerance {
                plan.unmoved[i].reason = .leftForRobustness
            }
        }
        return (plan, solved.plan.solver)
    }
}

/// The price of robustness (`passage plan --robust`): what the nominal and the robust plan move, and
/// how each fares in the same stress study (same seed, same trials).
public struct RobustnessComparison: Sendable, Hashable {
    /// One plan's side of the comparison.
    public struct Side: Sendable, Hashable {
        /// The plan's objective in the nominal model.
        public var objective: Double?
        /// Households and persons moved, of all.
        public var overall: MoveCount
        /// Per urgency tier, 1 first.
        public var byUrgency: [MoveCount]
        /// The stress study of the plan.
        public var stress: StressSummary

        /// The side of `plan`, stress-tested as `stress`.
        public init(_ plan: Plan, stress: StressSummary) {
            objective = plan.solver.objective
            overall = plan.summary.overall
            byUrgency = plan.summary.byUrgency
            self.stress = stress
        }

        /// The statistic of the stress study with `key` (`persons_arrived`, `households_stranded`, …).
        public func statistic(_ key: String) -> StressStatistic? { stress.statistics.first { $0.key == key } }
    }

    /// The quantile the robust plan was made at.
    public var level: Double
    /// The plan of the typical case.
    public var nominal: Side
    /// The robust plan.
    public var robust: Side
    /// The solver's account of the robust model itself (objective with the penalties, its own bound),
    /// when known.
    public var robustModel: SolverReport?

    /// Whether the robust plan's gap in the nominal model is the price of robustness alone: the
    /// robust model was solved to optimality, so reports need not warn that a better plan may exist.
    public var gapIsPriceOfRobustness: Bool { robustModel?.status == .optimal }

    /// Seed and trials of both studies.
    public var seed: String { nominal.stress.seed }
    public var trials: Int { nominal.stress.trials }

    /// Stress-tests `nominal` and `robust`, plans of `scenario`, with the same `seed` and `trials`.
    public init(
        level: Double, nominal: Plan, robust: Plan, robustModel: SolverReport? = nil, scenario: Scenario, seed: UInt64,
        trials: Int, jobs: Int = 1
    ) throws {
        self.level = level
        self.robustModel = robustModel
        func side(_ plan: Plan) throws -> Side {
            let input = try StressInput(scenario: scenario, plan: plan)
            return Side(plan, stress: StressSummary(StressStudy.run(input, seed: seed, trials: trials, jobs: jobs)))
        }
        self.nominal = try side(nominal)
        self.robust = try side(robust)
    }

    /// One sentence on the price of robustness: persons planned and households stranded in the
    /// median trial, robust against nominal.
    public var sentence: String {
        let persons = robust.overall.personsMoved - nominal.overall.personsMoved
        let median = { (side: Side) in side.statistic("households_stranded")?.median ?? 0 }
        let stranded = Int((median(nominal) - median(robust)).rounded())
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let moves =
            persons == 0
            ? "moves as many persons as the nominal plan"
            : persons < 0 ? "moves \(count(-persons, "fewer person"))" : "moves \(count(persons, "more person"))"
        let strands =
            stranded == 0
            ? "strands as many households in the median trial"
            : stranded > 0
                ? "strands \(count(stranded, "fewer household")) in the median trial"
                : "strands \(count(-stranded, "more household")) in the median trial"
        return "The robust plan \(moves) and \(strands)."
    }
}

extension StressInput {
    /// A study of `plan`'s moves against `scenario`, the scenario it was made from; the same moves
    /// `passage stress` reads from the plan's JSON.
    public init(scenario: Scenario, plan: Plan) throws {
        try self.init(
            scenario: scenario,
            itineraries: plan.itineraries.map { i in
                StressItinerary(
                    householdID: i.householdID, persons: i.size,
                    outbound: i.outbound.map { StressDeparture(legID: $0.legID, week: $0.week) },
                    houseID: i.stay.houseID, stayFromWeek: i.stay.fromWeek, stayToWeek: i.stay.toWeek,
                    programmeID: i.programmeID,
                    onward: i.onward.map { StressDeparture(legID: $0.legID, week: $0.week) },
                    arrivalWeek: i.arrivalWeek,
                    document: i.document.map {
                        StressDocumentStep(serviceID: $0.serviceID, startWeek: $0.startWeek, weeks: $0.weeks)
                    })
            })
    }
}
