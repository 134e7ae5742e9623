import PassageScenario

/// Builds the places and legs: origin regions feeding hubs, hubs feeding border crossings and
/// flights into transit capitals, transit capitals joined to each other and flying on to
/// destination cities. Every origin reaches every lodging place it can in at most three legs
/// (origin → hub → border → capital, or origin → hub → flight), as pathways allow (docs/MODEL.md).
struct NetworkBuilder {
    let size: NetworkSize
    var random: SeededRandom
    var network = SyntheticNetwork()

    init(size: NetworkSize, random: SeededRandom) {
        self.size = size
        self.random = random
    }

    mutating func build() -> SyntheticNetwork {
        addPlaces()
        addLocalLegs()
        addBorderCrossings()
        addFlights()
        addTransfers()
        addAlternatives()
        return network
    }

    // MARK: Places

    private mutating func addPlaces() {
        network.originCountries = Array(Geography.originCountries.prefix(size.originCountries))
        network.nationalities = network.originCountries + [Geography.migrantNationality]
        // Origins go to countries in proportion 3 : 2 : 2 : 1 …, every country at least one.
        let countryWeights = network.originCountries.indices.map { $0 == 0 ? 3 : ($0 < 3 ? 2 : 1) }
        var originCountry = network.originCountries.map { _ in 1 }
        for _ in network.originCountries.count..<max(size.origins, network.originCountries.count) {
            originCountry[random.weightedIndex(countryWeights)] += 1
        }
        for (c, country) in network.originCountries.enumerated() {
            let lower = country.lowercased()
            // One hub (a regional capital with an airport) per four origin regions.
            let hubCount = (originCountry[c] + 3) / 4
            let hubs = (1...hubCount).map { network.addLocation("\(lower)-hub-\($0)", country, .hub) }
            network.hubs += hubs
            for o in 1...originCountry[c] {
                let origin = network.addLocation("\(lower)-origin-\(twoDigits(o))", country, .origin)
                network.origins.append(origin)
                network.hubOfOrigin.append(hubs[(o - 1) % hubCount])
            }
        }
        // Lodging places: the capital of each transit country in turn, then second cities.
        for place in 0..<size.lodgingPlaces {
            let countries = Geography.transitCountries
            let country = countries[place % countries.count]
            let number = place / countries.count + 1
            network.lodgingPlaces.append(network.addLocation("\(country.lowercased())-city-\(number)", country, .city))
        }
        // Border crossings where an origin country touches a transit country that has a lodging place.
        let transit = Set(network.lodgingPlaces.map { network.country($0) })
        for country in network.originCountries {
            for neighbour in Geography.landNeighbours[country] ?? [] where transit.contains(neighbour) {
                let id = "\(country.lowercased())-\(neighbour.lowercased())-border"
                network.borders.append(network.addLocation(id, country, .border))
            }
        }
        network.destinationCountries = Array(Geography.destinationCountries.prefix(size.destinationCountries))
        for country in network.destinationCountries {
            // Larger countries in the list get a second arrival city.
            let cities = random.chance(0.35) ? 2 : 1
            for number in 1...cities {
                network.destinations.append(network.addLocation("\(country.lowercased())-arrival-\(number)", country, .destination))
            }
        }
    }

    // MARK: Legs

    /// Origin → its hub (road or rail; local buses often check nothing), sometimes a second service.
    private mutating func addLocalLegs() {
        for (o, origin) in network.origins.enumerated() {
            let hub = network.hubOfOrigin[o]
            let country = network.country(origin)
            let rule = random.chance(0.35) ? .nothing : Geography.domesticRule(in: country, nationalities: network.nationalities)
            addLeg(origin, hub, .local, random.chance(0.6) ? .road : .rail, rule, days: 0...1, cost: 10...60, risk: 1...3)
            if random.chance(0.2) {
                addLeg(origin, hub, .local, .rail, Geography.domesticRule(in: country, nationalities: network.nationalities),
                       days: 1...2, cost: 20...80, risk: 0...2)
            }
        }
    }

    /// Hub → border point of its country → the transit country's lodging places (at most two).
    private mutating func addBorderCrossings() {
        for border in network.borders {
            let country = network.country(border)
            let neighbour = String(network.id(border).split(separator: "-")[1]).uppercased()
            let domestic = Geography.domesticRule(in: country, nationalities: network.nationalities)
            for hub in network.hubs where network.country(hub) == country {
                addLeg(hub, border, .overland, .road, domestic, days: 0...2, cost: 15...70, risk: 2...5)
            }
            let entry = Geography.entryRule(into: neighbour, nationalities: network.nationalities)
            let places = network.lodgingPlaces.filter { network.country($0) == neighbour }.prefix(2)
            for place in places {
                addLeg(border, place, .overland, .road, entry, days: 0...1, cost: 20...90, risk: 4...8)
            }
        }
    }

