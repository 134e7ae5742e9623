import Foundation
@testable import HiGHSBackend
import LinearProgramming
import Testing

/// What only the HiGHS backend needs showing: its solves on several threads at once, its start
/// solution, its progress, and what it says when HiGHS is missing.
@Suite("HiGHS backend")
struct HiGHSBackendTests {
    /// Each solve's outcome without timing, as ConcurrentSolveTests compares GLPK's.
    static func outcome(_ solver: any LinearSolver, _ model: LinearModel, _ options: SolverOptions) throws
        -> ConcurrentSolveTests.Outcome
    {
        let solution = try solver.solve(model, options: options)
        return ConcurrentSolveTests.Outcome(
            status: solution.status, objective: solution.objectiveValue, bound: solution.bestBound,
            values: solution.values, duals: solution.rowDuals)
    }

    @Test("Four threads, 20 solves of five models, one Highs object each: the same results as one by one")
    func parallelEqualsSequential() throws {
        guard let solver = try Backend.highs.solver() else { return }
        let models = try ConcurrentSolveTests.models()
        let sequential = try models.map { try Self.outcome(solver, $0.0, $0.1) }
        let threads = 4
        let rounds = 5
        let failures = failuresOnThreads(threads, rounds: rounds) { thread, round in
            let index = (thread + round) % models.count
            let differs = try Self.outcome(solver, models[index].0, models[index].1) != sequential[index]
            return differs ? "model \(index) differs" : nil
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(sequential.allSatisfy { $0.status == .optimal })
    }

    @Test("A start solution is HiGHS's first incumbent: the solve is never worse than it")
    func startSolutionIsUsed() throws {
        guard let solver = try Backend.highs.solver() else { return }
        let model = StartSolutionTests.knapsack()
        // Items taken in order while every capacity row has room: feasible, far from optimal.
        var start = [Double](repeating: 0, count: model.variableCount)
        for item in 0..<model.variableCount {
            start[item] = 1
            if !model.isFeasible(start) { start[item] = 0 }
        }
        #expect(model.isFeasible(start))
        let lines = LockedBox<[String]>([])
        var options = SolverOptions(timeLimit: 1, log: { line in lines.update { $0.append(line) } })
        options.startSolution = start
        let solution = try solver.solve(model, options: options)
        #expect(solution.status.hasSolution)
        #expect(try #require(solution.objectiveValue) >= model.objectiveValue(of: start) - 1e-6)  // maximised
        // HiGHS says it took the start (its words: "MIP start solution is feasible").
        #expect(
            lines.value.contains { $0.localizedCaseInsensitiveContains("start solution is feasible") },
            "\(lines.value.prefix(30))")
    }

    @Test("Progress arrives as structured values during branch-and-cut")
    func progress() throws {
        guard let solver = try Backend.highs.solver() else { return }
        let updates = LockedBox<[SolverProgress]>([])
        var options = SolverOptions(timeLimit: 30)
        options.progress = { update in updates.update { $0.append(update) } }
        let solution = try solver.solve(try Fixtures.gap("c1060_1").model(.minimize), options: options)
        #expect(solution.status == .optimal)
        let branchAndCut = updates.value.filter { $0.phase == .branchAndCut }
        #expect(!branchAndCut.isEmpty)
        #expect(branchAndCut.contains { $0.incumbent != nil && $0.bound != nil })
    }

    @Test("A missing HiGHS is an error that says how to install it")
    func missingLibrary() {
        let search = HiGHSLocator.search(environment: ["PASSAGE_HIGHS_LIBRARY": "/nonexistent/libhighs.so"])
        #expect(search.path == nil)
        #expect(search.explanation.contains("PASSAGE_HIGHS_LIBRARY"))
        let message = HiGHSLibrary.unavailable(search.explanation).message
        #expect(message.contains("pip install highsbox") && message.contains("PASSAGE_HIGHS_LIBRARY"))
    }
}
