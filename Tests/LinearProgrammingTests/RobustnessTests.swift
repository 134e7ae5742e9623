@testable import GLPKBackend
import Foundation
import Testing

@testable import LinearProgramming

@Suite("Solver hygiene: GLPK errors and threads")
struct RobustnessTests {
    @Test("A GLPK error becomes a SolverError and the next solve on the thread works")
    func errorHook() throws {
        // Synchronous test body without suspension points: everything below runs on one thread.
        do {
            try GLPKSolver.triggerGLPKErrorForTesting()
            Issue.record("GLPK error did not throw")
        } catch let error as SolverError {
            #expect(error.message.contains("out of range"))  // GLPK's own words
        }
        let solution = try GLPKSolver().solve(SmallModels.knapsackMIP(), options: SolverOptions())
        #expect(solution.status == .optimal)
        #expect(abs(solution.objectiveValue! - 20) < 1e-9)
        try #require(throws: SolverError.self) { try GLPKSolver.triggerGLPKErrorForTesting() }
        #expect(try GLPKSolver().solve(SmallModels.productionLP().model, options: SolverOptions()).status == .optimal)
    }

    @Test("Two solves on two threads at once")
    func parallelThreads() throws {
        let jobs: [(String, ObjectiveSense, Double)] = [("c0824_1", .maximize, 563), ("e05100", .maximize, 63228)]
        let results = LockedBox<[Double?]>([nil, nil])
        let done = DispatchSemaphore(value: 0)
        for (index, job) in jobs.enumerated() {
            let model = try Fixtures.gap(job.0).model(job.1)
            let thread = Thread {
                let objective = (try? GLPKSolver().solve(model, options: SolverOptions(timeLimit: 60)))?.objectiveValue
                results.update { $0[index] = objective }
                done.signal()
            }
            thread.start()
        }
        for _ in jobs { done.wait() }
        for (index, job) in jobs.enumerated() {
            let objective = try #require(results.value[index])
            #expect(abs(objective - job.2) < 1e-6)
        }
    }
}

@Suite("GLPK's per-thread state")
struct GLPKThreadStateTests {
    @Test("A thread that solved with GLPK frees GLPK's environment when it exits")
    func environmentFreedAtThreadExit() throws {
        let before = GLPKSolver.environmentsFreedAtThreadExit
        let done = DispatchSemaphore(value: 0)
        let worker = Thread {
            _ = try? GLPKSolver().solve(SmallModels.knapsackMIP(), options: SolverOptions())
            done.signal()
        }
        worker.start()
        done.wait()
        // The destructor runs after the thread's body returns: wait for it, a little.
        var freed = GLPKSolver.environmentsFreedAtThreadExit
        for _ in 0..<200 where freed == before {
            Thread.sleep(forTimeInterval: 0.01)
            freed = GLPKSolver.environmentsFreedAtThreadExit
        }
        #expect(freed > before)
        // This thread still solves.
        #expect(try GLPKSolver().solve(SmallModels.knapsackMIP(), options: SolverOptions()).status == .optimal)
    }

    @Test("A GLPK solve inside another on the same thread is refused; the outer one finishes")
    func nestedSolveRefused() throws {
        let inner = LockedBox<[String]>([])
        let options = SolverOptions(log: { _ in
            do {
                _ = try GLPKSolver().solve(SmallModels.productionLP().model, options: SolverOptions())
                inner.update { $0.append("ran") }
            } catch SolverError.misuse {
                inner.update { $0.append("refused") }
            } catch {
                inner.update { $0.append("\(error)") }
            }
        })
        let outer = try GLPKSolver().solve(SmallModels.knapsackMIP(), options: options)
        #expect(outer.status == .optimal)
        #expect(!inner.value.isEmpty && inner.value.allSatisfy { $0 == "refused" }, "\(inner.value)")
    }
}
