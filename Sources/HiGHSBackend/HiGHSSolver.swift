import LinearProgramming

/// The HiGHS backend, through HiGHS's C API loaded at run time (`dlopen`; see `HiGHSLocator` for
/// where it looks). Creating it throws `SolverError.backendUnavailable`, saying how to install HiGHS,
/// when the library is missing.
///
/// - Statuses are faithful, as GLPK's: a solve stopped by the time limit is `.timeLimitFeasible` or
///   `.timeLimitNoSolution`, never `.optimal`; one stopped by the MIP gap before proving optimality
///   is `.feasible`. "Unbounded or infeasible" is re-solved without presolve to tell which; if HiGHS
///   still cannot, it is reported `.unbounded`, as GLPK does for an unbounded relaxation.
/// - One thread per solve (`threads` = 1): deterministic, and separate solves on separate threads
///   (each with its own Highs object) are safe.
/// - Duals of a MIP solution are those of the fixed-integer LP (every integer column fixed at its
///   value), as with GLPK; right-hand-side ranges come from HiGHS's ranging of the final LP.
/// - `startFromRelaxation`: the LP relaxation is solved first (within the same time limit) so that
///   its values can seed a start solution; branch-and-cut then starts from the better start.
public struct HiGHSSolver: LinearSolver {
    private let library: HiGHSLibrary

    /// The backend; throws `SolverError.backendUnavailable` when HiGHS cannot be found or loaded.
    public init() throws {
        library = try HiGHSLibrary.shared.get()
    }

    /// Whether HiGHS can be loaded on this machine (the search runs once per process).
    public static var isAvailable: Bool { (try? HiGHSLibrary.shared.get()) != nil }

    /// Why HiGHS cannot be loaded, with how to install it; nil when it can.
    public static var unavailability: SolverError? {
        if case .failure(let error) = HiGHSLibrary.shared { return error }
        return nil
    }

    /// The loaded library's version (e.g. "1.15.1") and path.
    public var version: String { library.version }
    /// Where the library was loaded from.
    public var libraryPath: String { library.path }

    /// Solves `model` with HiGHS. Throws `SolverError` only when HiGHS itself fails.
    public func solve(_ model: LinearModel, options: SolverOptions) throws -> Solution {
        let run = HiGHSRun(library: library, model: model, options: options, started: .now)
        var solution = try run.solve()
        solution.solveSeconds = run.elapsedSeconds()
        return solution
    }
}
