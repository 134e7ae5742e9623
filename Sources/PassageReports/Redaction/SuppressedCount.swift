/// A count of households or persons as a redacted report shows it: `0`, `<5` for 1 to 4, otherwise the
/// band of five it falls in (`5–9`, `10–14`, …).
///
/// Bands rather than exact figures above 5, because exact totals and sub-totals can be subtracted from
/// one another to recover a suppressed small count (6 of 7 moved means 1 was not); with bands a
/// difference is always uncertain by at least five.
public struct SuppressedCount: Sendable, Hashable, CustomStringConvertible {
    /// The smallest count shown as a band; smaller non-zero counts are `<5`.
    public static let threshold = 5

    /// The exact count; never rendered.
    let exact: Int

    /// Wraps an exact count.
    public init(_ exact: Int) {
        self.exact = max(0, exact)
    }

    /// `0`, `<5`, or `5–9`, `10–14`, … (en dash, which spreadsheets do not turn into a date).
    public var description: String {
        if exact == 0 { return "0" }
        if exact < Self.threshold { return "<\(Self.threshold)" }
        let lower = exact / Self.threshold * Self.threshold
        return "\(lower)–\(lower + Self.threshold - 1)"
    }

    /// Whether the exact value is at least the threshold (so averages over it may be shown).
    var isLargeEnough: Bool { exact >= Self.threshold }

    /// Every value a reader of `description` must still consider: `0...0`, `1...4`, `5...9`, ….
    var shownRange: ClosedRange<Int> {
        if exact == 0 { return 0...0 }
        if exact < Self.threshold { return 1...(Self.threshold - 1) }
        let lower = exact / Self.threshold * Self.threshold
        return lower...(lower + Self.threshold - 1)
    }
}
