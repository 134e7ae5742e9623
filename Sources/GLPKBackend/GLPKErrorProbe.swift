import GLPKGuard
import LinearProgramming

extension GLPKSolver {
    /// Makes GLPK fail inside the guard on the calling thread and throws the resulting `SolverError`.
    /// For tests: proves that GLPK's error hook becomes an error, not an aborted process.
    static func triggerGLPKErrorForTesting() throws {
        try GLPKTerminal.capturing(log: nil) { terminal in
            terminal.clearRecent()
            if passage_glpk_trigger_error() != PASSAGE_GLPK_OK {
                throw SolverError("GLPK failed: \(terminal.recentText)")
            }
        }
    }
}

extension GLPKSolver {
    /// How many threads' GLPK environments have been freed at thread exit (for tests).
    static var environmentsFreedAtThreadExit: Int { Int(passage_glpk_environments_freed_at_thread_exit()) }
}
