import LinearProgramming
import PassagePlanning

/// The urgency-first greedy baseline: the plan coordinators would make by hand (most urgent, longest
/// waiting first, earliest then cheapest pathway with room).
///
/// `Planner.plan` hands the greedy plan to the solver as its start solution (`SolverOptions.startSolution`).
/// Until the planning library exposes the greedy plan itself (`PASSAGE_GREEDY_API`), the baseline plans
/// with `StartSolutionSolver`, which returns that start solution untouched: the decoded plan is exactly
/// the greedy one, obtained through public API only.
enum GreedyBaseline {
    /// Plans `formulation` greedily and records the outcome.
    static func run(scenarioPlanner planner: Planner, formulation: Formulation) throws -> GreedyRecord {
        #if PASSAGE_GREEDY_API
            let method = "Planner.greedyPlan"
            let (plan, seconds) = timed { planner.greedyPlan(formulation) }
            let values: [Double]? = nil
        #else
            let method = "Planner.plan with StartSolutionSolver (the solver's start solution, unsolved)"
            let capture = StartSolutionSolver()
            let greedyPlanner = Planner(scenario: planner.scenario, solver: capture, style: planner.style)
            let (plan, seconds) = try timed { try greedyPlanner.plan(formulation) }
            let values = capture.lastStart.value
        #endif
        guard let objective = plan.solver.objective else { throw BenchmarkError("the greedy plan has no objective") }
        return GreedyRecord(
            seconds: seconds, method: method,
            feasible: values.map { StartSolutionSolver.isFeasible($0, for: formulation.model) } ?? true,
            objective: objective, moved: MovedRecord(plan.summary))
    }
}

/// A `LinearSolver` that does not solve: it returns the start solution it is given, as a feasible
/// (unproven) solution, and remembers it. Throws when no start solution is given.
final class StartSolutionSolver: LinearSolver {
    /// The last start solution seen (the greedy column values).
    let lastStart = LockedValue<[Double]?>(nil)

    func solve(_ model: LinearModel, options: SolverOptions) throws -> Solution {
        guard let values = options.startSolution, values.count == model.variableCount else {
            throw BenchmarkError("Planner.plan gave no start solution: the greedy baseline needs another API")
        }
        lastStart.value = values
        let activities = (0..<model.constraintCount).map { model.activity(of: Constraint(index: $0), values: values) }
        return Solution(
            status: .feasible, objectiveValue: model.objectiveValue(of: values), bestBound: nil, values: values,
            rowActivities: activities, solveSeconds: 0)
    }

    func export(_ model: LinearModel, format: ModelFileFormat) throws -> String {
        try GLPKSolver().export(model, format: format)
    }

    /// Whether `values` satisfy every bound, integrality and row of `model` (tolerance 1e-6).
    static func isFeasible(_ values: [Double], for model: LinearModel) -> Bool {
        let tolerance = 1e-6
        for (value, column) in zip(values, model.variables) {
            if value < column.lowerBound - tolerance || value > column.upperBound + tolerance { return false }
            if column.kind != .continuous && abs(value - value.rounded()) > tolerance { return false }
        }
        for (index, row) in model.constraints.enumerated() {
            let activity = model.activity(of: Constraint(index: index), values: values)
            switch row.relation {
            case .lessOrEqual: if activity > row.rightHandSide + tolerance { return false }
            case .greaterOrEqual: if activity < row.rightHandSide - tolerance { return false }
            case .equal: if abs(activity - row.rightHandSide) > tolerance { return false }
            }
        }
        return true
    }
}
