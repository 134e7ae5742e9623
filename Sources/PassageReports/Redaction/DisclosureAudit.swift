/// What a reader can work out from a redacted report. Each count it shows leaves a range of values
/// (its band: `<5` is 1…4, `5–9` is 5…9); a withheld count leaves 0…∞. The report's structure ties the
/// counts together (tiers add up to `all`, destinations add up to the households moved, no more
/// households than persons, no more persons lodged than the quota, …), and a reader can intersect those
/// relations with the ranges. The audit does that until nothing narrows and lists the counts left with a
/// single non-zero value: those would be disclosed exactly (docs/REPORTS.md, "Redacted reports").
struct DisclosureAudit {
    /// One count as a reader sees it.
    struct Cell {
        /// The part of the report it is shown in.
        var section: RedactedPlan.Section
        /// The true value (never rendered; used to keep only relations that hold).
        var exact: Int
        /// The values a reader must still consider.
        var lower: Int
        var upper: Int
    }

    /// `Σ sign · cell == 0` (or `<= 0`), signs ±1.
    struct Relation {
        var terms: [(cell: Int, sign: Int)]
        var isEquality: Bool
    }

    /// Stands for "no upper bound": large enough for any count, small enough that sums cannot overflow.
    static let unbounded = 1 << 40

    private(set) var cells: [Cell] = []
    private(set) var relations: [Relation] = []

    /// Adds a count shown in `section` (or withheld, so unknown to the reader) and returns its index.
    mutating func add(_ count: SuppressedCount, in section: RedactedPlan.Section, withheld: Bool) -> Int {
        let range = withheld ? 0...Self.unbounded : count.shownRange
        cells.append(Cell(section: section, exact: count.exact, lower: range.lowerBound, upper: range.upperBound))
        return cells.count - 1
    }

    /// Records `Σ plus − Σ minus == 0` (or `<= 0`) if it holds for the true counts. A relation that happens
    /// to hold may be guessed by a reader, so it is kept; one that does not hold is no help to anyone.
    mutating func relate(plus: [Int], minus: [Int] = [], equality: Bool) {
        let value = plus.reduce(0) { $0 + cells[$1].exact } - minus.reduce(0) { $0 + cells[$1].exact }
        guard equality ? value == 0 : value <= 0 else { return }
        relations.append(Relation(terms: plus.map { ($0, 1) } + minus.map { ($0, -1) }, isEquality: equality))
    }

    /// The cells a reader can pin to one non-zero value, after narrowing every range by every relation
    /// until none changes (interval propagation over integers).
    func disclosed() -> [Cell] {
        var cells = self.cells
        var changed = true
        while changed {
            changed = false
            for relation in relations {
                // The least and greatest value of each signed term, then of the whole sum.
                let low = relation.terms.map { $0.sign > 0 ? cells[$0.cell].lower : -cells[$0.cell].upper }
                let high = relation.terms.map { $0.sign > 0 ? cells[$0.cell].upper : -cells[$0.cell].lower }
                let sumLow = low.reduce(0, +)
                let sumHigh = high.reduce(0, +)
                for (k, term) in relation.terms.enumerated() {
                    // sign · cell ≤ −(least of the others); with equality also ≥ −(greatest of the others).
                    let most = -(sumLow - low[k])
                    let least = relation.isEquality ? -(sumHigh - high[k]) : -Self.unbounded * 4
                    var cell = cells[term.cell]
                    let (newLower, newUpper) =
                        term.sign > 0
                        ? (max(cell.lower, least), min(cell.upper, most))
                        : (max(cell.lower, -most), min(cell.upper, -least))
                    if newLower != cell.lower || newUpper != cell.upper {
                        cell.lower = newLower
                        cell.upper = newUpper
                        cells[term.cell] = cell
                        changed = true
                    }
                }
            }
        }
        return cells.filter { $0.lower == $0.upper && $0.exact > 0 }
    }
}
