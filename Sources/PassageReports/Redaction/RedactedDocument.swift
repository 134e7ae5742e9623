import PassagePlanning

/// The redacted plan as report blocks, rendered by the ordinary text and Markdown renderers.
enum RedactedDocument {
    /// Title and notice, solver, summary by urgency, safe houses, programmes, shared quotas (if any),
    /// destinations, not moved.
    static func build(_ r: RedactedPlan) -> ReportDocument {
        var blocks: [ReportBlock] = [
            .heading("Passage plan (redacted)", level: 1),
            .lines([
                "Aggregates only: no household is listed. Counts of households and persons are shown as 0, <5 (1 to 4)"
                    + " or a band of five (5–9, 10–14, …), and so are beds and quotas. Safe houses are shown by code."
                    + " A section that would let a reader work out an exact count is withheld.",
                "Starts \(r.startDate) (week 1); horizon \(Fmt.plural(r.horizonWeeks, "week")).",
            ]),
        ]
        if let warning = r.solverWarning { blocks.append(.warning(warning)) }
        blocks.append(
            .lines([
                "Solver: \(Fmt.statusWords(r.status)).",
                "Gap to the best proven bound: \(Fmt.percent(r.gap)) (the objective itself is not shown: it weighs the persons not moved).",
            ]))

        blocks.append(.heading("Summary", level: 2))
        blocks.append(
            r.tiers.isEmpty
                ? withheldLine
                : .table(
                    ReportTable(
                        headers: ["Urgency", "Households moved", "of", "Persons moved", "of"],
                        alignments: [.left, .right, .right, .right, .right],
                        rows: r.tiers.map {
                            [
                                $0.label, "\($0.householdsMoved)", "\($0.householdsTotal)", "\($0.personsMoved)",
                                "\($0.personsTotal)",
                            ]
                        })))
        if r.withheld.contains(.urgencyTiers) && !r.tiers.isEmpty {
            blocks.append(
                .lines([
                    "By urgency tier: withheld: with the rest of this report, these counts would give an exact count."
                ]))
        }
        let cost = CostWords.lines(
            spentBefore: r.costBeforeWeekOne, fromWeekOne: r.costFromWeekOne, budget: r.budget, currency: r.currency)
        let wait =
            r.averageWeeksWaited.map {
                "Average weeks waited (ready week to departure), in whole weeks: \(Fmt.plain($0))."
            }
            ?? "Average weeks waited: not shown (fewer than 5 households moved by this plan)."
        blocks.append(.lines(cost + [wait]))

        blocks.append(.heading("Safe houses", level: 2))
        blocks.append(
            r.withheld.contains(.safeHouses)
                ? withheldLine
                : r.houses.isEmpty
                    ? .lines(["No safe house in this plan."])
                    : .table(
                        ReportTable(
                            headers: ["Safe house", "Beds", "Persons hosted"], alignments: [.left, .right, .right],
                            rows: r.houses.map { [$0.code, "\($0.beds)", "\($0.personsHosted)"] })))

        blocks.append(.heading("Visa programmes", level: 2))
        blocks.append(
            r.withheld.contains(.programmes)
                ? withheldLine
                : r.programmes.isEmpty
                    ? .lines(["No quota in this plan."])
                    : .table(
                        ReportTable(
                            headers: ["Programme", "Persons lodged", "Quota"], alignments: [.left, .right, .right],
                            rows: r.programmes.map { [$0.programmeID, "\($0.personsLodged)", "\($0.quota)"] })))

        // Only for scenarios with shared quotas, so reports of others read as before.
        if r.withheld.contains(.sharedQuotas) {
            blocks += [.heading("Shared quotas", level: 2), withheldLine]
        } else if !r.sharedQuotas.isEmpty {
            blocks.append(.heading("Shared quotas", level: 2))
            blocks.append(
                .table(
                    ReportTable(
                        headers: ["Shared quota", "Programmes", "Persons lodged", "Quota"],
                        alignments: [.left, .left, .right, .right],
                        rows: r.sharedQuotas.map {
                            [
                                $0.sharedQuotaID, $0.programmeIDs.joined(separator: ", "), "\($0.personsLodged)",
                                "\($0.quota)",
                            ]
                        })))
        }

        blocks += groups(
            "Arrivals by destination country", "Country", r.destinations, empty: "No household is moved.",
            withheld: r.withheld.contains(.destinations))
        blocks += groups(
            "Households not moved, by reason", "Reason", r.notMoved, empty: "Every household is moved.",
            withheld: r.withheld.contains(.notMoved))
        return ReportDocument(blocks: blocks)
    }

    /// Said in place of a section `DisclosureRule` withheld.
    static let withheldLine = ReportBlock.lines([
        "Withheld: together with the rest of this report, these counts would give an exact count."
    ])

    private static func groups(
        _ title: String, _ label: String, _ rows: [RedactedPlan.GroupRow], empty: String, withheld: Bool
    ) -> [ReportBlock] {
        if withheld { return [.heading(title, level: 2), withheldLine] }
        guard !rows.isEmpty else { return [.heading(title, level: 2), .lines([empty])] }
        return [
            .heading(title, level: 2),
            .table(
                ReportTable(
                    headers: [label, "Households", "Persons"], alignments: [.left, .right, .right],
                    rows: rows.map { [$0.label, "\($0.households)", "\($0.persons)"] })),
        ]
    }
}
