import Dispatch

/// Splits a loop over `0..<count` into a fixed number of contiguous pieces and runs them side by
/// side on the machine's cores (Dispatch's pool: the pieces are short and never block).
///
/// For loops whose iterations are independent — each writes only its own entries — so the result
/// is the same bytes however many cores run them: the pieces are fixed by `count` and `pieces`, not
/// by the cores, and the caller combines their results in piece order.
public enum ParallelChunks {
    /// Pieces a hot loop of the planner is cut into: enough to keep two to four cores busy.
    public static let defaultPieces = 4
    /// Below this many iterations a loop runs in one piece: starting the others would cost more.
    public static let smallestParallelCount = 2_048

    /// `body` of each piece, in piece order; each piece is a contiguous range of `0..<count`. Below
    /// `smallest` iterations the loop runs in one piece.
    public static func map<Result: Sendable>(
        _ count: Int, pieces: Int = defaultPieces, smallest: Int = smallestParallelCount,
        _ body: @Sendable (Range<Int>) -> Result
    ) -> [Result] {
        let ranges = split(count, into: count < smallest ? 1 : pieces)
        if ranges.count <= 1 { return ranges.map(body) }
        let results = Slots<Result>(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { piece in
            results.store(body(ranges[piece]), at: piece)
        }
        return results.values()
    }

    /// `first()` and `second()` side by side: two independent pieces of work (two greedy plans, or
    /// a plan and the bound's set-up), each as if run alone.
    public static func both<A: Sendable, B: Sendable>(
        _ first: @Sendable () -> A, _ second: @Sendable () -> B
    ) -> (A, B) {
        let results = map(2, pieces: 2, smallest: 0) { range -> Either<A, B> in
            range.lowerBound == 0 ? .first(first()) : .second(second())
        }
        guard case .first(let a) = results[0], case .second(let b) = results[1] else {
            preconditionFailure("ParallelChunks.both: pieces out of order")
        }
        return (a, b)
    }

    /// The result of one of `both`'s two pieces.
    private enum Either<A: Sendable, B: Sendable>: Sendable {
        case first(A)
        case second(B)
    }

    /// `0..<count` in `pieces` contiguous ranges of nearly equal length (none empty).
    public static func split(_ count: Int, into pieces: Int) -> [Range<Int>] {
        let pieces = max(1, min(pieces, count))
        guard count > 0 else { return [] }
        return (0..<pieces).map { piece in (count * piece / pieces)..<(count * (piece + 1) / pieces) }
    }

    /// One slot per piece, each written once by its own piece.
    private final class Slots<Result: Sendable>: @unchecked Sendable {
        private let storage: UnsafeMutablePointer<Result?>
        private let count: Int

        init(count: Int) {
            self.count = count
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil, count: count)
        }

        deinit {
            storage.deinitialize(count: count)
            storage.deallocate()
        }

        /// Distinct pieces write distinct slots, so no lock is needed; `concurrentPerform` returns
        /// only after every piece, which orders these writes before `values()`.
        func store(_ result: Result, at piece: Int) { storage[piece] = result }

        func values() -> [Result] { (0..<count).map { storage[$0]! } }
    }
}
