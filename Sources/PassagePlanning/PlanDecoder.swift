import LinearProgramming
import PassageScenario

/// Turns a solution of the class-level model into a plan for individual households.
///
/// Disaggregation is deterministic: within a class, members in household-id order take the class's
/// moves in order of start week, then pathway. (Members of a class share urgency and ready week, so
/// this is also "most urgent, longest waiting first".)
struct PlanDecoder: Sendable {
    let formulation: Formulation
    let solution: Solution
    let limits: (timeLimit: Double?, mipGap: Double?)

    var scenario: Scenario { formulation.index.scenario }

    func decode() -> Plan {
        let hasPlan = solution.status.hasSolution
        let assigned = hasPlan ? formulation.assignments(solution) : formulation.classes.map { _ in [] }
        var used = formulation.pinnedUse
        for (householdClass, moves) in zip(formulation.classes, assigned) {
            for move in moves {
                for (key, amount) in formulation.fullUse(
                    of: move.pathway, startWeek: move.startWeek, persons: householdClass.profile.size)
                {
                    used[key, default: 0] += amount
                }
            }
        }

        // Committed households are in the plan whatever the solver did: they are already under way.
        var itineraries = formulation.pinned.map { move in
            itinerary(
                scenario.households[move.household], pathway: move.pathway, startWeek: move.startWeek, committed: true)
        }
        // Why each class with households left is not moved: every way of the class is looked at, the
        // most expensive part of decoding at scale, so classes are split over the cores (each
        // reason depends only on its class and the plan's use). Each way is looked at anew: a
        // cache of verdicts by way, shared by the classes of a piece, cost more to key and grow
        // than it saved (18 % more of the reasons' time at 10,000 households).
        let left = zip(formulation.classes, assigned).filter { $0.0.count > $0.1.count }.map(\.0)
        let planned = PlannedCapacities(
            used: ResourceTable(ResourcePositions(scenario), values: used), sizes: ScenarioCapacities(scenario))
        let reasons = ParallelChunks.map(left.count) { range in
            range.map { hasPlan ? self.reasonNotMoved(left[$0], planned: planned) : NotMovedReason.noPlan }
        }.flatMap { $0 }
        var reasonOfClass: [Int: NotMovedReason] = [:]
        for (householdClass, reason) in zip(left, reasons) { reasonOfClass[householdClass.index] = reason }
        var unmoved: [UnmovedHousehold] = []
        for (householdClass, moves) in zip(formulation.classes, assigned) {
            var members = householdClass.members[...]
            for move in moves {
                guard let member = members.popFirst() else { break }
                itineraries.append(
                    itinerary(
                        scenario.households[member], pathway: move.pathway, startWeek: move.startWeek, committed: false)
                )
            }
            if members.isEmpty { continue }
            let reason = reasonOfClass[householdClass.index]!
            for member in members {
                let household = scenario.households[member]
                unmoved.append(
                    UnmovedHousehold(
                        householdID: household.id, size: household.size, urgency: household.urgency,
                        readyWeek: household.readyWeek, reason: reason,
                        latestDepartureWeek: household.latestDepartureWeek))
            }
        }
        itineraries.sort { $0.householdID < $1.householdID }
        unmoved.sort { $0.householdID < $1.householdID }

        return Plan(
            scenario: ScenarioHeader(
                title: scenario.settings.title, startDate: scenario.settings.startDate,
                horizonWeeks: scenario.settings.horizonWeeks, currency: scenario.settings.currency,
                budget: scenario.settings.budget,
                sharedQuotaProgrammes: Dictionary(
                    scenario.sharedQuotas.map { ($0.id, $0.programmeIDs) }, uniquingKeysWith: { first, _ in first })),
            solver: SolverReport(
                status: solution.status, objective: solution.objectiveValue, bound: solution.bestBound,
                gap: solution.relativeGap, solveSeconds: solution.solveSeconds,
                rows: formulation.model.constraintCount, columns: formulation.model.variableCount,
                nonzeros: formulation.model.nonzeroCount, timeLimitSeconds: limits.timeLimit,
                mipGapTolerance: limits.mipGap),
            summary: summary(itineraries, unmoved: unmoved),
            itineraries: itineraries,
            unmoved: unmoved,
            capacity: capacityUse(used),
            conflicts: formulation.conflicts,
            changes: changes(itineraries, used: used))
    }

