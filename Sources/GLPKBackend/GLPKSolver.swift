import CGLPK
import Foundation
import GLPKGuard
import LinearProgramming

/// The GLPK 5 backend: primal simplex, then branch-and-cut for models with integer columns.
///
/// - Every GLPK call runs inside a C `setjmp` guard (`GLPKGuard`): a GLPK error becomes a thrown
///   `SolverError` quoting GLPK's message, never an aborted process, and the next solve on the same
///   thread works.
/// - GLPK's terminal output is captured per solve and forwarded line by line to `SolverOptions.log`.
/// - Thread safety: GLPK 5 keeps its state per thread and each solve creates, uses and frees its own
///   problem on the calling thread, so independent solves may run on different threads at once. A
///   thread's GLPK environment is freed when the thread exits; a solve nested inside another on the
///   same thread throws `SolverError.misuse`.
/// - Statuses are faithful: a solve stopped by the time limit or the node limit is `.timeLimitFeasible`
///   or `.timeLimitNoSolution`, never `.optimal` (`Solution.stoppedBy` says which limit); one stopped by
///   the MIP gap is `.feasible`.
/// - The time limit is one budget shared by the LP relaxation, branch-and-cut and (with
///   `computeDuals`) the fixed-integer LP.
public struct GLPKSolver: LinearSolver {
    /// Branch-and-cut settings.
    public var mipSettings: GLPKMIPSettings
    /// Branch-and-cut settings of solves that only improve a start (`MIPSearch.improveStart`).
    public var improvementSettings: GLPKMIPSettings

    /// Creates the backend with the measured branch-and-cut settings.
    public init() { self.init(mipSettings: .measured) }

    /// Creates the backend with explicit branch-and-cut settings (for benchmarks and experiments).
    public init(mipSettings: GLPKMIPSettings = .measured, improvementSettings: GLPKMIPSettings = .improvingStart) {
        self.mipSettings = mipSettings
        self.improvementSettings = improvementSettings
    }

    /// Solves `model`. Throws `SolverError` only when GLPK itself fails.
    public func solve(_ model: LinearModel, options: SolverOptions) throws -> Solution {
        // GLPK's hooks are per thread: a solve nested in another on one thread (say, from its log
        // callback) would take over the outer one's, so it is refused.
        guard passage_glpk_begin_solve() == PASSAGE_GLPK_OK else {
            throw SolverError.misuse("a GLPK solve was started inside another GLPK solve on the same thread")
        }
        defer { passage_glpk_end_solve() }
        let clock = ContinuousClock()
        let start = clock.now
        let budget = TimeBudget(seconds: options.timeLimit, start: start, clock: clock)
        var solution = try GLPKTerminal.capturing(log: options.log, progress: options.progress) { terminal in
            try solve(model, options: options, budget: budget, terminal: terminal)
        }
        solution.solveSeconds = Self.seconds(clock.now - start)
        return solution
    }

