/// Where a solve is and what it knows so far: what a backend reports while it works.
public struct SolverProgress: Sendable, Equatable {
    /// The part of the solve under way.
    public enum Phase: String, Sendable {
        /// Solving the LP (relaxation).
        case linearRelaxation = "LP relaxation"
        /// Branch-and-cut (or branch-and-bound) on the integer columns.
        case branchAndCut = "branch-and-cut"
        /// A planner's own bound, proven without the solver (a Lagrangian relaxation).
        case bound = "bound"
        /// A planner improving its best plan with small solves (fix-and-optimise).
        case improvement = "improvement"
    }

    /// The part of the solve under way.
    public var phase: Phase
    /// Seconds since the solve started.
    public var elapsedSeconds: Double
    /// Objective of the best solution found so far, if any.
    public var incumbent: Double?
    /// Best proven bound on the optimum so far, if any.
    public var bound: Double?

    /// Relative gap `|incumbent − bound| / max(1e-9, |incumbent|)`, or nil without both numbers
    /// (the same definition as `Solution.relativeGap`).
    public var gap: Double? {
        guard let incumbent, let bound, bound.isFinite else { return nil }
        return abs(incumbent - bound) / max(1e-9, abs(incumbent))
    }

    public init(phase: Phase, elapsedSeconds: Double, incumbent: Double? = nil, bound: Double? = nil) {
        self.phase = phase
        self.elapsedSeconds = elapsedSeconds
        self.incumbent = incumbent
        self.bound = bound
    }
}
