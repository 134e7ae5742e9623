import PassageScenario

/// Builds programmes and safe houses at the lodging places, and the onward flights programmes need.
/// Quotas and beds are left at zero here: `CapacitySizing` sets them once the caseload is known.
struct ServiceBuilder {
    let size: NetworkSize
    var random: SeededRandom
    var network: SyntheticNetwork
    var programmes: [VisaProgramme] = []
    var houses: [SafeHouse] = []

    init(size: NetworkSize, random: SeededRandom, network: SyntheticNetwork) {
        self.size = size
        self.random = random
        self.network = network
    }

    mutating func build() {
        addProgrammes()
        addHouses()
    }

    // MARK: Programmes

    private mutating func addProgrammes() {
        let places = network.lodgingPlaces
        // Capitals listed first host more programmes, as embassies cluster there.
        let placeWeights = places.indices.map { max(1, 2 * places.count - $0) }
        // Processing weeks 2…12, most often 4–8.
        let processing = WeightedTable([3, 6, 9, 10, 10, 9, 8, 6, 4, 3, 2])
        for number in 1...size.programmes {
            let place = number <= places.count ? places[number - 1] : places[random.weightedIndex(placeWeights)]
            let country = random.pick(network.destinationCountries)
            let arrivals = network.destinations.filter { network.country($0) == country }
            let arrival = random.pick(arrivals)
            let documents: DocumentKind = switch random.int(0...19) {
            case 0...10: .internationalPassport
            case 11...16: .internalID  // the programme issues a laissez-passer
            default: .none
            }
            // Open to any nationality, or to some citizens of the origin countries (not to migrants).
            let origins = network.originCountries
            let nationalities = random.chance(0.45) ? [] : random.sample(origins, count: random.int(1...origins.count))
            programmes.append(VisaProgramme(
                id: "P\(threeDigits(number))-\(country)", destinationCountry: country, lodgedAt: network.id(place),
                arrival: network.id(arrival), quota: 0, quotaPeriod: random.chance(0.5) ? .month : .horizon,
                processingWeeks: 2 + processing.draw(&random), nationalities: nationalities,
                documentsRequired: documents,
                needsServed: needs([0.65, 0.7, 0.35, 0.3, 0.45, 0.35]),
                costPerPerson: Double(random.int(10...60) * 10)))
            addOnwardFlight(from: place, to: arrival, documents: documents)
        }
    }

    /// The flight a programme's admitted households take. It needs no document of their own when
    /// travelling on the programme's visa, but some carriers insist on a passport; a programme that
    /// issues a laissez-passer always gets a flight that accepts it.
    private mutating func addOnwardFlight(from place: Int, to arrival: Int, documents: DocumentKind) {
        let from = network.id(place), to = network.id(arrival)
        let existing = network.legs.filter { $0.from == from && $0.to == to }
        let needsOpenFlight = documents < .internationalPassport
        if existing.contains(where: { !needsOpenFlight || $0.documents.fallback == DocumentKind.none }) { return }
        let rule: DocumentRuleSpec = needsOpenFlight || random.chance(0.75)
            ? .nothing : DocumentRuleSpec(pairs: [], fallback: .internationalPassport)
        network.addLeg(
            from: place, to: arrival, role: .onward, mode: .air, days: random.int(0...1),
            cost: Double(random.int(30...120) * 5), risk: Double(random.int(0...2)) / 2, documents: rule)
    }

    // MARK: Safe houses

    private mutating func addHouses() {
        let places = network.lodgingPlaces
        let hosted = places.map { place in programmes.filter { $0.lodgedAt == network.id(place) }.count }
        let horizon = size.horizonWeeks
        for number in 1...size.safeHouses {
            let p = number <= places.count ? number - 1 : random.weightedIndex(hosted.map { $0 + 1 })
            let opensLater = random.chance(0.1)
            let openFrom = opensLater ? random.int(2...max(2, horizon / 3)) : 1
            // About one house in seven closes before the horizon ends (a lease, a raid, a landlord).
            let openUntil: Int? = random.chance(0.15) ? random.int(max(openFrom, horizon / 2)...(horizon - 1)) : nil
            houses.append(SafeHouse(
                id: "SH\(threeDigits(number))", location: network.id(places[p]), beds: 0, openFromWeek: openFrom,
                openUntilWeek: openUntil, costPerPersonWeek: Double(random.int(8...32) * 5),
                maxStayWeeks: random.chance(0.6) ? nil : random.int(8...16),
                needsSupported: needs([0.5, 0.6, 0.25, 0.2, 0.4, 0.3])))
        }
    }

    /// Needs tags drawn independently with the given chances (in `Geography.needsTags` order).
    private mutating func needs(_ chances: [Double]) -> [String] {
        zip(Geography.needsTags, chances).compactMap { tag, p in random.chance(p) ? tag : nil }
    }
}

/// `n` with at least three digits, for ids that sort in order.
func threeDigits(_ n: Int) -> String { n < 10 ? "00\(n)" : n < 100 ? "0\(n)" : String(n) }
