import CSV
import Foundation

// The five CSV tables of a scenario, one row per record in the scenario's order, every column of
// docs/SCENARIO.md in the order documented there (optional columns included, empty for defaults).
// The uncertainty columns (`closure_risk`, `cancel_rate`, `processing_weeks_max`, `refusal_rate`) are
// the exception: they are written, last, only when some row has a value, so a scenario without them
// is written byte for byte as before they existed.

/// Renders the tables of a `Scenario` as CSV text.
enum TableWriting {
    static func households(_ rows: [Household]) -> Data {
        csv(
            header: [
                "id", "size", "location", "urgency", "ready_week", "nationality", "passport", "internal_id",
                "needs", "excluded_countries", "preferred_countries", "latest_departure_week",
            ],
            rows: rows.map { h in
                [
                    h.id, String(h.size), h.location, String(h.urgency), String(h.readyWeek), h.nationality,
                    h.passport.rawValue, h.hasInternalID ? "yes" : "no", ValueFormatting.list(h.needs),
                    ValueFormatting.list(h.excludedCountries), ValueFormatting.list(h.preferredCountries),
                    ValueFormatting.integer(h.latestDepartureWeek),
                ]
            })
    }

    static func locations(_ rows: [Location]) -> Data {
        csv(
            header: ["id", "country", "kind", "latitude", "longitude"],
            rows: rows.map { l in
                [
                    l.id, l.country, l.kind.rawValue, ValueFormatting.number(l.latitude),
                    ValueFormatting.number(l.longitude),
                ]
            })
    }

    static func safeHouses(_ rows: [SafeHouse]) -> Data {
        let withRisk = rows.contains { $0.closureRisk != nil }
        // The transit column only when some house takes transit guests: a scenario without it is
        // written as it always was.
        let withTransit = rows.contains { $0.takesTransitGuests }
        return csv(
            header: [
                "id", "location", "beds", "open_from_week", "open_until_week", "cost_per_person_week",
                "max_stay_weeks", "needs_supported",
            ] + (withRisk ? ["closure_risk"] : []) + (withTransit ? ["transit"] : []),
            rows: rows.map { s in
                [
                    s.id, s.location, String(s.beds), String(s.openFromWeek), ValueFormatting.integer(s.openUntilWeek),
                    ValueFormatting.number(s.costPerPersonWeek), ValueFormatting.integer(s.maxStayWeeks),
                    ValueFormatting.list(s.needsSupported),
                ] + (withRisk ? [ValueFormatting.number(s.closureRisk)] : [])
                    + (withTransit ? [s.takesTransitGuests ? "yes" : "no"] : [])
            })
    }

    static func legs(_ rows: [RouteLeg]) -> Data {
        let withRate = rows.contains { $0.cancelRate != nil }
        return csv(
            header: [
                "id", "from", "to", "mode", "duration_days", "cost_per_person", "seats_per_week", "documents", "risk",
            ] + (withRate ? ["cancel_rate"] : []),
            rows: rows.map { l in
                [
                    l.id, l.from, l.to, l.mode.rawValue, String(l.durationDays),
                    ValueFormatting.number(l.costPerPerson),
                    String(l.seatsPerWeek), ValueFormatting.documentRule(l.documents), ValueFormatting.number(l.risk),
                ] + (withRate ? [ValueFormatting.number(l.cancelRate)] : [])
            })
    }

