import LinearProgramming
import PassageScenario

/// Settings of one planning run; nil fields fall back to the scenario's `[solver]` table.
public struct PlanningOptions: Sendable {
    /// Wall-clock limit for the solver in seconds.
    public var timeLimitSeconds: Double?
    /// Relative MIP gap at which the solver may stop.
    public var mipGap: Double?
    /// Receives each line of solver output (for `--verbose`).
    public var solverLog: (@Sendable (String) -> Void)?

    public init(timeLimitSeconds: Double? = nil, mipGap: Double? = nil, solverLog: (@Sendable (String) -> Void)? = nil) {
        self.timeLimitSeconds = timeLimitSeconds
        self.mipGap = mipGap
        self.solverLog = solverLog
    }
}

/// Plans a scenario: builds the mixed-integer program, solves it, decodes the plan.
public struct Planner: Sendable {
    public let scenario: Scenario
    public let solver: any LinearSolver
    /// The plan being re-planned: households stay on their previous pathway unless a change buys
    /// more than the scenario's `change_penalty`, and the plan lists what changed.
    public let previous: PreviousPlan?
    /// The formulation to build (the compact one unless measuring against a baseline).
    public let style: FormulationStyle

    /// GLPK's branch-and-cut settings for the planning model: the settings measured on the assignment
    /// benchmarks (MIR, cover and clique cuts, best-bound backtracking). With move columns bounded by
    /// the room on their way (Formulation), Gomory's cuts no longer pay. docs/SOLVER.md, "The planning model".
    public static let defaultMIPSettings = GLPKMIPSettings.measured

    /// A planner for `scenario` solving with `solver` (GLPK with `defaultMIPSettings` by default).
    public init(
        scenario: Scenario, solver: any LinearSolver = GLPKSolver(mipSettings: Planner.defaultMIPSettings),
        previous: PreviousPlan? = nil, style: FormulationStyle = .compact
    ) {
        self.style = style
        self.scenario = scenario
        self.solver = solver
        self.previous = previous?.counted(from: scenario.settings.startDate)
    }

    /// Solves and returns the plan. Throws only when the solver itself fails.
    public func plan(options: PlanningOptions = PlanningOptions()) throws -> Plan {
        try plan(formulation(), options: options)
    }

    /// The mixed-integer program of the scenario (its `model` is what `--export-model` writes).
    public func formulation() -> Formulation {
        Formulation(scenario: scenario, previous: previous, style: style)
    }

    /// Solves a formulation of this planner's scenario and decodes the plan.
    public func plan(_ formulation: Formulation, options: PlanningOptions = PlanningOptions()) throws -> Plan {
        let limits = scenario.settings.solver
        let timeLimit = options.timeLimitSeconds ?? limits.timeLimitSeconds
        let mipGap = options.mipGap ?? limits.mipGap
        var solverOptions = SolverOptions(timeLimit: timeLimit, relativeGap: mipGap, log: options.solverLog)
        // The urgency-first greedy plan is the first incumbent: a solve stopped early is never worse.
        solverOptions.startSolution = formulation.greedySolution()
        let solution = try solver.solve(formulation.model, options: solverOptions)
        return PlanDecoder(formulation: formulation, solution: solution, limits: (timeLimit, mipGap)).decode()
    }
}
