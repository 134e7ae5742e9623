import PassageScenario

/// A dense position for every capacity of a scenario in weeks 1…horizon (beds of each house and
/// seats of each leg by week, each programme's and each shared quota by period, the budget), so
/// that work touching capacities millions of times (the reasons a plan gives, the greedy plans)
/// reads arrays instead of hashing keys.
struct ResourcePositions: Sendable {
    private let weeks: Int
    private let seatsStart: Int
    private let quotaStart: Int
    private let sharedQuotaStart: Int
    private let documentsStart: Int
    /// Quota periods per programme: the horizon (0), then each month weeks 1…horizon fall in.
    private let periods: Int
    private let firstMonth: Int
    private let houses: Int, legs: Int, programmes: Int, sharedQuotas: Int, services: Int
    /// Number of positions.
    let count: Int

    init(_ scenario: Scenario) {
        let settings = scenario.settings
        weeks = max(1, settings.horizonWeeks)
        firstMonth = settings.quotaMonth(ofWeek: 1).number
        periods = 1 + settings.quotaMonth(ofWeek: weeks).number - firstMonth + 1
        seatsStart = scenario.safeHouses.count * weeks
        quotaStart = seatsStart + scenario.legs.count * weeks
        sharedQuotaStart = quotaStart + scenario.programmes.count * periods
        documentsStart = sharedQuotaStart + scenario.sharedQuotas.count * periods
        // The budget stays last, after the document services' weeks (none without the optional file).
        count = documentsStart + scenario.documentServices.count * weeks + 1
        services = scenario.documentServices.count
        houses = scenario.safeHouses.count
        legs = scenario.legs.count
        programmes = scenario.programmes.count
        sharedQuotas = scenario.sharedQuotas.count
    }

    /// A quota period's place among `periods`: 0 for the horizon, then the months in order (nil
    /// outside the horizon).
    private func periodOffset(_ period: Int) -> Int? {
        if period == 0 { return 0 }
        let offset = period - firstMonth + 1
        return (1..<periods).contains(offset) ? offset : nil
    }

    /// Every capacity with a position, in order of position.
    var keys: [ResourceKey] {
        var keys: [ResourceKey] = []
        keys.reserveCapacity(count)
        for house in 0..<houses { for week in 1...weeks { keys.append(.beds(house: house, week: week)) } }
        for leg in 0..<legs { for week in 1...weeks { keys.append(.seats(leg: leg, week: week)) } }
        for programme in 0..<programmes {
            keys.append(.quota(programme: programme, period: 0))
            for month in 1..<periods { keys.append(.quota(programme: programme, period: firstMonth + month - 1)) }
        }
        for quota in 0..<sharedQuotas {
            keys.append(.sharedQuota(quota: quota, period: 0))
            for month in 1..<periods { keys.append(.sharedQuota(quota: quota, period: firstMonth + month - 1)) }
        }
        for service in 0..<services { for week in 1...weeks { keys.append(.documents(service: service, week: week)) } }
        keys.append(.budget)
        return keys
    }

    /// The position of `key`, or nil for a week or month outside the horizon.
    func position(of key: ResourceKey) -> Int? {
        switch key {
        case .beds(let house, let week):
            (1...weeks).contains(week) ? house * weeks + week - 1 : nil
        case .seats(let leg, let week):
            (1...weeks).contains(week) ? seatsStart + leg * weeks + week - 1 : nil
        case .quota(let programme, let period):
            periodOffset(period).map { quotaStart + programme * periods + $0 }
        case .sharedQuota(let quota, let period):
            periodOffset(period).map { sharedQuotaStart + quota * periods + $0 }
        case .budget:
            count - 1
        case .documents(let service, let week):
            (1...weeks).contains(week) ? documentsStart + service * weeks + week - 1 : nil
        }
    }
}

/// A value for every capacity of a scenario, held densely by `ResourcePositions`, with a dictionary
/// behind it for the rare key outside the horizon (nil there until set).
struct ResourceTable: Sendable {
    let positions: ResourcePositions
    private var dense: [Double]
    private var outside: [ResourceKey: Double] = [:]

    /// `value(key)` for every capacity with a position.
    init(_ positions: ResourcePositions, value: (ResourceKey) -> Double) {
        self.positions = positions
        dense = positions.keys.map(value)
    }

    /// `values` for the keys it holds, 0 for every other capacity with a position.
    init(_ positions: ResourcePositions, values: [ResourceKey: Double]) {
        self.positions = positions
        dense = [Double](repeating: 0, count: positions.count)
        for (key, value) in values { self[key] = value }
    }

    subscript(key: ResourceKey) -> Double? {
        get { positions.position(of: key).map { dense[$0] } ?? outside[key] }
        set {
            if let position = positions.position(of: key) {
                dense[position] = newValue ?? 0
            } else {
                outside[key] = newValue
            }
        }
    }
}

/// The size of every capacity of a scenario (`Formulation.capacity(of:scenario:)`), read from arrays.
struct ScenarioCapacities: Sendable {
    private let beds: [Double]
    private let seats: [Double]
    private let quota: [Double]
    private let sharedQuota: [Double]
    private let documents: [Double]
    private let budget: Double

    /// Each size as `Formulation.capacity(of:scenario:)` gives it (it does not depend on the period),
    /// so the rule of what a capacity's size is stays in one place.
    init(_ scenario: Scenario) {
        func size(_ key: ResourceKey) -> Double { Formulation.capacity(of: key, scenario: scenario) }
        beds = scenario.safeHouses.indices.map { size(.beds(house: $0, week: 1)) }
        seats = scenario.legs.indices.map { size(.seats(leg: $0, week: 1)) }
        quota = scenario.programmes.indices.map { size(.quota(programme: $0, period: 0)) }
        sharedQuota = scenario.sharedQuotas.indices.map { size(.sharedQuota(quota: $0, period: 0)) }
        documents = scenario.documentServices.indices.map { size(.documents(service: $0, week: 1)) }
        budget = size(.budget)
    }

    func capacity(of key: ResourceKey) -> Double {
        switch key {
        case .beds(let house, _): beds[house]
        case .seats(let leg, _): seats[leg]
        case .quota(let programme, _): quota[programme]
        case .sharedQuota(let shared, _): sharedQuota[shared]
        case .budget: budget
        case .documents(let service, _): documents[service]
        }
    }
}
