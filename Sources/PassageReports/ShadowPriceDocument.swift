import PassagePlanning

/// The "Shadow prices" and "Bottlenecks" sections of the text, Markdown and HTML reports (only when
/// the plan carries `shadowPrices`). docs/WHATIF.md, "Shadow prices", says how to read them.
enum ShadowPriceDocument {
    /// Where the prices come from and how far to trust them: printed with every price table.
    static let caveat =
        "Prices come from the LP relaxation of the model this plan was solved from (households may move"
        + " in fractions), not from the LP with the integer decisions fixed: there every column that uses"
        + " a bed, a seat, a quota place or money counts whole households, so with them fixed one more"
        + " unit is worth exactly 0. Each price is a local estimate of what one more unit is worth: the"
        + " integer plan may gain less (a household larger than the extra unit cannot use it) or more."
        + " A price holds exactly only while the capacity stays in its range."

    /// The two sections. Summarised (text, Markdown): what a price means, how many rows have one, and
    /// each bottleneck in a sentence; every row's price and range is left to JSON, CSV and HTML. In full
    /// (HTML): the table of every positive price and the ranked table of bottlenecks.
    static func blocks(_ plan: Plan, detail: DocumentDetail) -> [ReportBlock] {
        guard let prices = plan.shadowPrices else { return [] }
        var blocks: [ReportBlock] = [.heading("Shadow prices", level: 2), .lines([caveat])]
        guard prices.status == .optimal else {
            blocks.append(
                .lines([
                    "The LP relaxation was not solved to optimality (\(Fmt.statusWords(prices.status))): no prices."
                ]))
            return blocks
        }
        let currency = plan.scenario.currency
        switch detail {
        case .full:
            blocks += priceBlocks(prices, plan)
            blocks += unpricedLegs(prices)
            blocks += bottlenecks(prices)
        case .summarised:
            blocks.append(
                .lines([meaningLine(prices, currency: currency), objectivesLine(prices, plan), countLine(prices)]))
            blocks += unpricedLegs(prices)
            blocks += bottleneckSentences(prices, currency: currency)
        }
        return blocks
    }

    /// The units, the objectives and the table of every positive price, with its notes.
    static func priceBlocks(_ prices: ShadowPrices, _ plan: Plan) -> [ReportBlock] {
        var blocks: [ReportBlock] = [
            .lines([unitsLine(prices, currency: plan.scenario.currency), objectivesLine(prices, plan)])
        ]
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
        return blocks
    }

