import Foundation
import LinearProgramming

/// Runs `body(thread, round)` for `rounds` rounds on each of `threads` threads at once (16 MiB stacks,
/// as the solvers need) and waits for all of them. `body` returns a failure to report, or nil; an
/// error it throws is reported too. The failures, in no particular order.
func failuresOnThreads(
    _ threads: Int, rounds: Int, _ body: @escaping @Sendable (_ thread: Int, _ round: Int) throws -> String?
) -> [String] {
    let failures = LockedBox<[String]>([])
    let done = DispatchSemaphore(value: 0)
    for thread in 0..<threads {
        let worker = Thread {
            for round in 0..<rounds {
                do {
                    if let failure = try body(thread, round) {
                        failures.update { $0.append("thread \(thread) round \(round): \(failure)") }
                    }
                } catch {
                    failures.update { $0.append("thread \(thread) round \(round): \(error)") }
                }
            }
            done.signal()
        }
        worker.stackSize = 16 << 20
        worker.start()
    }
    for _ in 0..<threads { done.wait() }
    return failures.value
}
