// Applies read changes to a scenario, checking everything that needs the scenario: ids exist (or, for
// additions, do not yet), each thing is changed once per file, weeks lie within the horizon, windows stay
// ordered, added rows reference real locations, nothing a commitment uses is removed. Every problem is
// reported at its key in the change file. Household messages name the household by id only.

struct ChangeApplication {
    let file: String
    let base: Scenario
    private(set) var issues: [ValidationIssue] = []
    private var horizon: Int { base.settings.horizonWeeks }

    init(file: String, base: Scenario) {
        self.file = file
        self.base = base
    }

    /// The changed scenario, or nil when there is any problem (all in `issues`).
    mutating func apply(_ changes: ScenarioChanges) -> Scenario? {
        var scenario = base
        switch changes.budget {
        case .amount(let amount): scenario.settings.budget = amount
        case .unlimited: scenario.settings.budget = nil
        case nil: break
        }
        scenario.safeHouses = safeHouses(changes)
        scenario.legs = legs(changes)
        scenario.programmes = programmes(changes)
        // A removed programme no longer counts toward the quotas it shared.
        scenario.sharedQuotas = SharedQuota.remaining(sharedQuotas(changes), programmes: scenario.programmes)
        scenario.documentServices = documentServices(changes)
        scenario.households = households(changes)
        return issues.isEmpty ? scenario : nil
    }

    // MARK: Sections

    private mutating func safeHouses(_ changes: ScenarioChanges) -> [SafeHouse] {
        var houses = base.safeHouses
        let removed = removals(
            changes.removedSafeHouseEntries, existing: houses.map(\.id), what: "safe house",
            table: ScenarioFileName.safeHouses, usedBy: { c, id in c.safeHouseID == id })
        for entry in unique(changes.safeHouseEntries, \.id, "safe house") {
            guard
                let index = existingIndex(
                    entry, entry.value.id, in: houses.map(\.id), "safe house",
                    ScenarioFileName.safeHouses, removed: removed)
            else { continue }
            let change = entry.value
            var house = houses[index]
            if let beds = change.beds { house.beds = beds }
            if let cost = change.costPerPersonWeek { house.costPerPersonWeek = cost }
            if let stay = change.maxStayWeeks { house.maxStayWeeks = stay }
            if let risk = change.closureRisk { house.closureRisk = risk }
            if let transit = change.takesTransitGuests { house.takesTransitGuests = transit }
            if let from = week(entry, "open_from_week", change.openFromWeek) { house.openFromWeek = from }
            if let until = week(entry, "open_until_week", change.openUntilWeek) { house.openUntilWeek = until }
            if let until = house.openUntilWeek, until < house.openFromWeek {
                fail(
                    entry.position(change.openUntilWeek != nil ? "open_until_week" : "open_from_week"),
                    "safe house \(house.id) would close (open_until_week \(until)) before it opens (open_from_week \(house.openFromWeek))"
                )
            }
            let closedFrom = week(entry, "closed_from_week", change.closedFromWeek)
            let closedUntil = week(entry, "closed_until_week", change.closedUntilWeek)
            if change.closedFromWeek != nil || change.closedUntilWeek != nil {
                let from = closedFrom ?? 1
                let until = closedUntil ?? horizon
                if from <= until { house.closedWeeks.append(from...until) }
            }
            houses[index] = house
        }
        houses.removeAll { removed.contains($0.id) }
        // References are checked on every added row, even one whose id is refused.
        for entry in changes.addedSafeHouseEntries {
            let house = entry.value
            location(entry, "location", house.location)
            _ = week(entry, "open_from_week", entry.keys["open_from_week"] != nil ? house.openFromWeek : nil)
            _ = week(entry, "open_until_week", house.openUntilWeek)
        }
        houses += additions(changes.addedSafeHouseEntries, existing: houses.map(\.id) + Array(removed), "safe house")
            .map(\.value)
        return houses
    }

