import Foundation
import Testing
import PassagePlanning
import PassageScenario
@testable import PassageReports

/// `Agenda` on the demo scenario, changed a little, with a hand-written plan whose week 11 is checked by
/// hand: every action of the week and a warning of each kind; then the calendar file's rules.
@Suite struct AgendaTests {
    static let demo = try! ScenarioLoader.load(
        directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/demo"))

    /// The demo with SH-TBS-2 open only to week 11, SH-EVN-2 closed in week 11, and deadlines for H020
    /// (week 12) and H003 (week 13). Week 11 runs from Monday 2027-02-08 to Sunday 2027-02-14.
    static let scenario: Scenario = {
        var s = demo
        s.safeHouses = s.safeHouses.map { house in
            var house = house
            if house.id == "SH-TBS-2" { house.openUntilWeek = 11 }
            if house.id == "SH-EVN-2" { house.closedWeeks = [11...11] }
            return house
        }
        s.households = s.households.map { household in
            var household = household
            if household.id == "H020" { household.latestDepartureWeek = 12 }
            if household.id == "H003" { household.latestDepartureWeek = 13 }
            return household
        }
        return s
    }()

    static func day(_ text: String) -> CalendarDate { PreviousPlanReader.date(text)! }

    static func leg(_ id: String, _ from: String, _ to: String, _ week: Int, _ date: String, mode: String = "road")
        -> PreviousPlanReader.PlannedLeg
    {
        PreviousPlanReader.PlannedLeg(legID: id, from: from, to: to, mode: mode, week: week, departureDate: day(date))
    }

    static func itinerary(
        _ id: String, outbound: [PreviousPlanReader.PlannedLeg], house: String, _ from: Int, _ to: Int,
        arrives: String, programme: String, country: String, lodged: Int, onward: [PreviousPlanReader.PlannedLeg],
        arrivalWeek: Int, arrivalDate: String
    ) -> PreviousPlanReader.PlannedItinerary {
        PreviousPlanReader.PlannedItinerary(
            householdID: id, committed: false, outbound: outbound, houseID: house, stayFromWeek: from,
            stayToWeek: to, stayArrivalDate: day(arrives), programmeID: programme, destinationCountry: country,
            lodgedWeek: lodged, onward: onward, arrivalWeek: arrivalWeek, arrivalDate: day(arrivalDate))
    }

    static func capacity(
        _ kind: String, _ id: String, week: Int?, period: CapacityPeriod, binding: Bool, closed: Bool = false
    )
        -> PreviousPlanReader.PlannedCapacity
    {
        PreviousPlanReader.PlannedCapacity(
            kind: kind, resourceID: id, week: week, period: period, used: binding ? 5 : 2, capacity: closed ? 0 : 5,
            binding: binding, closed: closed)
    }

    static let plan = PreviousPlanReader.PlannedItineraries(
        householdIDs: ["H001", "H002", "H003", "H004", "H020"],
        itineraries: [
            // Travels in week 11 to Tbilisi and applies there on arrival.
            itinerary(
                "H001",
                outbound: [
                    leg("L01", "grozny", "vladikavkaz", 11, "2027-02-08"),
                    leg("L09", "vladikavkaz", "upper_lars", 11, "2027-02-08"),
                    leg("L11", "upper_lars", "tbilisi", 11, "2027-02-09"),
                ], house: "SH-TBS-1", 11, 13, arrives: "2027-02-10", programme: "P-LT-TBS", country: "LT", lodged: 11,
                onward: [leg("L33", "tbilisi", "vilnius", 14, "2027-03-01", mode: "air")], arrivalWeek: 14,
                arrivalDate: "2027-03-01"),
            // Left long after its deadline (week 2), and is in SH-EVN-2 while it is closed.
            itinerary(
                "H002", outbound: [leg("L13", "mineralnye_vody", "yerevan", 10, "2027-02-01", mode: "air")],
                house: "SH-EVN-2", 10, 12, arrives: "2027-02-01", programme: "P-DE-EVN", country: "DE", lodged: 10,
                onward: [leg("L30", "yerevan", "berlin", 13, "2027-02-22", mode: "air")], arrivalWeek: 13,
                arrivalDate: "2027-02-22"),
            // Leaves in week 14, after its deadline (week 13).
            itinerary(
                "H003", outbound: [leg("L20", "moscow", "istanbul", 14, "2027-03-01", mode: "air")], house: "SH-IST-1",
                14, 15, arrives: "2027-03-01", programme: "P-CA-IST", country: "CA", lodged: 14,
                onward: [leg("L35", "istanbul", "toronto", 16, "2027-03-15", mode: "air")], arrivalWeek: 16,
                arrivalDate: "2027-03-15"),
            // In SH-TBS-2, which closes from week 12, until it flies on on Friday of week 11.
            itinerary(
                "H004", outbound: [leg("L01", "grozny", "vladikavkaz", 5, "2026-12-28")], house: "SH-TBS-2", 5, 11,
                arrives: "2026-12-30", programme: "P-DE-TBS", country: "DE", lodged: 5,
                onward: [leg("L32", "tbilisi", "berlin", 11, "2027-02-12", mode: "air")], arrivalWeek: 11,
                arrivalDate: "2027-02-12"),
        ],
        unmoved: ["H020"],
        capacity: [
            capacity("beds", "SH-EVN-1", week: 12, period: .week(12), binding: true),
            capacity("beds", "SH-EVN-1", week: 11, period: .week(11), binding: true),  // this week, not next
            capacity("beds", "SH-TBS-2", week: 12, period: .week(12), binding: true, closed: true),  // closed, not full
            capacity("seats", "L01", week: 12, period: .week(12), binding: true),
            capacity("seats", "L09", week: 12, period: .week(12), binding: false),
            // W12's Thursday is 2027-02-18: W12 counts in February.
            capacity("quota", "P-DE-EVN", week: nil, period: .month(QuotaMonth(year: 2027, month: 2)), binding: true),
            capacity("quota", "P-DE-EVN", week: nil, period: .month(QuotaMonth(year: 2027, month: 3)), binding: true),
            capacity("quota", "P-FR-EVN", week: nil, period: .horizon, binding: true),
            capacity("budget", "budget", week: nil, period: .horizon, binding: true),
        ],
        startDate: demo.settings.startDate, horizonWeeks: 16)

    @Test func listsEveryActionOfTheWeekByDayThenKind() throws {
        let agenda = try Agenda.make(week: 11, plan: Self.plan, scenario: Self.scenario)
        #expect(agenda.weekStart == Self.day("2027-02-08") && agenda.weekEnd == Self.day("2027-02-14"))
        let listed = agenda.actions.map {
            "\($0.date) \($0.kind.rawValue) \($0.householdID) \($0.legID ?? $0.houseID ?? $0.programmeID ?? "")"
        }
        #expect(
            listed == [
                "2027-02-08 departs H001 L01",
                "2027-02-08 departs H001 L09",
                "2027-02-09 departs H001 L11",
                "2027-02-10 arrives_at_house H001 SH-TBS-1",
                "2027-02-10 lodges_application H001 P-LT-TBS",
                "2027-02-12 departs_onward H004 L32",
                "2027-02-12 arrives_at_destination H004 P-DE-TBS",
            ])
        #expect(agenda.actions.map(\.persons) == [1, 1, 1, 1, 1, 2, 2])
        #expect(agenda.actions[3].to == "tbilisi" && agenda.actions[6].to == "berlin")
        #expect(agenda.actions[0].words == "departs on L01 (road) from grozny to vladikavkaz")
    }

