import PassagePlanning

/// Renders a ``StressSummary`` (`passage stress`) in any ``ReportFormat``: aggregates over the trials
/// only, never a household id. Deterministic byte for byte (no timings).
public enum StressReport {
    /// `summary` rendered as `format`, ending in a newline.
    public static func render(_ summary: StressSummary, format: ReportFormat) -> String {
        let currency = summary.currency
        return switch format {
        case .text: TextReport.render(document(summary, currency: currency))
        case .markdown: MarkdownReport.render(document(summary, currency: currency))
        case .json: json(summary)
        case .csv: csv(summary)
        case .html: HTMLReport.page(document(summary, currency: currency), charts: [StressChart.figure(summary)])
        }
    }

    /// How many fragile points the text, Markdown and HTML reports list (JSON and CSV list all).
    static let fragileListed = 20

    static func value(_ statistic: StressStatistic, _ x: Double, currency: String) -> String {
        statistic.key == "extra_cost" ? Fmt.money(x, currency) : Fmt.quantity(x)
    }

    static func kindWord(_ kind: StressCause.Kind) -> String {
        switch kind {
        case .house: "safe house"
        case .leg: "leg"
        case .programme: "programme"
        case .documentService: "document service"
        }
    }

    static func document(_ summary: StressSummary, currency: String) -> ReportDocument {
        var blocks: [ReportBlock] = [
            .heading("Passage: stress test of a plan", level: 1),
            .lines(
                [
                    "\(Fmt.plural(summary.trials, "trial")) with seed \(summary.seed) over a \(summary.horizonWeeks)-week horizon.",
                    "The plan moves \(Fmt.plural(summary.householdsPlanned, "household")); \(Fmt.plural(summary.personsPlanned, "person"))"
                        + " reach their destination within the horizon if everything goes as planned.",
                    "Each trial draws slower processing, refusals, house closures and cancelled departures from the"
                        + " scenario's rates; see docs/STRESS.md for the draws and the recovery rule.",
                ]
                    // Only for plans with document steps, so other reports read as before.
                    + (summary.statistics.contains { $0.key == "households_document_refused" }
                        ? [
                            "Moves that begin with a document step also draw the step's refusal and its weeks from"
                                + " document_services.csv (refusal_rate, weeks_max)."
                        ] : [])),
            .heading("Over the trials", level: 2),
            .lines(["Percentiles by nearest rank: the 5 % value is the one at rank ⌈0.05 n⌉ of the n trials sorted."]),
            .table(
                ReportTable(
                    headers: ["", "5 %", "median", "95 %", "mean", "lowest", "highest"],
                    alignments: [.left, .right, .right, .right, .right, .right, .right],
                    rows: summary.statistics.map { s in
                        [s.name]
                            + [s.p5, s.median, s.p95, s.mean, s.minimum, s.maximum].map {
                                value(s, $0, currency: currency)
                            }
                    })),
            .heading("Persons reaching their destination in the horizon", level: 2),
            .table(
                ReportTable(
                    headers: ["persons", "trials", "share of trials"], alignments: [.right, .right, .right],
                    rows: summary.personsMovedDistribution.map {
                        ["\($0.persons)", "\($0.trials)", Fmt.percent(Double($0.trials) / Double(summary.trials))]
                    })),
            .heading("Fragile points", level: 2),
        ]
        if summary.fragilePoints.isEmpty {
            blocks.append(.lines(["No house, leg or programme delayed, stranded or refused anyone in any trial."]))
        } else {
            let listed = summary.fragilePoints.prefix(fragileListed)
            blocks.append(
                .lines([
                    "The houses, legs and programmes that delayed, stranded or refused households, most often first"
                        + (summary.fragilePoints.count > listed.count
                            ? " (the first \(listed.count) of \(summary.fragilePoints.count); JSON and CSV list all)."
                            : ".")
                ]))
            blocks.append(
                .table(
                    ReportTable(
                        headers: ["kind", "id", "trials", "share of trials", "households troubled in all"],
                        alignments: [.left, .left, .right, .right, .right],
                        rows: listed.map {
                            [
                                kindWord($0.kind), Fmt.printable($0.id), "\($0.trials)",
                                Fmt.percent(Double($0.trials) / Double(summary.trials)), "\($0.households)",
                            ]
                        })))
        }
        return ReportDocument(blocks: blocks)
    }

    struct JSONStress: Encodable, Sendable {
        var reportVersion = 1
        var kind = "stress"
        var seed: String
        var trials: Int
        var horizonWeeks: Int
        var householdsPlanned: Int
        var personsPlanned: Int
        var statistics: [JSONStatistic]
        var personsMovedDistribution: [JSONBin]
        var fragilePoints: [JSONFragile]
    }

    struct JSONStatistic: Encodable, Sendable {
        var key: String
        var label: String
        var p5: Double
        var median: Double
        var p95: Double
        var mean: Double
        var minimum: Double
        var maximum: Double
    }

    struct JSONBin: Encodable, Sendable {
        var persons: Int
        var trials: Int
    }

    struct JSONFragile: Encodable, Sendable {
        var kind: String
        var id: String
        var trials: Int
        var households: Int
    }

    static func json(_ summary: StressSummary) -> String {
        JSONReport.encoded(
            JSONStress(
                seed: summary.seed, trials: summary.trials, horizonWeeks: summary.horizonWeeks,
                householdsPlanned: summary.householdsPlanned, personsPlanned: summary.personsPlanned,
                statistics: summary.statistics.map(JSONStatistic.init),
                personsMovedDistribution: summary.personsMovedDistribution.map {
                    JSONBin(persons: $0.persons, trials: $0.trials)
                },
                fragilePoints: summary.fragilePoints.map {
                    JSONFragile(kind: $0.kind.rawValue, id: $0.id, trials: $0.trials, households: $0.households)
                }))
    }

