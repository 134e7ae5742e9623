import Testing

@testable import PassagePlanning

/// `SmallestFew` keeps what sorting everything and taking the first few would: the bound's sifted
/// columns and the local search's candidates depend on it.
@Suite struct SmallestFewTests {
    @Test(arguments: [0, 1, 3, 16, 40])
    func keepsTheSmallestInOrderAsSortingWould(_ limit: Int) {
        var random = SplitMix64(seed: UInt64(limit) + 7)
        // Few distinct values, so that ties (broken by index) are common.
        let offered = (0..<30).map { RankedIndex(value: Double(random.integer(in: 0...5)), index: $0) }
        var few = SmallestFew<RankedIndex>(limit: limit)
        for item in offered.shuffledDeterministically(&random) { few.offer(item) }
        #expect(few.items == Array(offered.sorted().prefix(limit)))
        few.removeAll()
        #expect(few.items.isEmpty)
    }
}

extension Array {
    /// The elements in an order drawn from `random` (Fisher–Yates).
    fileprivate func shuffledDeterministically(_ random: inout SplitMix64) -> [Element] {
        var items = self
        guard items.count > 1 else { return items }
        for i in 0..<(items.count - 1) { items.swapAt(i, random.integer(in: i...(items.count - 1))) }
        return items
    }
}
