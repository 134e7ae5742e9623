import PassagePlanning

/// Builds the content a coordinator reads from a plan; shared by the text and Markdown reports.
enum PlanDocument {
    /// The report as blocks, in reading order: header, solver, summary, the comparison with the nominal
    /// plan (a robust plan), itineraries, capacity, shadow prices and bottlenecks (when asked for), not
    /// moved. `detail` says whether legs far from full and the prices are summarised (text, Markdown)
    /// or given in full (HTML).
    static func build(_ plan: Plan, options: ReportOptions, detail: DocumentDetail) -> ReportDocument {
        var blocks: [ReportBlock] = []
        blocks += header(plan)
        blocks += solver(plan, options: options)
        blocks += summary(plan)
        blocks += RobustnessDocument.blocks(plan)
        blocks += conflicts(plan)
        blocks += changes(plan)
        blocks += itineraries(plan)
        blocks += capacity(plan, detail: detail)
        blocks += ShadowPriceDocument.blocks(plan, detail: detail)
        blocks += unmoved(plan)
        return ReportDocument(blocks: blocks)
    }

    // MARK: Header

    static func header(_ plan: Plan) -> [ReportBlock] {
        let s = plan.scenario
        let budget = s.budget.map { "budget \(Fmt.money($0, s.currency))" } ?? "no budget limit (\(s.currency))"
        return [
            .heading("Passage plan: \(s.title)", level: 1),
            .lines([
                "Starts \(s.startDate) (week 1); horizon \(Fmt.plural(s.horizonWeeks, "week")), to \(Fmt.endDate(s));"
                    + " \(budget)."
            ]),
        ]
    }

    // MARK: Solver

    static func solver(_ plan: Plan, options: ReportOptions) -> [ReportBlock] {
        let r = plan.solver
        var blocks: [ReportBlock] = []
        // The warning goes before the numbers: nobody should read a figure without knowing it is provisional.
        // A robust plan solved to optimality is short of the nominal bound by the price of robustness,
        // which its own section states: not a plan that may be improved.
        if let warning = Fmt.statusWarning(r),
            !(r.status == .feasible && plan.robustness?.gapIsPriceOfRobustness == true)
        {
            blocks.append(.warning(warning))
        }
        var result = [
            "Objective \(Fmt.objective(r.objective)) (minimised)",
            "bound \(Fmt.objective(r.bound))",
            "gap \(Fmt.percent(r.gap))",
        ]
        if options.includeTimings { result.append("solved in \(Fmt.grouped(r.solveSeconds, decimals: 2)) s") }
        var model =
            "Model: \(Fmt.grouped(Double(r.rows), decimals: 0)) rows × \(Fmt.grouped(Double(r.columns), decimals: 0))"
            + " columns, \(Fmt.grouped(Double(r.nonzeros), decimals: 0)) non-zeros"
        var limits: [String] = []
        if let t = r.timeLimitSeconds { limits.append("time limit \(Fmt.plain(t)) s") }
        if let g = r.mipGapTolerance { limits.append("gap tolerance \(Fmt.percent(g))") }
        if !limits.isEmpty { model += "; " + limits.joined(separator: ", ") }
        var lines = ["Solver: \(Fmt.statusWords(r.status)).", result.joined(separator: ", ") + ".", model + "."]
        if options.includeTimings && !r.stages.isEmpty {
            let stages = r.stages.map { "\($0.kind.rawValue) \(Fmt.grouped($0.seconds, decimals: 2)) s" }
            lines.append("Stages: " + stages.joined(separator: ", ") + ".")
        }
        blocks.append(.lines(lines))
        return blocks
    }

    // MARK: Summary

