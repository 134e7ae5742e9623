import PassageScenario

/// The objective's coefficients (docs/MODEL.md, "Objective"); the model minimises their sum.
struct ObjectiveCoefficients: Sendable {
    let weights: ObjectiveWeights
    /// The expected-loss penalties of a robust plan (docs/MODEL.md, "Robust plans"); nil plans the
    /// typical case.
    var robust: RobustPenalties? = nil

    /// Penalty of leaving one household of `profile` unmoved: size × urgency weight.
    func unmoved(_ profile: HouseholdProfile) -> Double {
        Double(profile.size) * weights.urgencyWeight(profile.urgency)
    }

    /// Penalty of moving one household of `profile` along `pathway` starting in `week`: waiting,
    /// lateness past the latest safe departure week, cost and risk, less the reward for a preferred
    /// destination. Waiting and lateness count to the week the household leaves: after its document
    /// step, if it has one (it waits for the document where it is, at risk). The weeks of a transit
    /// stay count at `transitWaiting` instead.
    func move(_ pathway: Pathway, week: Int, profile: HouseholdProfile) -> Double {
        let persons = Double(profile.size)
        let urgency = persons * weights.urgencyWeight(profile.urgency)
        let leaves = week + pathway.departureOffset
        var waiting =
            urgency * weights.waitingPerWeek * Double(leaves - profile.readyWeek)
            + urgency * weights.latenessPerWeek * Double(weeksLate(startWeek: leaves, profile: profile))
        // Weeks in a transit stay are waiting too, away from the place of danger: at the lower rate.
        if let transit = pathway.transit {
            waiting += urgency * weights.transitWaiting * Double(transit.weeks)
        }
        let cost = weights.cost * persons * pathway.costPerPerson
        let risk = weights.risk * persons * pathway.riskPerPerson
        let preference = pathway.reachesPreferredCountry ? weights.preferredCountry * persons : 0
        let nominal = waiting + cost + risk - preference
        guard let robust else { return nominal }
        return nominal + robust.penalty(pathway, week: week, unmovedCost: unmoved(profile))
    }
}

/// Weeks by which leaving in `startWeek` misses the household's latest safe departure week (0 if none).
func weeksLate(startWeek: Int, profile: HouseholdProfile) -> Int {
    guard let deadline = profile.latestDepartureWeek else { return 0 }
    return max(0, startWeek - deadline)
}
