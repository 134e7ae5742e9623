import PassagePlanning

// The sweep as JSON and CSV for programs and spreadsheets: one entry or row per value, in increasing
// order, numbers exact in JSON and plain in CSV, no timings, so the same sweep gives the same bytes.
// Field by field in docs/WHATIF.md, "Sweeps".

struct JSONSweep: Encodable, Sendable {
    var reportVersion = 1
    var kind = "sweep"
    var scenario: JSONScenario
    var resource: JSONSweptResource
    var from: Double
    var to: Double
    var step: Double
    var scenarioValue: Nullable<Double>
    var allOptimal: Bool
    var points: [JSONSweepPoint]
}

struct JSONSweptResource: Encodable, Sendable {
    var kind: String
    var id: Nullable<String>
    var label: String
}

struct JSONSweepPoint: Encodable, Sendable {
    var value: Double
    var status: String
    var objective: Nullable<Double>
    var bound: Nullable<Double>
    var gap: Nullable<Double>
    var summary: JSONSummary
}

enum SweepData {
    static func json(_ sweep: Sweep) -> String {
        let header = sweep.scenario
        let spec = sweep.specification
        let value = JSONSweep(
            scenario: JSONScenario(
                title: header.title, startDate: header.startDate.description, endDate: Fmt.endDate(header).description,
                horizonWeeks: header.horizonWeeks, currency: header.currency, budget: Nullable(header.budget)),
            resource: JSONSweptResource(
                kind: spec.resource.kind, id: Nullable(spec.resource.id), label: spec.resource.label),
            from: spec.from, to: spec.to, step: spec.step, scenarioValue: Nullable(sweep.scenarioValue),
            allOptimal: sweep.allOptimal,
            points: sweep.points.map { point in
                JSONSweepPoint(
                    value: point.value, status: point.status.rawValue, objective: Nullable(point.objective),
                    bound: Nullable(point.bound), gap: Nullable(point.gap),
                    summary: JSONReport.summary(point.summary, budget: budget(at: point, sweep)))
            })
        return JSONReport.encoded(value)
    }

    /// The CSV header: the swept value, then the plan's outcome and totals.
    static let columns =
        ["value", "status", "objective", "bound", "gap", "persons_moved", "households_moved"]
        + (1...4).flatMap { ["persons_moved_urgency_\($0)", "households_moved_urgency_\($0)"] }
        + ["total_cost", "budget", "average_weeks_waited", "deadlines_missed"]

    static func csv(_ sweep: Sweep) -> String {
        let rows = sweep.points.map { point -> [String] in
            let s = point.summary
            func optional(_ x: Double?) -> String { x.map { Fmt.plain($0, maxDecimals: 6) } ?? "" }
            return [
                Fmt.plain(point.value, maxDecimals: 6), point.status.rawValue, optional(point.objective),
                optional(point.bound), optional(point.gap), "\(s.overall.personsMoved)", "\(s.overall.householdsMoved)",
            ]
                + (0..<4).flatMap { tier -> [String] in
                    let count = tier < s.byUrgency.count ? s.byUrgency[tier] : MoveCount()
                    return ["\(count.personsMoved)", "\(count.householdsMoved)"]
                }
                + [
                    Fmt.plain(s.totalCost), budget(at: point, sweep).map { Fmt.plain($0) } ?? "",
                    Fmt.plain(s.averageWeeksWaited, maxDecimals: 4), "\(s.deadlinesMissed)",
                ]
        }
        return CSVReport.table(header: columns, rows: rows)
    }

    /// The budget the point was planned with: its value in a budget sweep, else the scenario's.
    static func budget(at point: SweepPoint, _ sweep: Sweep) -> Double? {
        sweep.specification.resource == .budget ? point.value : sweep.scenario.budget
    }
}
