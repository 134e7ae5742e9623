/// A plan's money in words, the same in every report: what the plan costs from week 1 against the
/// budget and what is left of it, and, once households are under way, what they spent before week 1.
/// After `passage advance` the budget is what was left at week 1, so the money spent before it belongs
/// beside the budget, never inside the share of it used (issue 14, bug 2: the total, spent part
/// included, was set against the remaining budget: 163 % of a budget that was not overspent).
enum CostWords {
    /// The summary's cost lines, each a sentence.
    static func lines(spentBefore: Double, fromWeekOne: Double, budget: Double?, currency: String) -> [String] {
        let money = { (x: Double) in Fmt.money(x, currency) }
        // Below a cent is rounding noise of the sums, not money spent.
        let underWay = spentBefore >= 0.005
        var first = (underWay ? "Cost from week 1: " : "Total cost: ") + money(fromWeekOne)
        if let budget {
            first += (underWay ? " of the week-1 budget " : " of budget ") + money(budget)
            if budget > 0 { first += " (\(Fmt.percent(fromWeekOne / budget)))" }
            first += "; \(money(budget - fromWeekOne)) left."
        } else {
            first += " (no budget limit)."
        }
        guard underWay else { return [first] }
        return [
            first,
            "Spent before week 1 by households under way: \(money(spentBefore)), outside that budget;"
                + " \(money(spentBefore + fromWeekOne)) in all.",
        ]
    }
}
