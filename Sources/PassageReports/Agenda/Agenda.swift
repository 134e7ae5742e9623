import PassagePlanning
import PassageScenario

/// One week of a plan as a coordinator works through it (`passage agenda`, docs/REPORTS.md "Agenda"):
/// day by day, who departs on which leg, who reaches which safe house, which applications are lodged,
/// who travels on and who arrives at their destination; then what needs attention soon (deadlines,
/// application windows, houses closing, capacities full next week). Households appear by id only.
public struct Agenda: Sendable, Hashable {
    /// What happens in an action, in the order a journey goes through them (the order within a day).
    public enum ActionKind: String, CaseIterable, Sendable, Hashable, Comparable {
        /// The household applies for a document at a document service where it is; it leaves once it
        /// holds it.
        case appliesForDocument = "applies_for_document"
        /// The household departs on an outbound leg (towards where its application is lodged).
        case departs
        /// The household reaches the safe house of its transit stay on the way.
        case arrivesAtTransitHouse = "arrives_at_transit_house"
        /// The household reaches its safe house at the lodging place.
        case arrivesAtHouse = "arrives_at_house"
        /// The household's application is lodged with its visa programme.
        case lodgesApplication = "lodges_application"
        /// The household departs on an onward leg (from the lodging place towards its destination).
        case departsOnward = "departs_onward"
        /// The household arrives at its destination.
        case arrivesAtDestination = "arrives_at_destination"

        var order: Int { Self.allCases.firstIndex(of: self)! }
        public static func < (a: ActionKind, b: ActionKind) -> Bool { a.order < b.order }
    }

    /// One thing a household does on one day.
    public struct Action: Sendable, Hashable {
        public var date: CalendarDate
        public var kind: ActionKind
        public var householdID: String
        /// Persons in the household (from the scenario).
        public var persons: Int
        /// Where the household leaves from (legs) or is (the other kinds): a location id.
        public var from: String?
        /// Where a leg goes to, or where the household arrives: a location id.
        public var to: String?
        /// The leg, for `departs` and `departsOnward`.
        public var legID: String?
        /// The leg's mode (`road`, `rail`, `air`, `sea`), for `departs` and `departsOnward`.
        public var mode: String?
        /// The safe house, for `arrivesAtHouse` and `arrivesAtTransitHouse`.
        public var houseID: String?
        /// The visa programme, for `lodgesApplication` and `arrivesAtDestination`.
        public var programmeID: String?
        /// The programme's destination country, for `lodgesApplication` and `arrivesAtDestination`.
        public var country: String?
        /// The action's place in the household's itinerary, from 0: orders two legs departing on one day.
        public var step: Int = 0
        /// The document service, for `appliesForDocument`.
        public var documentServiceID: String? = nil
        /// The document applied for (`international_passport`, …) and the week it is held (counted from
        /// the scenario's start), for `appliesForDocument`; for `arrivesAtTransitHouse`, `heldWeek` is the
        /// stay's last week.
        public var document: String? = nil
        public var heldWeek: Int? = nil

        /// The action in words, ids only: `departs on L01 (road) from grozny to vladikavkaz`.
        public var words: String {
            switch kind {
            case .appliesForDocument:
                "applies for \(DocumentKind(rawValue: document ?? "").map(Fmt.document) ?? "a document") at document"
                    + " service \(documentServiceID ?? "?") in \(from ?? "?")"
                    + (heldWeek.map { " (held W\($0), then leaves)" } ?? "")
            case .departs:
                "departs on \(legID ?? "?") (\(mode ?? "?")) from \(from ?? "?") to \(to ?? "?")"
            case .arrivesAtTransitHouse:
                "arrives at safe house \(houseID ?? "?") in \(to ?? "?") for a transit stay"
                    + (heldWeek.map { " (until W\($0))" } ?? "")
            case .arrivesAtHouse: "arrives at safe house \(houseID ?? "?") in \(to ?? "?")"
            case .lodgesApplication:
                "lodges an application with \(programmeID ?? "?") (\(country ?? "?")) in \(from ?? "?")"
            case .departsOnward:
                "travels on: \(legID ?? "?") (\(mode ?? "?")) from \(from ?? "?") to \(to ?? "?")"
            case .arrivesAtDestination:
                "arrives at the destination, \(to ?? "?") (\(country ?? "?")), with \(programmeID ?? "?")"
            }
        }
    }

