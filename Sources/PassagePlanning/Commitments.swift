import PassageScenario

/// A committed household on its fixed pathway.
struct PinnedMove: Sendable {
    /// Index into `scenario.households`.
    var household: Int
    var pathway: Pathway
    var startWeek: Int
}

/// Households already under way: their fixed pathways, what they use, and what no longer fits.
enum CommitmentPlanning {
    /// The scenario's commitments as pathways, sorted by household id. The loader has checked that
    /// every id exists and the legs form one journey.
    static func pinnedMoves(_ scenario: Scenario) -> [PinnedMove] {
        moves(scenario.commitments.sorted { $0.householdID < $1.householdID }, in: scenario)
    }

    /// Pathways (given as commitments) as moves of `scenario`; any naming an id the scenario lacks is
    /// left out (the loader refuses such commitments).
    static func moves(_ pathways: [Commitment], in scenario: Scenario) -> [PinnedMove] {
        let households = Dictionary(uniqueKeysWithValues: scenario.households.enumerated().map { ($1.id, $0) })
        let legs = Dictionary(uniqueKeysWithValues: scenario.legs.enumerated().map { ($1.id, $0) })
        let houses = Dictionary(uniqueKeysWithValues: scenario.safeHouses.enumerated().map { ($1.id, $0) })
        let programmes = Dictionary(uniqueKeysWithValues: scenario.programmes.enumerated().map { ($1.id, $0) })
        return pathways.compactMap { commitment in
            guard let household = households[commitment.householdID], let house = houses[commitment.safeHouseID],
                let programme = programmes[commitment.programmeID],
                commitment.outboundLegs.allSatisfy({ legs[$0] != nil }),
                commitment.onwardLegs.allSatisfy({ legs[$0] != nil })
            else { return nil }
            let outbound = Route(legs: commitment.outboundLegs.compactMap { legs[$0] }, scenario: scenario)
            let onward = Route(legs: commitment.onwardLegs.compactMap { legs[$0] }, scenario: scenario)
            // A step started before week 1 is history like a leg travelled; its weeks still delay the
            // departure. The loader has checked the id.
            let document = commitment.documentServiceID.flatMap { id in
                scenario.documentServices.firstIndex { $0.id == id }.map {
                    DocumentStep(service: $0, weeks: scenario.documentServices[$0].weeks)
                }
            }
            var pathway = Pathway(
                outbound, house: house, programme: programme, onward,
                profile: HouseholdProfile(scenario.households[household]), scenario: scenario, document: document)
            // A transit stay where the outbound legs first reach the transit house's place (the loader
            // has checked that they do); its weeks are built into the outbound timing.
            if let id = commitment.transitHouseID, let weeks = commitment.transitWeeks, let transitHouse = houses[id],
                let split = outbound.legs.firstIndex(where: {
                    scenario.legs[$0].to == scenario.safeHouses[transitHouse].location
                })
            {
                let first = Route(legs: Array(outbound.legs[...split]), scenario: scenario)
                let second = Route(legs: Array(outbound.legs[(split + 1)...]), scenario: scenario)
                let way = Route(first, waiting: weeks, then: second)
                pathway.outbound = way
                pathway.transit = TransitStay(
                    house: transitHouse, legsBefore: first.legs.count, arrivalOffset: first.arrivalWeekOffset,
                    weeks: weeks)
                pathway.lodgeOffset = way.arrivalWeekOffset
                pathway.costPerPerson = Pathway.cost(
                    way, stay: scenario.safeHouses[house].costPerPersonWeek * Double(pathway.stayWeeks),
                    scenario.programmes[programme], onward, document: pathway.service(in: scenario),
                    transit: pathway.transitCost(in: scenario))
                pathway.riskPerPerson = Pathway.risk(way, onward, document: pathway.service(in: scenario))
            }
            return PinnedMove(household: household, pathway: pathway, startWeek: commitment.startWeek)
        }
    }

