// A seeded pseudo-random stream with every derived draw defined here, so a seed gives the same
// scenario on every machine and Swift version: the standard library's `random(in:using:)` and
// `shuffled(using:)` do not promise a fixed algorithm, and libm's `pow`/`log` may differ in the last
// bit between platforms, so neither is used.

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast and well mixed for simulation. Public so
/// tests and benchmarks share one seeded stream.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A stream starting from `seed`; the same seed gives the same numbers everywhere.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An integer in `range`, by multiplying into the range (bias below 2^-40 for our ranges).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// A double in [0, 1) with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element of a non-empty array, uniformly.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// An index drawn with the given non-negative integer weights (at least one positive).
    mutating func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var draw = int(0...(total - 1))
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.count - 1
    }

    /// `count` distinct elements of `items` (all of them when fewer), in the order of `items`.
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var chosen = Array(repeating: false, count: items.count)
        var remaining = min(count, items.count)
        // Selection sampling (Knuth's Algorithm S): one pass, order kept.
        for index in items.indices where remaining > 0 {
            let left = items.count - index
            if int(0...(left - 1)) < remaining {
                chosen[index] = true
                remaining -= 1
            }
        }
        return items.indices.filter { chosen[$0] }.map { items[$0] }
    }
}

/// Draws from a fixed discrete distribution quickly (cumulative weights and binary search), for the
/// per-household draws at 100,000 households.
struct WeightedTable {
    private let cumulative: [Int]

    init(_ weights: [Int]) {
        var running = 0
        cumulative = weights.map { running += $0; return running }
        precondition(running > 0, "at least one positive weight")
    }

    func draw(_ random: inout SeededRandom) -> Int {
        let target = random.int(0...(cumulative.last! - 1))
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
