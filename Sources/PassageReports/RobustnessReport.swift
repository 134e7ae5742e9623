import PassagePlanning

// The "Robustness" section of a robust plan (`passage plan --robust`): the nominal and the robust plan
// side by side, persons moved by urgency and the same stress study of each (docs/STRESS.md, "Robust
// plans"). Counts only, never a household id.

/// The section in text, Markdown and HTML.
enum RobustnessDocument {
    /// The stress statistics compared, in this order.
    /// (`households_document_refused` only for plans with document steps.)
    static let keys = [
        "persons_arrived", "households_stranded", "households_refused", "households_document_refused", "delay_weeks",
    ]

    /// The section's blocks, or none when the plan is not a robust one.
    static func blocks(_ plan: Plan) -> [ReportBlock] {
        guard let r = plan.robustness else { return [] }
        var moved: [[String]] = []
        for (index, (n, b)) in zip(r.nominal.byUrgency, r.robust.byUrgency).enumerated() {
            moved.append(
                [
                    "tier \(index + 1) (\(Fmt.tierName(index + 1)))", "\(n.personsMoved)", "\(b.personsMoved)",
                    signed(b.personsMoved - n.personsMoved),
                ])
        }
        moved.append(
            [
                "all", "\(r.nominal.overall.personsMoved)", "\(r.robust.overall.personsMoved)",
                signed(r.robust.overall.personsMoved - r.nominal.overall.personsMoved),
            ])
        let stress = keys.compactMap { key -> [String]? in
            guard let n = r.nominal.statistic(key), let b = r.robust.statistic(key) else { return nil }
            return [n.name] + [n.p5, n.median, n.p95, b.p5, b.median, b.p95].map(Fmt.quantity)
        }
        return [
            .heading("Robustness", level: 2),
            .lines(
                [
                    "This is the robust plan at level \(Fmt.plain(r.level, maxDecimals: 4)): stays fit at that quantile of the"
                        + " processing time and the expected loss from closures and refusals is priced (docs/MODEL.md,"
                        + " \"Robust plans\"). The nominal plan plans the typical case.",
                    r.sentence,
                    "Objective in the nominal model: nominal plan \(Fmt.objective(r.nominal.objective)),"
                        + " robust plan \(Fmt.objective(r.robust.objective)); the bound and gap above are the nominal"
                        + " model's, so the gap includes the price of robustness.",
                ] + robustModelLine(r)),
            .table(
                ReportTable(
                    headers: ["persons moved", "nominal", "robust", "difference"],
                    alignments: [.left, .right, .right, .right], rows: moved)),
            .lines([
                "Stress test of each plan: \(Fmt.plural(r.trials, "trial")) with seed \(r.seed) (the same draws for"
                    + " both; percentiles by nearest rank)."
            ]),
            .table(
                ReportTable(
                    headers: [
                        "", "nominal 5 %", "nominal median", "nominal 95 %", "robust 5 %", "robust median",
                        "robust 95 %",
                    ],
                    alignments: [.left, .right, .right, .right, .right, .right, .right], rows: stress)),
        ]
    }

    /// How the robust model itself was solved, when known.
    static func robustModelLine(_ r: RobustnessComparison) -> [String] {
        guard let m = r.robustModel else { return [] }
        return [
            "The robust model (penalties included): \(Fmt.statusWords(m.status)), objective \(Fmt.objective(m.objective)),"
                + " bound \(Fmt.objective(m.bound)), gap \(Fmt.percent(m.gap))."
        ]
    }

    /// `+3`, `-2`, `0`.
    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }
}

/// The JSON report's `robustness` object (absent unless the plan is a robust one).
struct JSONRobustness: Encodable, Sendable {
    var level: Double
    var seed: String
    var trials: Int
    var sentence: String
    var nominal: JSONRobustnessSide
    var robust: JSONRobustnessSide
    /// The robust model itself: status, objective with the penalties, bound and gap.
    var robustModel: JSONRobustModel?

    init(_ r: RobustnessComparison) {
        level = r.level
        seed = r.seed
        trials = r.trials
        sentence = r.sentence
        nominal = JSONRobustnessSide(r.nominal)
        robust = JSONRobustnessSide(r.robust)
        robustModel = r.robustModel.map {
            JSONRobustModel(
                status: $0.status.rawValue, objective: Nullable($0.objective), bound: Nullable($0.bound),
                gap: Nullable($0.gap))
        }
    }
}

/// How the robust model was solved.
struct JSONRobustModel: Encodable, Sendable {
    var status: String
    var objective: Nullable<Double>
    var bound: Nullable<Double>
    var gap: Nullable<Double>
}

/// One plan of the comparison: its nominal objective, persons moved by urgency and its stress study.
struct JSONRobustnessSide: Encodable, Sendable {
    var objective: Nullable<Double>
    var householdsMoved: Int
    var personsMoved: Int
    var byUrgency: [JSONTierCount]
    var statistics: [StressReport.JSONStatistic]

    init(_ side: RobustnessComparison.Side) {
        objective = Nullable(side.objective)
        householdsMoved = side.overall.householdsMoved
        personsMoved = side.overall.personsMoved
        byUrgency = side.byUrgency.enumerated().map { index, c in
            JSONTierCount(
                urgency: index + 1, householdsMoved: c.householdsMoved, householdsTotal: c.householdsTotal,
                personsMoved: c.personsMoved, personsTotal: c.personsTotal)
        }
        statistics = side.stress.statistics.map(StressReport.JSONStatistic.init)
    }
}

/// The CSV table of the comparison, after the households (docs/REPORTS.md, "CSV"):
/// `section,plan,measure,value`.
enum RobustnessCSV {
    static let columns = ["section", "plan", "measure", "value"]

    static func rows(_ r: RobustnessComparison) -> [[String]] {
        var rows: [[String]] = [
            ["study", "", "level", Fmt.plain(r.level, maxDecimals: 6)],
            ["study", "", "seed", r.seed],
            ["study", "", "trials", "\(r.trials)"],
        ]
        for (name, side) in [("nominal", r.nominal), ("robust", r.robust)] {
            rows.append(["moved", name, "objective", side.objective.map { Fmt.plain($0, maxDecimals: 6) } ?? ""])
            rows.append(["moved", name, "persons", "\(side.overall.personsMoved)"])
            rows.append(["moved", name, "households", "\(side.overall.householdsMoved)"])
            for (index, tier) in side.byUrgency.enumerated() {
                rows.append(["moved", name, "persons_urgency_\(index + 1)", "\(tier.personsMoved)"])
            }
            for s in side.stress.statistics {
                for (measure, value) in [
                    ("p5", s.p5), ("median", s.median), ("p95", s.p95), ("mean", s.mean), ("minimum", s.minimum),
                    ("maximum", s.maximum),
                ] {
                    rows.append(["stress", name, "\(s.key)_\(measure)", Fmt.plain(value, maxDecimals: 6)])
                }
            }
        }
        return rows
    }
}
