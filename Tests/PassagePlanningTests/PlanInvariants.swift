import PassageScenario
import PassagePlanning

/// Checks a plan against its scenario without using the formulation's code: every rule a
/// coordinator relies on is recomputed from the itineraries alone. Returns the violations found.
func violations(of plan: Plan, in scenario: Scenario) -> [String] {
    var problems: [String] = []
    let households = Dictionary(uniqueKeysWithValues: scenario.households.map { ($0.id, $0) })
    let locations = Dictionary(uniqueKeysWithValues: scenario.locations.map { ($0.id, $0) })
    let legs = Dictionary(uniqueKeysWithValues: scenario.legs.map { ($0.id, $0) })
    let houses = Dictionary(uniqueKeysWithValues: scenario.safeHouses.map { ($0.id, $0) })
    let programmes = Dictionary(uniqueKeysWithValues: scenario.programmes.map { ($0.id, $0) })
    let horizon = scenario.settings.horizonWeeks

    // Every household appears exactly once: moved whole, or not moved.
    let mentioned = plan.itineraries.map(\.householdID) + plan.unmoved.map(\.householdID)
    if mentioned.sorted() != scenario.households.map(\.id).sorted() {
        problems.append("households moved + not moved != households of the scenario")
    }

    var beds: [String: Int] = [:]
    var seats: [String: Int] = [:]
    var quota: [String: Int] = [:]
    var applying: [String: Int] = [:]
    var cost = 0.0
    let services = Dictionary(uniqueKeysWithValues: scenario.documentServices.map { ($0.id, $0) })
    for itinerary in plan.itineraries {
        let id = itinerary.householdID
        guard var household = households[id], let programme = programmes[itinerary.programmeID],
            let house = houses[itinerary.stay.houseID]
        else {
            problems.append("\(id): unknown household, programme or house")
            continue
        }
        if itinerary.size != household.size { problems.append("\(id): split (size differs)") }
        // A document step: at a service where the household is, open to it, from its ready week; it
        // leaves when the step is over, holding the document for the rest of the way.
        // A step during a transit stay is taken at the transit house's place, in the stay's first week,
        // and must be over before the stay ends; it does not delay leaving home.
        let transit = itinerary.transitStay
        if let step = itinerary.document {
            if let service = services[step.serviceID] {
                if service.location != (transit?.location ?? household.location) {
                    problems.append("\(id): document service elsewhere")
                }
                if !service.serves(nationality: household.nationality, holding: household.strongestDocument) {
                    problems.append("\(id): document service not open to it")
                }
                if step.startWeek < household.readyWeek && !itinerary.isCommitted {
                    problems.append("\(id): applies before ready week")
                }
                if let transit {
                    if step.startWeek != transit.fromWeek || step.startWeek + service.weeks > transit.toWeek + 1 {
                        problems.append("\(id): step not within the transit stay")
                    }
                } else if itinerary.startWeek != step.startWeek + service.weeks {
                    problems.append("\(id): leaves before held")
                }
                if step.startWeek >= 1 { applying["\(service.id)#\(step.startWeek)", default: 0] += household.size }
                cost += service.costPerPerson * Double(household.size)
                household = household.holding(service.obtains)
            } else {
                problems.append("\(id): unknown document service")
            }
        }
        if itinerary.startWeek < household.readyWeek { problems.append("\(id): leaves before ready week") }
        if itinerary.arrivalWeek > horizon { problems.append("\(id): arrives after the horizon") }
        // The route is a chain: location → lodging place → arrival.
        var place = household.location
        var week = itinerary.startWeek
        var days = 0
        // Before a transit stay the household travels as it is (a step during the stay gives its
        // document only for the legs after it).
        let traveller = transit != nil ? households[id]! : household
        var legStart = itinerary.startWeek
        var transitSeen = false
        func enterTransit(_ transit: HouseStay) {
            // The transit stay: on arrival, in a house that takes transit guests, for 1 … its longest stay.
            transitSeen = true
            if transit.fromWeek != itinerary.startWeek + days / 7 { problems.append("\(id): transit not on arrival") }
            if let transitHouse = houses[transit.houseID] {
                let weeks = transit.toWeek - transit.fromWeek + 1
                if !transitHouse.takesTransitGuests || transitHouse.location != transit.location {
                    problems.append("\(id): not a transit house there")
                }
                if weeks < 1 || weeks > (transitHouse.maxStayWeeks ?? Int.max) {
                    problems.append("\(id): transit stay length")
                }
                if !transitHouse.isOpen(throughout: transit.fromWeek...transit.toWeek) {
                    problems.append("\(id): transit house closed")
                }
                if !Set(household.needs).isSubset(of: transitHouse.needsSupported) {
                    problems.append("\(id): transit house needs")
                }
                for stayWeek in transit.fromWeek...transit.toWeek {
                    beds["\(transitHouse.id)#\(stayWeek)", default: 0] += household.size
                }
                cost += transitHouse.costPerPersonWeek * Double(weeks * household.size)
            } else {
                problems.append("\(id): unknown transit house")
            }
            legStart = transit.toWeek + 1
            days = 0
        }
        for travel in itinerary.outbound {
            guard let leg = legs[travel.legID] else { problems.append("\(id): unknown leg"); continue }
            if let transit, !transitSeen, place == transit.location { enterTransit(transit) }
            if leg.from != place { problems.append("\(id): route broken at \(leg.id)") }
            if travel.week != legStart + days / 7 { problems.append("\(id): wrong week on \(leg.id)") }
            days += leg.durationDays
            place = leg.to
            checkLeg(
                leg, household: transitSeen ? household : traveller, locations: locations, id: id,
                problems: &problems)
            seats["\(leg.id)#\(travel.week)", default: 0] += household.size
            cost += leg.costPerPerson * Double(household.size)
        }
        if let transit, !transitSeen, place == transit.location { enterTransit(transit) }
        if transit != nil && !transitSeen { problems.append("\(id): transit stay not on the way") }
        week = legStart + days / 7
        if place != programme.lodgedAt || house.location != programme.lodgedAt {
            problems.append("\(id): stay not where the application is lodged")
        }
        if itinerary.stay.fromWeek != week || itinerary.lodgedWeek != week {
            problems.append("\(id): stay does not start on arrival")
        }
        if itinerary.stay.toWeek - itinerary.stay.fromWeek + 1 != programme.processingWeeks {
            problems.append("\(id): stay is not the processing time")
        }
        if !house.isOpen(throughout: itinerary.stay.fromWeek...itinerary.stay.toWeek) {
            problems.append("\(id): house closed during stay")
        }
        if let maxStay = house.maxStayWeeks, programme.processingWeeks > maxStay {
            problems.append("\(id): stay longer than the house allows")
        }
        for stayWeek in itinerary.stay.fromWeek...itinerary.stay.toWeek {
            beds["\(house.id)#\(stayWeek)", default: 0] += household.size
        }
        cost += house.costPerPersonWeek * Double(programme.processingWeeks * household.size)
        // Programme eligibility.
        if !programme.accepts(nationality: household.nationality) { problems.append("\(id): nationality") }
        if !household.holds(programme.documentsRequired) { problems.append("\(id): programme documents") }
        if !Set(household.needs).isSubset(of: programme.needsServed) { problems.append("\(id): programme needs") }
        if !Set(household.needs).isSubset(of: house.needsSupported) { problems.append("\(id): house needs") }
        for country in [programme.destinationCountry, locations[programme.lodgedAt]!.country]
        where household.excludedCountries.contains(country) {
            problems.append("\(id): excluded country \(country)")
        }
        // A lodging week counts in the month of its Thursday (docs/SCENARIO.md), worked out here on its
        // own rather than through QuotaMonth, so the check stays independent of the planner.
        let date = scenario.settings.startOfWeek(itinerary.lodgedWeek).adding(days: 3)
        let period = programme.quotaPeriod == .month ? "\(date.year)-\(date.month)" : "horizon"
        quota["\(programme.id)#\(period)", default: 0] += household.size
        cost += programme.costPerPerson * Double(household.size)
        // Onward legs depart the week after the stay.
        days = 0
        for travel in itinerary.onward {
            guard let leg = legs[travel.legID] else { problems.append("\(id): unknown leg"); continue }
            if leg.from != place { problems.append("\(id): onward route broken at \(leg.id)") }
            if travel.week != itinerary.stay.toWeek + 1 + days / 7 { problems.append("\(id): wrong onward week") }
            days += leg.durationDays
            place = leg.to
            checkLeg(leg, household: household, locations: locations, id: id, problems: &problems)
            seats["\(leg.id)#\(travel.week)", default: 0] += household.size
            cost += leg.costPerPerson * Double(household.size)
        }
        if place != programme.arrival { problems.append("\(id): does not reach the arrival location") }
        if itinerary.arrivalWeek != itinerary.stay.toWeek + 1 + days / 7 { problems.append("\(id): arrival week") }
    }
    for (key, used) in beds where used > houses[String(key.split(separator: "#")[0])]!.beds {
        problems.append("beds exceeded: \(key)")
    }
    for (key, used) in seats where used > legs[String(key.split(separator: "#")[0])]!.seatsPerWeek {
        problems.append("seats exceeded: \(key)")
    }
    for (key, used) in applying where used > services[String(key.split(separator: "#")[0])]!.capacity ?? Int.max {
        problems.append("document service capacity exceeded: \(key)")
    }
    for (key, used) in quota where used > programmes[String(key.split(separator: "#")[0])]!.quota {
        problems.append("quota exceeded: \(key)")
    }
    // A shared quota counts the persons lodged with any of its programmes, per period, by the same rule.
    for shared in scenario.sharedQuotas {
        var lodged: [String: Int] = [:]
        for itinerary in plan.itineraries where shared.programmeIDs.contains(itinerary.programmeID) {
            let date = scenario.settings.startOfWeek(itinerary.lodgedWeek).adding(days: 3)
            lodged[shared.quotaPeriod == .month ? "\(date.year)-\(date.month)" : "horizon", default: 0] +=
                itinerary.size
        }
        for (period, used) in lodged where used > shared.quota {
            problems.append("shared quota exceeded: \(shared.id)#\(period)")
        }
    }
    if let budget = scenario.settings.budget, cost > budget + 1e-6 { problems.append("budget exceeded") }
    if abs(cost - plan.summary.totalCost) > 1e-6 { problems.append("total cost differs from itineraries") }
    return problems
}

private func checkLeg(
    _ leg: RouteLeg, household: Household, locations: [String: Location], id: String, problems: inout [String]
) {
    guard let required = leg.documents.requirement(for: household.nationality) else {
        problems.append("\(id): nationality may not use \(leg.id)")
        return
    }
    if !household.holds(required) { problems.append("\(id): documents for \(leg.id)") }
    if household.excludedCountries.contains(locations[leg.to]!.country) {
        problems.append("\(id): enters excluded country via \(leg.id)")
    }
}
