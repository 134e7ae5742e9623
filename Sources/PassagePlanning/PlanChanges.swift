import PassageScenario

/// What changed against the previous plan, household by household, and why.
extension PlanDecoder {
    func changes(_ itineraries: [Itinerary], used: [ResourceKey: Double]) -> [PlanChange]? {
        guard let previous = formulation.previous else { return nil }
        let now = Dictionary(uniqueKeysWithValues: itineraries.map { ($0.householdID, $0) })
        var classOf: [String: Int] = [:]
        for householdClass in formulation.classes {
            for member in householdClass.members { classOf[scenario.households[member].id] = householdClass.index }
        }
        var result: [PlanChange] = []
        for household in scenario.households.sorted(by: { $0.id < $1.id }) {
            let id = household.id
            let before = previous.pathways[id]
            let after = now[id]
            if after?.isCommitted == true { continue }
            switch (before, after) {
            case (nil, nil):
                continue
            case (nil, let after?):
                result.append(
                    PlanChange(
                        householdID: id, kinds: [.newlyMoved], previousStartWeek: nil,
                        newStartWeek: Commitment(after).startWeek,
                        reason: previous.notMoved.contains(id)
                            ? "not moved in the previous plan; a pathway is open to it now"
                            : "not in the previous plan"))
            case (let before?, nil):
                result.append(
                    PlanChange(
                        householdID: id, kinds: [.noLongerMoved], previousStartWeek: before.startWeek,
                        newStartWeek: nil,
                        reason: whyChanged(before, classIndex: classOf[id], used: used)))
            case (let before?, let after?):
                // The itinerary as its pathway (a step's pathway starts when the household applies).
                let key = PathwayKey(Commitment(after))
                let old = PathwayKey(before)
                guard key != old else { continue }
                var kinds: [PlanChange.Kind] = []
                if key.startWeek < old.startWeek { kinds.append(.earlier) }
                if key.startWeek > old.startWeek { kinds.append(.later) }
                if key.outbound != old.outbound || key.onward != old.onward { kinds.append(.differentRoute) }
                if key.house != old.house { kinds.append(.differentHouse) }
                if key.programme != old.programme { kinds.append(.differentProgramme) }
                // Only the document step differs (a step begun or dropped): the route as a whole is another.
                if kinds.isEmpty && key.documentService != old.documentService { kinds.append(.differentRoute) }
                // Likewise a transit stay begun, dropped or made longer.
                if kinds.isEmpty && (key.transitHouse != old.transitHouse || key.transitWeeks != old.transitWeeks) {
                    kinds.append(.differentRoute)
                }
                result.append(
                    PlanChange(
                        householdID: id, kinds: kinds, previousStartWeek: before.startWeek,
                        newStartWeek: key.startWeek, reason: whyChanged(before, classIndex: classOf[id], used: used)))
            }
        }
        return result
    }

    /// Why a household left its previous pathway: it is no longer possible, it no longer fits the
    /// capacity left, or changing improves the plan by more than the change penalty.
    private func whyChanged(_ before: Commitment, classIndex: Int?, used: [ResourceKey: Double]) -> String {
        guard let classIndex, let position = formulation.previousMove[classIndex] else {
            return "its previous pathway is no longer possible: " + whyImpossible(before)
        }
        // The previous pathway's column names its house, so it has exactly one concrete way.
        let use = formulation.concreteUses(ofMove: position)[0].use
        let short = use.filter { key, amount in
            capacity(of: key) - used[key, default: 0] < amount - 1e-6
        }
        if !short.isEmpty {
            let names = Set(
                short.map { key, _ in
                    let resource = Formulation.resource(of: key, scenario: scenario)
                    switch resource.kind {
                    case .budget: return "the budget"
                    case .sharedQuota: return "shared quota \(resource.id)"
                    default: return "\(resource.kind.rawValue) of \(resource.id)"
                    }
                }
            ).sorted()
            return "its previous pathway no longer fits: \(names.joined(separator: ", ")) now used by others"
        }
        let penalty = scenario.settings.objective.changePenalty
        if let robust = formulation.robustChanges {
            guard robust.previousMove[classIndex] != nil else {
                return
                    "its previous pathway is not among the robust plan's options at level \(robust.level): a stay at that quantile of the processing time does not fit, or the expected loss from closures and refusals outweighs moving on it"
            }
            return
                "the change improves the robust plan (expected losses from closures and refusals included) by more than the change penalty (\(penalty))"
        }
        return "the change improves the plan by more than the change penalty (\(penalty))"
    }

    /// What makes a previous pathway impossible now, as far as can be told from the scenario.
    private func whyImpossible(_ before: Commitment) -> String {
        let legs = Set(scenario.legs.map(\.id))
        let missing = (before.outboundLegs + before.onwardLegs).filter { !legs.contains($0) }
        if !missing.isEmpty { return "leg \(missing.joined(separator: ", ")) is no longer in the scenario" }
        guard let house = scenario.safeHouses.first(where: { $0.id == before.safeHouseID }) else {
            return "safe house \(before.safeHouseID) is no longer in the scenario"
        }
        guard let programme = scenario.programmes.first(where: { $0.id == before.programmeID }) else {
            return "programme \(before.programmeID) is no longer in the scenario"
        }
        if before.startWeek < 1 { return "its start week has passed (mark it started to keep it)" }
        let days = before.outboundLegs.compactMap { id in scenario.legs.first { $0.id == id }?.durationDays }
        let lodged = before.startWeek + days.reduce(0, +) / 7
        if !house.isOpen(throughout: lodged...(lodged + programme.processingWeeks - 1)) {
            return "safe house \(house.id) is not open throughout W\(lodged)–W\(lodged + programme.processingWeeks - 1)"
        }
        if !programme.acceptsApplications(inWeek: lodged) {
            return "programme \(programme.id) does not accept applications in W\(lodged)"
        }
        return "eligibility, the horizon or the capacities left no longer allow it"
    }
}