    static func summary(_ plan: Plan) -> [ReportBlock] {
        let s = plan.summary
        let currency = plan.scenario.currency
        func row(_ label: String, _ c: MoveCount) -> [String] {
            let share = c.personsTotal > 0 ? Fmt.percent(Double(c.personsMoved) / Double(c.personsTotal)) : "n/a"
            return [
                label, "\(c.householdsMoved) of \(c.householdsTotal)", "\(c.personsMoved) of \(c.personsTotal)", share,
            ]
        }
        var rows = s.byUrgency.enumerated().map { index, count in
            row("\(index + 1) \(Fmt.tierName(index + 1))", count)
        }
        rows.append(row("all", s.overall))
        let table = ReportTable(
            headers: ["Urgency", "Households moved", "Persons moved", "Persons %"],
            alignments: [.left, .right, .right, .right],
            rows: rows
        )
        let cost = CostWords.lines(
            spentBefore: s.costBeforeWeekOne, fromWeekOne: s.costFromWeekOne, budget: plan.scenario.budget,
            currency: currency)
        return [
            .heading("Summary", level: 2),
            .table(table),
            .lines(
                [
                    "Urgency-weighted persons moved: \(Fmt.grouped(s.urgencyWeightedPersonsMoved, decimals: Fmt.isWhole(s.urgencyWeightedPersonsMoved) ? 0 : 2))."
                ] + cost + [
                    "Average weeks waited (ready week to departure): \(Fmt.grouped(s.averageWeeksWaited, decimals: 1))."
                ] + deadlineLine(s)),
        ]
    }

    // MARK: Itineraries

    /// Commitments that no longer fit, first thing after the summary: they need action now.
    static func conflicts(_ plan: Plan) -> [ReportBlock] {
        guard !plan.conflicts.isEmpty else { return [] }
        var blocks: [ReportBlock] = [.heading("Commitment conflicts", level: 2)]
        for conflict in plan.conflicts {
            blocks.append(
                .entry(
                    title:
                        "\(conflict.householdIDs.joined(separator: ", "))  — \(conflict.kind.rawValue.replacingOccurrences(of: "_", with: " "))",
                    details: [conflict.problem + ".", "What to do: " + conflict.action + "."]))
        }
        return blocks
    }

