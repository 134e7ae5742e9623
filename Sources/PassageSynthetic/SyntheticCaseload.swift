import PassageScenario

/// Generates synthetic scenarios as varied as real caseloads, for testing and benchmarking at scale
/// (DESIGN.md, "Synthetic caseloads must be as varied as real ones").
///
/// Every person, place and rule is invented: ids are pseudonymous (`H000001`, `ru-origin-03`),
/// countries and document rules are plausible. The network grows with the caseload (sub-linearly),
/// and quotas, beds, seats and the budget are sized for about half of the persons, so capacity binds.
public enum SyntheticCaseload {
    /// The largest caseload `generate` is meant for (the `passage generate` command's limit).
    public static let maximumHouseholds = 200_000

    /// A scenario of `households` households (1 or more) that passes `ScenarioLoader` validation.
    ///
    /// Deterministic: the same arguments give an equal scenario (and byte-identical files from
    /// `ScenarioWriter`) on every machine; a different seed gives a different one. With
    /// `documentServices`, some origins get passport (and internal-ID) offices (`DocumentServiceBuilder`);
    /// everything else is the same as without.
    public static func generate(
        households: Int, seed: UInt64, profile: SyntheticProfile = .steady, documentServices: Bool = false
    ) -> Scenario {
        precondition(households >= 1, "at least one household")
        let size = NetworkSize(households: households)
        // Independent streams for the parts, so changing how one part draws leaves the others alone.
        var streams = SeededRandom(seed: seed ^ (profile == .steady ? 0 : 0x5EED_C215_1500_0000))
        func stream() -> SeededRandom { SeededRandom(seed: streams.next()) }

        var networkBuilder = NetworkBuilder(size: size, random: stream())
        let network = networkBuilder.build()
        var services = ServiceBuilder(size: size, random: stream(), network: network)
        services.build()
        var caseRandom = stream()
        let caseload = CaseloadBuilder(profile: profile, horizon: size.horizonWeeks, network: services.network)
        let households = caseload.households(count: households, random: &caseRandom)

        var settings = ScenarioSettings(
            title: "Synthetic caseload: \(households.count) households, \(profile.rawValue) profile, seed \(seed)",
            startDate: CalendarDate(year: 2027, month: 1, day: 4),  // a Monday
            horizonWeeks: size.horizonWeeks, budget: nil, currency: "EUR")
        var sizingRandom = stream()
        let sizing = CapacitySizing(
            persons: households.reduce(0) { $0 + $1.size }, profile: profile, settings: settings)
        var programmes = services.programmes
        var houses = services.houses
        var legs = services.network.legs
        sizing.sizeQuotas(&programmes, random: &sizingRandom)
        sizing.sizeBeds(&houses, programmes: programmes, random: &sizingRandom)
        sizing.sizeSeats(&legs, roles: services.network.legRoles, random: &sizingRandom)
        settings.budget = sizing.budget(programmes: programmes, houses: houses, legs: legs)

        var scenario = Scenario(
            settings: settings, households: households, locations: services.network.locations, safeHouses: houses,
            legs: legs, programmes: programmes)
        if documentServices {
            // A stream of its own, not drawn from `streams`: the rest stays as it is without services.
            var builder = DocumentServiceBuilder(random: SeededRandom(seed: seed ^ 0xD0C5_5E41_CE00_0000))
            scenario.documentServices = builder.services(for: scenario)
        }
        return scenario
    }
}
