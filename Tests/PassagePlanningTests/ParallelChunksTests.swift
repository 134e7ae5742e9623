import Testing
@testable import PassagePlanning

/// Loops cut into pieces give what one loop gives, in order, whatever the cores.
@Suite struct ParallelChunksTests {
    @Test(arguments: [0, 1, 5, 2_047, 2_048, 10_001])
    func piecesCoverTheLoopOnceInOrder(count: Int) {
        let pieces = ParallelChunks.map(count) { range in Array(range) }
        #expect(pieces.flatMap { $0 } == Array(0..<count))
        #expect(pieces.allSatisfy { !$0.isEmpty })
        // Short loops are not worth starting other threads for.
        #expect(
            pieces.count
                == (count >= ParallelChunks.smallestParallelCount ? ParallelChunks.defaultPieces : min(1, count)))
    }

    @Test func splitGivesNearlyEqualContiguousRanges() {
        #expect(ParallelChunks.split(10, into: 4) == [0..<2, 2..<5, 5..<7, 7..<10])
        #expect(ParallelChunks.split(3, into: 4) == [0..<1, 1..<2, 2..<3])
        #expect(ParallelChunks.split(0, into: 4).isEmpty)
    }

    /// Two pieces of work of different types come back each in its own place, as if run alone.
    @Test func bothGivesEachResultInItsPlace() {
        let (squares, word) = ParallelChunks.both(
            { (1...1_000).map { $0 * $0 } }, { String(repeating: "ab", count: 3) })
        #expect(squares == (1...1_000).map { $0 * $0 })
        #expect(word == "ababab")
        let (none, one): (Int?, [Double]) = ParallelChunks.both({ nil }, { [1] })
        #expect(none == nil && one == [1])
    }
}
