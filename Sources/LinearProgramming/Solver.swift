/// Why the solver stopped and what result exists.
///
/// A time-limited solve is never `.optimal`: it is `.timeLimitFeasible` when an incumbent exists.
public enum SolveStatus: String, Sendable, Codable {
    /// Proven optimal (within the solver's integrality and feasibility tolerances).
    case optimal
    /// A feasible solution within the requested relative MIP gap, not proven optimal.
    case feasible
    /// The model has no feasible solution.
    case infeasible
    /// The objective can improve without limit.
    case unbounded
    /// The time limit was reached; the best solution found is returned.
    case timeLimitFeasible = "time_limit_feasible"
    /// The time limit was reached before any feasible solution was found.
    case timeLimitNoSolution = "time_limit_no_solution"

    /// Whether `values` hold a feasible solution.
    public var hasSolution: Bool {
        switch self {
        case .optimal, .feasible, .timeLimitFeasible: return true
        case .infeasible, .unbounded, .timeLimitNoSolution: return false
        }
    }
}

/// The limit that ended a solve before it proved its result (`.timeLimitFeasible`,
/// `.timeLimitNoSolution`).
public enum SolveLimit: String, Sendable, Hashable, Codable {
    /// The wall-clock limit (`SolverOptions.timeLimit`): where it strikes depends on the machine's
    /// speed and load, so the result may differ from run to run.
    case time
    /// The limit on branch-and-bound nodes (`SolverOptions.nodeLimit`): the same model stops at the
    /// same node on any machine.
    case nodes
}

/// Settings for one solve.
public struct SolverOptions: Sendable {
    /// Wall-clock limit in seconds, or nil for none.
    public var timeLimit: Double?
    /// Relative MIP gap at which to stop, e.g. 0.005; nil or 0 asks for proven optimality.
    public var relativeGap: Double?
    /// Called with each line of solver output (captured, never printed by the library itself).
    public var log: (@Sendable (String) -> Void)?
    /// Called now and then while the solver works (phase, elapsed time, incumbent, bound), from the
    /// solving thread; never with anything about the model's names.
    public var progress: (@Sendable (SolverProgress) -> Void)?
    /// Branch-and-bound nodes after which to stop, or nil for no limit: a limit on work, not time,
    /// so where it ends a solve the result does not depend on the machine's speed or load. A solve it
    /// ends reports the time-limit statuses (with or without a plan).
    public var nodeLimit: Int?
    /// Solve only the LP relaxation, ignoring integrality.
    public var relaxIntegrality: Bool
    /// A feasible solution (one value per column) for branch-and-cut to start from, so that a solve
    /// stopped early still returns a plan at least this good. Ignored unless it satisfies every
    /// bound, integrality requirement and row.
    public var startSolution: [Double]?
    /// Also compute row duals and reduced costs (default false). For an LP (or `relaxIntegrality`)
    /// they are the LP's; for a MIP with a solution they are the duals of the "fixed-integer LP": the
    /// same model with every integer column fixed at its (rounded) value in the returned solution,
    /// re-solved as an LP. Each dual is the rate of change of the objective per unit increase of the
    /// row's right-hand side (or of the column's value, for reduced costs), in the model's own sense.
    public var computeDuals: Bool = false
    /// Also rank the right-hand sides (default false; implies `computeDuals`): for each row, the range
    /// of its right-hand side over which the final LP's basis, and so its row duals, stay optimal
    /// (the backend's sensitivity analysis). Filled in `Solution.rightHandSideRanges`.
    public var computeSensitivity: Bool = false
    /// Makes a start solution from the LP relaxation's column values once the relaxation is solved
    /// (e.g. by rounding and repairing). Branch-and-cut starts from it when it is feasible and better
    /// than `startSolution`; a solve stopped after the relaxation returns it. This is how a large
    /// model gets a good plan even when branch-and-cut has no time left to find one.
    public var startFromRelaxation: (@Sendable ([Double]) -> [Double])?
    /// What the branch-and-bound search is for, so a backend can search the way that suits it.
    public var search: MIPSearch = .wholeModel

    public init(
        timeLimit: Double? = nil, relativeGap: Double? = nil, relaxIntegrality: Bool = false,
        log: (@Sendable (String) -> Void)? = nil
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.relaxIntegrality = relaxIntegrality
        self.log = log
    }
}

/// What a mixed-integer solve is for.
public enum MIPSearch: Sendable {
    /// A whole model: find good solutions and prove how good they are (the backend's settings).
    case wholeModel
    /// A small model with a good start, solved many times under a node limit (fix-and-optimise's
    /// neighbourhoods): only a better solution near the start is wanted, soon; no proof.
    case improveStart
}