    static func programmes(_ rows: [VisaProgramme]) -> Data {
        let withSlowest = rows.contains { $0.processingWeeksMax != nil }
        let withRefusals = rows.contains { $0.refusalRate != nil }
        return csv(
            header: [
                "id", "destination_country", "lodged_at", "arrival", "quota", "quota_period", "processing_weeks",
                "nationalities", "documents", "needs_served", "cost_per_person", "application_from_week",
                "application_until_week",
            ] + (withSlowest ? ["processing_weeks_max"] : []) + (withRefusals ? ["refusal_rate"] : []),
            rows: rows.map { p in
                [
                    p.id, p.destinationCountry, p.lodgedAt, p.arrival, String(p.quota), p.quotaPeriod.rawValue,
                    String(p.processingWeeks), ValueFormatting.list(p.nationalities), p.documentsRequired.rawValue,
                    ValueFormatting.list(p.needsServed), ValueFormatting.number(p.costPerPerson),
                    ValueFormatting.integer(p.applicationFromWeek), ValueFormatting.integer(p.applicationUntilWeek),
                ] + (withSlowest ? [ValueFormatting.integer(p.processingWeeksMax)] : [])
                    + (withRefusals ? [ValueFormatting.number(p.refusalRate)] : [])
            })
    }

    static func commitments(_ rows: [Commitment]) -> Data {
        // `document_service` only when some household started with one: other files stay as they were.
        let withDocuments = rows.contains { $0.documentServiceID != nil }
        // Likewise the transit stay's two columns, only when some household has one.
        let withTransit = rows.contains { $0.transitHouseID != nil }
        return csv(
            header: ["household", "start_week", "outbound", "safe_house", "programme", "onward"]
                + (withDocuments ? ["document_service"] : [])
                + (withTransit ? ["transit_house", "transit_weeks"] : []),
            rows: rows.map { c in
                [
                    c.householdID, String(c.startWeek), ValueFormatting.list(c.outboundLegs), c.safeHouseID,
                    c.programmeID, ValueFormatting.list(c.onwardLegs),
                ] + (withDocuments ? [c.documentServiceID ?? ""] : [])
                    + (withTransit ? [c.transitHouseID ?? "", ValueFormatting.integer(c.transitWeeks)] : [])
            })
    }

    static func documentServices(_ rows: [DocumentService]) -> Data {
        // The stress columns only when some service has them, so files without them are written as read.
        let withSlowest = rows.contains { $0.weeksMax != nil }
        let withRefusals = rows.contains { $0.refusalRate != nil }
        return csv(
            header: [
                "id", "location", "obtains", "requires", "nationalities", "weeks", "cost_per_person", "risk",
                "capacity",
            ] + (withSlowest ? ["weeks_max"] : []) + (withRefusals ? ["refusal_rate"] : []),
            rows: rows.map { s in
                [
                    s.id, s.location, s.obtains.rawValue, s.requires.rawValue, ValueFormatting.list(s.nationalities),
                    String(s.weeks), ValueFormatting.number(s.costPerPerson), ValueFormatting.number(s.risk),
                    ValueFormatting.integer(s.capacity),
                ] + (withSlowest ? [ValueFormatting.integer(s.weeksMax)] : [])
                    + (withRefusals ? [ValueFormatting.number(s.refusalRate)] : [])
            })
    }

    static func sharedQuotas(_ rows: [SharedQuota]) -> Data {
        csv(
            header: ["id", "quota", "quota_period", "programmes"],
            rows: rows.map { q in [q.id, String(q.quota), q.quotaPeriod.rawValue, ValueFormatting.list(q.programmeIDs)]
            })
    }

    /// CSV with LF line ends and a final newline; CSV.swift quotes any field holding a comma, quote
    /// or line break.
    private static func csv(header: [String], rows: [[String]]) -> Data {
        do {
            let writer = try CSVWriter(stream: .toMemory(), newline: .lf)
            try writer.write(row: header)
            for row in rows { try writer.write(row: row) }
            writer.stream.close()
            guard var data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
                preconditionFailure("CSV.swift wrote to memory but returned no data")
            }
            // CSV.swift separates rows but does not end the last one; POSIX text files end in a newline.
            data.append(0x0A)
            return data
        } catch {
            // Unreachable: an in-memory stream accepts every write.
            preconditionFailure("CSV rendering to memory failed: \(error)")
        }
    }
}