    private func itinerary(_ household: Household, pathway: Pathway, startWeek: Int, committed: Bool) -> Itinerary {
        let persons = Double(household.size)
        let house = scenario.safeHouses[pathway.house]
        let programme = scenario.programmes[pathway.programme]
        let lodged = startWeek + pathway.lodgeOffset
        let leaves = startWeek + pathway.departureOffset
        func travels(_ route: Route, from week: Int, transit: TransitStay? = nil) -> [LegTravel] {
            // Days travelled before each leg: its departure day, counted from the route's first Monday.
            // After a transit stay the way on leaves on the Monday after the stay's last week.
            var daysBefore = 0
            return zip(route.legs, route.legWeekOffsets).enumerated().map { position, pair in
                let (legIndex, offset) = pair
                let leg = scenario.legs[legIndex]
                if let transit, position == transit.legsBefore {
                    daysBefore = 7 * (transit.arrivalOffset + transit.weeks)
                }
                defer { daysBefore += leg.durationDays }
                return LegTravel(
                    legID: leg.id, from: leg.from, to: leg.to, mode: leg.mode, week: week + offset,
                    daysIntoWeek: daysBefore - 7 * offset, durationDays: leg.durationDays,
                    cost: persons * leg.costPerPerson)
            }
        }
        return Itinerary(
            householdID: household.id, size: household.size, urgency: household.urgency,
            readyWeek: household.readyWeek, startWeek: leaves,
            outbound: travels(pathway.outbound, from: leaves, transit: pathway.transit),
            stay: HouseStay(
                houseID: house.id, location: house.location, fromWeek: lodged,
                toWeek: lodged + pathway.stayWeeks - 1,
                cost: persons * house.costPerPersonWeek * Double(pathway.stayWeeks)),
            programmeID: programme.id, destinationCountry: programme.destinationCountry, lodgedWeek: lodged,
            onward: travels(pathway.onward, from: startWeek + pathway.onwardOffset),
            arrivalWeek: startWeek + pathway.finishOffset,
            cost: persons * pathway.costPerPerson, risk: pathway.riskPerPerson,
            latestDepartureWeek: household.latestDepartureWeek, isCommitted: committed,
            document: pathway.service(in: scenario).map { service in
                DocumentStepTaken(
                    serviceID: service.id, location: service.location, obtains: service.obtains,
                    startWeek: startWeek + pathway.documentOffset,
                    weeks: service.weeks, cost: persons * service.costPerPerson, risk: service.risk)
            },
            transitStay: pathway.transit.map { transit in
                let house = scenario.safeHouses[transit.house]
                let arrives = leaves + transit.arrivalOffset
                return HouseStay(
                    houseID: house.id, location: house.location, fromWeek: arrives, toWeek: arrives + transit.weeks - 1,
                    cost: persons * house.costPerPersonWeek * Double(transit.weeks))
            })
    }