    private mutating func legs(_ changes: ScenarioChanges) -> [RouteLeg] {
        var legs = base.legs
        let removed = removals(
            changes.removedLegEntries, existing: legs.map(\.id), what: "leg",
            table: ScenarioFileName.legs,
            usedBy: { c, id in c.outboundLegs.contains(id) || c.onwardLegs.contains(id) })
        for entry in unique(changes.legEntries, \.id, "leg") {
            guard
                let index = existingIndex(
                    entry, entry.value.id, in: legs.map(\.id), "leg", ScenarioFileName.legs,
                    removed: removed)
            else { continue }
            let change = entry.value
            if let seats = change.seatsPerWeek { legs[index].seatsPerWeek = seats }
            if let cost = change.costPerPerson { legs[index].costPerPerson = cost }
            if let days = change.durationDays { legs[index].durationDays = days }
            if let risk = change.risk { legs[index].risk = risk }
            if let rate = change.cancelRate { legs[index].cancelRate = rate }
        }
        legs.removeAll { removed.contains($0.id) }
        for entry in changes.addedLegEntries {
            location(entry, "from", entry.value.from)
            location(entry, "to", entry.value.to)
        }
        legs += additions(changes.addedLegEntries, existing: legs.map(\.id) + Array(removed), "leg").map(\.value)
        return legs
    }

    private mutating func sharedQuotas(_ changes: ScenarioChanges) -> [SharedQuota] {
        var sharedQuotas = base.sharedQuotas
        for entry in unique(changes.sharedQuotaEntries, \.id, "shared quota") {
            guard
                let index = existingIndex(
                    entry, entry.value.id, in: sharedQuotas.map(\.id), "shared quota", ScenarioFileName.sharedQuotas,
                    removed: [])
            else { continue }
            if let quota = entry.value.quota { sharedQuotas[index].quota = quota }
        }
        return sharedQuotas
    }

    private mutating func documentServices(_ changes: ScenarioChanges) -> [DocumentService] {
        var services = base.documentServices
        for entry in unique(changes.documentServiceEntries, \.id, "document service") {
            guard
                let index = existingIndex(
                    entry, entry.value.id, in: services.map(\.id), "document service",
                    ScenarioFileName.documentServices, removed: [])
            else { continue }
            if let capacity = entry.value.capacity { services[index].capacity = capacity }
            if let weeks = entry.value.weeks { services[index].weeks = weeks }
            if let cost = entry.value.costPerPerson { services[index].costPerPerson = cost }
            if let slowest = entry.value.weeksMax { services[index].weeksMax = slowest }
            if let rate = entry.value.refusalRate { services[index].refusalRate = rate }
            if let slowest = services[index].weeksMax, slowest < services[index].weeks {
                fail(
                    entry.position(entry.value.weeksMax != nil ? "weeks_max" : "weeks"),
                    "document service \(services[index].id)'s slowest wait (weeks_max \(slowest)) would be shorter than its waiting time (weeks \(services[index].weeks))"
                )
            }
        }
        return services
    }