    private func solve(
        _ model: LinearModel, options: SolverOptions, budget: TimeBudget, terminal: GLPKTerminal
    ) throws -> Solution {
        let isMIP = !options.relaxIntegrality && model.hasIntegerVariables
        let wantsDuals = options.computeDuals || options.computeSensitivity
        if Self.hasCrossedBounds(model, integral: isMIP) {
            return Solution(
                status: .infeasible, objectiveValue: nil, bestBound: nil, values: [], rowActivities: [],
                solveSeconds: 0)
        }
        let problem = try GLPKProblem(
            model, relaxIntegrality: options.relaxIntegrality, terminal: terminal,
            verbose: options.log != nil || options.progress != nil)
        let rows = model.constraintCount
        let columns = model.variableCount

        // The LP (relaxation): primal simplex, presolver off, so that a basis stopped by the time
        // limit is still primal feasible and branch-and-cut can start from the optimal basis.
        // GLPK's glp_ios_heur_sol does not check the rows, so only a verified solution is offered.
        var start = options.startSolution.flatMap { model.isFeasible($0) ? $0 : nil }
        guard case .left(let lpLimit) = budget.remaining() else {
            return Solution.stoppedEarly(model, start: isMIP ? start : nil, bound: nil)
        }
        let lp = try problem.simplex(timeLimitMilliseconds: lpLimit)
        switch lp.glpkReturn {
        case 0: break
        case GLP_ETMLIM:
            // Primal simplex keeps primal feasibility once phase 1 is over: that basis is a solution.
            if !isMIP && lp.primalStatus == GLP_FEAS {
                let read = try problem.read(mip: false, rowCount: rows, columnCount: columns, duals: false)
                return Solution(
                    status: .timeLimitFeasible, objectiveValue: lp.objective, bestBound: nil,
                    values: read.values, rowActivities: read.activities, solveSeconds: 0)
            }
            return Solution.stoppedEarly(model, start: isMIP ? start : nil, bound: nil)
        default:
            throw SolverError(
                "GLPK simplex failed (\(Self.describe(simplexReturn: lp.glpkReturn))): \(terminal.recentText)")
        }
        switch lp.status {
        case GLP_OPT: break
        case GLP_NOFEAS: return Solution.noSolution(.infeasible)
        // An unbounded relaxation: the MIP is unbounded too, or infeasible (GLPK cannot tell which).
        case GLP_UNBND: return Solution.noSolution(.unbounded)
        default: throw SolverError("GLPK simplex ended with LP status \(lp.status)")
        }

        if !isMIP {
            let read = try problem.read(mip: false, rowCount: rows, columnCount: columns, duals: wantsDuals)
            var solution = Solution(
                status: .optimal, objectiveValue: lp.objective, bestBound: lp.objective, values: read.values,
                rowActivities: read.activities, rowDuals: read.rowDuals, reducedCosts: read.reducedCosts,
                solveSeconds: 0)
            if options.computeSensitivity {
                solution.rightHandSideRanges = try problem.rightHandSideRanges(rowCount: rows) ?? []
            }
            return solution
        }

        if let makeStart = options.startFromRelaxation {
            let relaxation = try problem.read(mip: false, rowCount: rows, columnCount: columns, duals: false)
            let candidate = makeStart(relaxation.values)
            let isBetter = start.map { Self.improves(candidate, on: $0, model: model) } ?? true
            if isBetter, model.isFeasible(candidate) { start = candidate }
        }

        // Branch-and-cut from the optimal basis, with what is left of the budget.
        guard case .left(let mipLimit) = budget.remaining() else {
            return Solution.stoppedEarly(model, start: start, bound: lp.objective)
        }
        let mip = try problem.intopt(
            cSettings(timeLimitMilliseconds: mipLimit, options: options, problem: problem), start: start)
        let hasIncumbent = mip.mipStatus == GLP_OPT || mip.mipStatus == GLP_FEAS
        let status: SolveStatus
        switch (mip.glpkReturn, mip.mipStatus) {
        case (0, GLP_OPT): status = .optimal
        case (0, GLP_NOFEAS): status = .infeasible
        case (GLP_EMIPGAP, _): status = hasIncumbent ? .feasible : .timeLimitNoSolution
        // The time limit, or the node limit (the callback's glp_ios_terminate).
        case (GLP_ETMLIM, _), (GLP_ESTOP, _): status = hasIncumbent ? .timeLimitFeasible : .timeLimitNoSolution
        default:
            throw SolverError(
                "GLPK branch-and-cut failed (return \(mip.glpkReturn), status \(mip.mipStatus)): \(terminal.recentText)"
            )
        }
        guard status != .infeasible else { return Solution.noSolution(.infeasible) }
        // Only the callback's node limit ends branch-and-cut with GLP_ESTOP.
        let limit: SolveLimit = mip.glpkReturn == GLP_ESTOP ? .nodes : .time
        let bound = Self.bestBound(
            sense: model.sense, status: status, rootBound: lp.objective, trackedBound: mip.trackedBound,
            incumbent: hasIncumbent ? mip.objective : nil)
        guard hasIncumbent else {
            var stopped =
                status == .timeLimitNoSolution && start != nil
                ? Solution.stoppedEarly(model, start: start, bound: bound)
                : Solution(
                    status: status, objectiveValue: nil, bestBound: bound, values: [], rowActivities: [],
                    solveSeconds: 0)
            if stopped.stoppedBy != nil { stopped.stoppedBy = limit }
            return stopped
        }
        let read = try problem.read(mip: true, rowCount: rows, columnCount: columns, duals: false)
        var solution = Solution(
            status: status, objectiveValue: mip.objective, bestBound: bound, values: read.values,
            rowActivities: read.activities, solveSeconds: 0)
        if status == .timeLimitFeasible { solution.stoppedBy = limit }
        if wantsDuals {
            // Duals of the LP with every integer column fixed at its value in the solution. The fixed LP
            // gets what is left of the budget, but at least a second: it is usually quick, and without
            // it there are no duals at all.
            let limit: Int32?
            switch budget.remaining() {
            case .left(let milliseconds): limit = milliseconds.map { max($0, 1000) }
            case .spent: limit = 1000
            }
            let fixed = try problem.fixIntegersAndResolve(timeLimitMilliseconds: limit)
            if fixed.glpkReturn == 0 && fixed.status == GLP_OPT {
                let duals = try problem.read(mip: false, rowCount: rows, columnCount: columns, duals: true)
                solution.rowDuals = duals.rowDuals
                solution.reducedCosts = duals.reducedCosts
                if options.computeSensitivity {
                    solution.rightHandSideRanges = try problem.rightHandSideRanges(rowCount: rows) ?? []
                }
            }
        }
        return solution
    }

