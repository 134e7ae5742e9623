import LinearProgramming

/// The way coordinators assign by hand: most urgent households first, longest waiting (earliest
/// ready week) next, each on its earliest, then cheapest, pathway that still has room in every
/// capacity. Used as branch-and-cut's first incumbent, so a solve stopped early still returns a plan
/// at least this good, and as the baseline the optimised plan is measured against.
///
/// Room is checked on every capacity, including legs without seat rows, so the greedy plan is
/// feasible for the full model, not only for this formulation.
///
/// Guided by the LP relaxation (`guide`, one value per column), it first gives each move column its
/// rounded relaxation value in households, largest first, in houses the relaxation uses most, then
/// fills what is left the plain way: LP rounding with a feasibility repair.
///
/// With `prices` (a reduced cost per column, from the Lagrangian bound), each class tries its
/// columns cheapest at those prices first, and a pool's houses likewise: capacities that are short
/// for everyone are priced, so a household takes the way that costs the others least.
extension Formulation {
    /// `plan` (column values feasible for the full model) with every household it leaves unmoved
    /// moved where room remains and moving costs less than leaving it, cheapest way first, most
    /// urgent households first; every move of `plan` is kept. Room freed by an improvement (a
    /// neighbourhood's MIP moving households elsewhere) can take households outside that
    /// neighbourhood: this hands it to them.
    func filling(_ plan: [Double]) -> [Double] {
        greedySolution(prices: model.objectiveCoefficients, start: plan)
    }