    private mutating func programmes(_ changes: ScenarioChanges) -> [VisaProgramme] {
        var programmes = base.programmes
        let removed = removals(
            changes.removedProgrammeEntries, existing: programmes.map(\.id), what: "programme",
            table: ScenarioFileName.programmes, usedBy: { c, id in c.programmeID == id })
        for entry in unique(changes.programmeEntries, \.id, "programme") {
            guard
                let index = existingIndex(
                    entry, entry.value.id, in: programmes.map(\.id), "programme",
                    ScenarioFileName.programmes, removed: removed)
            else { continue }
            let change = entry.value
            var programme = programmes[index]
            if let quota = change.quota { programme.quota = quota }
            if let weeks = change.processingWeeks { programme.processingWeeks = weeks }
            if let cost = change.costPerPerson { programme.costPerPerson = cost }
            if let slowest = change.processingWeeksMax { programme.processingWeeksMax = slowest }
            if let rate = change.refusalRate { programme.refusalRate = rate }
            if let slowest = programme.processingWeeksMax, slowest < programme.processingWeeks {
                let key = change.processingWeeksMax != nil ? "processing_weeks_max" : "processing_weeks"
                fail(
                    entry.position(key),
                    "programme \(programme.id)'s slowest processing (processing_weeks_max \(slowest)) would be shorter than its processing time (processing_weeks \(programme.processingWeeks))"
                )
            }
            if let from = week(entry, "application_from_week", change.applicationFromWeek) {
                programme.applicationFromWeek = from
            }
            if let until = week(entry, "application_until_week", change.applicationUntilWeek) {
                programme.applicationUntilWeek = until
            }
            if let until = programme.applicationUntilWeek, until < (programme.applicationFromWeek ?? 1) {
                let key = change.applicationUntilWeek != nil ? "application_until_week" : "application_from_week"
                fail(
                    entry.position(key),
                    "programme \(programme.id)'s application window would end (week \(until)) before it starts (week \(programme.applicationFromWeek ?? 1))"
                )
            }
            programmes[index] = programme
        }
        programmes.removeAll { removed.contains($0.id) }
        let country = Dictionary(base.locations.map { ($0.id, $0.country) }, uniquingKeysWith: { a, _ in a })
        for entry in changes.addedProgrammeEntries {
            let programme = entry.value
            location(entry, "lodged_at", programme.lodgedAt)
            location(entry, "arrival", programme.arrival)
            if let arrivalCountry = country[programme.arrival], arrivalCountry != programme.destinationCountry {
                fail(
                    entry.position("arrival"),
                    "arrival \"\(programme.arrival)\" is in country \(arrivalCountry) but destination_country is "
                        + "\(programme.destinationCountry); the arrival must be in the destination country")
            }
            _ = week(entry, "application_from_week", programme.applicationFromWeek)
            _ = week(entry, "application_until_week", programme.applicationUntilWeek)
        }
        programmes += additions(
            changes.addedProgrammeEntries, existing: programmes.map(\.id) + Array(removed), "programme"
        )
        .map(\.value)
        return programmes
    }

    private mutating func households(_ changes: ScenarioChanges) -> [Household] {
        var households = base.households
        let ids = households.map(\.id)
        for entry in unique(changes.householdEntries, \.id, "household") {
            guard
                let index = existingIndex(
                    entry, entry.value.id, in: ids, "household", ScenarioFileName.households,
                    removed: [])
            else { continue }
            let change = entry.value
            var household = households[index]
            let before = household.strongestDocument
            if let passport = change.passport { household.passport = passport }
            if let internalID = change.hasInternalID { household.hasInternalID = internalID }
            let ready = week(entry, "ready_week", change.readyWeek)
            var from = week(entry, "from_week", change.fromWeek)
            // Weaker documents from week W (a passport expiring) would mean "ready now with the old ones,
            // or later with the new": one set of documents per household cannot say that, and readiness
            // from W with the weaker set would be wrong twice over.
            if from != nil, household.strongestDocument < before {
                fail(
                    entry.position("from_week"),
                    "from_week models documents obtained in that week; household \(household.id)'s change makes "
                        + "its documents weaker, which cannot start in a later week: leave out from_week to plan "
                        + "with the weaker documents throughout, or give the household a latest_departure_week")
                from = nil
            }
            // Documents held from week W: the household is ready no earlier than W (ScenarioChanges, HouseholdChange).
            household.readyWeek = max(ready ?? household.readyWeek, from ?? 1)
            if let deadline = household.latestDepartureWeek, deadline < household.readyWeek {
                // No week is named: the deadline is the household's own data.
                fail(
                    entry.position(change.fromWeek != nil ? "from_week" : "ready_week"),
                    "household \(household.id) would be ready only after its latest_departure_week; "
                        + "change its latest_departure_week in households.csv first")
            }
            households[index] = household
        }
        return households
    }

    // MARK: Checks

    private mutating func fail(_ at: TextPosition, _ message: String) {
        issues.append(ValidationIssue(file: file, line: at.line, column: at.column, message: message))
    }

    /// `value` when it is a week of the horizon; nil (reported at `key`) otherwise, or when absent.
    private mutating func week<V>(_ entry: ChangeEntry<V>, _ key: String, _ value: Int?) -> Int? {
        guard let value else { return nil }
        guard (1...horizon).contains(value) else {
            fail(
                entry.position(key),
                "\(key) must be a week of the horizon, \(Expected.integer(1...horizon)) (got \(value))")
            return nil
        }
        return value
    }