    /// Legs whose seats have no price, when there are any.
    static func unpricedLegs(_ prices: ShadowPrices) -> [ReportBlock] {
        guard !prices.legsWithoutSeatRows.isEmpty else { return [] }
        return [
            .lines([
                "No price for the seats of \(prices.legsWithoutSeatRows.joined(separator: ", ")): their seats may run"
                    + " short, but this (large) model has no seat rows for them."
            ])
        ]
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
                    p.kind.rawValue, p.resourceID, p.period.description, Fmt.quantity(p.used), Fmt.quantity(p.capacity),
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

    // MARK: In words (text, Markdown)

    /// What a price means, in the objective's terms (docs/MODEL.md, "Objective").
    static func meaningLine(_ prices: ShadowPrices, currency: String) -> String {
        let weight = prices.tierOneWeight
        var line =
            "A price is how much the plan's objective (minimised) would fall with one more unit of a capacity:"
            + " one bed or seat in a week, one quota place in a period, 1 \(currency) of budget."
        if weight > 0 {
            line +=
                " The objective counts \(Fmt.grouped(weight, decimals: Fmt.isWhole(weight) ? 0 : 2)) (the tier-1"
                + " urgency weight) for each tier-1 person left unmoved, so each estimate below is also given as"
                + " the tier-1 persons whose being left unmoved would weigh as much: a conversion, not a count of"
                + " people moved."
        }
        return line
    }

    /// How many rows have a price, and where every row's figures are.
    static func countLine(_ prices: ShadowPrices) -> String {
        let positive = prices.prices.filter { $0.value > ShadowPrices.tolerance }.count
        guard positive > 0 else {
            return "No capacity has a positive price: one more unit of any of them would not improve the relaxation."
        }
        return "Of \(Fmt.plural(prices.prices.count, "capacity row")), \(positive) \(positive == 1 ? "has" : "have")"
            + " a positive price; every row's price and the capacities over which it holds: --format json, csv"
            + " or html."
    }

    /// The "Bottlenecks" section as one sentence per resource, most valuable first.
    static func bottleneckSentences(_ prices: ShadowPrices, currency: String) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading("Bottlenecks", level: 2)]
        let ranked = prices.bottlenecks
        guard !ranked.isEmpty else {
            blocks.append(.lines(["No resource is worth expanding at the margin."]))
            return blocks
        }
        blocks.append(
            .lines([
                "Resources worth expanding, most valuable first. Where several weeks or periods are named, the"
                    + " estimate is for one more unit in each of them together (their prices added, a first-order"
                    + " estimate)."
            ]))
        blocks.append(
            .lines(
                ranked.enumerated().map { index, b in
                    "\(index + 1). " + sentence(b, prices: prices, currency: currency)
                }))
        if !prices.integerChecks.isEmpty {
            blocks.append(
                .lines([
                    "Planned again: the scenario solved again with one more unit in every period named (the same"
                        + " solver settings). That, not the estimate, is what the plan gains."
                ]))
        }
        return blocks
    }

    /// One bottleneck in words: `One more bed at tb-1 in each of W3–W4 would lower the objective by
    /// about 406.80, as much as leaving about 0.41 tier-1 persons unmoved adds to it.`
    ///
    /// Honest by construction: the value is the relaxation's (a marginal estimate, so "about" and
    /// "one more"); the persons are the value divided by the tier-1 weight, exactly what leaving that many
    /// tier-1 persons unmoved costs in the objective, not a count of people the unit would move. A price
    /// whose range ends at the capacity bounds the gain from above only, so it reads "at most" (the
    /// relaxation's optimum is convex in the capacities, so the summed prices always bound it). The
    /// budget is put per 1,000 of the currency only when the price holds that far.
    static func sentence(_ b: Bottleneck, prices: ShadowPrices, currency: String) -> String {
        let rows = prices.prices.filter {
            $0.kind == b.kind && $0.resourceID == b.resourceID && $0.value > ShadowPrices.tolerance
        }
        let atMost = rows.contains { $0.validRange != nil && !$0.holdsForMore }
        var scale = 1.0
        var holds = ""
        if b.kind == .budget, rows.count == 1, let range = rows[0].validRange,
            range.upperBound >= rows[0].capacity + 1000
        {
            scale = 1000
            holds =
                range.upperBound.isFinite
                ? " (the price holds up to a budget of \(Fmt.money(range.upperBound, currency)))"
                : " (the price holds for any larger budget)"
        }
        var text =
            "\(oneMore(b, scale: scale, currency: currency)) would lower the objective by"
            + " \(atMost ? "at most" : "about") \(value(scale * b.value))"
        if let persons = b.tierOnePersons {
            let scaled = scale * persons
            text +=
                scaled >= 0.005
                ? ", as much as leaving about \(Fmt.grouped(scaled, decimals: 2)) tier-1 persons unmoved adds to it"
                : ", less than leaving 0.01 tier-1 persons unmoved adds to it"
        }
        text += holds + "."
        if let check = b.integerCheck {
            let status = check.status == .optimal ? "" : " (\(Fmt.statusWords(check.status)))"
            if let fall = check.objectiveFall {
                text +=
                    " Planned again with one more, the plan's objective \(fall >= 0 ? "falls" : "rises") by"
                    + " \(value(abs(fall)))\(status)."
            } else {
                text += " Planned again with one more, no plan was found\(status)."
            }
        }
        return text
    }

    /// `One more bed at tb-1 in each of W3–W4`, `One more de-hap quota place in December 2026`,
    /// `1,000 EUR more budget`.
    static func oneMore(_ b: Bottleneck, scale: Double, currency: String) -> String {
        let each = b.periods.count > 1 ? "each of " : ""
        switch b.kind {
        case .beds: return "One more bed at \(b.resourceID) in \(each)\(Fmt.compressPeriods(b.periods))"
        case .seats: return "One more seat on leg \(b.resourceID) in \(each)\(Fmt.compressPeriods(b.periods))"
        case .quota:
            if b.periods == [.horizon] { return "One more \(b.resourceID) quota place over the whole horizon" }
            let names = b.periods.map { $0 == .horizon ? "the whole horizon" : Fmt.quotaPeriodName($0) }
            return "One more \(b.resourceID) quota place in \(each)\(names.joined(separator: ", "))"
        case .sharedQuota:
            if b.periods == [.horizon] {
                return "One more place in shared quota \(b.resourceID) over the whole horizon"
            }
            let names = b.periods.map { $0 == .horizon ? "the whole horizon" : Fmt.quotaPeriodName($0) }
            return "One more place in shared quota \(b.resourceID) in \(each)\(names.joined(separator: ", "))"
        case .budget:
            return scale == 1
                ? "One more \(currency) of budget" : "\(Fmt.grouped(scale, decimals: 0)) \(currency) more budget"
        case .documentService:
            return "One more place at document service \(b.resourceID) in \(each)\(Fmt.compressPeriods(b.periods))"
        }
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
