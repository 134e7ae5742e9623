import CGLPK
import LinearProgramming

/// Captures GLPK's terminal output for one solve on the current thread.
///
/// GLPK writes through `glp_term_hook`, per thread; the hook returns nonzero so GLPK itself prints
/// nothing. Text arrives in arbitrary chunks and is forwarded to the log line by line, and GLPK's
/// progress lines to the progress callback as `SolverProgress`. The last lines
/// are kept so that when GLPK's error hook fires (GLPK prints its message first), the thrown
/// `SolverError` can quote GLPK's own words.
final class GLPKTerminal {
    private let log: (@Sendable (String) -> Void)?
    private let progress: (@Sendable (SolverProgress) -> Void)?
    private let started = ContinuousClock.now
    private var lines = SolverOutputLines()

    private init(log: (@Sendable (String) -> Void)?, progress: (@Sendable (SolverProgress) -> Void)?) {
        self.log = log
        self.progress = progress
    }

    /// Runs `body` with GLPK's terminal output on this thread captured, then restores GLPK's default.
    static func capturing<Result>(
        log: (@Sendable (String) -> Void)?, progress: (@Sendable (SolverProgress) -> Void)? = nil,
        _ body: (GLPKTerminal) throws -> Result
    ) rethrows -> Result {
        let terminal = GLPKTerminal(log: log, progress: progress)
        let context = Unmanaged.passRetained(terminal)
        glp_term_hook(terminalHook, context.toOpaque())
        defer {
            glp_term_hook(nil, nil)
            terminal.flush()
            context.release()
        }
        return try body(terminal)
    }

    /// GLPK's own text about the error that just fired, for an error message.
    var recentText: String { lines.recentText }

    /// Clears the recent lines (before a guarded call, so an error message quotes only that call).
    func clearRecent() { lines.clearRecent() }

    fileprivate func receive(_ text: String) { lines.receive(text, line: emit) }

    private func flush() { lines.flush(line: emit) }

    private func emit(_ line: String) {
        log?(line)
        if let progress {
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            if let update = GLPKProgressLine.parse(line, elapsedSeconds: seconds) { progress(update) }
        }
    }
}

private let terminalHook: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32 = {
    info, text in
    guard let info, let text else { return 1 }
    Unmanaged<GLPKTerminal>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
    return 1  // nonzero: GLPK must not print it
}
