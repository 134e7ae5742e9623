import PassagePlanning

/// Renders a plan's `RedactedPlan` in any format: text and Markdown through the usual renderers, JSON as
/// one object, CSV as aggregate rows (`section,group,measure,value`). Documented in docs/REPORTS.md.
public enum RedactedReport {
    /// The redacted report of `plan` as `format`. Timings are never included (they are not needed to share).
    public static func render(_ plan: Plan, format: ReportFormat, options: ReportOptions) -> String {
        let redacted = RedactedPlan(plan)
        switch format {
        case .text: return TextReport.render(RedactedDocument.build(redacted))
        case .markdown: return MarkdownReport.render(RedactedDocument.build(redacted))
        case .json: return JSONReport.encoded(RedactedJSON(redacted))
        case .csv: return CSVReport.table(header: ["section", "group", "measure", "value"], rows: csvRows(redacted))
        // No charts: they would be drawn from per-household figures the redacted plan does not keep.
        case .html: return HTMLReport.page(RedactedDocument.build(redacted), charts: [])
        }
    }

    /// One row per figure, in the order of the text report.
    static func csvRows(_ r: RedactedPlan) -> [[String]] {
        var rows: [[String]] = [
            ["solver", "", "status", r.status.rawValue],
            ["solver", "", "gap", r.gap.map { Fmt.plain($0, maxDecimals: 6) } ?? ""],
            ["scenario", "", "start_date", r.startDate],
            ["scenario", "", "horizon_weeks", "\(r.horizonWeeks)"],
            ["cost", "", "total_cost", Fmt.plain(r.totalCost)],
            ["cost", "", "cost_before_week_1", Fmt.plain(r.costBeforeWeekOne)],
            ["cost", "", "cost_from_week_1", Fmt.plain(r.costFromWeekOne)],
            ["cost", "", "budget", r.budget.map { Fmt.plain($0) } ?? ""],
            ["cost", "", "budget_left", r.budget.map { Fmt.plain($0 - r.costFromWeekOne) } ?? ""],
            ["cost", "", "currency", CSVReport.text(r.currency)],
            ["summary", "all", "average_weeks_waited", r.averageWeeksWaited.map { Fmt.plain($0) } ?? ""],
        ]
        for t in r.tiers {
            let group = CSVReport.text(t.label)
            rows += [
                ["summary", group, "households_moved", "\(t.householdsMoved)"],
                ["summary", group, "households_total", "\(t.householdsTotal)"],
                ["summary", group, "persons_moved", "\(t.personsMoved)"],
                ["summary", group, "persons_total", "\(t.personsTotal)"],
            ]
        }
        for h in r.houses {
            rows += [
                ["safe_house", h.code, "beds", "\(h.beds)"],
                ["safe_house", h.code, "persons_hosted", "\(h.personsHosted)"],
            ]
        }
        for p in r.programmes {
            let group = CSVReport.text(p.programmeID)
            rows += [
                ["programme", group, "persons_lodged", "\(p.personsLodged)"],
                ["programme", group, "quota", "\(p.quota)"],
            ]
        }
        for s in r.sharedQuotas {
            let group = CSVReport.text(s.sharedQuotaID)
            rows += [
                ["shared_quota", group, "programmes", CSVReport.text(s.programmeIDs.joined(separator: ";"))],
                ["shared_quota", group, "persons_lodged", "\(s.personsLodged)"],
                ["shared_quota", group, "quota", "\(s.quota)"],
            ]
        }
        for (section, list) in [("destination", r.destinations), ("not_moved", r.notMoved)] {
            for g in list {
                rows += [
                    [section, CSVReport.text(g.label), "households", "\(g.households)"],
                    [section, CSVReport.text(g.label), "persons", "\(g.persons)"],
                ]
            }
        }
        rows += r.withheld.map { ["withheld", $0.rawValue, "withheld", "true"] }
        return rows
    }
}