    /// What changed against the previous plan (only when re-planning).
    static func changes(_ plan: Plan) -> [ReportBlock] {
        guard let changes = plan.changes else { return [] }
        var blocks: [ReportBlock] = [.heading("Changes against the previous plan", level: 2)]
        if changes.isEmpty { blocks.append(.lines(["No household's plan changed."])) }
        for change in changes {
            var what = change.kinds.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }
            if let before = change.previousStartWeek, let after = change.newStartWeek, before != after {
                what.append("\(Fmt.week(before)) → \(Fmt.week(after))")
            }
            blocks.append(
                .entry(
                    title: "\(change.householdID)  — \(what.joined(separator: ", "))", details: [change.reason + "."]))
        }
        return blocks
    }

    static func itineraries(_ plan: Plan) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading("Itineraries", level: 2)]
        let sorted = plan.itineraries.sorted { $0.householdID < $1.householdID }
        if sorted.isEmpty { blocks.append(.lines(["No household is moved in this plan."])) }
        for itinerary in sorted { blocks += self.itinerary(itinerary, plan.scenario) }
        return blocks
    }

    /// Title line and a week-by-week table: outbound legs, the stay, onward legs, arrival, totals.
    static func itinerary(_ i: Itinerary, _ header: ScenarioHeader) -> [ReportBlock] {
        let currency = header.currency
        let title =
            "\(i.householdID)\(i.isCommitted ? "  [committed]" : "")  \(Fmt.plural(i.size, "person"))"
            + "  urgency \(i.urgency)"
            + (i.startWeek < 1
                ? "  left in the week of \(Fmt.date(ofWeek: i.startWeek, header)), before this plan's week 1"
                : "  ready \(Fmt.readyWeek(i.readyWeek, header)) → leaves \(Fmt.week(i.startWeek))")
            + ", arrives \(Fmt.week(i.arrivalWeek))"
            + (i.latestDepartureWeek.map { deadline in
                "  deadline \(Fmt.deadlineWeek(deadline, header))"
                    + (i.weeksLate > 0 ? " MISSED by \(Fmt.plural(i.weeksLate, "week"))" : "")
            } ?? "")
        // Each row's date is the day it happens: a leg's departure (after the legs before it), the
        // arrival at the safe house and at the destination; never just the Monday of the week.
        func legRow(_ leg: LegTravel) -> [String] {
            let days = leg.durationDays == 0 ? "same day" : Fmt.plural(leg.durationDays, "day")
            return [
                Fmt.week(leg.week), Fmt.day(Fmt.departureDate(leg, header)),
                "\(leg.mode.rawValue)  \(leg.from) → \(leg.to)  (leg \(leg.legID), \(days), \(Fmt.money(leg.cost, currency)))",
            ]
        }
        let stay = i.stay
        let stayWeeks = stay.toWeek - stay.fromWeek + 1
        // A document step comes first: the household applies where it is, and leaves once it holds it.
        var rows: [[String]] = []
        func documentRow(_ d: DocumentStepTaken) -> [String] {
            [
                Fmt.weeks(d.startWeek, d.readyWeek - 1), Fmt.day(Fmt.date(ofWeek: d.startWeek, header)),
                "apply for \(Fmt.document(d.obtains)) at document service \(d.serviceID) in \(d.location)"
                    + "  (\(Fmt.plural(d.weeks, "week")), \(Fmt.money(d.cost, currency))); held \(Fmt.week(d.readyWeek))",
            ]
        }
        if let d = i.document, i.transitStay == nil { rows.append(documentRow(d)) }
        if let t = i.transitStay {
            // A transit stay on the way: the legs to it, the stay (and a document step taken during it), the legs on.
            rows += i.outboundBeforeTransit.map(legRow)
            rows.append([
                Fmt.weeks(t.fromWeek, t.toWeek),
                Fmt.day(Fmt.arrivalDate(after: i.outboundBeforeTransit, orWeek: t.fromWeek, header)),
                "transit stay in safe house \(t.houseID) in \(t.location)"
                    + "  (\(Fmt.plural(t.toWeek - t.fromWeek + 1, "week")), \(Fmt.money(t.cost, currency)))",
            ])
            if let d = i.document { rows.append(documentRow(d)) }
            rows += i.outboundAfterTransit.map(legRow)
        } else {
            rows += i.outbound.map(legRow)
        }
        rows.append([
            Fmt.weeks(stay.fromWeek, stay.toWeek),
            Fmt.day(Fmt.arrivalDate(after: i.outbound, orWeek: stay.fromWeek, header)),
            "safe house \(stay.houseID) in \(stay.location), application lodged \(Fmt.week(i.lodgedWeek)) with"
                + " \(i.programmeID) (\(i.destinationCountry))  (\(Fmt.plural(stayWeeks, "week")),"
                + " \(Fmt.money(stay.cost, currency)))",
        ])
        rows += i.onward.map(legRow)
        rows.append([
            Fmt.week(i.arrivalWeek), Fmt.day(Fmt.arrivalDate(after: i.onward, orWeek: i.arrivalWeek, header)),
            "arrives in \(i.destinationCountry) under \(i.programmeID)",
        ])
        rows.append(["", "", "total \(Fmt.money(i.cost, currency)), risk \(Fmt.plain(i.risk))"])
        return [
            .heading(title, level: 3),
            // All three columns are kept together: an itinerary split into panels would be unreadable.
            .table(
                ReportTable(headers: ["Week", "Day", "What"], rows: rows, showsHeaderInText: false, repeatedColumns: 3)),
        ]
    }

    // MARK: Capacity

    static func capacity(_ plan: Plan, detail: DocumentDetail) -> [ReportBlock] {
        let horizon = plan.scenario.horizonWeeks
        var blocks: [ReportBlock] = [.heading("Capacity use", level: 2), .lines([CapacityTables.legend])]
        blocks.append(.heading("Beds by safe house and week", level: 3))
        if let grid = CapacityTables.weekGrid(
            plan.capacity, kind: .beds, label: "Safe house", horizon: horizon, onlyUsed: false)
        {
            blocks.append(.table(grid))
        } else {
            blocks.append(.lines(["No bed capacity in this plan."]))
        }
        blocks += seats(plan, detail: detail)
        blocks.append(.heading("Quotas by programme and period", level: 3))
        if let table = CapacityTables.quotas(plan.capacity, plan.scenario) {
            blocks.append(.table(table))
        } else {
            blocks.append(.lines(["No quota in this plan."]))
        }
        // Only scenarios with shared_quotas.csv have this section: other reports stay as they were.
        if let table = CapacityTables.quotas(plan.capacity, plan.scenario, kind: .sharedQuota) {
            blocks.append(.heading("Shared quotas by period", level: 3))
            blocks.append(.table(table))
        }
        // Only scenarios with a document service that has a capacity have this section.
        if let grid = CapacityTables.weekGrid(
            plan.capacity, kind: .documentService, label: "Document service", horizon: horizon, onlyUsed: false)
        {
            blocks.append(.heading("Document services by week (persons applying)", level: 3))
            blocks.append(.table(grid))
        }
        blocks.append(.heading("Budget", level: 3))
        blocks.append(.lines([CapacityTables.budgetLine(plan)]))
        return blocks
    }

    /// The seat grid. In full, every leg with any use has a row. Summarised, only the legs that come
    /// near their seats in some week (`CapacityTables.isNearFull`) do; the legs used but never more than
    /// half full are named in one line: in a large network they are most legs, and a grid of `1/25`
    /// rows hides the few that may fill.
    static func seats(_ plan: Plan, detail: DocumentDetail) -> [ReportBlock] {
        let horizon = plan.scenario.horizonWeeks
        guard detail == .summarised else {
            var blocks: [ReportBlock] = [.heading("Seats by route leg and week (legs with any use)", level: 3)]
            if let grid = CapacityTables.weekGrid(
                plan.capacity, kind: .seats, label: "Leg", horizon: horizon, onlyUsed: true)
            {
                blocks.append(.table(grid))
            } else {
                blocks.append(.lines(["No seats used."]))
            }
            return blocks
        }
        let (near, quiet) = CapacityTables.usedResources(plan.capacity, kind: .seats)
        var blocks: [ReportBlock] = [
            .heading("Seats by route leg and week (legs more than half full in some week)", level: 3)
        ]
        guard !near.isEmpty || !quiet.isEmpty else {
            blocks.append(.lines(["No seats used."]))
            return blocks
        }
        if let grid = CapacityTables.weekGrid(
            plan.capacity, kind: .seats, label: "Leg", horizon: horizon, onlyUsed: true, only: Set(near))
        {
            blocks.append(.table(grid))
        } else {
            blocks.append(.lines(["No leg is more than half full in any week."]))
        }
        if !quiet.isEmpty {
            blocks.append(
                .lines([
                    "Legs used but never more than half full (\(quiet.count)): \(quiet.joined(separator: ", "))."
                        + " Their weeks: --format html or json. Legs nobody uses are left out."
                ]))
        }
        return blocks
    }

    // MARK: Not moved

    static func unmoved(_ plan: Plan) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading("Households not moved", level: 2)]
        let sorted = plan.unmoved.sorted { $0.householdID < $1.householdID }
        if sorted.isEmpty { blocks.append(.lines(["Every household is moved in this plan."])) }
        for household in sorted {
            let (sentence, details) = Fmt.reasonExplanation(household.reason)
            let title =
                "\(household.householdID)  \(Fmt.plural(household.size, "person"))  urgency \(household.urgency)"
                + "  ready \(Fmt.readyWeek(household.readyWeek, plan.scenario))"
                + (household.latestDepartureWeek.map { "  deadline \(Fmt.deadlineWeek($0, plan.scenario)) MISSED" }
                    ?? "")
                + "  — \(household.reason.label)"
            blocks.append(.entry(title: title, details: [sentence] + details))
        }
        return blocks
    }

    /// "Deadlines missed" line of the summary, only when some household has a deadline.
    static func deadlineLine(_ s: PlanSummary) -> [String] {
        guard s.householdsWithDeadline > 0 else { return [] }
        return [
            "Latest safe departure weeks missed: \(s.deadlinesMissed) of \(s.householdsWithDeadline) households"
                + " with one (leaving late or not moved)."
        ]
    }
}
