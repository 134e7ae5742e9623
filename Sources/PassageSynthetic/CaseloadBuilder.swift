import PassageScenario

/// Draws the households: where they are, who they are (size, nationality, documents, needs), how
/// urgent, when ready, and which countries they fear or prefer. Ids are pseudonymous (`H000001`).
struct CaseloadBuilder {
    let profile: SyntheticProfile
    let horizon: Int
    let network: SyntheticNetwork

    /// Household sizes 1…9: mostly one or two persons, a tail of large families.
    private static let sizes = WeightedTable([380, 240, 160, 110, 60, 30, 12, 5, 3])

    func households(count: Int, random: inout SeededRandom) -> [Household] {
        precondition(count >= 1, "at least one household")
        // Where households are: origin regions (bigger ones first), a few in hub cities, and some
        // already in a transit country, waiting to lodge an application.
        var places: [Int] = []
        var weights: [Int] = []
        for (o, origin) in network.origins.enumerated() {
            places.append(origin)
            weights.append(8_200 * 4 / (o % 7 + 4))
        }
        for hub in network.hubs {
            places.append(hub)
            weights.append(800 * 8 / max(1, network.hubs.count))
        }
        for place in network.lodgingPlaces {
            places.append(place)
            weights.append(1_000 * 8 / max(1, network.lodgingPlaces.count))
        }
        let whereabouts = WeightedTable(weights)
        let urgency = WeightedTable(profile.urgencyWeights)
        let passport = WeightedTable(profile.passportWeights)
        // Nationalities of households already abroad follow the origin countries' shares.
        let nationalityShares = WeightedTable(network.originCountries.indices.map { $0 == 0 ? 6 : 2 })
        let feared = network.lodgingPlaces.map { network.country($0) }
        let eaeuFeared = feared.filter { Geography.eaeu.contains($0) }

        var result: [Household] = []
        result.reserveCapacity(count)
        for number in 1...count {
            let location = places[whereabouts.draw(&random)]
            let country = network.country(location)
            var nationality = network.originCountries.contains(country)
                ? country : network.originCountries[nationalityShares.draw(&random)]
            if random.chance(0.08) { nationality = random.pick(network.nationalities) }
            let size = 1 + Self.sizes.draw(&random)
            let passportState: PassportStatus = [.valid, .expired, .none][passport.draw(&random)]
            result.append(Household(
                id: "H" + sixDigits(number), size: size, location: network.id(location),
                urgency: 1 + urgency.draw(&random), readyWeek: profile.readyWeek(horizon: horizon, random: &random),
                nationality: nationality, passport: passportState,
                hasInternalID: random.chance(profile.internalIDShare), needs: needs(size: size, random: &random),
                excludedCountries: excluded(eaeu: eaeuFeared, all: feared, random: &random),
                preferredCountries: preferred(random: &random)))
        }
        return result
    }

    private func needs(size: Int, random: inout SeededRandom) -> [String] {
        var tags: [String] = []
        if random.chance(0.12) { tags.append("medical") }
        if size > 1, random.chance(0.35) { tags.append("minor") }
        if random.chance(0.04) { tags.append("wheelchair") }
        if random.chance(0.03) { tags.append("hiv_care") }
        if random.chance(0.07) { tags.append("elderly") }
        if size > 1, random.chance(0.04) { tags.append("pregnancy") }
        return tags
    }

    /// About one household in eight must avoid a country, usually an EAEU member that cooperates with
    /// the security services they fear.
    private func excluded(eaeu: [String], all: [String], random: inout SeededRandom) -> [String] {
        guard random.chance(0.12), !all.isEmpty else { return [] }
        return [random.pick(!eaeu.isEmpty && random.chance(0.7) ? eaeu : all)]
    }

    /// About three households in ten name one or two destination countries they prefer.
    private func preferred(random: inout SeededRandom) -> [String] {
        guard random.chance(0.3) else { return [] }
        return random.sample(network.destinationCountries, count: random.int(1...2)).sorted()
    }
}

/// `n` with at least six digits (`H000042`).
func sixDigits(_ n: Int) -> String {
    let text = String(n)
    return String(repeating: "0", count: max(0, 6 - text.count)) + text
}