    /// Why members of a class with a plan were not moved: nothing open to them, capacity used up on
    /// every open pathway and week, capacity too small to hold them at all, or (when some option still
    /// fits) the solver's tolerance.
    ///
    /// Shortages are ranked by how many of the class's options each one blocks, so the capacities that
    /// really bind come first; capacities smaller than the household itself (a 3-bed house for five
    /// persons) are never "used up": they come last, marked too small, and when every option has one
    /// the household simply cannot fit.
    private func reasonNotMoved(
        _ householdClass: HouseholdClass, planned: PlannedCapacities
    ) -> NotMovedReason {
        let options = formulation.options[householdClass.index]
        if options.isEmpty { return .noEligiblePathway(options.blockers) }
        var blockedOptions: [ResourceKey: Int] = [:]
        var tooSmall: Set<ResourceKey> = []
        // The roomiest resource of each kind on any pathway open to the class, to say "the largest".
        var largest = KindLimits()
        for position in formulation.movesOfClass[householdClass.index] {
            let verdict = self.verdict(ofMove: position, planned: planned)
            if verdict.fits { return .notSelectedWithinTolerance }
            largest.raise(to: verdict.largest)
            tooSmall.formUnion(verdict.tooSmall)
            for key in verdict.fewest ?? [] { blockedOptions[key, default: 0] += 1 }
        }
        // Group by resource, keeping the periods in which it is short.
        var byResource: [CapacityResource: (kind: ResourceKind, id: String, keys: [ResourceKey], blocked: Int)] = [:]
        for (key, blocked) in blockedOptions {
            let resource = self.resource(of: key)
            var entry = byResource[resource] ?? (resource.kind, resource.id, [], 0)
            entry.keys.append(key)
            entry.blocked += blocked
            byResource[resource] = entry
        }
        let ranked = byResource.values.sorted {
            ($1.blocked, $0.kind.rawValue, $0.id) < ($0.blocked, $1.kind.rawValue, $1.id)
        }
        var shortages = ranked.map { entry in
            ResourceShortage(
                kind: entry.kind, resourceID: entry.id, periods: entry.keys.sorted().map(\.period),
                blockedOptions: entry.blocked)
        }
        // Too small: one entry per resource (its size does not depend on the period); safe houses first,
        // then legs and quotas, each roomiest first. A quota keeps its periods (a month or the horizon),
        // so the reason can say whether its places are per month; weeks of beds and seats would be noise.
        var small: [CapacityResource: ResourceShortage] = [:]
        for key in tooSmall.sorted() {
            let resource = self.resource(of: key)
            let full = capacity(of: key)
            var entry =
                small[resource]
                ?? ResourceShortage(
                    kind: resource.kind, resourceID: resource.id, periods: [], capacityTooSmall: full,
                    isLargestOpen: full >= (largest[resource.kind] ?? 0) - 1e-6)
            if resource.kind == .quota || resource.kind == .sharedQuota { entry.periods.append(key.period) }
            small[resource] = entry
        }
        let kindOrder: [ResourceKind: Int] = [
            .beds: 0, .seats: 1, .quota: 2, .sharedQuota: 3, .budget: 4, .documentService: 5,
        ]
        shortages += small.values.sorted {
            (kindOrder[$0.kind]!, $1.capacityTooSmall ?? 0, $0.resourceID)
                < (kindOrder[$1.kind]!, $0.capacityTooSmall ?? 0, $1.resourceID)
        }
        return .capacity(shortages)
    }

    /// What a move column finds in the plan. A column is blocked when every concrete pathway it
    /// stands for (its pathway, or its pool's houses) lacks room; it is blamed on the shortages of
    /// the pathway that lacks least among those that could ever hold the household. A pathway
    /// through a capacity smaller than the household never could.
    ///
    /// What a pooled column's houses share (legs, quota, money) is looked at once, then each house's
    /// beds (and its money, added to the shared money for the budget).
    private func verdict(ofMove position: Int, planned: PlannedCapacities) -> WayVerdict {
        let move = formulation.moves[position]
        let persons = Double(formulation.classes[move.householdClass].profile.size)
        let shared = resourceUse(
            of: formulation.options[move.householdClass].pathways[move.pathway], startWeek: move.startWeek,
            persons: persons, scenario: scenario)
        func short(_ key: ResourceKey, _ amount: Double) -> Bool { planned.room(of: key) < amount - 1e-6 }
        // Capacities of a concrete pathway, key by key (money aside: its sum is checked at the end).
        func tally(_ uses: [(key: ResourceKey, amount: Double)], into tally: inout WayTally) {
            for (key, amount) in uses {
                if key == .budget {
                    tally.money = (tally.money ?? 0) + amount
                    continue
                }
                let full = planned.sizes.capacity(of: key)
                tally.limits.lower(Self.kind(of: key), to: full)
                if full < amount - 1e-6 { tally.never.append(key) }
                if full - (planned.used[key] ?? 0) < amount - 1e-6 { tally.short.append(key) }
            }
        }
        var verdict = WayVerdict()
        // Adds one concrete pathway to the verdict; true when it has room.
        func consider(_ way: WayTally) -> Bool {
            verdict.largest.raise(to: way.limits)
            if !way.never.isEmpty {
                verdict.tooSmall.append(contentsOf: way.never)
                return false
            }
            // Appended to only when the money is short: concatenating made a new array per way.
            var shortages = way.short
            if let money = way.money, short(.budget, money) { shortages.append(.budget) }
            if shortages.isEmpty {
                verdict.fits = true
                return true
            }
            if verdict.fewest == nil || shortages.count < verdict.fewest!.count { verdict.fewest = shortages }
            return false
        }
        // What a pooled column's houses share (legs, quota, money) once, then each house's beds.
        var sharedTally = WayTally()
        tally(shared, into: &sharedTally)
        guard let pool = move.pool else {
            _ = consider(sharedTally)
            return verdict
        }
        for s in formulation.staysOfPool[pool] {
            var way = sharedTally
            tally(formulation.stays[s].usage, into: &way)
            if consider(way) { return verdict }
        }
        return verdict
    }

