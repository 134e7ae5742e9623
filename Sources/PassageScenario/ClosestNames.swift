// "Did you mean …" for a mistyped id or file name: one implementation for every message that names
// something that does not exist (sweep targets, references between tables, change files, file names).

/// The names closest to a mistyped one, for "did you mean" hints.
public enum ClosestNames {
    /// `; did you mean a, b?` with the names of `names` closest to `name`, or an empty string when none
    /// is close: appended to a message saying `name` does not exist.
    public static func suggestion(for name: String, among names: some Sequence<String>) -> String {
        let near = matching(name, among: Array(names))
        return near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"
    }

    /// Up to three of `names` within a small edit distance of `name` (case ignored), closest first,
    /// then by name.
    static func matching(_ name: String, among names: [String]) -> [String] {
        let target = Array(name.lowercased())
        // At most a third of the name wrong (at least 2 edits), and never all of it: every one-letter id
        // is one edit from every other, which suggests nothing.
        let limit = min(max(2, target.count / 3), target.count - 1)
        // Names whose length differs by more than the limit cannot be close: skipped before the distance,
        // which matters when a large caseload has many unknown household ids.
        let scored = names.lazy.filter { abs($0.count - target.count) <= limit }
            .map { ($0, distance(target, Array($0.lowercased()))) }.filter { $0.1 <= limit }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }

    /// Levenshtein distance between `a` and `b`.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