    /// Commitments whose safe house, stay or application window no longer allows them.
    static func structuralConflicts(_ pinned: [PinnedMove], scenario: Scenario) -> [CommitmentConflict] {
        var conflicts: [CommitmentConflict] = []
        let horizon = 1...scenario.settings.horizonWeeks
        for move in pinned {
            let id = scenario.households[move.household].id
            let house = scenario.safeHouses[move.pathway.house]
            let programme = scenario.programmes[move.pathway.programme]
            let lodged = move.startWeek + move.pathway.lodgeOffset
            let stay = lodged...(lodged + move.pathway.stayWeeks - 1)
            let closed = stay.filter { horizon.contains($0) && !house.isOpen(throughout: $0...$0) }
            if !closed.isEmpty {
                conflicts.append(
                    CommitmentConflict(
                        kind: .houseClosed, householdIDs: [id],
                        problem: "safe house \(house.id) is closed in \(weekRanges(closed)) of \(id)'s committed stay",
                        action: "find \(id) another safe house at \(house.location) for \(weekRanges(closed)), "
                            + "or keep \(house.id) open"))
            }
            // A committed transit stay: its house closed in one of its weeks, or the stay longer than it allows.
            if let transit = move.pathway.transit {
                let transitHouse = scenario.safeHouses[transit.house]
                let arrives = move.startWeek + move.pathway.departureOffset + transit.arrivalOffset
                let shut = (arrives..<(arrives + transit.weeks)).filter {
                    horizon.contains($0) && !transitHouse.isOpen(throughout: $0...$0)
                }
                if !shut.isEmpty {
                    conflicts.append(
                        CommitmentConflict(
                            kind: .houseClosed, householdIDs: [id],
                            problem:
                                "safe house \(transitHouse.id) is closed in \(weekRanges(shut)) of \(id)'s committed transit stay",
                            action: "find \(id) another shelter at \(transitHouse.location) for \(weekRanges(shut)), "
                                + "or keep \(transitHouse.id) open"))
                }
                if let maxStay = transitHouse.maxStayWeeks, transit.weeks > maxStay {
                    conflicts.append(
                        CommitmentConflict(
                            kind: .stayTooLong, householdIDs: [id],
                            problem:
                                "\(id)'s committed transit stay of \(transit.weeks) weeks at \(transitHouse.id) is "
                                + "longer than its maximum of \(maxStay)",
                            action:
                                "agree a longer stay with \(transitHouse.id), or move \(id) on after \(maxStay) weeks"))
                }
            }
            if let maxStay = house.maxStayWeeks, move.pathway.stayWeeks > maxStay {
                conflicts.append(
                    CommitmentConflict(
                        kind: .stayTooLong, householdIDs: [id],
                        problem: "\(id)'s committed stay of \(move.pathway.stayWeeks) weeks at \(house.id) is longer "
                            + "than its maximum of \(maxStay)",
                        action:
                            "agree a longer stay with \(house.id), or move \(id) to another house after \(maxStay) weeks"
                    ))
            }
            if horizon.contains(lodged), !programme.acceptsApplications(inWeek: lodged) {
                conflicts.append(
                    CommitmentConflict(
                        kind: .applicationWindow, householdIDs: [id],
                        problem: "\(id)'s application to \(programme.id) is committed for W\(lodged), outside the "
                            + "programme's application window",
                        action: "lodge it within the window, or choose another programme for \(id)"))
            }
        }
        return conflicts
    }

    /// Capacities that commitments alone exceed, one conflict per resource with the periods and the
    /// households committed to it there.
    static func capacityConflicts(
        use: [ResourceKey: Double], householdsOn: [ResourceKey: [String]], capacity: (ResourceKey) -> Double,
        describe: (ResourceKey) -> (kind: ResourceKind, id: String, period: CapacityPeriod)
    ) -> [CommitmentConflict] {
        var byResource: [CapacityResource: (periods: [CapacityPeriod], households: Set<String>, excess: Double)] = [:]
        for key in use.keys.sorted() {
            let excess = use[key, default: 0] - capacity(key)
            guard excess > 1e-6 else { continue }
            let (kind, id, period) = describe(key)
            let resource = CapacityResource(kind, id: id)
            var entry = byResource[resource] ?? ([], [], 0)
            entry.periods.append(period)
            entry.households.formUnion(householdsOn[key] ?? [])
            entry.excess = max(entry.excess, excess)
            byResource[resource] = entry
        }
        // By kind name, then id: the order these conflicts have always been listed in.
        let resources = byResource.keys.sorted { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }
        return resources.map { resource in
            let entry = byResource[resource]!
            let households = entry.households.sorted()
            let periods = entry.periods.map(\.description).joined(separator: ", ")
            let what: String
            switch resource.kind {
            case .beds: what = "beds at \(resource.id)"
            case .seats: what = "seats on leg \(resource.id)"
            case .quota: what = "places in programme \(resource.id)"
            case .sharedQuota: what = "places in shared quota \(resource.id)"
            case .budget: what = "budget"
            case .documentService: what = "places at document service \(resource.id)"
            }
            let amount =
                resource.kind == .budget ? String(format: "%.2f", entry.excess) : String(Int(entry.excess.rounded(.up)))
            return CommitmentConflict(
                kind: .overCapacity, householdIDs: households,
                problem: "commitments alone need more \(what) than there is (\(periods)): short by up to \(amount)",
                action: "rebook one of \(households.joined(separator: ", ")) elsewhere, or add at least \(amount) to "
                    + "\(what) for \(periods)")
        }
    }
}

/// `W3–W5, W8` for a sorted list of weeks.
func weekRanges(_ weeks: [Int]) -> String {
    var parts: [String] = []
    var start: Int?
    var previous: Int?
    for week in weeks + [Int.max] {
        if let p = previous, week == p + 1 {
            previous = week
            continue
        }
        if let s = start, let p = previous { parts.append(s == p ? "W\(s)" : "W\(s)–W\(p)") }
        start = week
        previous = week
    }
    return parts.joined(separator: ", ")
}