    /// One long table (`section,subject,measure,value`), for a spreadsheet's pivot table.
    static func csv(_ summary: StressSummary) -> String {
        var rows: [[String]] = [
            ["study", "trials", "count", "\(summary.trials)"],
            ["study", "seed", "value", summary.seed],
            ["study", "horizon_weeks", "count", "\(summary.horizonWeeks)"],
            ["study", "households_planned", "count", "\(summary.householdsPlanned)"],
            ["study", "persons_planned", "count", "\(summary.personsPlanned)"],
        ]
        for s in summary.statistics {
            for (measure, x) in [
                ("p5", s.p5), ("median", s.median), ("p95", s.p95), ("mean", s.mean), ("minimum", s.minimum),
                ("maximum", s.maximum),
            ] {
                rows.append(["statistic", s.key, measure, Fmt.plain(x, maxDecimals: 4)])
            }
        }
        for bin in summary.personsMovedDistribution {
            rows.append(["persons_arrived", "\(bin.persons)", "trials", "\(bin.trials)"])
        }
        for point in summary.fragilePoints {
            let subject = CSVReport.text("\(point.kind.rawValue)/\(point.id)")
            rows.append(["fragile", subject, "trials", "\(point.trials)"])
            rows.append(["fragile", subject, "households", "\(point.households)"])
        }
        return CSVReport.table(header: ["section", "subject", "measure", "value"], rows: rows)
    }
}

/// Histogram of persons reaching their destination per trial (`chart-stress-persons`).
enum StressChart {
    static let id = "chart-stress-persons"

    static func figure(_ summary: StressSummary) -> String {
        let bins = summary.personsMovedDistribution
        let width = 760.0, height = 300.0, left = 48.0, right = 12.0, top = 20.0, bottom = 44.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let low = bins.first?.persons ?? 0, high = max(bins.last?.persons ?? 0, summary.personsPlanned)
        let slots = high - low + 1
        let slot = plotWidth / Double(slots)
        let ticks = Ticks.from(0, Double(bins.map(\.trials).max() ?? 0), minimumStep: 1)
        let scale = ticks.last ?? 1
        func y(_ v: Double) -> Double { top + plotHeight - v / scale * plotHeight }
        let description =
            "Histogram of the persons reaching their destination within the horizon in each of the "
            + "\(Fmt.plural(summary.trials, "trial")); the plan moves \(summary.personsPlanned). "
            + bins.map { "\($0.persons) persons: \(Fmt.plural($0.trials, "trial"))" }.joined(separator: "; ") + "."
        var svg = PlanCharts.svgOpening(
            id: id, width: width, height: height, title: "Persons moved per trial", description: description)
        svg.append("<g aria-hidden=\"true\">")
        for tick in ticks {
            svg.append(
                "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(tick)))\" stroke=\"#ddd\"/>"
            )
            svg.append(
                "<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(Fmt.quantity(tick))</text>")
        }
        let labelEvery = max(1, (slots + 19) / 20)
        for persons in stride(from: low, through: high, by: labelEvery) {
            let x = left + slot * (Double(persons - low) + 0.5)
            svg.append("<text x=\"\(n(x))\" y=\"\(n(top + plotHeight + 16))\" text-anchor=\"middle\">\(persons)</text>")
        }
        svg.append(
            "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 6))\" text-anchor=\"middle\">"
                + "Persons reaching their destination in the horizon</text>")
        svg.append(
            "<text x=\"12\" y=\"\(n(top + plotHeight / 2))\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 12 \(n(top + plotHeight / 2)))\">Trials</text>")
        svg.append("</g>")
        let barWidth = max(1, slot * 0.8)
        for bin in bins {
            let x = left + slot * Double(bin.persons - low) + (slot - barWidth) / 2
            svg.append(
                "<rect x=\"\(n(x))\" y=\"\(n(y(Double(bin.trials))))\" width=\"\(n(barWidth))\""
                    + " height=\"\(n(y(0) - y(Double(bin.trials))))\" fill=\"#0072B2\" stroke=\"#111\" stroke-width=\"0.5\">"
                    + "<title>\(HTML.escape("\(bin.persons) persons: \(Fmt.plural(bin.trials, "trial"))"))</title></rect>"
            )
        }
        // The plan's own number, as a dashed line.
        let planX = left + slot * (Double(summary.personsPlanned - low) + 0.5)
        svg.append(
            "<line x1=\"\(n(planX))\" y1=\"\(n(top))\" x2=\"\(n(planX))\" y2=\"\(n(y(0)))\" stroke=\"#D55E00\""
                + " stroke-width=\"2\" stroke-dasharray=\"6 4\"><title>The plan: \(summary.personsPlanned) persons</title></line>"
        )
        svg.append(
            "<line x1=\"\(n(left))\" y1=\"\(n(y(0)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(0)))\" stroke=\"#111\"/>")
        svg.append("</svg>")
        return PlanCharts.figure(
            id: id,
            caption:
                "Persons reaching their destination per trial (dashed: the plan); every number is in the table above",
            svg: svg, fallback: [])
    }

    private static func n(_ x: Double) -> String { PlanCharts.n(x) }
}

extension StressReport.JSONStatistic {
    /// One statistic of a study, as every JSON report of a stress study writes it (the memberwise
    /// initialiser stays, as this one is in an extension).
    init(_ statistic: StressStatistic) {
        self.init(
            key: statistic.key, label: statistic.name, p5: statistic.p5, median: statistic.median,
            p95: statistic.p95, mean: statistic.mean, minimum: statistic.minimum, maximum: statistic.maximum)
    }
}
