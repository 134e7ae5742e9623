import LinearProgramming
import PassagePlanning
import PassageScenario

/// The sweep as report blocks, shared by the text and Markdown renderers: what was varied, a warning
/// for any plan not proven optimal, then one row per value.
enum SweepDocument {
    static func build(_ sweep: Sweep) -> ReportDocument {
        let s = sweep.scenario
        let spec = sweep.specification
        let count = sweep.points.count
        var blocks: [ReportBlock] = [
            .heading("Passage sweep: \(s.title)", level: 1),
            .lines([
                "Starts \(s.startDate) (week 1); horizon \(Fmt.plural(s.horizonWeeks, "week")), to \(Fmt.endDate(s)).",
                "Varies the \(spec.resource.label) from \(value(spec.from, sweep)) to \(value(spec.to, sweep))"
                    + " in steps of \(value(spec.step, sweep)): \(Fmt.plural(count, "plan")), each with only this"
                    + " capacity changed; the scenario has " + scenarioValue(sweep) + ".",
            ]),
        ]
        // A number from a plan cut short must not be read as what the capacity is worth.
        let provisional = sweep.points.filter { $0.status != .optimal }
        if !provisional.isEmpty {
            blocks.append(
                .warning(
                    "NOT ALL PROVEN OPTIMAL: the plan" + (provisional.count == 1 ? " at " : "s at ")
                        + provisional.map { value($0.value, sweep) }.joined(separator: ", ")
                        + (provisional.count == 1 ? " is" : " are") + " not proven optimal (see Status and Gap)."
                        + " Differences from other values may be the solver's, not the capacity's; give a longer"
                        + " --time-limit."))
        }
        blocks.append(.heading("Plans by \(spec.resource.label)", level: 2))
        blocks.append(.table(table(sweep)))
        blocks.append(
            .lines([
                "A * after a value marks the scenario's own value. Persons and households moved; persons moved by"
                    + " urgency tier: U1 immediate threat to life, U2 severe, U3 high, U4 elevated.",
                "More capacity never makes an optimal plan worse, so the objective (minimised) never rises"
                    + " between optimal plans as the value grows. Persons moved usually rise too, but need not:"
                    + " the plan weighs persons by urgency, so room for one more urgent household can move it"
                    + " in place of a larger, less urgent one.",
            ]))
        return ReportDocument(blocks: blocks)
    }

    static func table(_ sweep: Sweep) -> ReportTable {
        let currency = sweep.scenario.currency
        let rows = sweep.points.map { point -> [String] in
            let s = point.summary
            let own = sweep.scenarioValue.map { abs($0 - point.value) < 1e-9 } ?? false
            return [value(point.value, sweep) + (own ? " *" : "")]
                + [
                    Fmt.quantity(Double(s.overall.personsMoved)), Fmt.quantity(Double(s.overall.householdsMoved)),
                ]
                + (0..<4).map { tier in
                    Fmt.quantity(Double(tier < s.byUrgency.count ? s.byUrgency[tier].personsMoved : 0))
                }
                + [
                    Fmt.money(s.totalCost, currency), Fmt.objective(point.objective), Fmt.percent(point.gap),
                    status(point.status),
                ]
        }
        // Short headers keep the table within the text width; the heading above names the resource.
        // (A document service's column says what its values are: `Document_service` would not.)
        let first: String
        if case .documentService = sweep.specification.resource {
            first = "Places a week"
        } else {
            first = capitalized(sweep.specification.resource.kind)
        }
        let headers = [
            first, "Persons", "Households", "U1", "U2", "U3", "U4", "Cost",
            "Objective", "Gap", "Status",
        ]
        return ReportTable(
            headers: headers, alignments: Array(repeating: .right, count: 10) + [.left], rows: rows, repeatedColumns: 1)
    }

    /// The status in a few words, so the table fits the text width (the warning above says more).
    static func status(_ status: SolveStatus) -> String {
        switch status {
        case .optimal: "optimal"
        case .feasible: "within gap"
        case .timeLimitFeasible: "time limit"
        case .timeLimitNoSolution: "no plan (time)"
        case .infeasible: "infeasible"
        case .unbounded: "unbounded"
        }
    }

    /// A value of the swept resource: money for the budget, a count otherwise.
    static func value(_ x: Double, _ sweep: Sweep) -> String {
        sweep.specification.resource == .budget ? Fmt.money(x, sweep.scenario.currency) : Fmt.quantity(x)
    }

    static func scenarioValue(_ sweep: Sweep) -> String {
        guard let own = sweep.scenarioValue else {
            return sweep.specification.resource == .budget ? "no budget limit" : "no limit"
        }
        return value(own, sweep)
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
