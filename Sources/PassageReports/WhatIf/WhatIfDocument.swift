import PassagePlanning

/// The what-if comparison as report blocks, shared by the text and Markdown renderers: a side-by-side
/// table of the base and every variant, then one section per variant with what it changes, the
/// households moved in one plan and not the other, and the capacities whose binding changed.
enum WhatIfDocument {
    static func build(_ comparison: WhatIfComparison) -> ReportDocument {
        let base = comparison.base
        let s = base.scenario
        var blocks: [ReportBlock] = [
            .heading("Passage what-if: \(s.title)", level: 1),
            .lines([
                "Starts \(s.startDate) (week 1); horizon \(Fmt.plural(s.horizonWeeks, "week")), to \(Fmt.endDate(s)).",
                "Base and \(Fmt.plural(comparison.variants.count, "variant")), each planned on its own;"
                    + " differences are variant minus base.",
            ]),
        ]
        // A provisional figure must not be read as a difference the change made.
        for (name, plan) in [("Base", base)] + comparison.variants.map({ ($0.name, $0.plan) }) {
            if let warning = Fmt.statusWarning(plan.solver) { blocks.append(.warning("\(name): \(warning)")) }
        }
        blocks.append(.heading("Side by side", level: 2))
        blocks.append(.table(sideBySide(comparison)))
        for variant in comparison.variants { blocks += section(variant, currency: s.currency) }
        return ReportDocument(blocks: blocks)
    }

    /// Rows of measures; a column for the base and one per variant (value and difference).
    static func sideBySide(_ comparison: WhatIfComparison) -> ReportTable {
        let plans = [comparison.base] + comparison.variants.map(\.plan)
        let currency = comparison.base.scenario.currency
        var rows: [[String]] = []
        func row(_ label: String, _ value: (Plan) -> Double, _ format: (Double) -> String) {
            let baseValue = value(comparison.base)
            rows.append(
                [label]
                    + plans.enumerated().map { index, plan in
                        let v = value(plan)
                        return index == 0 ? format(v) : format(v) + difference(v - baseValue, format)
                    })
        }
        rows.append(["Solver status"] + plans.map { $0.solver.status.rawValue })
        rows.append(["Objective (minimised)"] + plans.map { Fmt.objective($0.solver.objective) })
        rows.append(["Gap"] + plans.map { Fmt.percent($0.solver.gap) })
        for tier in 1...4 {
            row(
                "Households moved, urgency \(tier)",
                { Double(tier <= $0.summary.byUrgency.count ? $0.summary.byUrgency[tier - 1].householdsMoved : 0) },
                Fmt.quantity)
            row(
                "Persons moved, urgency \(tier)",
                { Double(tier <= $0.summary.byUrgency.count ? $0.summary.byUrgency[tier - 1].personsMoved : 0) },
                Fmt.quantity)
        }
        row("Households moved", { Double($0.summary.overall.householdsMoved) }, Fmt.quantity)
        row("Persons moved", { Double($0.summary.overall.personsMoved) }, Fmt.quantity)
        row("Deadlines missed", { Double($0.summary.deadlinesMissed) }, Fmt.quantity)
        row("Commitment conflicts", { Double($0.conflicts.count) }, Fmt.quantity)
        row("Average weeks waited", { $0.summary.averageWeeksWaited }, { Fmt.grouped($0, decimals: 2) })
        row("Total cost", { $0.summary.totalCost }, { Fmt.money($0, currency) })
        rows.append(["Budget"] + plans.map { $0.scenario.budget.map { Fmt.money($0, currency) } ?? "no limit" })
        return ReportTable(
            headers: ["Measure", "Base"] + comparison.variants.map(\.name),
            alignments: [.left] + plans.map { _ in .right }, rows: rows, repeatedColumns: 1)
    }

    /// ` (+3)`, ` (-1.50)`, or nothing when there is no difference.
    static func difference(_ delta: Double, _ format: (Double) -> String) -> String {
        guard abs(delta) >= 0.005 else { return "" }
        return " (" + (delta > 0 ? "+" : "-") + format(abs(delta)) + ")"
    }

    static func section(_ variant: VariantComparison, currency: String) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading("\(variant.name) (\(variant.file))", level: 2)]
        blocks.append(
            .lines(["Changes: " + (variant.changes.isEmpty ? "none." : variant.changes.joined(separator: "; ") + ".")]))
        blocks.append(
            .lines([
                "Moved in the base, not in this variant: " + ids(variant.movedOnlyInBase),
                "Moved in this variant, not in the base: " + ids(variant.movedOnlyInVariant),
            ]))
        // A change that breaks a commitment (its house closed, its seats cut) matters more than any total.
        if !variant.newConflicts.isEmpty {
            blocks.append(.heading("Commitments this variant cannot keep", level: 3))
            for conflict in variant.newConflicts {
                blocks.append(
                    .entry(
                        title:
                            "\(conflict.householdIDs.joined(separator: ", "))  — \(conflict.kind.rawValue.replacingOccurrences(of: "_", with: " "))",
                        details: [conflict.problem + ".", "What to do: " + conflict.action + "."]))
            }
        }
        let rows =
            bindingRows(variant.newlyBinding, "newly binding")
            + bindingRows(variant.noLongerBinding, "no longer binding")
        if rows.isEmpty {
            blocks.append(.lines(["Binding capacities: the same in both plans."]))
        } else {
            blocks.append(.heading("Capacities that became binding or slack", level: 3))
            blocks.append(.table(ReportTable(headers: ["Resource", "Kind", "Change", "Periods"], rows: rows)))
        }
        return blocks
    }

    static func ids(_ ids: [String]) -> String {
        ids.isEmpty ? "none." : "\(ids.count): " + ids.joined(separator: ", ") + "."
    }

    static func bindingRows(_ differences: [BindingDifference], _ change: String) -> [[String]] {
        differences.map { [$0.resourceID, $0.kind.rawValue, change, Fmt.compressPeriods($0.periods)] }
    }
}