/// The result of solving a `LinearModel`.
public struct Solution: Sendable {
    /// Why the solver stopped.
    public var status: SolveStatus
    /// Objective of the returned solution (including the constant), if one exists.
    public var objectiveValue: Double?
    /// Best proven bound on the optimum (for an LP, the optimum itself), if known.
    public var bestBound: Double?
    /// Column values (empty when no solution exists).
    public var values: [Double]
    /// Row activities (empty when no solution exists).
    public var rowActivities: [Double]
    /// Row duals of the final LP (the LP relaxation, or the LP with integers fixed); empty if unavailable.
    public var rowDuals: [Double]
    /// Reduced costs of the final LP; empty if unavailable.
    public var reducedCosts: [Double]
    /// With `SolverOptions.computeSensitivity`: for each row, the range of its right-hand side over
    /// which `rowDuals` hold (the final LP's basis stays optimal); ±infinity for no limit. Within it the
    /// optimum of that LP changes by exactly dual × change. Empty if unavailable.
    public var rightHandSideRanges: [ClosedRange<Double>] = []
    /// Seconds spent in the solver.
    public var solveSeconds: Double
    /// Which limit stopped the solve, for the time-limit statuses: `.nodes` when the node limit did,
    /// `.time` when the time limit did (or nothing says which); nil for every other status.
    public var stoppedBy: SolveLimit? {
        get {
            switch status {
            case .timeLimitFeasible, .timeLimitNoSolution: return limitReached ?? .time
            default: return nil
            }
        }
        set { limitReached = newValue }
    }
    /// What a backend said stopped it (read through `stoppedBy`).
    private var limitReached: SolveLimit?

    /// Relative gap `|objective − bound| / max(1e-9, |objective|)`, or nil without both numbers.
    public var relativeGap: Double? {
        guard let objective = objectiveValue, let bound = bestBound else { return nil }
        return abs(objective - bound) / max(1e-9, abs(objective))
    }

    public init(
        status: SolveStatus, objectiveValue: Double?, bestBound: Double?, values: [Double],
        rowActivities: [Double], rowDuals: [Double] = [], reducedCosts: [Double] = [], solveSeconds: Double
    ) {
        self.status = status
        self.objectiveValue = objectiveValue
        self.bestBound = bestBound
        self.values = values
        self.rowActivities = rowActivities
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.solveSeconds = solveSeconds
    }

    /// Value of one column.
    public func value(_ variable: Variable) -> Double { values[variable.index] }
}

/// A failure of the solver itself (not an outcome of the model such as infeasibility).
public enum SolverError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The backend asked for is not installed or could not be loaded; `remedy` says how to install it.
    case backendUnavailable(backend: String, reason: String, remedy: String)
    /// The solver failed while working (the message quotes the solver's own words where it gave any).
    case solverFailed(String)
    /// The backend was used in a way it cannot support (e.g. a GLPK solve nested inside another).
    case misuse(String)
    /// Input that does not describe a model (e.g. a malformed benchmark file).
    case invalidInput(String)

    /// A failure of the solver described in words (`.solverFailed`).
    public init(_ message: String) { self = .solverFailed(message) }

    /// What went wrong, in words.
    public var message: String {
        switch self {
        case .backendUnavailable(let backend, let reason, let remedy):
            return "\(backend) is not available: \(reason). \(remedy)"
        case .solverFailed(let message), .misuse(let message), .invalidInput(let message): return message
        }
    }

    public var description: String { message }
}

/// File formats a model can be exported to.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// Free MPS.
    case mps
    /// CPLEX LP.
    case lp
}

/// A solver behind a narrow interface: solve a model, export a model.
///
/// A backend (GLPKBackend, HiGHSBackend, a scripted one in tests) implements `solve`; `export` has a
/// default that writes the model's own file text (`LinearModel.fileText`), so files never depend on
/// the backend. docs/SOLVER.md says how to add a backend.
public protocol LinearSolver: Sendable {
    /// Solves `model` with `options`. Throws `SolverError` only when the solver fails.
    func solve(_ model: LinearModel, options: SolverOptions) throws -> Solution
    /// The model as text in `format`.
    func export(_ model: LinearModel, format: ModelFileFormat) throws -> String
}

extension Solution {
    /// A solve the time limit stopped before the solver found anything: the caller's start solution,
    /// if it gave one, is the best known (`.timeLimitFeasible`), else `.timeLimitNoSolution`; `bound`
    /// is whatever bound is known (e.g. the LP relaxation's).
    public static func stoppedEarly(_ model: LinearModel, start: [Double]?, bound: Double?) -> Solution {
        guard let start else {
            return Solution(
                status: .timeLimitNoSolution, objectiveValue: nil, bestBound: bound, values: [], rowActivities: [],
                solveSeconds: 0)
        }
        let activities = (0..<model.constraintCount).map { model.activity(of: Constraint(index: $0), values: start) }
        return Solution(
            status: .timeLimitFeasible, objectiveValue: model.objectiveValue(of: start), bestBound: bound,
            values: start, rowActivities: activities, solveSeconds: 0)
    }

    /// No solution, for a reason that is an outcome (`.infeasible`, `.unbounded`, …).
    public static func noSolution(_ status: SolveStatus, bound: Double? = nil) -> Solution {
        Solution(status: status, objectiveValue: nil, bestBound: bound, values: [], rowActivities: [], solveSeconds: 0)
    }
}
