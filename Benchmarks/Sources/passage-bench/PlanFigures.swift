import LinearProgramming
import PassagePlanning

extension SolveRecord {
    /// The solver part of a decoded plan.
    init(_ report: SolverReport) {
        self.init(
            status: report.status.rawValue, objective: report.objective, bound: report.bound, gap: report.gap,
            solverSeconds: report.solveSeconds)
    }
}

extension MovedRecord {
    /// The totals of a plan.
    init(_ summary: PlanSummary) {
        self.init(
            households: summary.overall.householdsMoved, householdsTotal: summary.overall.householdsTotal,
            persons: summary.overall.personsMoved, personsTotal: summary.overall.personsTotal,
            urgencyWeightedPersons: summary.urgencyWeightedPersonsMoved)
    }
}

extension ModelSize {
    /// Rows, columns and non-zeros of `model`.
    init(_ model: LinearModel) {
        self.init(rows: model.constraintCount, columns: model.variableCount, nonzeros: model.nonzeroCount)
    }
}