    /// Column values of the greedy plan (move, stay and unmoved counts), feasible for `model`.
    /// From `start` (a plan feasible for the full model), it keeps every move of it and places only
    /// the households it leaves unmoved.
    func greedySolution(guide: [Double]? = nil, prices: [Double]? = nil, start: [Double]? = nil) -> [Double] {
        let scenario = index.scenario
        var values = start ?? [Double](repeating: 0, count: model.variableCount)
        // What is left of each capacity: its row's room, else its size less what commitments use.
        // Read for every column tried, so held densely (`ResourceTable`).
        let sizes = ScenarioCapacities(scenario)
        var room = ResourceTable(ResourcePositions(scenario)) { sizes.capacity(of: $0) }
        for (key, amount) in pinnedUse { room[key] = (room[key] ?? sizes.capacity(of: key)) - amount }
        for row in resourceRows { room[row.key] = row.capacity }
        var placedIn = [Int](repeating: 0, count: classes.count)
        if start != nil { takeRoom(of: values, from: &room, placedIn: &placedIn, sizes: sizes) }
        func roomLeft(_ key: ResourceKey) -> Double {
            if let left = room[key] { return left }
            let left = sizes.capacity(of: key) - pinnedUse[key, default: 0]
            room[key] = left
            return left
        }
        let order = classes.sorted {
            ($0.profile.urgency, $0.profile.readyWeek, $0.index) < ($1.profile.urgency, $1.profile.readyWeek, $1.index)
        }
        let costs = model.objectiveCoefficients
        // What the sorts below read, held apart from `self`: a closure that reads `self` copies the
        // whole formulation (a retain per field) every time it is made, once per class.
        let moves = self.moves
        let stayColumn = stays.map(\.variable.index)
        let objective = ObjectiveCoefficients(weights: scenario.settings.objective)
        // Pass 1 (with a guide): the relaxation's moves, rounded, largest first.
        var guided: [(position: Int, count: Int)] = []
        if let guide {
            for (position, move) in moves.enumerated() {
                let count = Int((guide[move.variable.index] - 1e-6).rounded(.up))
                if count > 0 { guided.append((position, count)) }
            }
            // Most urgent, longest waiting classes first (as by hand), each on its relaxation's moves.
            let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1.index, $0) })
            guided.sort {
                let (a, b) = (moves[$0.position], moves[$1.position])
                return (rank[a.householdClass]!, -guide[a.variable.index], $0.position)
                    < (rank[b.householdClass]!, -guide[b.variable.index], $1.position)
            }
        }
        var passes: [[(position: Int, count: Int)]] = [guided]
        // A pooled move at `prices` costs its column and its pool's cheapest house.
        var poolPrice: [Double] = []
        if let prices {
            poolPrice = staysOfPool.map { range in range.map { prices[stays[$0].variable.index] }.min() ?? .infinity }
        }
        for householdClass in order where placedIn[householdClass.index] < householdClass.count {
            let c = householdClass.index
            let sorted: [Int]
            if let prices {
                var priced: [(position: Int, price: Double)] = []
                priced.reserveCapacity(movesOfClass[c].count)
                for m in movesOfClass[c] {
                    let move = moves[m]
                    priced.append((m, prices[move.variable.index] + (move.pool.map { poolPrice[$0] } ?? 0)))
                }
                sorted = priced.sorted { ($0.price, $0.position) < ($1.price, $1.position) }.map(\.position)
            } else {
                sorted = movesOfClass[c].sorted {
                    let (a, b) = (moves[$0], moves[$1])
                    return (a.startWeek, costs[a.variable.index], $0) < (b.startWeek, costs[b.variable.index], $1)
                }
            }
            passes.append(sorted.map { ($0, householdClass.count) })
        }
        // Most columns tried late in a long run are blocked by a full programme quota (at 100,000
        // households, hundreds of columns for each class left unmoved): it is checked first, from
        // each pathway's programme and lodging week, held flat by class, before the column's whole
        // use is worked out.
        let horizon = scenario.settings.horizonWeeks
        let quotaPeriodOfWeek = scenario.programmes.map { programme in
            (0...horizon).map { $0 < 1 ? 0 : quotaPeriod(programme, lodgedWeek: $0, settings: scenario.settings) }
        }
        var firstPathway: [Int] = []
        var pathwayProgramme: [Int] = []
        var pathwayLodging: [Int] = []
        for classOptions in options {
            firstPathway.append(pathwayProgramme.count)
            for pathway in classOptions.pathways {
                pathwayProgramme.append(pathway.programme)
                pathwayLodging.append(pathway.lodgeOffset)
            }
        }
        for pass in passes {
            for (position, wanted) in pass {
                let move = moves[position]
                let c = move.householdClass
                let householdClass = classes[c]
                let persons = Double(householdClass.profile.size)
                let unmovedCost = objective.unmoved(householdClass.profile)
                var placed = placedIn[c]
                let limit = min(householdClass.count, placed + wanted)
                guard placed < limit else { continue }
                // The quota `resourceUse` gives a pathway lodged within the horizon.
                let flat = firstPathway[c] + move.pathway
                let lodged = move.startWeek + pathwayLodging[flat]
                if lodged >= 1 && lodged <= horizon {
                    let programme = pathwayProgramme[flat]
                    let quota = ResourceKey.quota(programme: programme, period: quotaPeriodOfWeek[programme][lodged])
                    if roomLeft(quota) < persons - 1e-9 { continue }
                }
                let pathway = options[c].pathways[move.pathway]
                // Most columns tried late in a long run are blocked by a full leg or quota: check
                // what every way of taking the column shares (but money, which a stay adds to) first.
                let shared = resourceUse(
                    of: pathway, startWeek: move.startWeek, persons: persons, scenario: scenario)
                if shared.contains(where: { $0.key != .budget && roomLeft($0.key) < $0.amount - 1e-9 }) { continue }
                // The ways to take this column: its pathway, or each house of its pool, cheapest first.
                var ways: [(stay: Int?, use: [(key: ResourceKey, amount: Double)], cost: Double)] = []
                if let pool = move.pool {
                    for stay in staysOfPool[pool] {
                        let cost = costs[move.variable.index] + costs[stays[stay].variable.index]
                        guard cost < unmovedCost else { continue }
                        // A house without room for the stay's own beds (or money) has none for the
                        // whole way (which adds the shared part), now or later in this pass: left
                        // out before its way is built, as most are late in a long run.
                        if stays[stay].usage.contains(where: { roomLeft($0.key) < $0.amount - 1e-9 }) { continue }
                        ways.append((stay, concreteUse(shared: shared, stay: stay), cost))
                    }
                    if let prices {
                        ways.sort {
                            (prices[stayColumn[$0.stay!]], $0.cost, $0.stay!)
                                < (prices[stayColumn[$1.stay!]], $1.cost, $1.stay!)
                        }
                    } else if let guide {
                        ways.sort {
                            (-guide[stayColumn[$0.stay!]], $0.cost, $0.stay!)
                                < (-guide[stayColumn[$1.stay!]], $1.cost, $1.stay!)
                        }
                    } else {
                        ways.sort { ($0.cost, $0.stay!) < ($1.cost, $1.stay!) }
                    }
                } else {
                    ways.append((nil, shared, costs[move.variable.index]))
                }
                for way in ways where way.cost < unmovedCost {
                    while placed < limit, way.use.allSatisfy({ roomLeft($0.key) >= $0.amount - 1e-9 }) {
                        for (key, amount) in way.use { room[key] = roomLeft(key) - amount }
                        values[move.variable.index] += 1
                        if let s = way.stay { values[stays[s].variable.index] += 1 }
                        placed += 1
                    }
                }
                placedIn[c] = placed
            }
        }
        for householdClass in classes {
            values[unmoved[householdClass.index].index] = Double(householdClass.count - placedIn[householdClass.index])
        }
        return values
    }

    /// Takes from `room` what the plan `values` uses and counts each class's households it moves.
    private func takeRoom(
        of values: [Double], from room: inout ResourceTable, placedIn: inout [Int], sizes: ScenarioCapacities
    ) {
        forEachUse(of: values) { key, amount in
            room[key] = (room[key] ?? sizes.capacity(of: key) - pinnedUse[key, default: 0]) - amount
        }
        for move in moves where values[move.variable.index] > 0.5 {
            placedIn[move.householdClass] += Int(values[move.variable.index].rounded())
        }
    }
}
