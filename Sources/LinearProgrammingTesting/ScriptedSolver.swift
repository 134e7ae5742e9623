import Foundation
import LinearProgramming

/// A `LinearSolver` for tests: answers each solve with the next step of a script and records every
/// call, so code that drives a solver (the planner's re-solves, fall-backs and error paths) can be
/// tested without a real solver's timing. Not for production use.
public final class ScriptedSolver: LinearSolver, @unchecked Sendable {  // state guarded by `lock`
    /// One answer of the script.
    public enum Step: Sendable {
        /// Return this solution.
        case solution(Solution)
        /// Throw this error.
        case failure(SolverError)
        /// Compute the answer from the model and options of the call (e.g. return its start solution).
        case respond(@Sendable (LinearModel, SolverOptions) throws -> Solution)
    }

    /// One solve as the code under test asked for it.
    public struct Call: Sendable {
        /// The model the code under test solved.
        public let model: LinearModel
        /// The options it solved with.
        public let options: SolverOptions
    }

    private let lock = NSLock()
    private var steps: [Step]
    private var recorded: [Call] = []

    /// A solver answering solves with `steps`, in order; a solve past the last step throws `.misuse`.
    public init(_ steps: [Step]) { self.steps = steps }

    /// Every solve so far, in order.
    public var calls: [Call] { lock.withLock { recorded } }

    /// Records the call and answers with the next step of the script.
    public func solve(_ model: LinearModel, options: SolverOptions) throws -> Solution {
        let step: Step = try lock.withLock {
            recorded.append(Call(model: model, options: options))
            guard !steps.isEmpty else {
                throw SolverError.misuse(
                    "ScriptedSolver: solve \(recorded.count) asked for, the script has no more steps")
            }
            return steps.removeFirst()
        }
        switch step {
        case .solution(let solution): return solution
        case .failure(let error): throw error
        case .respond(let answer): return try answer(model, options)
        }
    }
}

extension ScriptedSolver.Step {
    /// The caller's start solution returned as stopped by the time limit, with `bound`: what a real
    /// backend returns when the limit strikes before it improves on the start.
    public static func stoppedWithStart(bound: Double?) -> Self {
        .respond { model, options in .stoppedEarly(model, start: options.startSolution, bound: bound) }
    }
}