    /// Refuses an entry for an id already changed earlier in the file; the others pass through.
    private mutating func unique<V>(_ entries: [ChangeEntry<V>], _ id: KeyPath<V, String>, _ what: String)
        -> [ChangeEntry<V>]
    {
        var first: [String: TextPosition] = [:]
        var kept: [ChangeEntry<V>] = []
        for entry in entries {
            let key = entry.value[keyPath: id]
            if let earlier = first[key] {
                fail(
                    entry.position("id"),
                    "\(what) \(key) already has an entry at line \(earlier.line); give each one entry")
                continue
            }
            first[key] = entry.position("id")
            kept.append(entry)
        }
        return kept
    }

    /// The index of `id` among `ids`, or nil (reported) when it is not there or is removed by this file.
    private mutating func existingIndex<V>(
        _ entry: ChangeEntry<V>, _ id: String, in ids: [String], _ what: String, _ table: String, removed: Set<String>
    ) -> Int? {
        if removed.contains(id) {
            fail(entry.position("id"), "\(what) \(id) is removed by this file, so it cannot also be changed")
            return nil
        }
        guard let index = ids.firstIndex(of: id) else {
            fail(
                entry.position("id"),
                "\(what) \(id) is not an id in \(table)" + ClosestNames.suggestion(for: id, among: ids))
            return nil
        }
        return index
    }

    /// The ids removed: each must exist, be removed once, and not be used by a commitment.
    private mutating func removals(
        _ entries: [ChangeEntry<String>], existing: [String], what: String, table: String,
        usedBy: (Commitment, String) -> Bool
    ) -> Set<String> {
        var removed: Set<String> = []
        for entry in unique(entries, \.self, what) {
            let id = entry.value
            guard existing.contains(id) else {
                fail(
                    entry.position("id"),
                    "\(what) \(id) is not an id in \(table)" + ClosestNames.suggestion(for: id, among: existing))
                continue
            }
            let users = base.commitments.filter { usedBy($0, id) }.map(\.householdID).sorted()
            if !users.isEmpty {
                fail(
                    entry.position("id"),
                    "\(what) \(id) cannot be removed: commitments.csv keeps household\(users.count == 1 ? "" : "s") "
                        + "\(users.joined(separator: ", ")) on it (close it for some weeks instead, or change the commitment)"
                )
                continue
            }
            removed.insert(id)
        }
        return removed
    }

    /// Added entries whose id is new (not in `existing`, not added twice); the others are reported.
    private mutating func additions<V>(_ entries: [ChangeEntry<V>], existing: [String], _ what: String) -> [ChangeEntry<
        V
    >]
    where V: Identified {
        var seen = Set(existing)
        var kept: [ChangeEntry<V>] = []
        for entry in unique(entries, \.id, what) {
            if seen.contains(entry.value.id) {
                fail(
                    entry.position("id"),
                    "\(what) \(entry.value.id) already exists; use [[\(V.changeSection)]] to change it")
                continue
            }
            seen.insert(entry.value.id)
            kept.append(entry)
        }
        return kept
    }

    /// Reports `id` at `key` when it is not a location of the scenario.
    private mutating func location<V>(_ entry: ChangeEntry<V>, _ key: String, _ id: String) {
        if !base.locations.contains(where: { $0.id == id }) {
            fail(
                entry.position(key),
                "\(key) \"\(id)\" is not an id in \(ScenarioFileName.locations)"
                    + ClosestNames.suggestion(for: id, among: base.locations.map(\.id)))
        }
    }
}

/// Rows that can be added by a change file: they have an id, and a section that changes them.
protocol Identified {
    var id: String { get }
    static var changeSection: String { get }
}

extension SafeHouse: Identified { static var changeSection: String { "safe_house" } }
extension RouteLeg: Identified { static var changeSection: String { "leg" } }
extension VisaProgramme: Identified { static var changeSection: String { "programme" } }
