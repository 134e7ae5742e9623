import PassagePlanning

/// Renders ``NotMovedExplanation``s (`passage why-not`) in any ``ReportFormat``: for each household,
/// why it is not moved, the smallest single capacity changes found to move it, each verified by
/// planning the changed scenario again, and the stronger documents that would open programmes to it.
/// Deterministic byte for byte (no timings appear).
public enum WhyNotReport {
    /// `explanations` of households in `plan` rendered as `format`, ending in a newline.
    public static func render(_ explanations: [NotMovedExplanation], plan: Plan, format: ReportFormat) -> String {
        switch format {
        case .text: TextReport.render(document(explanations, plan: plan))
        case .markdown: MarkdownReport.render(document(explanations, plan: plan))
        case .json: json(explanations, plan: plan)
        case .csv: csv(explanations)
        case .html: HTMLReport.page(document(explanations, plan: plan), charts: [])
        }
    }

    /// What a search that finds no single change means: said once, in every human format.
    static let noSingleChange =
        "No single change of a reasonable size moves it: no capacity it lacks, raised alone by as much as it"
        + " could use (its persons beyond the room the plan leaves; for the budget, its costliest pathway),"
        + " lets it move. It is short of several at once, or others come first for whatever is added."

    static func document(_ explanations: [NotMovedExplanation], plan: Plan) -> ReportDocument {
        var blocks: [ReportBlock] = [
            .heading("Passage: why not moved — \(plan.scenario.title)", level: 1),
            .lines([
                "For each household: why the plan does not move it and, when it is short of capacity, the smallest"
                    + " increase of each capacity it lacks that moves it, found by raising that capacity alone (by"
                    + " at most what the household could use) and planning the whole scenario again; every change"
                    + " listed was planned and moves the household. Others' plans may change too. Then each stronger"
                    + " document that would open programmes to it (its pathways generated again with only the"
                    + " document changed), and whether the plan, made again with the household holding it, moves it."
            ]),
        ]
        if let warning = Fmt.statusWarning(plan.solver) { blocks.append(.warning(warning)) }
        for explanation in explanations {
            let household = explanation.household
            let (sentence, details) = Fmt.reasonExplanation(household.reason)
            var lines = [
                "\(Fmt.plural(household.size, "person")), urgency \(household.urgency), ready in week \(household.readyWeek) (from \(Fmt.date(ofWeek: household.readyWeek, plan.scenario))).",
                sentence,
            ]
            lines += details.map { "  " + $0 }
            if case .capacity = household.reason {
                if explanation.notEvenTogether {
                    // Each raised as far as the household could use it (the lines below say how far).
                    lines.append("No single change of a reasonable size moves it; not even these together do:")
                    lines += explanation.notEnough.map { "  " + $0.description }
                } else if explanation.changes.isEmpty && explanation.notEnough.isEmpty {
                    lines.append("No capacity it lacks could be raised (none is in the scenario to change).")
                } else {
                    if explanation.changes.isEmpty {
                        lines.append(noSingleChange)
                    } else {
                        lines.append("Smallest single changes that move it:")
                        lines += explanation.changes.map { "  " + $0.description }
                    }
                    if !explanation.notEnough.isEmpty {
                        lines.append("Not enough alone, even raised as far as it could use:")
                        lines += explanation.notEnough.map { "  " + $0.description }
                    }
                }
            }
            // Whatever the reason: a document opens programmes to a household short of capacity too.
            lines += explanation.documentOpenings.map { asSentence($0.description) }
            let shortOfCapacity = if case .capacity = household.reason { true } else { false }
            if shortOfCapacity || explanation.replans > 0 {
                lines.append("Planned again \(Fmt.plural(explanation.replans, "time")).")
            }
            lines += limitLines(explanation)
            blocks.append(.entry(title: household.householdID, details: lines))
        }
        return ReportDocument(blocks: blocks)
    }

    /// What the re-plans' limits mean for the answer, said rather than hidden: a re-plan stopped by its
    /// node limit gives the same answer on any machine, though a larger limit may change it; one the
    /// time limit cut depends on the processor time it got, so that answer may differ between runs.
    static func limitLines(_ explanation: NotMovedExplanation) -> [String] {
        var lines: [String] = []
        let byTime = explanation.timeLimitedReplans
        let byNodes = max(0, explanation.unprovenReplans - byTime)
        if byNodes > 0 {
            lines.append(
                "\(byNodes) of these plans stopped at the node limit before proving optimality: the same answer on"
                    + " any machine, but a larger --node-limit may change it.")
        }
        if byTime > 0 {
            lines.append(
                "\(byTime) of these plans \(byTime == 1 ? "was" : "were") cut by the time limit, a safety net:"
                    + " this answer may differ between runs; a longer --time-limit lets the node limit decide.")
        }
        return lines
    }

