import CSV
import Foundation
import PassagePlanning

/// The plan as CSV: one row per household, moved or not, sorted by household id, for spreadsheets.
public enum CSVReport {
    /// The header row, in column order.
    public static let columns = [
        "household_id", "size", "urgency", "moved", "ready_week", "start_week", "programme",
        "destination_country", "safe_house", "lodged_week", "arrival_week", "route", "cost", "risk", "reason",
        "latest_departure_week", "weeks_late", "committed",
    ]

    /// Columns added when some itinerary begins with a document step: the service and the week to
    /// apply in. A plan without one has exactly `columns`.
    public static let documentColumns = ["document_service", "document_week"]

    /// Columns added when some itinerary makes a transit stay: its house, first and last week. A plan
    /// without one has no such columns.
    public static let transitColumns = ["transit_house", "transit_from_week", "transit_to_week"]

    /// Renders `plan` as CSV (LF line ends, a final newline, fields quoted by CSV.swift where needed).
    public static func render(_ plan: Plan) -> String {
        let withDocuments = plan.itineraries.contains { $0.document != nil }
        let withTransit = plan.itineraries.contains { $0.transitStay != nil }
        var rows: [(id: String, fields: [String])] = plan.itineraries.map { i in
            let route = (i.outbound + i.onward).map(\.legID).joined(separator: " > ")
            return (
                i.householdID,
                [
                    text(i.householdID), "\(i.size)", "\(i.urgency)", "true", "\(i.readyWeek)", "\(i.startWeek)",
                    text(i.programmeID), text(i.destinationCountry), text(i.stay.houseID), "\(i.lodgedWeek)",
                    "\(i.arrivalWeek)", text(route), Fmt.plain(i.cost), Fmt.plain(i.risk), "",
                    i.latestDepartureWeek.map(String.init) ?? "", "\(i.weeksLate)", i.isCommitted ? "true" : "false",
                ]
                    + (withDocuments
                        ? [text(i.document?.serviceID ?? ""), i.document.map { "\($0.startWeek)" } ?? ""] : [])
                    + (withTransit
                        ? [
                            text(i.transitStay?.houseID ?? ""), i.transitStay.map { "\($0.fromWeek)" } ?? "",
                            i.transitStay.map { "\($0.toWeek)" } ?? "",
                        ] : [])
            )
        }
        rows += plan.unmoved.map { u in
            (
                u.householdID,
                [
                    text(u.householdID), "\(u.size)", "\(u.urgency)", "false", "\(u.readyWeek)", "", "", "", "", "",
                    "", "", "", "", text(Fmt.reasonOneLine(u.reason)), u.latestDepartureWeek.map(String.init) ?? "", "",
                    "false",
                ] + (withDocuments ? ["", ""] : []) + (withTransit ? ["", "", ""] : [])
            )
        }
        rows.sort { $0.id < $1.id }
        let households = table(
            header: columns + (withDocuments ? documentColumns : []) + (withTransit ? transitColumns : []),
            rows: rows.map(\.fields))
        // With shadow prices, their table follows after one empty line (docs/REPORTS.md, "CSV").
        var report = households
        if let prices = plan.shadowPrices {
            report += "\n" + table(header: ShadowPriceCSV.columns, rows: ShadowPriceCSV.rows(prices))
        }
        // A robust plan's comparison follows the same way (docs/REPORTS.md, "CSV").
        if let robustness = plan.robustness {
            report += "\n" + table(header: RobustnessCSV.columns, rows: RobustnessCSV.rows(robustness))
        }
        return report
    }

    /// `header` and `rows` as CSV text (also used by the redacted report).
    static func table(header: [String], rows: [[String]]) -> String {
        do {
            let writer = try CSVWriter(stream: .toMemory())
            try writer.write(row: header)
            for row in rows { try writer.write(row: row) }
            writer.stream.close()
            guard let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
                preconditionFailure("CSV.swift wrote to memory but returned no data")
            }
            // CSV.swift separates rows but does not end the last one; POSIX text files end in a newline.
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            // Unreachable: an in-memory stream accepts every write.
            preconditionFailure("CSV rendering to memory failed: \(error)")
        }
    }

    /// A text cell made safe for spreadsheets: a leading `=`, `+`, `-`, `@`, tab or carriage return
    /// would make Excel or LibreOffice evaluate the cell as a formula (CSV injection), so such a
    /// value gets a leading `'`. Only text columns pass through here; numbers are written as they are.
    static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }
}
