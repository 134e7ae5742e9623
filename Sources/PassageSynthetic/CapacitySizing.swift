import PassageScenario

/// Sets quotas, beds, seats and the budget from the caseload so that they bind: each is sized for
/// `profile.capacityShare` of the persons (about half), never for everyone, and shared unevenly
/// between services so that some run out before others.
struct CapacitySizing {
    let persons: Int
    let share: Double
    let horizon: Int
    /// Calendar months touched by the horizon (month quotas count per month of lodging).
    let months: Int

    init(persons: Int, profile: SyntheticProfile, settings: ScenarioSettings) {
        self.persons = persons
        share = profile.capacityShare
        horizon = settings.horizonWeeks
        let first = settings.startDate
        let last = settings.startOfWeek(horizon).adding(days: 6)
        months = (last.year - first.year) * 12 + last.month - first.month + 1
    }

    /// Persons the services are sized for.
    private var movable: Double { Double(persons) * share }

    /// Quotas: the movable persons split between programmes with uneven weights (0.5…1.5); a month
    /// quota is the programme's share divided over the months.
    func sizeQuotas(_ programmes: inout [VisaProgramme], random: inout SeededRandom) {
        let weights = programmes.map { _ in 0.5 + random.unit() }
        let total = weights.reduce(0, +)
        for index in programmes.indices {
            let places = movable * weights[index] / total
            let periods = programmes[index].quotaPeriod == .month ? Double(months) : 1
            programmes[index].quota = max(1, Int((places / periods).rounded(.down)))
        }
    }

    /// Beds: each lodging place's houses share the bed-weeks its programmes' quotas would use
    /// (quota × processing weeks), so beds bind about as hard as quotas.
    func sizeBeds(_ houses: inout [SafeHouse], programmes: [VisaProgramme], random: inout SeededRandom) {
        var demand: [String: Double] = [:]
        for programme in programmes {
            let periods = programme.quotaPeriod == .month ? Double(months) : 1
            demand[programme.lodgedAt, default: 0] += Double(programme.quota) * periods * Double(programme.processingWeeks)
        }
        let weights = houses.map { _ in 0.5 + random.unit() }
        var weightAt: [String: Double] = [:]
        for (house, weight) in zip(houses, weights) { weightAt[house.location, default: 0] += weight }
        for index in houses.indices {
            let house = houses[index]
            let openWeeks = Double((house.openUntilWeek ?? horizon) - house.openFromWeek + 1)
            let bedWeeks = (demand[house.location] ?? 0) * weights[index] / weightAt[house.location]!
            houses[index].beds = max(2, Int((bedWeeks / openWeeks).rounded(.down)))
        }
    }

    /// Seats: each role's legs together carry about 2.5 times the weekly flow of movable persons,
    /// split unevenly, so a few legs bind in busy weeks.
    func sizeSeats(_ legs: inout [RouteLeg], roles: [LegRole], random: inout SeededRandom) {
        let weeklyFlow = movable / Double(horizon)
        for role in LegRole.allCases {
            let members = roles.indices.filter { roles[$0] == role }
            for index in members {
                let seats = 2.5 * weeklyFlow / Double(members.count) * (0.5 + random.unit())
                legs[index].seatsPerWeek = max(3, Int(seats.rounded(.down)))
            }
        }
    }

    /// Budget: the movable persons times a typical pathway's cost, rounded down to hundreds.
    func budget(programmes: [VisaProgramme], houses: [SafeHouse], legs: [RouteLeg]) -> Double {
        func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        let stay = mean(programmes.map { Double($0.processingWeeks) }) * mean(houses.map(\.costPerPersonWeek))
        let typical = mean(programmes.map(\.costPerPerson)) + stay + 2 * mean(legs.map(\.costPerPerson))
        return (movable * typical / 100).rounded(.down) * 100
    }
}