    /// `description` as a sentence: capital first letter, full stop.
    static func asSentence(_ description: String) -> String {
        description.prefix(1).uppercased() + description.dropFirst() + "."
    }

    struct JSONWhyNot: Encodable, Sendable {
        var reportVersion = 1
        var kind = "why_not"
        var status: String
        var households: [JSONHousehold]
    }

    struct JSONHousehold: Encodable, Sendable {
        var householdID: String
        var size: Int
        var urgency: Int
        var reason: String
        var details: [String]
        var changes: [JSONChange]
        var notEnough: [JSONChange]
        var notEvenTogether: Bool
        var replans: Int
        var unprovenReplans: Int
        var timeLimitedReplans: Int
        var documentOpenings: [JSONDocumentOpening]
    }

    /// No `from`: the household's own documents stay out of the report, as its other attributes do.
    struct JSONDocumentOpening: Encodable, Sendable {
        var document: String
        /// Opened: no eligible pathway today.
        var programmes: [String]
        /// Open today, with more pathways.
        var morePathways: [String]
        /// Nil (left out) when not planned again.
        var moves: Bool?
        var proven: Bool
        /// Ids of the document services where the household is that issue the document; nil (left
        /// out) when none does, so reports of scenarios without services are as they were.
        var documentServices: [String]?
    }

    struct JSONChange: Encodable, Sendable {
        var kind: String
        var resourceID: String
        var from: Double
        var to: Double
    }

    static func json(_ explanations: [NotMovedExplanation], plan: Plan) -> String {
        func change(_ c: CapacityChange) -> JSONChange {
            JSONChange(kind: c.kind.rawValue, resourceID: c.resourceID, from: c.from, to: c.to)
        }
        return JSONReport.encoded(
            JSONWhyNot(
                status: plan.solver.status.rawValue,
                households: explanations.map {
                    JSONHousehold(
                        householdID: $0.household.householdID, size: $0.household.size, urgency: $0.household.urgency,
                        reason: $0.household.reason.label, details: Fmt.reasonExplanation($0.household.reason).details,
                        changes: $0.changes.map(change), notEnough: $0.notEnough.map(change),
                        notEvenTogether: $0.notEvenTogether, replans: $0.replans,
                        unprovenReplans: $0.unprovenReplans, timeLimitedReplans: $0.timeLimitedReplans,
                        documentOpenings: $0.documentOpenings.map {
                            JSONDocumentOpening(
                                document: $0.document.rawValue, programmes: $0.programmes,
                                morePathways: $0.morePathways, moves: $0.moves, proven: $0.proven,
                                documentServices: $0.services.isEmpty ? nil : $0.services.map(\.id))
                        })
                }))
    }

    /// One row per change found (`moves`) or tried without success (`not_enough`), then one per
    /// programme a stronger document opens (`capacity` `document`, `resource_id` the programme, `from`
    /// empty, `to` the document; `opens` or `more_pathways`, with `_and_moves` when the plan would then
    /// move the household); a household with none of these gets one row with its reason only.
    static func csv(_ explanations: [NotMovedExplanation]) -> String {
        var rows: [[String]] = []
        for explanation in explanations {
            let id = CSVReport.text(explanation.household.householdID)
            let reason = CSVReport.text(Fmt.reasonOneLine(explanation.household.reason))
            let failed = explanation.notEvenTogether ? "not_enough_together" : "not_enough"
            let changes = explanation.changes.map { ($0, "moves") } + explanation.notEnough.map { ($0, failed) }
            if changes.isEmpty && explanation.documentOpenings.isEmpty {
                rows.append([id, reason, "", "", "", "", ""])
            }
            for (c, outcome) in changes {
                rows.append([
                    id, reason, c.kind.rawValue, CSVReport.text(c.resourceID), Fmt.plain(c.from), Fmt.plain(c.to),
                    outcome,
                ])
            }
            for opening in explanation.documentOpenings {
                let moves = opening.moves == true ? "_and_moves" : ""
                let programmes =
                    opening.programmes.map { ($0, "opens") } + opening.morePathways.map { ($0, "more_pathways") }
                for (programme, outcome) in programmes {
                    rows.append([
                        // `from` left empty: the household's own documents stay out of the report.
                        id, reason, "document", CSVReport.text(programme), "", opening.document.rawValue,
                        outcome + moves,
                    ])
                }
            }
        }
        return CSVReport.table(
            header: ["household_id", "reason", "capacity", "resource_id", "from", "to", "outcome"], rows: rows)
    }
}