    private static func kind(of key: ResourceKey) -> ResourceKind {
        switch key {
        case .beds: .beds
        case .seats: .seats
        case .quota: .quota
        case .sharedQuota: .sharedQuota
        case .budget: .budget
        case .documents: .documentService
        }
    }

    func capacity(of key: ResourceKey) -> Double {
        Formulation.capacity(of: key, scenario: scenario)
    }

    private func resource(of key: ResourceKey) -> CapacityResource {
        Formulation.resource(of: key, scenario: scenario)
    }

    /// Use of every capacity of the scenario in every period of the horizon, used or not. A safe house
    /// has a beds row in its closed weeks too, marked closed with capacity 0: a missing row would read as
    /// nothing used, i.e. free beds, in every report.
    private func capacityUse(_ used: [ResourceKey: Double]) -> [CapacityUse] {
        let settings = scenario.settings
        let weeks = 1...settings.horizonWeeks
        var keys: [ResourceKey] = []
        for house in scenario.safeHouses.indices {
            keys += weeks.map { .beds(house: house, week: $0) }
        }
        for leg in scenario.legs.indices { keys += weeks.map { .seats(leg: leg, week: $0) } }
        for (programme, visa) in scenario.programmes.enumerated() {
            let periods = Set(weeks.map { quotaPeriod(visa, lodgedWeek: $0, settings: settings) })
            keys += periods.sorted().map { .quota(programme: programme, period: $0) }
        }
        for (s, shared) in scenario.sharedQuotas.enumerated() {
            let periods = Set(weeks.map { quotaPeriod(shared.quotaPeriod, lodgedWeek: $0, settings: settings) })
            keys += periods.sorted().map { .sharedQuota(quota: s, period: $0) }
        }
        // Services with a capacity only: an unlimited one has nothing to use up.
        for (s, service) in scenario.documentServices.enumerated() where service.capacity != nil {
            keys += weeks.map { .documents(service: s, week: $0) }
        }
        if settings.budget != nil { keys.append(.budget) }
        return keys.sorted(by: orderForReport).map { key in
            let resource = self.resource(of: key)
            var closed = false
            if case .beds(let house, let w) = key { closed = !scenario.safeHouses[house].isOpen(throughout: w...w) }
            return CapacityUse(
                kind: resource.kind, resourceID: resource.id, period: key.period, used: used[key, default: 0],
                capacity: closed ? 0 : Formulation.capacity(of: key, scenario: scenario), isClosed: closed)
        }
    }

    /// Reports list resources by kind, then id, then period.
    private func orderForReport(_ a: ResourceKey, _ b: ResourceKey) -> Bool {
        let (resourceA, resourceB) = (resource(of: a), resource(of: b))
        let rank: [ResourceKind: Int] = [
            .beds: 0, .seats: 1, .quota: 2, .sharedQuota: 3, .documentService: 4, .budget: 5,
        ]
        let (orderA, orderB) = ((rank[resourceA.kind]!, resourceA.id), (rank[resourceB.kind]!, resourceB.id))
        if orderA != orderB { return orderA < orderB }
        return a < b
    }