    /// A shared quota full for the month next week counts in is warned of like a programme's quota; one
    /// full in another month is not.
    @Test func warnsOfAFullSharedQuota() throws {
        var plan = Self.plan
        plan.capacity += [
            Self.capacity(
                "shared_quota", "DE-ALL", week: nil, period: .month(QuotaMonth(year: 2027, month: 2)), binding: true),
            Self.capacity(
                "shared_quota", "EU-ALL", week: nil, period: .month(QuotaMonth(year: 2027, month: 3)), binding: true),
        ]
        let agenda = try Agenda.make(week: 11, plan: plan, scenario: Self.scenario)
        let shared = agenda.warnings.filter { $0.subjectID.hasSuffix("-ALL") }
        #expect(shared.map(\.subjectID) == ["DE-ALL"])
        #expect(
            shared.first?.message.hasPrefix("shared quota DE-ALL is full for February 2027 (the month W12 counts in)")
                == true)
    }

    @Test func warnsOfDeadlinesWindowsClosingHousesAndFullCapacities() throws {
        let agenda = try Agenda.make(week: 11, plan: Self.plan, scenario: Self.scenario)
        let listed = agenda.warnings.map { "\($0.kind.rawValue) \($0.subjectID) W\($0.week) \($0.householdIDs)" }
        #expect(
            listed == [
                "deadline H020 W12 [\"H020\"]",
                "deadline H003 W13 [\"H003\"]",
                "application_window P-LT-TBS W12 [\"H001\"]",
                "house_closing SH-EVN-2 W11 [\"H002\"]",
                "house_closing SH-TBS-2 W12 [\"H004\"]",
                "capacity_full L01 W12 []",
                "capacity_full P-DE-EVN W12 []",
                "capacity_full P-FR-EVN W12 []",
                "capacity_full SH-EVN-1 W12 []",
            ])
        let messages = agenda.warnings.map(\.message)
        #expect(
            messages[0]
                == "H020 (3 persons): its latest safe departure is W12 (by Sun 2027-02-21), and the plan does not move it"
        )
        #expect(messages[2].contains("close after W12 (last day Sun 2027-02-21)"))
        #expect(messages[4].contains("SH-TBS-2 (tbilisi) closes from W12 (Mon 2027-02-15)"))
        #expect(
            messages[6] == "the quota of P-DE-EVN is full for February 2027 (the month W12 counts in): 5 of 5 persons")
        // H002 left in week 10, after its deadline (week 2): week 11 no longer warns of it, week 9 does.
        // H020 and H003 are not yet within two weeks of their deadlines in week 9.
        let earlier = try Agenda.make(week: 9, plan: Self.plan, scenario: Self.scenario)
        #expect(earlier.warnings.filter { $0.kind == .deadline }.map(\.subjectID) == ["H002"])
        #expect(
            earlier.warnings.first?.message
                == "H002 (3 persons): its latest safe departure was W2 (by Sun 2026-12-13), and the plan has it leave"
                + " only in W10")
        #expect(earlier.actions.isEmpty)
    }

    @Test func placesModesAndCountriesComeFromTheScenarioNotThePlan() throws {
        var edited = Self.plan
        edited.itineraries[0].outbound[0].from = "EVIL\r\nBEGIN:VEVENT"
        edited.itineraries[0].outbound[0].mode = "teleport"
        edited.itineraries[0].destinationCountry = "XX"
        let agenda = try Agenda.make(week: 11, plan: edited, scenario: Self.scenario)
        #expect(agenda == (try Agenda.make(week: 11, plan: Self.plan, scenario: Self.scenario)))
        #expect(agenda.actions[0].from == "grozny" && agenda.actions[0].mode == "road")
        #expect(agenda.actions[4].country == "LT")
    }

    @Test func refusesAWeekOutsideThePlanAndAnotherScenariosPlan() {
        for week in [0, 17, -3] {
            #expect(
                throws: Agenda.Problem(
                    description: "week \(week) is not in the plan's horizon: give --week from 1 to 16"
                        + " (Mon 2026-11-30 to Sun 2027-03-21)")
            ) { try Agenda.make(week: week, plan: Self.plan, scenario: Self.scenario) }
        }
        var foreign = Self.plan
        foreign.householdIDs.append("X9")
        #expect(throws: Agenda.Problem.self) { try Agenda.make(week: 1, plan: foreign, scenario: Self.scenario) }
        var strayLeg = Self.plan
        strayLeg.itineraries[0].onward[0].legID = "L99"
        #expect(
            throws: Agenda.Problem(
                description: "the plan does not belong to this scenario: it uses L99, which is not a route leg of the"
                    + " scenario; give the plan made from this scenario")
        ) { try Agenda.make(week: 1, plan: strayLeg, scenario: Self.scenario) }
    }

    @Test func theCalendarFileFollowsRFC5545() throws {
        let agenda = try Agenda.make(week: 11, plan: Self.plan, scenario: Self.scenario)
        let ics = AgendaReport.render(agenda, format: .ics)
        let bytes = Array(ics.utf8)
        // Every line ends in CRLF: no bare LF or CR.
        for (i, byte) in bytes.enumerated() where byte == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D) }
        for (i, byte) in bytes.enumerated() where byte == 0x0D { #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A) }
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let physical = ics.components(separatedBy: "\r\n").dropLast()
        for line in physical { #expect(line.utf8.count <= 75, "\(line)") }
        #expect(physical.contains { $0.hasPrefix(" ") }, "no line was long enough to fold")
        // Unfolded: a continuation line joins the one before without its leading space.
        var lines: [String] = []
        for line in physical {
            if line.hasPrefix(" ") { lines[lines.count - 1] += line.dropFirst() } else { lines.append(line) }
        }
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        var depth = 0
        for line in lines {
            if line.hasPrefix("BEGIN:") { depth += 1 }
            if line.hasPrefix("END:") { depth -= 1 }
            #expect(depth >= 0)
        }
        #expect(depth == 0)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == agenda.actions.count)
        #expect(lines.filter { $0 == "END:VEVENT" }.count == agenda.actions.count)
        let uids = lines.filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == agenda.actions.count && uids.allSatisfy { $0.hasSuffix("@passage.invalid") })
        #expect(uids.first == "UID:departs-H001-20270208-L01@passage.invalid")
        #expect(lines.filter { $0.hasPrefix("DTSTAMP:") }.allSatisfy { $0 == "DTSTAMP:20261130T000000Z" })
        #expect(lines.contains("DTSTART;VALUE=DATE:20270212") && lines.contains("DTEND;VALUE=DATE:20270213"))
        #expect(
            lines.contains(
                #"SUMMARY:H004 (2 persons): travels on: L32 (air) from tbilisi to berlin"#))
        // Commas, semicolons and backslashes are escaped in text values.
        #expect(lines.contains { $0.hasPrefix(#"DESCRIPTION:Household H001\, 1 person\, departs on L01"#) })
        #expect(AgendaCalendar.text("a,b;c\\d\ne") == #"a\,b\;c\\d\ne"#)
        // A character's UTF-8 bytes are never split by folding.
        let folded = AgendaCalendar.folded("SUMMARY:" + String(repeating: "é", count: 60))
        for piece in folded.components(separatedBy: "\r\n") {
            #expect(piece.utf8.count <= 75)
            #expect(String(validating: Array(piece.utf8), as: UTF8.self) != nil)
        }
    }

    @Test(arguments: AgendaFormat.allCases)
    func everyFormatIsTheSameBytesEveryTimeAndNamesOnlyIDs(format: AgendaFormat) throws {
        let first = AgendaReport.render(
            try Agenda.make(week: 11, plan: Self.plan, scenario: Self.scenario), format: format)
        let second = AgendaReport.render(
            try Agenda.make(week: 11, plan: Self.plan, scenario: Self.scenario), format: format)
        #expect(first == second && !first.isEmpty)
        for id in ["H001", "H004", "L32", "SH-TBS-1", "P-LT-TBS"] {
            #expect(first.contains(id), "\(format) lacks \(id)")
        }
        // Nothing about a household beyond its id and persons: no urgency, nationality, needs or documents.
        for word in ["urgency", "nationality", "passport", "medical", "wheelchair", "Demo:"] {
            #expect(!first.contains(word), "\(format) says \(word)")
        }
    }

    @Test func csvHasARowPerActionThenPerWarning() throws {
        let agenda = try Agenda.make(week: 11, plan: Self.plan, scenario: Self.scenario)
        let rows = AgendaReport.render(agenda, format: .csv).split(separator: "\n")
        #expect(rows.count == 1 + agenda.actions.count + agenda.warnings.count)
        #expect(rows[0].hasPrefix("record,date,week,kind,household_id,persons,from,to,leg_id"))
        #expect(rows[1].hasPrefix("action,2027-02-08,11,departs,H001,1,grozny,vladikavkaz,L01,road,"))
        #expect(rows.last?.hasPrefix("warning,,12,capacity_full,,") == true)
    }
}
