/// The shape of a synthetic caseload.
public enum SyntheticProfile: String, Sendable, Hashable, CaseIterable {
    /// An ongoing programme: urgency spread over all tiers, readiness spread over the first months,
    /// capacity for a little over half of the persons.
    case steady
    /// A sudden crackdown: most households in tiers 1–2, almost all ready in the first weeks, more
    /// without documents, capacity for under half of the persons.
    case crisis

    /// Weights of urgency tiers 1…4 (per 100 households).
    var urgencyWeights: [Int] { self == .steady ? [10, 20, 35, 35] : [35, 30, 22, 13] }

    /// Weights of passport states valid, expired, none.
    var passportWeights: [Int] { self == .steady ? [55, 25, 20] : [45, 27, 28] }

    /// Share of households holding a valid internal ID.
    var internalIDShare: Double { self == .steady ? 0.9 : 0.84 }

    /// Share of persons that quotas, beds and budget are sized for: well below 1, so capacity binds.
    var capacityShare: Double { self == .steady ? 0.55 : 0.42 }

    /// The week a household becomes ready to travel.
    func readyWeek(horizon: Int, random: inout SeededRandom) -> Int {
        switch self {
        case .steady:
            return random.int(1...max(1, horizon * 3 / 5))
        case .crisis:
            // Concentrated early: most now, a tail over the first month, a few later.
            if random.chance(0.55) { return 1 }
            if random.chance(0.8) { return min(horizon, random.int(2...4)) }
            return random.int(1...max(1, horizon / 2))
        }
    }
}
