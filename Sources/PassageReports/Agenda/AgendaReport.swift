import PassageScenario

/// The formats an agenda (`passage agenda`) can be rendered in: the report formats plus `ics`, a
/// calendar file. A separate enum, so `ics` is no format of any other command.
public enum AgendaFormat: String, CaseIterable, Sendable {
    /// Plain text for a terminal.
    case text
    /// GitHub-flavoured Markdown, the same content as `text`.
    case markdown
    /// Machine-readable JSON (docs/REPORTS.md, "Agenda").
    case json
    /// One row per action, then one per warning, for spreadsheets.
    case csv
    /// One self-contained HTML page, the same content as `text`.
    case html
    /// An iCalendar file (RFC 5545): one all-day event per action, for any calendar program.
    case ics

    /// The usual file-name extension for the format, without the dot.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .json: "json"
        case .csv: "csv"
        case .html: "html"
        case .ics: "ics"
        }
    }
}

/// Renders an ``Agenda`` in any ``AgendaFormat``. Deterministic byte for byte: no timings, no wall
/// clock, no scenario title (a title may name places).
public enum AgendaReport {
    /// `agenda` rendered as `format`, ending in a newline (CRLF for `ics`, as RFC 5545 requires).
    public static func render(_ agenda: Agenda, format: AgendaFormat) -> String {
        switch format {
        case .text: TextReport.render(document(agenda))
        case .markdown: MarkdownReport.render(document(agenda))
        case .json: json(agenda)
        case .csv: csv(agenda)
        case .html: HTMLReport.page(document(agenda), charts: [])
        case .ics: AgendaCalendar.render(agenda)
        }
    }

    /// A warning kind in words, for the tables.
    static func words(_ kind: Agenda.WarningKind) -> String {
        switch kind {
        case .deadline: "deadline"
        case .applicationWindow: "application window"
        case .houseClosing: "house closing"
        case .capacityFull: "full next week"
        }
    }

    static func document(_ agenda: Agenda) -> ReportDocument {
        var blocks: [ReportBlock] = [
            .heading("Passage: agenda for week \(agenda.week)", level: 1),
            .lines([
                "Week \(agenda.week) runs from \(Fmt.day(agenda.weekStart)) to \(Fmt.day(agenda.weekEnd)) (week 1"
                    + " starts on \(Fmt.day(agenda.startDate))). Every action the plan has in it, day by day, then what"
                    + " needs attention soon. Households are named by id only."
            ]),
            .heading("Day by day", level: 2),
        ]
        if agenda.actions.isEmpty {
            blocks.append(.lines(["The plan has no one travelling, arriving or applying in week \(agenda.week)."]))
        } else {
            let persons = agenda.actions.reduce(into: [String: Int]()) { $0[$1.householdID] = $1.persons }
            blocks.append(
                .lines([
                    "\(Fmt.plural(agenda.actions.count, "action")) for \(Fmt.plural(persons.count, "household"))"
                        + " (\(Fmt.plural(persons.values.reduce(0, +), "person")))."
                ]))
            var days: [CalendarDate] = []
            for action in agenda.actions where days.last != action.date { days.append(action.date) }
            for day in days {
                blocks.append(.heading(Fmt.day(day), level: 3))
                blocks.append(
                    .table(
                        ReportTable(
                            headers: ["household", "persons", "action"], alignments: [.left, .right, .left],
                            rows: agenda.actions.filter { $0.date == day }.map {
                                [$0.householdID, "\($0.persons)", $0.words]
                            })))
            }
        }
        blocks.append(.heading("Warnings", level: 2))
        if agenda.warnings.isEmpty {
            blocks.append(
                .lines(["None: no deadline, application window, house closing or full capacity needs attention."]))
        } else {
            blocks.append(
                .table(
                    ReportTable(
                        headers: ["warning", "what"],
                        rows: agenda.warnings.map { [words($0.kind), $0.message] })))
        }
        return ReportDocument(blocks: blocks)
    }

