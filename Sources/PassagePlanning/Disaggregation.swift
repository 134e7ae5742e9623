import LinearProgramming
import PassageScenario

/// From class-level counts to concrete moves: which pathway, with which safe house, each member of a
/// class takes.
extension Formulation {
    /// For each class, the concrete pathway (house fixed) and start week of each household the
    /// solution moves, in the order the class's members take them: start week, then pathway; a pooled
    /// move takes the lowest-numbered house of its pool that the solution still has room for.
    ///
    /// A pool's households all have the same size and stay, so its houses can go to any of them. If
    /// that first assignment leaves some household on a move that costs more than leaving it
    /// unmoved, the pool's houses are given again: the households with the least to spare (unmoved
    /// cost less move cost) get the cheapest houses, which keeps every move worth making whenever
    /// any assignment does (an exchange argument).
    func assignments(_ solution: Solution) -> [[(pathway: Pathway, startWeek: Int)]] {
        let scenario = index.scenario
        let costs = model.objectiveCoefficients
        var housesLeft = stays.map { Int(solution.value($0.variable).rounded()) }
        // Every household a pooled move placed: its class, place in the class's list, stay and slack.
        var placed: [Int: [(householdClass: Int, slot: Int, stay: Int, slack: Double, pooled: Pathway)]] = [:]
        var result: [[(pathway: Pathway, startWeek: Int)]] = []
        for householdClass in classes {
            let c = householdClass.index
            let chosen = movesOfClass[c].compactMap { position -> (Int, Int)? in
                let count = Int(solution.value(moves[position].variable).rounded())
                return count > 0 ? (position, count) : nil
            }.sorted { (moves[$0.0].startWeek, moves[$0.0].pathway) < (moves[$1.0].startWeek, moves[$1.0].pathway) }
            var list: [(pathway: Pathway, startWeek: Int)] = []
            for (position, count) in chosen {
                let move = moves[position]
                let pathway = options[c].pathways[move.pathway]
                for _ in 0..<min(count, householdClass.count - list.count) {
                    guard let pool = move.pool else {
                        list.append((pathway, move.startWeek))
                        continue
                    }
                    let range = staysOfPool[pool]
                    let s = range.first { housesLeft[$0] > 0 } ?? range.lowerBound
                    if range.contains(s) {
                        housesLeft[s] -= 1
                        let slack = costs[unmoved[c].index] - costs[move.variable.index]
                        placed[pool, default: []].append((c, list.count, s, slack, pathway))
                    }
                    let house = range.isEmpty ? pathway.house : stays[s].house
                    list.append((pathway.staying(in: house, scenario: scenario), move.startWeek))
                }
            }
            result.append(list)
        }
        for (_, households) in placed.sorted(by: { $0.key < $1.key }) {
            let stayCost = { (s: Int) in costs[self.stays[s].variable.index] }
            guard households.contains(where: { stayCost($0.stay) >= $0.slack - 1e-9 }) else { continue }
            let byCost = households.map(\.stay).sorted { (stayCost($0), $0) < (stayCost($1), $1) }
            let bySlack = households.sorted {
                ($0.slack, $0.householdClass, $0.slot) < ($1.slack, $1.householdClass, $1.slot)
            }
            for (household, stay) in zip(bySlack, byCost) {
                let startWeek = result[household.householdClass][household.slot].startWeek
                result[household.householdClass][household.slot] = (
                    household.pooled.staying(in: stays[stay].house, scenario: scenario), startWeek
                )
            }
        }
        return result
    }

    /// Every capacity a household of `persons` uses on a concrete pathway, seats of every leg included.
    func fullUse(of pathway: Pathway, startWeek: Int, persons: Int) -> [(key: ResourceKey, amount: Double)] {
        resourceUse(of: pathway, startWeek: startWeek, persons: Double(persons), scenario: index.scenario)
    }

    /// What each concrete way of taking a move column uses, seats of every leg included: its pathway
    /// (`stay` nil), or each house of its pool (`stay` the stay column). The part shared by a pool's
    /// houses is computed once.
    /// `shared`, when the caller has it already, is what every way shares (the move's `resourceUse`).
    func concreteUses(
        ofMove position: Int, shared known: [(key: ResourceKey, amount: Double)]? = nil
    ) -> [(stay: Int?, use: [(key: ResourceKey, amount: Double)])] {
        let move = moves[position]
        let pathway = options[move.householdClass].pathways[move.pathway]
        let persons = Double(classes[move.householdClass].profile.size)
        let shared =
            known
            ?? resourceUse(of: pathway, startWeek: move.startWeek, persons: persons, scenario: index.scenario)
        guard let pool = move.pool else { return [(nil, shared)] }
        return staysOfPool[pool].map { s in (s, concreteUse(shared: shared, stay: s)) }
    }