    /// What a warning is about.
    public enum WarningKind: String, CaseIterable, Sendable, Hashable, Comparable {
        /// A household whose latest safe departure week is at most two weeks away (or past) and that
        /// the plan does not move, or moves only after it.
        case deadline
        /// A programme whose application window closes at the end of this week or next week.
        case applicationWindow = "application_window"
        /// A safe house that closes after this week or next week while the plan has guests in it, or
        /// that the plan fills in a week it is closed.
        case houseClosing = "house_closing"
        /// Beds, seats or a quota the plan uses up completely next week.
        case capacityFull = "capacity_full"

        var order: Int { Self.allCases.firstIndex(of: self)! }
        public static func < (a: WarningKind, b: WarningKind) -> Bool { a.order < b.order }
    }

    /// Something the coordinator should look at this week.
    public struct Warning: Sendable, Hashable {
        public var kind: WarningKind
        /// The household, programme, safe house or leg the warning is about.
        public var subjectID: String
        /// The week that matters: the deadline, the window's last week, the house's first closed week,
        /// or the week the capacity is full.
        public var week: Int
        /// Households concerned (guests of a closing house, the household of a deadline), by id.
        public var householdIDs: [String]
        /// The warning in words, ids only.
        public var message: String
    }

    /// Why an agenda cannot be made.
    public struct Problem: Error, CustomStringConvertible, Sendable, Hashable {
        public var description: String
    }

    /// The agenda's week, counted from the scenario's week 1.
    public var week: Int
    /// Its Monday and its Sunday.
    public var weekStart: CalendarDate
    public var weekEnd: CalendarDate
    /// The scenario's start date: the Monday of week 1.
    public var startDate: CalendarDate
    /// Every action of the week, sorted by day, then kind, then household id, then its place in the itinerary.
    public var actions: [Action]
    /// Warnings, sorted by kind, then week, then subject id.
    public var warnings: [Warning]

    /// The weeks an agenda of `plan` can cover: the scenario's weeks that the plan also covers.
    public static func weeks(plan: PreviousPlanReader.PlannedItineraries, scenario: Scenario) -> ClosedRange<Int>? {
        let offset = (scenario.settings.startDate.dayNumber - plan.startDate.dayNumber) / 7
        let last = min(scenario.settings.horizonWeeks, plan.horizonWeeks - offset)
        return last >= 1 ? 1...last : nil
    }