    private func summary(_ itineraries: [Itinerary], unmoved: [UnmovedHousehold]) -> PlanSummary {
        let weights = scenario.settings.objective
        var overall = MoveCount()
        var tiers = [MoveCount](repeating: MoveCount(), count: 4)
        for household in scenario.households {
            overall.householdsTotal += 1
            overall.personsTotal += household.size
            tiers[household.urgency - 1].householdsTotal += 1
            tiers[household.urgency - 1].personsTotal += household.size
        }
        var weighted = 0.0
        var cost = 0.0
        var waited = 0
        for itinerary in itineraries {
            overall.householdsMoved += 1
            overall.personsMoved += itinerary.size
            tiers[itinerary.urgency - 1].householdsMoved += 1
            tiers[itinerary.urgency - 1].personsMoved += itinerary.size
            weighted += Double(itinerary.size) * weights.urgencyWeight(itinerary.urgency)
            cost += itinerary.cost
            if !itinerary.isCommitted { waited += itinerary.weeksWaited }
        }
        let decided = itineraries.filter { !$0.isCommitted }.count
        let withDeadline = scenario.households.filter { $0.latestDepartureWeek != nil }.count
        let missed =
            itineraries.filter { $0.weeksLate > 0 }.count
            + unmoved.filter { $0.latestDepartureWeek != nil }.count
        return PlanSummary(
            overall: overall, byUrgency: tiers, urgencyWeightedPersonsMoved: weighted, totalCost: cost,
            averageWeeksWaited: decided == 0 ? 0 : Double(waited) / Double(decided),
            householdsWithDeadline: withDeadline, deadlinesMissed: missed,
            // To the cent: the programme fee inside it is a difference of sums.
            costBeforeWeekOne: (itineraries.reduce(0) { $0 + $1.costBeforeWeekOne } * 100).rounded() / 100)
    }
}

/// One concrete pathway's capacities: the smallest of each kind, those smaller than the household,
/// those the plan leaves short, and its money (nil without a budget).
private struct WayTally {
    var limits = KindLimits()
    var never: [ResourceKey] = []
    var short: [ResourceKey] = []
    var money: Double?
}

/// What a way finds in the plan: room (`fits`), or the shortages of its concrete pathway that lacks
/// least, the capacities smaller than the household, and the roomiest capacity of each kind on it.
private struct WayVerdict {
    var fits = false
    var fewest: [ResourceKey]?
    var tooSmall: [ResourceKey] = []
    var largest = KindLimits()
}

/// One number per kind of capacity (nil until set): a way's smallest capacity of each kind, or the
/// largest over ways. A slot per kind instead of a dictionary: it is filled for every way of every
/// household the plan leaves unmoved.
private struct KindLimits {
    private var limits: (Double?, Double?, Double?, Double?, Double?, Double?) = (nil, nil, nil, nil, nil, nil)

    subscript(kind: ResourceKind) -> Double? {
        get {
            switch kind {
            case .beds: limits.0
            case .seats: limits.1
            case .quota: limits.2
            case .sharedQuota: limits.3
            case .budget: limits.4
            case .documentService: limits.5
            }
        }
        set {
            switch kind {
            case .beds: limits.0 = newValue
            case .seats: limits.1 = newValue
            case .quota: limits.2 = newValue
            case .sharedQuota: limits.3 = newValue
            case .budget: limits.4 = newValue
            case .documentService: limits.5 = newValue
            }
        }
    }

    /// Lowers the number of `kind` to `value` (sets it when unset).
    mutating func lower(_ kind: ResourceKind, to value: Double) { self[kind] = min(self[kind] ?? .infinity, value) }

    /// Raises each number to `other`'s where that is set and larger (unset counting as 0).
    mutating func raise(to other: KindLimits) {
        for kind in ResourceKind.allCases {
            if let value = other[kind] { self[kind] = max(self[kind] ?? 0, value) }
        }
    }
}

/// What the reasons read about each capacity: its size and what the plan uses of it.
private struct PlannedCapacities: Sendable {
    var used: ResourceTable
    let sizes: ScenarioCapacities

    /// What the plan leaves of `key`.
    func room(of key: ResourceKey) -> Double { sizes.capacity(of: key) - (used[key] ?? 0) }
}
