@testable import GLPKBackend
import Foundation
import Testing

@testable import LinearProgramming

/// GLPK 5.0 keeps its environment in thread-local storage when built reentrant (Debian's libglpk has a
/// TLS segment: `readelf -lW libglpk.so.40 | grep TLS`), so solves on different threads, each with its
/// own problem, must not disturb one another. `passage sweep` relies on this: these tests solve
/// different models on several threads at once, many times, with a GLPK error raised on one thread in
/// the middle, and require every result to equal the one-at-a-time result exactly.
@Suite("Concurrent solves: one GLPK problem per thread")
struct ConcurrentSolveTests {
    /// Different models: two MIPs, an LP with duals, a GAP instance with cuts and branching.
    static func models() throws -> [(LinearModel, SolverOptions)] {
        var withDuals = SolverOptions()
        withDuals.computeDuals = true
        return [
            (SmallModels.knapsackMIP(), SolverOptions()),
            (SmallModels.truckMIP().model, withDuals),
            (SmallModels.productionLP().model, withDuals),
            (try Fixtures.gap("c0515_1").model(.minimize), SolverOptions(timeLimit: 60)),
            (try Fixtures.gap("c0515_1").model(.maximize), SolverOptions(timeLimit: 60)),
        ]
    }

    /// What a solve gives, without its timing (which differs between runs).
    struct Outcome: Equatable, Sendable {
        var status: SolveStatus
        var objective: Double?
        var bound: Double?
        var values: [Double]
        var duals: [Double]
    }

    static func outcome(_ model: LinearModel, _ options: SolverOptions) throws -> Outcome {
        let solution = try GLPKSolver().solve(model, options: options)
        return Outcome(
            status: solution.status, objective: solution.objectiveValue, bound: solution.bestBound,
            values: solution.values, duals: solution.rowDuals)
    }

    @Test("Four threads, 40 solves of five models, a GLPK error among them: the same results as one by one")
    func parallelEqualsSequential() throws {
        let models = try Self.models()
        let sequential = try models.map { try Self.outcome($0.0, $0.1) }
        let threads = 4
        let rounds = 10
        let results = LockedBox<[Int: Outcome]>([:])
        let failures = failuresOnThreads(threads, rounds: rounds) { thread, round in
            // Each thread starts at a different model, so different models run at the same time.
            let index = (thread + round) % models.count
            var probeFailure: String?
            if round == rounds / 2 && thread == 0 {
                // A GLPK error frees this thread's environment; the others must not notice.
                do {
                    try GLPKSolver.triggerGLPKErrorForTesting()
                    probeFailure = "no error from the error probe"
                } catch is SolverError {}
            }
            let outcome = try Self.outcome(models[index].0, models[index].1)
            results.update { $0[thread * rounds + round] = outcome }
            return outcome != sequential[index] ? "model \(index) differs" : probeFailure
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(results.value.count == threads * rounds)
        #expect(sequential.allSatisfy { $0.status == .optimal })
    }
}