    /// The agenda of week `week` (counted from the scenario's start date) of `plan`, a JSON plan of
    /// `scenario`. Throws a ``Problem`` when the week is outside the plan's horizon, or when the plan names
    /// households, safe houses, legs or programmes the scenario does not have: then it is not this
    /// scenario's plan.
    public static func make(
        week: Int, plan: PreviousPlanReader.PlannedItineraries, scenario: Scenario
    ) throws(Problem) -> Agenda {
        try check(plan, belongsTo: scenario)
        let settings = scenario.settings
        let start = settings.startDate
        guard let valid = weeks(plan: plan, scenario: scenario) else {
            throw Problem(
                description: "the plan ends before the scenario's week 1: give the plan made from this scenario")
        }
        guard valid.contains(week) else {
            throw Problem(
                description: "week \(week) is not in the plan's horizon: give --week from \(valid.lowerBound) to"
                    + " \(valid.upperBound) (\(Fmt.day(start)) to \(Fmt.day(start.adding(days: 7 * valid.upperBound - 1))))"
            )
        }
        let offset = (start.dayNumber - plan.startDate.dayNumber) / 7
        let monday = start.adding(days: 7 * (week - 1))
        let sunday = monday.adding(days: 6)
        let households = Dictionary(scenario.households.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let houses = Dictionary(scenario.safeHouses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let programmes = Dictionary(scenario.programmes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let legs = Dictionary(scenario.legs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let services = Dictionary(
            scenario.documentServices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        /// The Monday of a week counted from the plan's own start date.
        func planMonday(_ w: Int) -> CalendarDate { plan.startDate.adding(days: 7 * (w - 1)) }

        var actions: [Action] = []
        for itinerary in plan.itineraries {
            let persons = households[itinerary.householdID]!.size
            let id = itinerary.householdID
            // Places, modes and countries come from the scenario (the plan's ids are checked against it), so a
            // damaged or hand-edited plan cannot put other words into an agenda.
            func leg(_ leg: PreviousPlanReader.PlannedLeg, _ kind: ActionKind) -> Action {
                let route = legs[leg.legID]!
                return Action(
                    date: leg.departureDate ?? planMonday(leg.week), kind: kind, householdID: id, persons: persons,
                    from: route.from, to: route.to, legID: leg.legID, mode: route.mode.rawValue)
            }
            let programme = programmes[itinerary.programmeID]!
            var journey: [Action] = []
            // A document step comes first, on the Monday of the week it starts; the service comes from the
            // scenario, like every other word of the agenda.
            // With a transit stay the step is taken during it, after the legs there.
            func documentStep() {
                if let step = itinerary.document, let service = services[step.serviceID] {
                    journey.append(
                        Action(
                            date: planMonday(step.startWeek), kind: .appliesForDocument, householdID: id,
                            persons: persons, from: service.location, documentServiceID: service.id,
                            document: service.obtains.rawValue, heldWeek: step.heldWeek - offset))
                }
            }
            if let transit = itinerary.transit, let transitHouse = houses[transit.houseID] {
                let before = itinerary.outbound.prefix { legs[$0.legID]!.from != transitHouse.location }
                journey += before.map { leg($0, .departs) }
                journey.append(
                    Action(
                        date: transit.arrivalDate ?? planMonday(transit.fromWeek), kind: .arrivesAtTransitHouse,
                        householdID: id, persons: persons, to: transitHouse.location, houseID: transit.houseID,
                        heldWeek: transit.toWeek - offset))
                documentStep()
                journey += itinerary.outbound.dropFirst(before.count).map { leg($0, .departs) }
            } else {
                documentStep()
                journey += itinerary.outbound.map { leg($0, .departs) }
            }
            let place = houses[itinerary.houseID]!.location
            let reached = itinerary.stayArrivalDate ?? planMonday(itinerary.stayFromWeek)
            journey.append(
                Action(
                    date: reached, kind: .arrivesAtHouse, householdID: id, persons: persons,
                    to: place, houseID: itinerary.houseID))
            // Applications are lodged on arrival at the lodging place, in the stay's first week.
            let lodgingMonday = planMonday(itinerary.lodgedWeek)
            let lodged =
                (lodgingMonday...lodgingMonday.adding(days: 6)).contains(reached) ? reached : lodgingMonday
            journey.append(
                Action(
                    date: lodged, kind: .lodgesApplication, householdID: id, persons: persons, from: place,
                    programmeID: itinerary.programmeID, country: programme.destinationCountry))
            journey += itinerary.onward.map { leg($0, .departsOnward) }
            journey.append(
                Action(
                    date: itinerary.arrivalDate ?? planMonday(itinerary.arrivalWeek), kind: .arrivesAtDestination,
                    householdID: id, persons: persons,
                    to: itinerary.onward.last.map { legs[$0.legID]!.to } ?? programme.arrival,
                    programmeID: itinerary.programmeID, country: programme.destinationCountry))
            for index in journey.indices { journey[index].step = index }
            actions += journey
        }
        actions = actions.filter { monday <= $0.date && $0.date <= sunday }.sorted {
            ($0.date.dayNumber, $0.kind.order, $0.householdID, $0.step)
                < ($1.date.dayNumber, $1.kind.order, $1.householdID, $1.step)
        }

        var warnings: [Warning] = []
        warnings += deadlineWarnings(week: week, plan: plan, scenario: scenario, offset: offset)
        warnings += windowWarnings(week: week, plan: plan, scenario: scenario, offset: offset)
        warnings += houseWarnings(week: week, plan: plan, scenario: scenario, offset: offset)
        warnings += capacityWarnings(week: week, plan: plan, scenario: scenario, offset: offset)
        warnings.sort { ($0.kind.order, $0.week, $0.subjectID) < ($1.kind.order, $1.week, $1.subjectID) }
        return Agenda(
            week: week, weekStart: monday, weekEnd: sunday, startDate: start, actions: actions, warnings: warnings)
    }

    /// Refuses a plan naming households, safe houses, legs or programmes the scenario does not have.
    static func check(_ plan: PreviousPlanReader.PlannedItineraries, belongsTo scenario: Scenario) throws(Problem) {
        let households = Set(scenario.households.map(\.id))
        let unknown = plan.householdIDs.filter { !households.contains($0) }
        if !unknown.isEmpty {
            let shown =
                unknown.prefix(5).joined(separator: ", ") + (unknown.count > 5 ? " and \(unknown.count - 5) more" : "")
            throw Problem(
                description:
                    "the plan does not belong to this scenario: it names \(unknown.count) household(s) the scenario"
                    + " does not have (\(shown)); give the plan made from this scenario")
        }
        let houses = Set(scenario.safeHouses.map(\.id))
        let legs = Set(scenario.legs.map(\.id))
        let programmes = Set(scenario.programmes.map(\.id))
        let services = Set(scenario.documentServices.map(\.id))
        for itinerary in plan.itineraries {
            let stray: (String, String)? =
                if !houses.contains(itinerary.houseID) {
                    (itinerary.houseID, "safe house")
                } else if let transit = itinerary.transit, !houses.contains(transit.houseID) {
                    (transit.houseID, "safe house")
                } else if !programmes.contains(itinerary.programmeID) {
                    (itinerary.programmeID, "programme")
                } else if let leg = (itinerary.outbound + itinerary.onward).first(where: { !legs.contains($0.legID) }) {
                    (leg.legID, "route leg")
                } else if let step = itinerary.document, !services.contains(step.serviceID) {
                    (step.serviceID, "document service")
                } else {
                    nil
                }
            if let (id, what) = stray {
                throw Problem(
                    description: "the plan does not belong to this scenario: it uses \(id), which is not a \(what)"
                        + " of the scenario; give the plan made from this scenario")
            }
        }
    }

    /// The week (counted from the scenario's start) a household first travels or starts its stay.
    static func departureWeek(_ itinerary: PreviousPlanReader.PlannedItinerary, offset: Int) -> Int {
        (itinerary.outbound.first?.week ?? itinerary.stayFromWeek) - offset
    }

    /// Households whose latest safe departure week is at most two weeks after `week` (or already past)
    /// and that the plan does not move, or moves only after it and not before `week`.
    static func deadlineWarnings(
        week: Int, plan: PreviousPlanReader.PlannedItineraries, scenario: Scenario, offset: Int
    ) -> [Warning] {
        let start = scenario.settings.startDate
        let moved = Dictionary(plan.itineraries.map { ($0.householdID, $0) }, uniquingKeysWith: { first, _ in first })
        let named = Set(plan.householdIDs)
        var warnings: [Warning] = []
        for household in scenario.households where named.contains(household.id) {
            guard let deadline = household.latestDepartureWeek, deadline <= week + 2 else { continue }
            let leaves = moved[household.id].map { departureWeek($0, offset: offset) }
            // On time, or late but gone already: nothing left to do about it.
            if let leaves, leaves <= deadline || leaves < week { continue }
            let by = "W\(deadline) (by \(Fmt.day(start.adding(days: 7 * deadline - 1))))"
            let when = deadline < week ? "was \(by)" : "is \(by)"
            let plan = leaves.map { "the plan has it leave only in W\($0)" } ?? "the plan does not move it"
            warnings.append(
                Warning(
                    kind: .deadline, subjectID: household.id, week: deadline, householdIDs: [household.id],
                    message: "\(household.id) (\(Fmt.plural(household.size, "person"))): its latest safe departure"
                        + " \(when), and \(plan)"))
        }
        return warnings
    }

    /// Programmes whose application window closes at the end of `week` or of the week after.
    static func windowWarnings(
        week: Int, plan: PreviousPlanReader.PlannedItineraries, scenario: Scenario, offset: Int
    ) -> [Warning] {
        let start = scenario.settings.startDate
        return scenario.programmes.compactMap { programme -> Warning? in
            guard let until = programme.applicationUntilWeek, (week...week + 1).contains(until),
                (programme.applicationFromWeek ?? 1) <= until
            else { return nil }
            let lodging = plan.itineraries.filter {
                $0.programmeID == programme.id && (week...until).contains($0.lodgedWeek - offset)
            }.map(\.householdID)
            let planned =
                lodging.isEmpty
                ? "the plan lodges no application with it before then"
                : "the plan lodges \(lodging.count) before then (\(lodging.joined(separator: ", ")))"
            return Warning(
                kind: .applicationWindow, subjectID: programme.id, week: until, householdIDs: lodging,
                message: "applications to \(programme.id) (\(programme.destinationCountry), lodged in"
                    + " \(programme.lodgedAt)) close after W\(until) (last day \(Fmt.day(start.adding(days: 7 * until - 1)))):"
                    + " \(planned)")
        }
    }

    /// Safe houses that close after `week` or the week after while the plan has guests in them before,
    /// and houses the plan has guests in during a week (this one or the next) they are closed.
    static func houseWarnings(
        week: Int, plan: PreviousPlanReader.PlannedItineraries, scenario: Scenario, offset: Int
    ) -> [Warning] {
        let start = scenario.settings.startDate
        let horizon = scenario.settings.horizonWeeks
        // Lodging and transit guests alike.
        func guests(_ house: String, in weeks: ClosedRange<Int>) -> [String] {
            plan.itineraries.filter {
                ($0.houseID == house && ($0.stayFromWeek - offset...$0.stayToWeek - offset).overlaps(weeks))
                    || ($0.transit.map { t in
                        t.houseID == house && (t.fromWeek - offset...t.toWeek - offset).overlaps(weeks)
                    } ?? false)
            }.map(\.householdID)
        }
        var warnings: [Warning] = []
        for house in scenario.safeHouses {
            func open(_ w: Int) -> Bool { house.isOpen(throughout: w...w) }
            // A closure starts in a week the house is closed after one it is open.
            for closes in week + 1...week + 2 where closes <= horizon && open(closes - 1) && !open(closes) {
                let present = guests(house.id, in: week...closes - 1)
                guard !present.isEmpty else { continue }
                warnings.append(
                    Warning(
                        kind: .houseClosing, subjectID: house.id, week: closes, householdIDs: present,
                        message: "\(house.id) (\(house.location)) closes from W\(closes)"
                            + " (\(Fmt.day(start.adding(days: 7 * (closes - 1))))); the plan has guests there until then:"
                            + " \(present.joined(separator: ", "))"))
            }
            for w in week...min(week + 1, horizon) where !open(w) {
                let present = guests(house.id, in: w...w)
                guard !present.isEmpty else { continue }
                warnings.append(
                    Warning(
                        kind: .houseClosing, subjectID: house.id, week: w, householdIDs: present,
                        message:
                            "\(house.id) (\(house.location)) is closed in W\(w) but the plan has guests in it then:"
                            + " \(present.joined(separator: ", ")); re-plan (passage plan DIR --previous PLAN.json)"))
            }
        }
        return warnings
    }

    /// Beds, seats, document services' places and quotas (a programme's or shared) that the plan's
    /// capacity table shows used up in
    /// the week after `week`
    /// (for quotas: the month that week counts in, or the whole horizon). Closed houses are not "full".
    static func capacityWarnings(
        week: Int, plan: PreviousPlanReader.PlannedItineraries, scenario: Scenario, offset: Int
    ) -> [Warning] {
        let next = week + 1
        guard let valid = weeks(plan: plan, scenario: scenario), valid.contains(next) else { return [] }
        let month = scenario.settings.quotaMonth(ofWeek: next)
        var warnings: [Warning] = []
        for row in plan.capacity where row.binding && !row.closed && row.capacity > 0 {
            let amount = "\(Fmt.plain(row.used)) of \(Fmt.plain(row.capacity)) persons"
            switch row.kind {
            case "beds", "seats", "document_service":
                guard row.week.map({ $0 - offset }) == next else { continue }
                let what =
                    row.kind == "beds"
                    ? "beds of safe house" : row.kind == "seats" ? "seats on leg" : "places at document service"
                warnings.append(
                    Warning(
                        kind: .capacityFull, subjectID: row.resourceID, week: next, householdIDs: [],
                        message: "\(what) \(row.resourceID) are full in W\(next): \(amount)"))
            case "quota", "shared_quota":
                guard row.period == .horizon || row.period == .month(month) else { continue }
                let period =
                    row.period == .horizon
                    ? "for the whole horizon" : "for \(month.name) (the month W\(next) counts in)"
                warnings.append(
                    Warning(
                        kind: .capacityFull, subjectID: row.resourceID, week: next, householdIDs: [],
                        message: (row.kind == "quota" ? "the quota of " : "shared quota ")
                            + "\(row.resourceID) is full \(period): \(amount)"))
            default: continue
            }
        }
        return warnings
    }
}
