// The random draws of `passage stress` (docs/STRESS.md, "Draws"): counter-based, so a draw depends only
// on the seed, the trial and what is drawn, never on the thread, shard or order that runs it.

/// SplitMix64 (Steele, Lea and Flood 2014; Vigna's reference `splitmix64.c`): a tiny seedable generator
/// whose output for a given seed is the same on every platform.
public struct SplitMix64: Sendable, Hashable {
    /// The generator's state, advanced by the golden-ratio increment before each output.
    public var state: UInt64

    /// A generator whose first output is SplitMix64's first output for `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number uniform in [0, 1): the top 53 bits of `next()` times 2⁻⁵³.
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Whether an event of probability `p` happens: `nextUnit() < p` (never for 0, always for 1).
    public mutating func bernoulli(_ p: Double) -> Bool { nextUnit() < p }

    /// An integer uniform in `range`: `lowerBound + ⌊nextUnit() × count⌋`.
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + min(range.count - 1, Int(nextUnit() * Double(range.count)))
    }
}

/// Where the draws of one thing in one trial come from: a SplitMix64 stream named by what it is for.
public enum StressDraws {
    /// The generator for the stream `name` (`house/ID`, `leg/ID` or `application/HOUSEHOLD`) of trial
    /// `trial` under `seed`: its seed is f(f(f(seed) ⊕ trial) ⊕ FNV-1a(name)), f one SplitMix64 output.
    public static func stream(seed: UInt64, trial: Int, name: String) -> SplitMix64 {
        stream(seed: seed, trial: trial, key: fnv1a(name))
    }

    /// The generator of the stream whose name has FNV-1a `key`.
    static func stream(seed: UInt64, trial: Int, key: UInt64) -> SplitMix64 {
        let mixedSeed = first(seed)
        let mixedTrial = first(mixedSeed ^ UInt64(truncatingIfNeeded: trial))
        return SplitMix64(seed: first(mixedTrial ^ key))
    }

    /// SplitMix64's first output for `seed`.
    static func first(_ seed: UInt64) -> UInt64 {
        var generator = SplitMix64(seed: seed)
        return generator.next()
    }

    /// 64-bit FNV-1a of the UTF-8 bytes of `text` (a stable hash, unlike Swift's seeded `Hasher`).
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
