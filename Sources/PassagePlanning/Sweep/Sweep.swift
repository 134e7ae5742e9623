import Foundation
import LinearProgramming
import PassageScenario

/// A scenario planned at every value of one capacity (docs/WHATIF.md, "Sweeps"): the beds of a
/// house, the seats of a leg, a programme's quota or the budget, from one value to another.
///
/// Each value is its own plan of the scenario with only that capacity changed, solved on its own
/// thread with its own GLPK problem; the points come back ordered by value, whatever order the solves
/// finish in, and the same scenario and settings give the same points.
public struct Sweep: Sendable, Hashable {
    /// What was varied, and over which values.
    public var specification: SweepSpecification
    /// The value the scenario itself has (nil for an unlimited budget).
    public var scenarioValue: Double?
    /// The scenario's header (its own budget, not a swept one).
    public var scenario: ScenarioHeader
    /// One point per value, in increasing order of value.
    public var points: [SweepPoint]

    /// A sweep from its parts (for tests and reports; `plan` computes one).
    public init(
        specification: SweepSpecification, scenarioValue: Double?, scenario: ScenarioHeader, points: [SweepPoint]
    ) {
        self.specification = specification
        self.scenarioValue = scenarioValue
        self.scenario = scenario
        self.points = points
    }

    /// The number of threads a sweep uses unless told otherwise: one per active processor.
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Plans `scenario` once for each value of `specification`, on up to `jobs` threads at once, each
    /// solve with `options` (its own time limit). `progress` is told after each plan how many are done
    /// and how many there are, one call at a time.
    ///
    /// - Throws: ``ScenarioValidationError`` when a value makes the scenario invalid (an unknown id:
    ///   check `SweptResource.problem(in:)` first for a friendlier message), before anything is solved;
    ///   otherwise only when the solver itself fails (the error of the lowest value that failed).
    public static func plan(
        _ scenario: Scenario, varying specification: SweepSpecification, options: PlanningOptions = PlanningOptions(),
        jobs: Int = Sweep.defaultJobs,
        solver: any LinearSolver,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> Sweep {
        let values = specification.values
        // Every variant is built and checked before any solve starts: a bad value costs no solver time.
        let variants = try values.map { try specification.resource.applying($0, to: scenario) }
        let outcomes = ParallelWork.map(
            variants.count, width: jobs,
            completed: progress.map { report in { @Sendable done in report(done, values.count) } }
        ) { index -> Result<Plan, SolverFailure> in
            do {
                return .success(try Planner(scenario: variants[index], solver: solver).plan(options: options))
            } catch {
                return .failure(SolverFailure(description: String(describing: error)))
            }
        }
        var points: [SweepPoint] = []
        for (value, outcome) in zip(values, outcomes) {
            switch outcome {
            case .success(let plan): points.append(SweepPoint(value: value, plan: plan))
            case .failure(let failure): throw failure
            }
        }
        let settings = scenario.settings
        return Sweep(
            specification: specification, scenarioValue: specification.resource.currentValue(in: scenario),
            scenario: ScenarioHeader(
                title: settings.title, startDate: settings.startDate, horizonWeeks: settings.horizonWeeks,
                currency: settings.currency, budget: settings.budget),
            points: points)
    }

    /// Whether every point's plan is proven optimal: only then do differences between points come from
    /// the capacity alone, not from where the solver stopped.
    public var allOptimal: Bool { points.allSatisfy { $0.status == .optimal } }
}

/// One value of a sweep and the outcome of its plan.
public struct SweepPoint: Sendable, Hashable {
    /// The capacity's value (beds, seats or quota places; money for the budget).
    public var value: Double
    /// How the solve ended.
    public var status: SolveStatus
    /// The plan's objective (minimised), if there is a plan.
    public var objective: Double?
    /// The best proven bound on the objective.
    public var bound: Double?
    /// The relative gap between objective and bound.
    public var gap: Double?
    /// Households and persons moved (overall and by urgency tier), cost, weeks waited, deadlines.
    public var summary: PlanSummary

    /// The point of `plan`, planned at `value`.
    public init(value: Double, plan: Plan) {
        self.init(
            value: value, status: plan.solver.status, objective: plan.solver.objective, bound: plan.solver.bound,
            gap: plan.solver.gap, summary: plan.summary)
    }

    /// A point from its parts.
    public init(
        value: Double, status: SolveStatus, objective: Double?, bound: Double?, gap: Double?, summary: PlanSummary
    ) {
        self.value = value
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.summary = summary
    }
}

/// A solve that failed inside a sweep, carried back from its worker thread as text.
struct SolverFailure: Error, Sendable, CustomStringConvertible {
    var description: String
}
