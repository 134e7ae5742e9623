import LinearProgramming
import PassageScenario

/// One move column before it joins the model: a class's pathway and start week, what it uses, its
/// bound and its cost, worked out from the class alone (`Formulation` adds them in class order).
struct ColumnDraft: Sendable {
    /// Index into the class's `ClassOptions.pathways`.
    var pathway: Int
    var startWeek: Int
    /// Households at most: the class's count, or fewer when a capacity on the way has less room.
    var bound: Int
    var coefficient: Double
    /// Whether this is the class's pathway in the previous plan (its cost already rewards keeping it).
    var isPrevious: Bool
    var use: [(key: ResourceKey, amount: Double)]
    /// The house pool the column draws on, when its pathway's house is pooled.
    var pool: HousePool?

    /// The drafts of every pathway and start week of `householdClass`, in the order of its options.
    static func drafts(
        of householdClass: HouseholdClass, options: ClassOptions, scenario: Scenario,
        objective: ObjectiveCoefficients, seatLegs: Set<Int>, pinnedUse: [ResourceKey: Double]
    ) -> [ColumnDraft] {
        let profile = householdClass.profile
        let persons = Double(profile.size)
        let settings = scenario.settings
        var drafts: [ColumnDraft] = []
        for (p, pathway) in options.pathways.enumerated() {
            for week in options.startWeeks[p] {
                let used = resourceUse(
                    of: pathway, startWeek: week, persons: persons, scenario: scenario, seatLegs: seatLegs)
                // At most as many households as every capacity on the way has room for: a household
                // larger than a house's beds cannot take that pathway at all. (Without this bound the
                // LP relaxation moves fractions of such households and is far weaker.)
                var bound = householdClass.count
                for (key, amount) in used where amount > 0 {
                    let capacity = Formulation.capacity(of: key, scenario: scenario)
                    let room = max(0, capacity - pinnedUse[key, default: 0])
                    if room.isFinite { bound = min(bound, Int((room / amount + 1e-9).rounded(.down))) }
                }
                var coefficient = objective.move(pathway, week: week, profile: profile)
                var isPrevious = false
                if let key = profile.previous, key == PathwayKey(pathway, startWeek: week, scenario: scenario) {
                    coefficient -= settings.objective.changePenalty
                    isPrevious = true
                }
                let pool = pathway.pooledHouses.map { houses in
                    HousePool(
                        programme: pathway.programme, lodgedWeek: week + pathway.lodgeOffset, houses: houses,
                        size: profile.size)
                }
                drafts.append(
                    ColumnDraft(
                        pathway: p, startWeek: week, bound: bound, coefficient: coefficient, isPrevious: isPrevious,
                        use: used, pool: pool))
            }
        }
        return drafts
    }
}

/// The terms of every capacity row while a formulation is built, held by the capacity's dense
/// position (`ResourcePositions`), with a dictionary for the rare capacity outside the horizon.
struct RowTerms {
    private let positions: ResourcePositions
    private var dense: [LinearExpression]
    /// Whether a column was added to the row, even with a zero amount (its row then exists, empty).
    private var touched: [Bool]
    private var outside: [ResourceKey: LinearExpression] = [:]

    init(_ positions: ResourcePositions) {
        self.positions = positions
        dense = [LinearExpression](repeating: LinearExpression(), count: positions.count)
        touched = [Bool](repeating: false, count: positions.count)
    }

    /// Adds `amount · variable` to the row of `key`.
    mutating func add(_ amount: Double, _ variable: Variable, to key: ResourceKey) {
        if let position = positions.position(of: key) {
            dense[position].add(amount, variable)
            touched[position] = true
        } else {
            outside[key, default: LinearExpression()].add(amount, variable)
        }
    }

    /// Every capacity some column uses, in the order of `ResourceKey`, with its terms.
    func rows() -> [(key: ResourceKey, terms: LinearExpression)] {
        let keys = positions.keys
        var rows: [(key: ResourceKey, terms: LinearExpression)] = []
        for (position, terms) in dense.enumerated() where touched[position] { rows.append((keys[position], terms)) }
        for (key, terms) in outside { rows.append((key, terms)) }
        return rows.sorted { $0.key < $1.key }
    }
}
