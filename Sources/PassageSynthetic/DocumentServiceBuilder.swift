import PassageScenario

/// Passport offices for a synthetic scenario (docs/SCENARIO.md, `document_services.csv`): where
/// households without an international passport can obtain one, slowly, at a price and a risk.
///
/// Only asked for (`passage generate --document-services`): without it a generated scenario is
/// exactly what it always was. It draws from its own stream, so the rest of the scenario is the same
/// with or without it.
struct DocumentServiceBuilder {
    var random: SeededRandom

    /// Services at some of `scenario`'s origins: a passport office at about two in three (for holders
    /// of an internal ID, 3–10 weeks), an internal-ID office at about one in five (for those with no
    /// document, 2–4 weeks). Passport offices serve the country's own citizens and take a few persons
    /// a week, sized from the households there so that they bind; internal-ID offices have no limit.
    mutating func services(for scenario: Scenario) -> [DocumentService] {
        var persons: [String: Int] = [:]
        for household in scenario.households { persons[household.location, default: 0] += household.size }
        let horizon = scenario.settings.horizonWeeks
        var services: [DocumentService] = []
        for location in scenario.locations where location.kind == .origin {
            let number = services.count + 1
            if random.chance(0.65) {
                // Room for about a third of the persons there over the horizon, at least one a week.
                let weekly = max(1, persons[location.id, default: 0] / (3 * max(1, horizon)))
                services.append(
                    DocumentService(
                        id: "DS-\(number)-PASS", location: location.id, obtains: .internationalPassport,
                        requires: .internalID, nationalities: [location.country], weeks: random.int(3...10),
                        costPerPerson: Double(random.int(6...25) * 10), risk: Double(random.int(1...4)),
                        capacity: weekly + random.int(0...1)))
            }
            if random.chance(0.2) {
                services.append(
                    DocumentService(
                        id: "DS-\(services.count + 1)-ID", location: location.id, obtains: .internalID, requires: .none,
                        weeks: random.int(2...4), costPerPerson: Double(random.int(1...5) * 10),
                        risk: Double(random.int(1...2))))
            }
        }
        return services
    }
}
