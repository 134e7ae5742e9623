/// How GLPK's branch-and-cut (`glp_intopt`) searches; the defaults were chosen by measurement on the
/// generalized assignment benchmarks (see docs/SOLVER.md), not GLPK's library defaults (which turn
/// every cut and the feasibility pump off).
public struct GLPKMIPSettings: Sendable, Equatable {
    /// Variable to branch on (`glp_iocp.br_tech`).
    public enum Branching: String, Sendable, CaseIterable {
        /// First fractional variable.
        case firstFractional = "ffv"
        /// Last fractional variable.
        case lastFractional = "lfv"
        /// Most fractional variable.
        case mostFractional = "mfv"
        /// Heuristic of Driebeck and Tomlin (GLPK's default).
        case driebeckTomlin = "dth"
        /// Hybrid pseudo-cost.
        case pseudoCost = "pch"
    }

    /// Node to explore next (`glp_iocp.bt_tech`).
    public enum Backtracking: String, Sendable, CaseIterable {
        /// Depth first.
        case depthFirst = "dfs"
        /// Breadth first.
        case breadthFirst = "bfs"
        /// Best local bound.
        case bestBound = "blb"
        /// Best projection (GLPK's default).
        case bestProjection = "bph"
    }

    /// Branching rule.
    public var branching: Branching
    /// Backtracking rule.
    public var backtracking: Backtracking
    /// Mixed-integer rounding cuts: the ones that matter for capacity rows.
    public var mirCuts: Bool
    /// Gomory mixed-integer cuts.
    public var gomoryCuts: Bool
    /// Mixed cover cuts.
    public var coverCuts: Bool
    /// Clique cuts.
    public var cliqueCuts: Bool
    /// Feasibility pump heuristic.
    public var feasibilityPump: Bool
    /// Proximity search heuristic.
    public var proximitySearch: Bool
    /// Time limit of one proximity search run, in seconds (nil: GLPK's default, 60 s); never more than
    /// what is left of the solve's time limit (GLPK's proximity search does not watch `tm_lim`).
    public var proximitySearchTimeLimit: Double?

    /// Creates settings; the defaults are the measured choice (see docs/SOLVER.md).
    public init(
        branching: Branching = .driebeckTomlin, backtracking: Backtracking = .bestBound,
        mirCuts: Bool = true, gomoryCuts: Bool = false, coverCuts: Bool = true, cliqueCuts: Bool = true,
        feasibilityPump: Bool = false, proximitySearch: Bool = false, proximitySearchTimeLimit: Double? = nil
    ) {
        self.branching = branching
        self.backtracking = backtracking
        self.mirCuts = mirCuts
        self.gomoryCuts = gomoryCuts
        self.coverCuts = coverCuts
        self.cliqueCuts = cliqueCuts
        self.feasibilityPump = feasibilityPump
        self.proximitySearch = proximitySearch
        self.proximitySearchTimeLimit = proximitySearchTimeLimit
    }

    /// The measured choice (same as `init()`): MIR, cover and clique cuts, best-local-bound
    /// backtracking, Driebeck–Tomlin branching; no Gomory cuts, feasibility pump or proximity search.
    public static let measured = GLPKMIPSettings()

    /// For small models with a good start solved under a node limit (fix-and-optimise's
    /// neighbourhoods): no cuts, best-projection backtracking (towards better solutions rather than a
    /// better bound), last-fractional branching. At 2,000 generated households, 120 neighbourhoods
    /// took 15.7 s instead of 35.8 s with `measured`, for a plan as good (docs/SOLVER.md).
    public static let improvingStart = GLPKMIPSettings(
        branching: .lastFractional, backtracking: .bestProjection, mirCuts: false, coverCuts: false,
        cliqueCuts: false)

    /// GLPK's library defaults (`glp_init_iocp`): no cuts, no heuristics beyond GLPK's own rounding.
    public static let glpkDefaults = GLPKMIPSettings(
        branching: .driebeckTomlin, backtracking: .bestProjection, mirCuts: false, coverCuts: false,
        cliqueCuts: false)
}
