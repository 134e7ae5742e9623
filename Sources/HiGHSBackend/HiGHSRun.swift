import LinearProgramming

/// One call of `HiGHSSolver.solve`: the relaxation when asked for, the MIP or LP, the fixed-integer
/// LP for duals, each in its own Highs object, all within one time limit.
struct HiGHSRun {
    let library: HiGHSLibrary
    let model: LinearModel
    let options: SolverOptions
    /// When the solve started: one time limit covers every Highs object of the run.
    let started: ContinuousClock.Instant

    /// Seconds since the solve started.
    func elapsedSeconds() -> Double {
        let spent = ContinuousClock.now - started
        return Double(spent.components.seconds) + Double(spent.components.attoseconds) * 1e-18
    }

    /// Seconds left of the time limit (negative when spent), or nil without one.
    private func secondsLeft() -> Double? { options.timeLimit.map { $0 - elapsedSeconds() } }

    private var isMIP: Bool { !options.relaxIntegrality && model.hasIntegerVariables }

    func solve() throws -> Solution {
        let wantsDuals = options.computeDuals || options.computeSensitivity
        if hasCrossedBounds { return .noSolution(.infeasible) }
        guard isMIP else {
            if let left = secondsLeft(), left <= 0 { return .stoppedEarly(model, start: nil, bound: nil) }
            return try solveLP(model, relaxed: true, duals: wantsDuals)
        }
        var start = options.startSolution.flatMap { model.isFeasible($0) ? $0 : nil }
        var rootBound: Double?
        if let makeStart = options.startFromRelaxation {
            if let left = secondsLeft(), left <= 0 { return .stoppedEarly(model, start: start, bound: nil) }
            let relaxation = try solveLP(model, relaxed: true, duals: false)
            switch relaxation.status {
            case .optimal:
                rootBound = relaxation.objectiveValue
                let candidate = makeStart(relaxation.values)
                let isBetter = start.map { improves(candidate, on: $0) } ?? true
                if isBetter, model.isFeasible(candidate) { start = candidate }
            // An infeasible relaxation means an infeasible MIP; an unbounded one, as GLPK reports it.
            case .infeasible, .unbounded: return .noSolution(relaxation.status)
            default: return .stoppedEarly(model, start: start, bound: nil)
            }
        }
        if let left = secondsLeft(), left <= 0 { return .stoppedEarly(model, start: start, bound: rootBound) }
        var solution = try solveMIP(start: start, rootBound: rootBound)
        if wantsDuals, solution.status.hasSolution {
            // The fixed-integer LP gets what is left, but at least a second: without it there are no duals.
            let fixed = model.fixingIntegerColumns(at: solution.values)
            let lp = try solveLP(fixed, relaxed: true, duals: true, minimumSeconds: 1)
            if lp.status == .optimal {
                solution.rowDuals = lp.rowDuals
                solution.reducedCosts = lp.reducedCosts
                solution.rightHandSideRanges = lp.rightHandSideRanges
            }
        }
        return solution
    }

    /// Branch-and-cut from `start`.
    private func solveMIP(start: [Double]?, rootBound: Double?, presolve: Bool = true) throws -> Solution {
        let highs = try instance(model, relaxed: false)
        try limitTime(highs, minimumSeconds: nil)
        try highs.setOption("mip_rel_gap", max(0, options.relativeGap ?? 0))
        if !presolve { try highs.setOption("presolve", "off") }
        if let nodeLimit = options.nodeLimit {
            try highs.setOption("mip_max_nodes", Int32(clamping: max(1, nodeLimit)))
        }
        if let start { try highs.setStart(start) }
        let status = try highs.run()
        switch status {
        case HiGHSConstants.optimal:
            let read = try highs.solution()
            let objective = try highs.doubleInfo("objective_function_value")
            let bound = finite(try highs.doubleInfo("mip_dual_bound")) ?? objective
            // HiGHS says "optimal" once within mip_rel_gap: only a closed gap is proven optimal.
            let closed = abs(objective - bound) <= max(1e-6, 1e-9 * abs(objective))
            return Solution(
                status: closed ? .optimal : .feasible, objectiveValue: objective, bestBound: closed ? objective : bound,
                values: read.values, rowActivities: read.activities, solveSeconds: 0)
        case HiGHSConstants.infeasible:
            return .noSolution(.infeasible)
        case HiGHSConstants.unbounded:
            return .noSolution(.unbounded)
        case HiGHSConstants.unboundedOrInfeasible:
            // Presolve could not tell which; without it HiGHS usually can.
            if presolve { return try solveMIP(start: start, rootBound: rootBound, presolve: false) }
            return .noSolution(.unbounded)
        case HiGHSConstants.timeLimit, HiGHSConstants.interrupt, HiGHSConstants.solutionLimit:
            let bound = finite(try highs.doubleInfo("mip_dual_bound")) ?? rootBound
            let limit: SolveLimit = status == HiGHSConstants.solutionLimit ? .nodes : .time
            guard try highs.hasFeasibleSolution() else {
                var stopped = Solution.stoppedEarly(model, start: start, bound: bound)
                stopped.stoppedBy = limit
                return stopped
            }
            let read = try highs.solution()
            var solution = Solution(
                status: .timeLimitFeasible, objectiveValue: try highs.doubleInfo("objective_function_value"),
                bestBound: bound, values: read.values, rowActivities: read.activities, solveSeconds: 0)
            solution.stoppedBy = limit
            return solution
        default:
            throw SolverError("HiGHS stopped with model status \"\(HiGHSConstants.modelStatusName(status))\"")
        }
    }