    /// A valid bound on the optimum from the root LP, the best active node seen by the branch-and-cut
    /// callback and the incumbent. For minimisation the optimum is at least
    /// min(incumbent, best active node bound) at any moment; the tightest such node bound over time
    /// combined with the final incumbent is still valid (if it ever exceeded the optimum, the incumbent
    /// at that moment was already optimal, so the minimum is the optimum).
    static func bestBound(
        sense: ObjectiveSense, status: SolveStatus, rootBound: Double, trackedBound: Double?, incumbent: Double?
    ) -> Double {
        if status == .optimal, let incumbent { return incumbent }
        if sense == .minimize {
            let nodeBound = max(rootBound, trackedBound ?? -.infinity)
            return incumbent.map { min($0, nodeBound) } ?? nodeBound
        } else {
            let nodeBound = min(rootBound, trackedBound ?? .infinity)
            return incumbent.map { max($0, nodeBound) } ?? nodeBound
        }
    }

    private func cSettings(
        timeLimitMilliseconds: Int32?, options: SolverOptions, problem: GLPKProblem
    ) -> passage_glpk_mip_settings {
        let settings = options.search == .improveStart ? improvementSettings : mipSettings
        let branching: Int32
        switch settings.branching {
        case .firstFractional: branching = GLP_BR_FFV
        case .lastFractional: branching = GLP_BR_LFV
        case .mostFractional: branching = GLP_BR_MFV
        case .driebeckTomlin: branching = GLP_BR_DTH
        case .pseudoCost: branching = GLP_BR_PCH
        }
        let backtracking: Int32
        switch settings.backtracking {
        case .depthFirst: backtracking = GLP_BT_DFS
        case .breadthFirst: backtracking = GLP_BT_BFS
        case .bestBound: backtracking = GLP_BT_BLB
        case .bestProjection: backtracking = GLP_BT_BPH
        }
        return passage_glpk_mip_settings(
            time_limit_ms: timeLimitMilliseconds ?? 0, mip_gap: max(0, options.relativeGap ?? 0),
            message_level: problem.messageLevel, branching: branching, backtracking: backtracking,
            mir_cuts: settings.mirCuts ? 1 : 0, gomory_cuts: settings.gomoryCuts ? 1 : 0,
            cover_cuts: settings.coverCuts ? 1 : 0, clique_cuts: settings.cliqueCuts ? 1 : 0,
            feasibility_pump: settings.feasibilityPump ? 1 : 0, proximity_search: settings.proximitySearch ? 1 : 0,
            proximity_time_limit_ms: Self.proximityLimit(
                settings.proximitySearchTimeLimit, budget: timeLimitMilliseconds),
            node_limit: Int32(clamping: options.nodeLimit ?? 0))
    }

    /// Proximity search has its own clock (`ps_tm_lim`, 60 s by default) and ignores `tm_lim`:
    /// measured, it overran a 10-second limit to 60 s. So it never gets more than the remaining budget.
    static func proximityLimit(_ seconds: Double?, budget: Int32?) -> Int32 {
        let own = seconds.map { Int32(min(max($0 * 1000, 1), 2e9)) } ?? 60_000
        return budget.map { min($0, own) } ?? own
    }

    /// Whether some column's bounds cross (after rounding integer bounds inwards): the model is
    /// infeasible before GLPK sees it (GLPK would report GLP_EBOUND instead).
    private static func hasCrossedBounds(_ model: LinearModel, integral: Bool) -> Bool {
        model.variables.contains { column in
            var lower = column.lowerBound
            var upper = column.upperBound
            if integral && column.kind != .continuous {
                lower = (lower - 1e-9).rounded(.up)
                upper = (upper + 1e-9).rounded(.down)
            }
            return lower > upper
        }
    }

    /// Whether `candidate` has a strictly better objective than `current`.
    private static func improves(_ candidate: [Double], on current: [Double], model: LinearModel) -> Bool {
        let (a, b) = (model.objectiveValue(of: candidate), model.objectiveValue(of: current))
        return model.sense == .minimize ? a < b - 1e-9 : a > b + 1e-9
    }

    private static func describe(simplexReturn code: Int32) -> String {
        switch code {
        case GLP_EBADB: return "invalid initial basis"
        case GLP_ESING: return "singular basis"
        case GLP_ECOND: return "ill-conditioned basis"
        case GLP_EBOUND: return "incorrect bounds"
        case GLP_EFAIL: return "solver failure"
        default: return "return code \(code)"
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

/// One wall-clock budget shared by every phase of a solve (GLPK's `tm_lim` is per call, in ms).
struct TimeBudget {
    private let deadline: ContinuousClock.Instant?
    private let clock: ContinuousClock

    init(seconds: Double?, start: ContinuousClock.Instant, clock: ContinuousClock) {
        self.clock = clock
        if let seconds, seconds.isFinite {
            deadline = start.advanced(by: .milliseconds(Int64(max(0, min(seconds, 1e9)) * 1000)))
        } else {
            deadline = nil
        }
    }

    /// What is left of the budget.
    enum Remaining {
        /// Milliseconds left for the next GLPK call (at least 1), or nil without a limit.
        case left(Int32?)
        /// The deadline has passed.
        case spent
    }

    /// What is left now.
    func remaining() -> Remaining {
        guard let deadline else { return .left(nil) }
        let left = GLPKSolver.seconds(deadline - clock.now)
        if left <= 0 { return .spent }
        return .left(Int32(min(max(left * 1000, 1), 2e9)))
    }
}
