import PassagePlanning

/// Plans of small random caseloads, made without a solver, for property tests of redaction: sizes,
/// urgencies, destinations, houses, programmes and reasons drawn from a seeded generator, and the
/// summary and quota rows counted from them as the decoder would.
enum RandomRedactedPlans {
    /// SplitMix64: the same seed always gives the same plan.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func plan(seed: UInt64) -> Plan {
        var random = Generator(state: seed)
        var plan = SamplePlan.optimal()
        let template = plan.itineraries[0]
        let households = Int.random(in: 1...40, using: &random)
        let countries = Array(["DE", "FR", "NL", "LT", "CA", "SE", "FI"].prefix(Int.random(in: 1...7, using: &random)))
        let houses = (0..<Int.random(in: 1...5, using: &random)).map { "house-\($0)" }
        let programmes = (0..<Int.random(in: 1...5, using: &random)).map { "prog-\($0)" }
        let reasons: [NotMovedReason] = [.capacity([]), .noEligiblePathway([]), .notSelectedWithinTolerance]
        // Mostly families of one or two, as in the demo, with the odd large one.
        let sizes = [1, 1, 1, 1, 2, 2, 3, 4, 6]
        var moved: [Itinerary] = []
        var unmoved: [UnmovedHousehold] = []
        var byUrgency = Array(
            repeating: MoveCount(householdsMoved: 0, householdsTotal: 0, personsMoved: 0, personsTotal: 0), count: 4)
        let moveShare = Double.random(in: 0...1, using: &random)
        for index in 0..<households {
            let size = sizes.randomElement(using: &random)!
            let urgency = Int.random(in: 1...4, using: &random)
            let id = "H\(1000 + index)"
            byUrgency[urgency - 1].householdsTotal += 1
            byUrgency[urgency - 1].personsTotal += size
            if Double.random(in: 0...1, using: &random) < moveShare {
                var itinerary = template
                itinerary.householdID = id
                itinerary.size = size
                itinerary.urgency = urgency
                itinerary.destinationCountry = countries.randomElement(using: &random)!
                itinerary.stay.houseID = houses.randomElement(using: &random)!
                itinerary.programmeID = programmes.randomElement(using: &random)!
                moved.append(itinerary)
                byUrgency[urgency - 1].householdsMoved += 1
                byUrgency[urgency - 1].personsMoved += size
            } else {
                unmoved.append(
                    UnmovedHousehold(
                        householdID: id, size: size, urgency: urgency, readyWeek: 1,
                        reason: reasons.randomElement(using: &random)!))
            }
        }
        plan.itineraries = moved
        plan.unmoved = unmoved
        plan.summary.byUrgency = byUrgency
        plan.summary.overall = byUrgency.reduce(
            MoveCount(householdsMoved: 0, householdsTotal: 0, personsMoved: 0, personsTotal: 0)
        ) {
            MoveCount(
                householdsMoved: $0.householdsMoved + $1.householdsMoved,
                householdsTotal: $0.householdsTotal + $1.householdsTotal,
                personsMoved: $0.personsMoved + $1.personsMoved, personsTotal: $0.personsTotal + $1.personsTotal)
        }
        // Quotas: each programme's lodged persons against a quota that is often exactly used up.
        plan.capacity = programmes.map { id in
            let used = moved.filter { $0.programmeID == id }.reduce(0) { $0 + $1.size }
            let spare = [0, 0, 1, 3, 7].randomElement(using: &random)!
            return CapacityUse(
                kind: .quota, resourceID: id, period: .horizon, used: Double(used),
                capacity: Double(used + spare))
        }
        return plan
    }
}