    struct JSONAgenda: Encodable, Sendable {
        var reportVersion = 1
        var kind = "agenda"
        var week: Int
        var weekStart: String
        var weekEnd: String
        var startDate: String
        var actions: [JSONAction]
        var warnings: [JSONWarning]
    }

    struct JSONAction: Encodable, Sendable {
        var date: String
        var kind: String
        var householdID: String
        var persons: Int
        var from: String?
        var to: String?
        var legID: String?
        var mode: String?
        var houseID: String?
        var programmeID: String?
        var country: String?
        var description: String
        /// The document service, for `applies_for_document` only (the key is absent otherwise).
        var documentServiceID: String? = nil

        // Absent values are written as null, so every documented key is always present; the document
        // service's key only on the action it belongs to, so agendas without one are as they were.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(date, forKey: .date)
            try c.encode(kind, forKey: .kind)
            try c.encode(householdID, forKey: .householdID)
            try c.encode(persons, forKey: .persons)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(legID, forKey: .legID)
            try c.encode(mode, forKey: .mode)
            try c.encode(houseID, forKey: .houseID)
            try c.encode(programmeID, forKey: .programmeID)
            try c.encode(country, forKey: .country)
            try c.encode(description, forKey: .description)
            try c.encodeIfPresent(documentServiceID, forKey: .documentServiceID)
        }
        enum CodingKeys: String, CodingKey {
            case date, kind, householdID, persons, from, to, legID, mode, houseID, programmeID, country, description
            case documentServiceID
        }
    }

    struct JSONWarning: Encodable, Sendable {
        var kind: String
        var subjectID: String
        var week: Int
        var householdIDs: [String]
        var message: String
    }

    static func json(_ agenda: Agenda) -> String {
        JSONReport.encoded(
            JSONAgenda(
                week: agenda.week, weekStart: agenda.weekStart.description, weekEnd: agenda.weekEnd.description,
                startDate: agenda.startDate.description,
                actions: agenda.actions.map {
                    JSONAction(
                        date: $0.date.description, kind: $0.kind.rawValue, householdID: $0.householdID,
                        persons: $0.persons, from: $0.from, to: $0.to, legID: $0.legID, mode: $0.mode,
                        houseID: $0.houseID, programmeID: $0.programmeID, country: $0.country, description: $0.words,
                        documentServiceID: $0.documentServiceID)
                },
                warnings: agenda.warnings.map {
                    JSONWarning(
                        kind: $0.kind.rawValue, subjectID: $0.subjectID, week: $0.week, householdIDs: $0.householdIDs,
                        message: $0.message)
                }))
    }

    /// One table: a row per action (`record` = `action`), then a row per warning (`record` = `warning`,
    /// with the warning's kind, subject, week and message, and the households concerned joined by `;`).
    static func csv(_ agenda: Agenda) -> String {
        var rows: [[String]] = agenda.actions.map {
            [
                "action", $0.date.description, "\(agenda.week)", $0.kind.rawValue, CSVReport.text($0.householdID),
                "\($0.persons)", CSVReport.text($0.from ?? ""), CSVReport.text($0.to ?? ""),
                CSVReport.text($0.legID ?? ""), $0.mode ?? "", CSVReport.text($0.houseID ?? ""),
                CSVReport.text($0.programmeID ?? ""), $0.country ?? "", "", CSVReport.text($0.words),
            ]
        }
        rows += agenda.warnings.map {
            [
                "warning", "", "\($0.week)", $0.kind.rawValue, CSVReport.text($0.householdIDs.joined(separator: ";")),
                "", "", "", "", "", "", "", "", CSVReport.text($0.subjectID), CSVReport.text($0.message),
            ]
        }
        return CSVReport.table(
            header: [
                "record", "date", "week", "kind", "household_id", "persons", "from", "to", "leg_id", "mode", "house_id",
                "programme_id", "country", "subject_id", "description",
            ], rows: rows)
    }
}