    /// Hub → transit capitals by air: every hub flies to some capitals, and every origin country has
    /// at least one flight to every lodging place, so no place is cut off by construction.
    private mutating func addFlights() {
        for country in network.originCountries {
            let hubs = network.hubs.filter { network.country($0) == country }
            for place in network.lodgingPlaces {
                let entry = Geography.entryRule(into: network.country(place), nationalities: network.nationalities)
                for (h, hub) in hubs.enumerated() where h == 0 || random.chance(0.4) {
                    addLeg(hub, place, .flight, .air, entry, days: 0...1, cost: 90...420, risk: 1...4)
                }
            }
        }
    }

    /// Transit place → transit place (a household may lodge in a second country), and one direct
    /// onward flight from each lodging place to a few destination cities; programmes add their own.
    private mutating func addTransfers() {
        let places = network.lodgingPlaces
        guard places.count > 1 else { return }
        for (p, place) in places.enumerated() {
            let next = places[(p + 1) % places.count]
            let entry = Geography.entryRule(into: network.country(next), nationalities: network.nationalities)
            addLeg(place, next, .transfer, random.chance(0.5) ? .road : .air, entry, days: 0...2, cost: 40...250, risk: 1...3)
        }
    }

    /// Extra services until the network has its target number of legs: second connections from
    /// origins to other hubs and borders, and more flights. They multiply pathways, as in reality.
    private mutating func addAlternatives() {
        var attempts = 0
        while network.legs.count < size.targetLegs - size.programmes, attempts < 20 * size.targetLegs {
            attempts += 1
            switch random.int(0...3) {
            case 0:
                let origin = random.pick(network.origins)
                let hubs = network.hubs.filter { network.country($0) == network.country(origin) }
                let hub = random.pick(hubs)
                guard !network.hasLeg(from: origin, to: hub) || attempts > 10 * size.targetLegs else { continue }
                let rule = Geography.domesticRule(in: network.country(origin), nationalities: network.nationalities)
                addLeg(origin, hub, .local, random.chance(0.5) ? .rail : .road, rule, days: 0...2, cost: 15...90, risk: 1...3)
            case 1:
                let origin = random.pick(network.origins)
                let borders = network.borders.filter { network.country($0) == network.country(origin) }
                guard !borders.isEmpty else { continue }
                let border = random.pick(borders)
                guard !network.hasLeg(from: origin, to: border) else { continue }
                let rule = random.chance(0.3)
                    ? .nothing : Geography.domesticRule(in: network.country(origin), nationalities: network.nationalities)
                addLeg(origin, border, .local, .road, rule, days: 0...1, cost: 20...100, risk: 3...6)
            case 2:
                let hub = random.pick(network.hubs)
                let place = random.pick(network.lodgingPlaces)
                let entry = Geography.entryRule(into: network.country(place), nationalities: network.nationalities)
                addLeg(hub, place, .flight, random.chance(0.8) ? .air : .rail, entry, days: 0...2, cost: 80...450, risk: 1...5)
            default:
                guard network.lodgingPlaces.count > 1 else { continue }
                let from = random.pick(network.lodgingPlaces)
                let to = random.pick(network.lodgingPlaces)
                guard from != to, !network.hasLeg(from: from, to: to) else { continue }
                let entry = Geography.entryRule(into: network.country(to), nationalities: network.nationalities)
                addLeg(from, to, .transfer, random.chance(0.6) ? .air : .road, entry, days: 0...2, cost: 40...300, risk: 1...4)
            }
        }
    }

    /// Adds a leg with duration, cost (whole currency units, multiples of 5) and risk drawn from the ranges.
    private mutating func addLeg(
        _ from: Int, _ to: Int, _ role: LegRole, _ mode: TravelMode, _ rule: DocumentRuleSpec, days: ClosedRange<Int>,
        cost: ClosedRange<Int>, risk: ClosedRange<Int>
    ) {
        let price = Double(random.int(cost.lowerBound / 5...cost.upperBound / 5) * 5)
        // Risk in half points: 2.5 is as common a judgement as 2 or 3.
        let danger = Double(random.int(2 * risk.lowerBound...2 * risk.upperBound)) / 2
        network.addLeg(
            from: from, to: to, role: role, mode: mode, days: random.int(days), cost: price, risk: danger,
            documents: rule)
    }
}

/// `n` with at least two digits, for ids that sort in order.
func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