    /// An LP: `lp` itself when it has no integer columns, else its relaxation. With `duals`, row duals
    /// and reduced costs; with `computeSensitivity`, right-hand-side ranges too.
    private func solveLP(
        _ lp: LinearModel, relaxed: Bool, duals: Bool, minimumSeconds: Double? = nil, presolve: Bool = true
    ) throws -> Solution {
        let highs = try instance(lp, relaxed: relaxed)
        try limitTime(highs, minimumSeconds: minimumSeconds)
        // Ranging needs an optimal basis: the simplex method gives one directly.
        if options.computeSensitivity { try highs.setOption("solver", "simplex") }
        if !presolve { try highs.setOption("presolve", "off") }
        options.progress?(SolverProgress(phase: .linearRelaxation, elapsedSeconds: elapsedSeconds()))
        let status = try highs.run()
        switch status {
        case HiGHSConstants.optimal, HiGHSConstants.modelEmpty:
            let read = try highs.solution()
            let objective = try highs.doubleInfo("objective_function_value")
            var solution = Solution(
                status: .optimal, objectiveValue: objective, bestBound: objective, values: read.values,
                rowActivities: read.activities, rowDuals: duals ? read.rowDuals : [],
                reducedCosts: duals ? read.reducedCosts : [], solveSeconds: 0)
            if options.computeSensitivity, duals {
                solution.rightHandSideRanges = try rightHandSideRanges(highs, lp, activities: read.activities)
            }
            return solution
        case HiGHSConstants.infeasible:
            return .noSolution(.infeasible)
        case HiGHSConstants.unbounded:
            return .noSolution(.unbounded)
        case HiGHSConstants.unboundedOrInfeasible:
            if presolve {
                return try solveLP(lp, relaxed: relaxed, duals: duals, minimumSeconds: minimumSeconds, presolve: false)
            }
            return .noSolution(.unbounded)
        case HiGHSConstants.timeLimit, HiGHSConstants.interrupt:
            // A primal feasible point at the limit is a solution, not proven optimal; no bound.
            guard try highs.hasFeasibleSolution() else { return .stoppedEarly(lp, start: nil, bound: nil) }
            let read = try highs.solution()
            return Solution(
                status: .timeLimitFeasible, objectiveValue: try highs.doubleInfo("objective_function_value"),
                bestBound: nil, values: read.values, rowActivities: read.activities, solveSeconds: 0)
        default:
            throw SolverError("HiGHS stopped with model status \"\(HiGHSConstants.modelStatusName(status))\"")
        }
    }

    /// For each row, the range of its right-hand side over which the basis, and so every dual, stays
    /// optimal: HiGHS's ranging of the active bound for a non-basic row; for a basic row (dual 0), from
    /// its activity to the open side, as with GLPK. Empty when HiGHS gives no ranging.
    private func rightHandSideRanges(
        _ highs: HiGHSInstance, _ lp: LinearModel, activities: [Double]
    ) throws -> [ClosedRange<Double>] {
        guard let ranging = highs.rowBoundRanging() else { return [] }
        let basic = try highs.basicRows()
        return lp.constraints.indices.map { index in
            let row = lp.constraints[index]
            if basic[index] {
                switch row.relation {
                case .lessOrEqual: return min(activities[index], row.rightHandSide)...Double.infinity
                case .greaterOrEqual: return -Double.infinity...max(activities[index], row.rightHandSide)
                case .equal: return row.rightHandSide...row.rightHandSide
                }
            }
            let (down, up) = (ranging.down[index], ranging.up[index])
            let lower = min(down, row.rightHandSide), upper = max(up, row.rightHandSide)
            return min(lower, upper)...upper
        }
    }

    private func instance(_ lp: LinearModel, relaxed: Bool) throws -> HiGHSInstance {
        try HiGHSInstance(
            lp, relaxed: relaxed, library: library, log: options.log, progress: options.progress, started: started)
    }

    /// Sets HiGHS's time limit to what is left (at least `minimumSeconds` when given).
    private func limitTime(_ highs: HiGHSInstance, minimumSeconds: Double?) throws {
        guard var left = secondsLeft() else { return }
        if let minimumSeconds { left = max(left, minimumSeconds) }
        try highs.setOption("time_limit", max(left, 0.001))
    }

    private var hasCrossedBounds: Bool {
        model.variables.contains { column in
            let (lower, upper) =
                isMIP && column.kind != .continuous
                ? column.integralBounds : (column.lowerBound, column.upperBound)
            return lower > upper
        }
    }

    /// Whether `candidate` has a strictly better objective than `current`.
    private func improves(_ candidate: [Double], on current: [Double]) -> Bool {
        let (a, b) = (model.objectiveValue(of: candidate), model.objectiveValue(of: current))
        return model.sense == .minimize ? a < b - 1e-9 : a > b + 1e-9
    }

    /// `value` unless HiGHS's infinity (±inf or beyond 1e30) stands for "none".
    private func finite(_ value: Double) -> Double? { value.isFinite && abs(value) < 1e30 ? value : nil }
}