    /// Calls `body` with what the plan `values` uses of each capacity, column by column: each move
    /// column's pathway (seats of every leg included, a pooled move's beds aside) times its value,
    /// then each stay column's beds and money times its value.
    func forEachUse(of values: [Double], _ body: (ResourceKey, Double) -> Void) {
        let scenario = index.scenario
        for move in moves where values[move.variable.index] > 0.5 {
            let count = values[move.variable.index]
            let persons = Double(classes[move.householdClass].profile.size)
            for (key, amount) in resourceUse(
                of: options[move.householdClass].pathways[move.pathway], startWeek: move.startWeek,
                persons: persons, scenario: scenario)
            {
                body(key, count * amount)
            }
        }
        for stay in stays where values[stay.variable.index] > 0.5 {
            for (key, amount) in stay.usage { body(key, values[stay.variable.index] * amount) }
        }
    }

    /// What taking a pooled move column in the house of stay column `stay` uses: `shared` (what
    /// every house of the pool shares) with the stay's beds and money added.
    func concreteUse(
        shared: [(key: ResourceKey, amount: Double)], stay: Int
    ) -> [(key: ResourceKey, amount: Double)] {
        var use = shared
        for (key, amount) in stays[stay].usage {
            if let i = use.firstIndex(where: { $0.key == key }) {
                use[i].amount += amount
            } else {
                use.append((key, amount))
            }
        }
        return use
    }
}

extension Formulation {
    /// Legs without seat rows that a solution overfills (concrete moves plus commitments), ascending.
    func overfilledLegs(_ solution: Solution) -> Set<Int> {
        guard solution.status.hasSolution else { return [] }
        let scenario = index.scenario
        var seats: [ResourceKey: Double] = [:]
        for (key, amount) in pinnedUse {
            if case .seats = key { seats[key] = amount }
        }
        for (householdClass, moves) in zip(classes, assignments(solution)) {
            for move in moves {
                for (key, amount) in fullUse(
                    of: move.pathway, startWeek: move.startWeek, persons: householdClass.profile.size)
                {
                    if case .seats = key { seats[key, default: 0] += amount }
                }
            }
        }
        var legs: Set<Int> = []
        for (key, amount) in seats {
            guard case .seats(let leg, _) = key, !seatLegs.contains(leg) else { continue }
            // Commitments alone may overfill a leg; a row cannot undo that, so it is reported, not added.
            if amount > Double(scenario.legs[leg].seatsPerWeek) + 1e-6, amount > pinnedUse[key, default: 0] + 1e-6 {
                legs.insert(leg)
            }
        }
        return legs
    }

    /// A solution of this formulation made of given column values (for plans not found by the solver).
    func solution(_ values: [Double], status: SolveStatus, bound: Double?, seconds: Double) -> Solution {
        Solution(
            status: status, objectiveValue: model.objectiveValue(of: values), bestBound: bound, values: values,
            rowActivities: (0..<model.constraintCount).map {
                model.activity(of: Constraint(index: $0), values: values)
            },
            solveSeconds: seconds)
    }
}

extension Formulation {
    /// `values`, a solution of `smaller` (this scenario's formulation before route variants were
    /// added), as the same plan in this formulation's columns: each class keeps its first columns in
    /// the same order when variants are added, and house pools are matched by what they are.
    func translating(_ values: [Double], from smaller: Formulation) -> [Double] {
        var result = [Double](repeating: 0, count: model.variableCount)
        for householdClass in smaller.classes {
            let c = householdClass.index
            let offset = movesOfClass[c].lowerBound - smaller.movesOfClass[c].lowerBound
            for position in smaller.movesOfClass[c] {
                result[moves[position + offset].variable.index] = values[smaller.moves[position].variable.index]
            }
            result[unmoved[c].index] = values[smaller.unmoved[c].index]
        }
        var poolIndex: [HousePool: Int] = [:]
        for (q, pool) in pools.enumerated() { poolIndex[pool] = q }
        for stay in smaller.stays where values[stay.variable.index] != 0 {
            guard let q = poolIndex[smaller.pools[stay.pool]],
                let same = staysOfPool[q].first(where: { stays[$0].house == stay.house })
            else { continue }
            result[stays[same].variable.index] = values[stay.variable.index]
        }
        return result
    }
}
