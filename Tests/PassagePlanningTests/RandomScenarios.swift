import PassageScenario
import PassageSynthetic

/// Small random scenarios with every feature switched on: mixed documents, needs, exclusions,
/// month and horizon quotas, closing houses, maximum stays and a budget; capacities tight.
enum RandomScenarios {
    static func make(seed: UInt64) -> Scenario {
        var random = SeededRandom(seed: seed)
        let countries = ["RU", "GE", "AM", "TR", "DE", "CA"]
        var locations: [Location] = [
            Location(id: "o1", country: "RU", kind: .origin), Location(id: "o2", country: "RU", kind: .origin),
            Location(id: "hub", country: "RU", kind: .hub),
        ]
        let lodging = ["tbilisi": "GE", "yerevan": "AM", "istanbul": "TR"]
        for (id, country) in lodging.sorted(by: { $0.key < $1.key }) {
            locations.append(Location(id: id, country: country, kind: .city))
        }
        locations.append(Location(id: "berlin", country: "DE", kind: .destination))
        locations.append(Location(id: "toronto", country: "CA", kind: .destination))
        let documents: [DocumentRule] = [
            DocumentRule(fallback: .internationalPassport),
            DocumentRule(byNationality: ["RU": .internalID], fallback: .internationalPassport),
            DocumentRule(fallback: .internalID),
            DocumentRule(fallback: DocumentKind.none),
        ]
        var legs: [RouteLeg] = []
        func addLeg(_ from: String, _ to: String) {
            legs.append(
                RouteLeg(
                    id: "l\(legs.count)-\(from)-\(to)", from: from, to: to,
                    mode: TravelMode.allCases.randomElement(using: &random)!,
                    durationDays: Int.random(in: 0...9, using: &random),
                    costPerPerson: Double(Int.random(in: 20...400, using: &random)),
                    seatsPerWeek: Int.random(in: 1...6, using: &random),
                    documents: documents.randomElement(using: &random)!,
                    risk: Double(Int.random(in: 0...5, using: &random))))
        }
        for origin in ["o1", "o2"] {
            addLeg(origin, "hub")
            for city in lodging.keys.sorted() where Bool.random(using: &random) { addLeg(origin, city) }
        }
        for city in lodging.keys.sorted() {
            addLeg("hub", city)
            addLeg(city, "berlin")
            if Bool.random(using: &random) { addLeg(city, "toronto") }
        }
        let needsTags = ["medical", "minor", "wheelchair"]
        var houses: [SafeHouse] = []
        for city in lodging.keys.sorted() {
            for n in 0..<Int.random(in: 1...2, using: &random) {
                let from = Int.random(in: 1...3, using: &random)
                houses.append(
                    SafeHouse(
                        id: "\(city)-\(n)", location: city, beds: Int.random(in: 1...5, using: &random),
                        openFromWeek: from,
                        openUntilWeek: Bool.random(using: &random) ? nil : Int.random(in: from + 3...12, using: &random),
                        costPerPersonWeek: Double(Int.random(in: 5...40, using: &random)),
                        maxStayWeeks: Bool.random(using: &random) ? nil : Int.random(in: 2...6, using: &random),
                        needsSupported: needsTags.filter { _ in Bool.random(using: &random) }))
            }
        }
        var programmes: [VisaProgramme] = []
        for (n, city) in lodging.keys.sorted().enumerated() {
            let destination = Bool.random(using: &random) ? ("berlin", "DE") : ("toronto", "CA")
            programmes.append(
                VisaProgramme(
                    id: "g\(n)", destinationCountry: destination.1, lodgedAt: city, arrival: destination.0,
                    quota: Int.random(in: 1...6, using: &random),
                    quotaPeriod: Bool.random(using: &random) ? .month : .horizon,
                    processingWeeks: Int.random(in: 1...4, using: &random),
                    nationalities: Bool.random(using: &random) ? [] : ["RU"],
                    documentsRequired: [DocumentKind.none, .internalID, .internationalPassport]
                        .randomElement(using: &random)!,
                    needsServed: needsTags.filter { _ in Bool.random(using: &random) },
                    costPerPerson: Double(Int.random(in: 0...300, using: &random))))
        }
        var households: [Household] = []
        for n in 0..<Int.random(in: 6...22, using: &random) {
            households.append(
                Household(
                    id: "H\(100 + n)", size: Int.random(in: 1...4, using: &random),
                    location: ["o1", "o2", "hub"].randomElement(using: &random)!,
                    urgency: Int.random(in: 1...4, using: &random), readyWeek: Int.random(in: 1...4, using: &random),
                    nationality: Int.random(in: 0..<5, using: &random) == 0 ? "KZ" : "RU",
                    passport: PassportStatus.allCases.randomElement(using: &random)!,
                    hasInternalID: Int.random(in: 0..<5, using: &random) != 0,
                    needs: Int.random(in: 0..<3, using: &random) == 0 ? [needsTags.randomElement(using: &random)!] : [],
                    excludedCountries: Int.random(in: 0..<6, using: &random) == 0
                        ? [countries[1...3].randomElement(using: &random)!] : [],
                    preferredCountries: Bool.random(using: &random) ? ["DE"] : []))
            // Some households share a profile, so classes with several members occur.
            if n % 4 == 0 {
                var twin = households[n]
                twin.id = "H\(500 + n)"
                households.append(twin)
            }
        }
        return Scenario(
            settings: ScenarioSettings(
                title: "Random \(seed)", startDate: CalendarDate(year: 2026, month: 12, day: 21), horizonWeeks: 12,
                budget: Double(Int.random(in: 1500...9000, using: &random)),
                solver: SolverLimits(timeLimitSeconds: 20, mipGap: 0)),
            households: households, locations: locations, safeHouses: houses, legs: legs, programmes: programmes)
    }
}
