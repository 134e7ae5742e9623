/// A value with the index it belongs to, ordered by value, then index: what `SmallestFew` keeps.
struct RankedIndex: Comparable, Sendable {
    var value: Double
    var index: Int

    static func < (a: RankedIndex, b: RankedIndex) -> Bool { (a.value, a.index) < (b.value, b.index) }
}

/// The `limit` smallest of the items offered, in ascending order: a class's few cheapest columns
/// out of hundreds, without sorting them all (the same items, in the same order, as sorting all and
/// keeping the first `limit`).
struct SmallestFew<Item: Comparable> {
    /// How many are kept.
    let limit: Int
    /// The smallest offered so far, ascending.
    private(set) var items: [Item] = []

    init(limit: Int) {
        self.limit = max(0, limit)
        // A limit of `Int.max` (keep everything) reserves nothing ahead.
        items.reserveCapacity(min(self.limit, 64) + 1)
    }

    /// Whether `item` would be kept if offered now.
    func wouldKeep(_ item: Item) -> Bool {
        items.count < limit || items.last.map { item < $0 } ?? false
    }

    /// Offers `item`: kept while among the `limit` smallest.
    mutating func offer(_ item: Item) {
        guard wouldKeep(item) else { return }
        var at = items.count
        while at > 0 && item < items[at - 1] { at -= 1 }
        items.insert(item, at: at)
        if items.count > limit { items.removeLast() }
    }

    /// Forgets every item, keeping the storage.
    mutating func removeAll() { items.removeAll(keepingCapacity: true) }
}
