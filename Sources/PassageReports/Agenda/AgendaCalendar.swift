import PassageScenario

/// An ``Agenda`` as an iCalendar file (RFC 5545) that any calendar program opens: one all-day event per
/// action, and nothing about a household beyond its id and persons count. Deterministic byte for byte:
/// each event's UID comes from what it is (kind, household, day, leg, house or programme) and its
/// DTSTAMP from the scenario's start date, never from the clock.
enum AgendaCalendar {
    /// The domain of every UID: `.invalid` is reserved (RFC 2606), so a UID never names a real host.
    static let uidDomain = "passage.invalid"

    /// `agenda` as an iCalendar object: CRLF line endings, lines folded at 75 octets.
    static func render(_ agenda: Agenda) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Passage//Agenda//EN",
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:" + text("Passage agenda W\(agenda.week)"),
        ]
        // Midnight UTC of week 1's Monday: fixed for the scenario, so the same plan gives the same bytes.
        let stamp = compact(agenda.startDate) + "T000000Z"
        var used: [String: Int] = [:]
        for action in agenda.actions {
            let resource = action.legID ?? action.houseID ?? action.programmeID ?? "none"
            var uid = "\(action.kind.rawValue)-\(action.householdID)-\(compact(action.date))-\(resource)"
            used[uid, default: 0] += 1
            if let n = used[uid], n > 1 { uid += "-\(n)" }
            lines += [
                "BEGIN:VEVENT",
                "UID:" + text(uid + "@" + uidDomain),
                "DTSTAMP:" + stamp,
                "DTSTART;VALUE=DATE:" + compact(action.date),
                "DTEND;VALUE=DATE:" + compact(action.date.adding(days: 1)),
                "SUMMARY:" + text("\(action.householdID) (\(Fmt.plural(action.persons, "person"))): \(action.words)"),
                "DESCRIPTION:"
                    + text(
                        "Household \(action.householdID), \(Fmt.plural(action.persons, "person")), \(action.words)."
                            + " Week \(agenda.week) of the plan (from \(agenda.weekStart))."),
                "CATEGORIES:" + text(action.kind.rawValue),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(folded).joined(separator: "\r\n") + "\r\n"
    }

    /// `YYYYMMDD`, the DATE form of RFC 5545.
    static func compact(_ date: CalendarDate) -> String { date.description.replacingOccurrences(of: "-", with: "") }

    /// A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash, a line
    /// break becomes `\n`, and other control characters are dropped.
    static func text(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case _ where scalar.properties.generalCategory == .control: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `line` folded (RFC 5545 §3.1): no physical line longer than 75 octets, each continuation starting
    /// with one space, never splitting a character's UTF-8 bytes.
    static func folded(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            // The first line holds 75 octets; each continuation holds 74 after its leading space.
            let limit = pieces.isEmpty ? 75 : 74
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }
}
