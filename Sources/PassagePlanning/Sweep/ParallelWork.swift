import Foundation

/// Runs independent pieces of work on a fixed number of threads of their own.
///
/// Each worker is a plain thread, not a task of Swift's cooperative pool: a GLPK solve blocks its
/// thread for seconds, which the cooperative pool is not meant for, and GLPK keeps its environment
/// per thread, so a solve must start and end on one thread. Workers take the next index as they
/// finish, so a slow solve does not hold up the rest; results come back in index order whatever the
/// order they finish in.
enum ParallelWork {
    /// Stack of each worker thread. Branch-and-cut and debug builds use more than a secondary thread's
    /// usual 512 KiB–8 MiB; the space is reserved, not used, until needed.
    static let stackSize = 32 << 20

    /// `body(0)`, …, `body(count - 1)`, on at most `width` threads at once, in index order. With a
    /// width of 1 everything runs on the calling thread, one after the other.
    /// `completed` is called after each piece, one call at a time, with the number done so far.
    static func map<Result: Sendable>(
        _ count: Int, width: Int, completed: (@Sendable (Int) -> Void)? = nil,
        _ body: @escaping @Sendable (Int) -> Result
    ) -> [Result] {
        let workers = max(1, min(width, count))
        if workers == 1 {
            return (0..<count).map { index in
                let result = body(index)
                completed?(index + 1)
                return result
            }
        }
        let state = SharedState<Result>(count: count)
        let finished = DispatchGroup()
        for _ in 0..<workers {
            finished.enter()
            let thread = Thread {
                while let index = state.nextIndex() {
                    let result = body(index)
                    state.store(result, at: index, then: completed)
                }
                finished.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        finished.wait()
        return state.results()
    }

    /// The next index to hand out and the results so far, behind one lock.
    private final class SharedState<Result: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private let count: Int
        private var next = 0
        private var done = 0
        private var stored: [Result?]

        init(count: Int) {
            self.count = count
            stored = Array(repeating: nil, count: count)
        }

        func nextIndex() -> Int? {
            lock.withLock {
                guard next < count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        /// Stores a result and tells `completed` how many are stored, under the lock so that calls
        /// never overlap and their counts only rise.
        func store(_ result: Result, at index: Int, then completed: (@Sendable (Int) -> Void)?) {
            lock.withLock {
                stored[index] = result
                done += 1
                completed?(done)
            }
        }

        func results() -> [Result] { lock.withLock { stored.map { $0! } } }
    }
}
