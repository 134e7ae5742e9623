import PassagePlanning

/// The "Shadow prices" and "Bottlenecks" sections of the text and Markdown reports (only when the
/// plan carries `shadowPrices`). docs/WHATIF.md, "Shadow prices", says how to read them.
enum ShadowPriceDocument {
    /// Where the prices come from and how far to trust them: printed with every price table.
    static let caveat =
        "Prices come from the LP relaxation of the model this plan was solved from (households may move"
        + " in fractions), not from the LP with the integer decisions fixed: there every column that uses"
        + " a bed, a seat, a quota place or money counts whole households, so with them fixed one more"
        + " unit is worth exactly 0. Each price is a local estimate of what one more unit is worth: the"
        + " integer plan may gain less (a household larger than the extra unit cannot use it) or more."
        + " A price holds exactly only while the capacity stays in its range."

    static func blocks(_ plan: Plan) -> [ReportBlock] {
        guard let prices = plan.shadowPrices else { return [] }
        var blocks: [ReportBlock] = [.heading("Shadow prices", level: 2), .lines([caveat])]
        guard prices.status == .optimal else {
            blocks.append(
                .lines([
                    "The LP relaxation was not solved to optimality (\(Fmt.statusWords(prices.status))): no prices."
                ]))
            return blocks
        }
        blocks.append(.lines([unitsLine(prices, currency: plan.scenario.currency), objectivesLine(prices, plan)]))
        let positive = prices.prices.filter { $0.value > ShadowPrices.tolerance }
        if positive.isEmpty {
            blocks.append(
                .lines([
                    "No capacity has a positive price: one more unit of any of them would not improve the relaxation."
                ]))
        } else {
            blocks.append(.table(priceTable(positive)))
            if positive.contains(where: { !$0.holdsForMore }) {
                blocks.append(
                    .lines([
                        "† The range ends at the capacity (a degenerate optimum): one more unit is worth at most"
                            + " the value, and one unit less costs at least the value."
                    ]))
            }
            if positive.contains(where: { $0.used < $0.capacity - 1e-6 }) {
                blocks.append(
                    .lines([
                        "Used is the plan's. A capacity the plan leaves room in can still have a price: the"
                            + " relaxation uses it up, moving households in fractions where whole ones do not fit."
                    ]))
            }
            let zero = prices.prices.count - positive.count
            if zero > 0 {
                blocks.append(
                    .lines([
                        "\(Fmt.plural(zero, "other capacity row")) \(zero == 1 ? "has" : "have") price 0 (room left, or nobody"
                            + " else could use one more unit); the JSON and CSV reports list every row."
                    ]))
            }
        }
        if !prices.legsWithoutSeatRows.isEmpty {
            blocks.append(
                .lines([
                    "No price for the seats of \(prices.legsWithoutSeatRows.joined(separator: ", ")): their seats may run"
                        + " short, but this (large) model has no seat rows for them."
                ]))
        }
        blocks += bottlenecks(prices)
        return blocks
    }

    static func unitsLine(_ prices: ShadowPrices, currency: String) -> String {
        "Value: how much the objective (minimised) falls per unit of extra capacity (one bed, seat or"
            + " quota place in that period; 1 \(currency) of budget). Tier-1 persons: the value divided by the"
            + " tier-1 urgency weight (\(Fmt.grouped(prices.tierOneWeight, decimals: Fmt.isWhole(prices.tierOneWeight) ? 0 : 2))),"
            + " the number of tier-1 persons moved at once at no cost who would be worth as much."
    }

    static func objectivesLine(_ prices: ShadowPrices, _ plan: Plan) -> String {
        "LP relaxation objective \(Fmt.objective(prices.relaxationObjective)); plan objective"
            + " \(Fmt.objective(plan.solver.objective))."
    }

    static func priceTable(_ prices: [ShadowPrice]) -> ReportTable {
        ReportTable(
            headers: [
                "Kind", "Resource", "Period", "Used", "Capacity", "Value", "Tier-1 persons", "Holds for capacity",
            ],
            alignments: [.left, .left, .left, .right, .right, .right, .right, .left],
            rows: prices.map { p in
                [
                    p.kind.rawValue, p.resourceID, p.period, Fmt.quantity(p.used), Fmt.quantity(p.capacity),
                    value(p.value), p.tierOnePersons.map(value) ?? "n/a",
                    range(p.validRange) + (p.holdsForMore || p.validRange == nil ? "" : " †"),
                ]
            })
    }

    static func bottlenecks(_ prices: ShadowPrices) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading("Bottlenecks", level: 2)]
        let ranked = prices.bottlenecks
        guard !ranked.isEmpty else {
            blocks.append(.lines(["No resource is worth expanding at the margin."]))
            return blocks
        }
        blocks.append(
            .lines([
                "Resources worth expanding, most valuable first: the value of one more unit in every period"
                    + " listed (the sum of their prices, a first-order estimate)."
            ]))
        // The integer plan's column only when some bottleneck was planned again (`--check-bottlenecks`).
        let checked = !prices.integerChecks.isEmpty
        var headers = ["Rank", "Kind", "Resource", "Periods", "Value", "Tier-1 persons", "Best single period"]
        var alignments: [ReportTable.Alignment] = [.right, .left, .left, .left, .right, .right, .right]
        if checked {
            headers.append("Integer plan")
            alignments.append(.right)
        }
        let rows = ranked.enumerated().map { index, b in
            [
                "\(index + 1)", b.kind.rawValue, b.resourceID, Fmt.compressPeriods(b.periods), value(b.value),
                b.tierOnePersons.map(value) ?? "n/a", value(b.largestPeriodValue),
            ] + (checked ? [integer(b.integerCheck)] : [])
        }
        blocks.append(.table(ReportTable(headers: headers, alignments: alignments, rows: rows)))
        if checked {
            blocks.append(
                .lines([
                    "Integer plan: how much the plan's objective falls when the scenario is planned again with one"
                        + " more unit of the resource in every period (the same solver settings); blank: not"
                        + " checked (the budget never is). This, not the estimate, is what the plan gains."
                ]))
        }
        return blocks
    }

    /// The integer check's fall, with the re-plan's status when it is not proven optimal.
    static func integer(_ check: IntegerCheck?) -> String {
        guard let check else { return "" }
        guard let fall = check.objectiveFall else { return "no plan" }
        return value(fall) + (check.status == .optimal ? "" : " (\(Fmt.statusWords(check.status)))")
    }

    /// A price: two decimals, four below 1 (a unit of budget is worth hundredths).
    static func value(_ x: Double) -> String {
        Fmt.grouped(x, decimals: abs(x) < 1 && x != 0 ? 4 : 2)
    }

    /// The capacities over which a price holds: `3–5`, `3 or more`.
    static func range(_ range: ClosedRange<Double>?) -> String {
        guard let range else { return "n/a" }
        if range.upperBound == .infinity { return "\(Fmt.quantity(range.lowerBound)) or more" }
        return "\(Fmt.quantity(range.lowerBound))–\(Fmt.quantity(range.upperBound))"
    }
}
