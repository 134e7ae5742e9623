import ArgumentParser
import GLPKBackend
import HiGHSBackend
import LinearProgramming
import PassageScenario

/// `--solver glpk|highs`: the one place the commands create a solver.
struct SolverSelection: ParsableArguments {
    @Option(
        help:
            "The solver: glpk (default) or highs (needs HiGHS: pip install highsbox, or PASSAGE_HIGHS_LIBRARY). Overrides [solver] backend in scenario.toml."
    )
    var solver: SolverBackendName?

    /// The solver for `scenario`: `--solver`, else the scenario's `[solver] backend`, else GLPK.
    /// Throws, with how to install it, when the backend asked for is not available.
    func make(for scenario: Scenario) throws -> any LinearSolver {
        try SolverFactory.make(solver ?? scenario.settings.solver.backend ?? .glpk)
    }
}

/// Creates a backend by name.
enum SolverFactory {
    static func make(_ name: SolverBackendName) throws -> any LinearSolver {
        switch name {
        case .glpk: return GLPKSolver()
        case .highs: return try HiGHSSolver()
        }
    }
}

extension SolverBackendName: ExpressibleByArgument {}
