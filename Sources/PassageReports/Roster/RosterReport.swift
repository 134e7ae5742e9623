import PassageScenario

/// Renders a ``Roster`` (`passage roster`) in any ``ReportFormat``: the house's guests and its weeks,
/// nothing else. Deterministic byte for byte (no timings, no scenario title: a title may name places).
public enum RosterReport {
    /// `roster` rendered as `format`, ending in a newline.
    public static func render(_ roster: Roster, format: ReportFormat) -> String {
        switch format {
        case .text: TextReport.render(document(roster))
        case .markdown: MarkdownReport.render(document(roster))
        case .json: json(roster)
        case .csv: csv(roster)
        case .html: HTMLReport.page(document(roster), charts: [])
        }
    }

    /// `none` for no needs, else the tags joined by commas.
    static func needs(_ tags: [String]) -> String { tags.isEmpty ? "none" : tags.joined(separator: ", ") }

    static func document(_ roster: Roster) -> ReportDocument {
        var blocks: [ReportBlock] = [
            .heading("Passage: roster of safe house \(roster.houseID)", level: 1),
            .lines([
                "The households the plan lodges in \(roster.houseID) and when they come and go; week 1 starts on"
                    + " \(Fmt.day(roster.startDate)). A household is in the house from its first week to its last week,"
                    + " inclusive, and leaves on the day shown."
            ]),
        ]
        guard !roster.guests.isEmpty else {
            blocks.append(.lines(["The plan lodges no one in \(roster.houseID)."]))
            return ReportDocument(blocks: blocks)
        }
        let persons = roster.guests.reduce(0) { $0 + $1.persons }
        blocks.append(.heading("Guests", level: 2))
        blocks.append(
            .lines(["\(Fmt.plural(roster.guests.count, "household")), \(Fmt.plural(persons, "person")) in all."]))
        blocks.append(
            .table(
                ReportTable(
                    headers: ["household", "persons", "needs", "arrives", "weeks in the house", "leaves"],
                    alignments: [.left, .right, .left, .left, .left, .left],
                    rows: roster.guests.map {
                        [
                            $0.householdID, "\($0.persons)", needs($0.needs), Fmt.day($0.arrivalDate),
                            Fmt.weeks($0.firstWeek, $0.lastWeek), $0.departureDate.map(Fmt.day) ?? "–",
                        ]
                    })))
        blocks.append(.heading("Week by week", level: 2))
        blocks.append(
            .table(
                ReportTable(
                    headers: ["week", "starts", "persons", "arriving", "last week", "in the house"],
                    alignments: [.left, .left, .right, .left, .left, .left],
                    rows: roster.weeks.map {
                        [
                            Fmt.week($0.week), Fmt.day($0.start), "\($0.persons)", list($0.arriving), list($0.leaving),
                            list($0.present),
                        ]
                    })))
        return ReportDocument(blocks: blocks)
    }

    static func list(_ ids: [String]) -> String { ids.isEmpty ? "–" : ids.joined(separator: ", ") }

    struct JSONRoster: Encodable, Sendable {
        var reportVersion = 1
        var kind = "roster"
        var houseID: String
        var startDate: String
        var guests: [JSONGuest]
        var weeks: [JSONWeek]
    }

    struct JSONGuest: Encodable, Sendable {
        var householdID: String
        var persons: Int
        var needs: [String]
        var arrivalDate: String
        var firstWeek: Int
        var firstWeekStart: String
        var lastWeek: Int
        var lastWeekStart: String
        /// Absent when the plan gives no day.
        var departureDate: String?
    }

    struct JSONWeek: Encodable, Sendable {
        var week: Int
        var weekStart: String
        var persons: Int
        var arriving: [String]
        var leaving: [String]
        var present: [String]
    }

    static func start(_ w: Int, _ roster: Roster) -> String { roster.startDate.adding(days: 7 * (w - 1)).description }

    static func json(_ roster: Roster) -> String {
        JSONReport.encoded(
            JSONRoster(
                houseID: roster.houseID, startDate: roster.startDate.description,
                guests: roster.guests.map {
                    JSONGuest(
                        householdID: $0.householdID, persons: $0.persons, needs: $0.needs,
                        arrivalDate: $0.arrivalDate.description, firstWeek: $0.firstWeek,
                        firstWeekStart: start($0.firstWeek, roster), lastWeek: $0.lastWeek,
                        lastWeekStart: start($0.lastWeek, roster), departureDate: $0.departureDate?.description)
                },
                weeks: roster.weeks.map {
                    JSONWeek(
                        week: $0.week, weekStart: $0.start.description, persons: $0.persons, arriving: $0.arriving,
                        leaving: $0.leaving, present: $0.present)
                }))
    }

    /// One row per household and week it is in the house: `arrives`, `stays`, `last_week`, or
    /// `arrives_last_week` for a stay of one week.
    static func csv(_ roster: Roster) -> String {
        var rows: [[String]] = []
        for week in roster.weeks {
            for guest in roster.guests where week.present.contains(guest.householdID) {
                let arrives = guest.firstWeek == week.week
                let last = guest.lastWeek == week.week
                let status = arrives && last ? "arrives_last_week" : arrives ? "arrives" : last ? "last_week" : "stays"
                rows.append([
                    "\(week.week)", week.start.description, CSVReport.text(guest.householdID), "\(guest.persons)",
                    CSVReport.text(guest.needs.joined(separator: ";")), status,
                    arrives ? guest.arrivalDate.description : "", last ? guest.departureDate?.description ?? "" : "",
                ])
            }
        }
        return CSVReport.table(
            header: [
                "week", "week_start", "household_id", "persons", "needs", "status", "arrival_date", "departure_date",
            ], rows: rows)
    }
}
