import LinearProgramming

/// The way coordinators assign by hand: most urgent households first, longest waiting (earliest
/// ready week) next, each on its earliest, then cheapest, pathway that still has room in every
/// capacity. Used as branch-and-cut's first incumbent, so a solve stopped early still returns a plan
/// at least this good, and as the baseline the optimised plan is measured against.
extension Formulation {
    /// Column values of the greedy plan (move counts and unmoved counts), feasible for `model`.
    func greedySolution() -> [Double] {
        var values = [Double](repeating: 0, count: model.variableCount)
        var room: [ResourceKey: Double] = [:]
        for row in resourceRows { room[row.key] = row.capacity }
        let order = classes.sorted {
            ($0.profile.urgency, $0.profile.readyWeek, $0.index) < ($1.profile.urgency, $1.profile.readyWeek, $1.index)
        }
        let costs = model.objectiveCoefficients
        for householdClass in order {
            let candidates = movesOfClass[householdClass.index].sorted {
                let (a, b) = (moves[$0], moves[$1])
                return (a.startWeek, costs[a.variable.index], $0) < (b.startWeek, costs[b.variable.index], $1)
            }
            var placed = 0
            for position in candidates where placed < householdClass.count {
                let use = usage[position]
                while placed < householdClass.count, use.allSatisfy({ room[$0.key, default: 0] >= $0.amount - 1e-9 }) {
                    for (key, amount) in use { room[key, default: 0] -= amount }
                    values[moves[position].variable.index] += 1
                    placed += 1
                }
            }
            values[unmoved[householdClass.index].index] = Double(householdClass.count - placed)
        }
        return values
    }
}
