import LinearProgramming

/// Improves a plan that respects every capacity one household at a time, without a solver
/// (docs/MODEL.md, "Improvement: local search").
///
/// Each household in turn is taken out of the plan and put back on the cheapest of its candidate
/// ways: one that has room, or one that has room once a single other household holding what is short
/// (one of the few that would lose least) gives it up and takes its own cheapest way with room
/// (possibly the first household's old way, so two households may swap), or is left unmoved. A
/// change is kept only when the plan's objective falls, so the search ends at a plan no such change
/// improves. Candidate ways are each class's cheapest at the given prices (a pooled move in each of
/// its cheapest houses) and at its own costs, and the ways the plan gives it. Room is checked on
/// every capacity, seats of every leg included, so every plan it returns respects every capacity of
/// the full model. Ruin-and-recreate trials follow, kept by simulated annealing's acceptance
/// (`AnnealingSchedule`); the best plan met is returned. One thread, a fixed order and a seeded
/// generator: the same plan from the same start on any machine, unless the deadline ends the search.
struct PlanLocalSearch {
    let formulation: Formulation
    /// Moves of each class cheapest at the prices that become candidate ways.
    var pricedMovesPerClass = 12
    /// Houses of a pooled move's pool, cheapest at the prices, each a candidate way.
    var housesPerMove = 3
    /// Moves of each class cheapest at their own cost (in their cheapest house) that become
    /// candidate ways.
    var cheapestMovesPerClass = 4
    /// Passes over every household at most; a pass that changes nothing ends the search earlier.
    var passes = 20
    /// Ruin-and-recreate trials after the passes (nil: for a share of the time to the deadline,
    /// none without one).
    var trials: Int? = nil
    /// Households a trial takes out of the plan around one capacity, and households left unmoved
    /// that want it given a chance, at most.
    var ruined = 8
    var invited = 8
    /// The trials' first temperature (`AnnealingSchedule`) as a multiple of the start plan's
    /// objective per household; 0 keeps only trials that make the plan cheaper. 0.5 rather than 1:
    /// 1 went further in fixed trials at 2,000 households but wandered off in one of four 60-second
    /// plans at 500 (docs/MODEL.md, "The local search, stop 36").
    var recreateTemperature = 0.5
    /// The trials' last temperature as a fraction of their first.
    var recreateCooling = 0.01
    /// Households holding what a way lacks whose own next way is worked out for each way tried, at
    /// most: those whose last known next way cost them least. A capacity many households use (a
    /// programme's quota) would otherwise have each of them looked at for every household short of
    /// it (16 s for the first passes at 10,000 households instead of about 1 s).
    var ejectionCandidates = 16

    /// What a search did.
    struct Outcome: Sendable {
        /// Column values of the best plan (of `formulation.model`), respecting every capacity.
        var values: [Double]
        /// Its objective.
        var objective: Double
        /// Changes kept by the passes (one household moved, or two).
        var changes: Int
        /// Passes begun.
        var passes: Int
        /// Ruin-and-recreate trials made, and how many were kept.
        var trials: Int
        var keptTrials: Int
        /// Whether the deadline ended the passes before one changed nothing.
        var stoppedByDeadline: Bool
    }

    /// Improves `values` (a plan respecting every capacity, seats of every leg included): passes
    /// until no change improves it, `passes` are done, or `deadline`; then ruin-and-recreate trials,
    /// `trials` of them or, when that is nil, for `recreateShare` of the time left before
    /// `deadline` (none without one). `prices` holds one reduced cost per column (the formulation's
    /// objective coefficients when nil) and decides the candidate ways.
    func improve(
        _ values: [Double], prices: [Double]?, deadline: ContinuousClock.Instant?, recreateShare: Double = 0.5
    ) -> Outcome {
        var state = LocalSearchState(
            formulation: formulation, values: values, prices: prices ?? formulation.model.objectiveCoefficients,
            settings: self)
        var changes = 0
        var passesBegun = 0
        var stopped = false
        search: for _ in 0..<passes {
            passesBegun += 1
            var changedThisPass = 0
            for (visited, unit) in state.order.enumerated() {
                if visited % 64 == 0, let deadline, ContinuousClock.now >= deadline {
                    stopped = true
                    break search
                }
                if state.improve(unit: unit) {
                    changedThisPass += 1
                    changes += 1
                }
            }
            if changedThisPass == 0 { break }
        }
        // Ruin and recreate: households around one capacity out, then back in in a random order
        // (with some left unmoved that want it), kept only when the plan is cheaper. The generator's
        // seed is fixed: the same trials from the same plan on any machine.
        var random = SplitMix64(seed: 0x5EED)
        var trialsRun = 0
        var kept = 0
        let recreateStart = ContinuousClock.now
        let recreateUntil = deadline.map { recreateStart + recreateStart.duration(to: $0) * recreateShare }
        let perHousehold = formulation.model.objectiveValue(of: state.values) / Double(max(1, state.order.count))
        let schedule = AnnealingSchedule(start: recreateTemperature * perHousehold, finalRatio: recreateCooling)
        // The plan's objective less the passes', and the changes since the best plan met: a kept
        // trial may make the plan dearer, and the best one met is returned.
        var change = 0.0
        var bestChange = 0.0
        var sinceBest: [(unit: Int, way: Int)] = []
        if !stopped, trials != nil || recreateUntil != nil {
            while trials.map({ trialsRun < $0 }) ?? true {
                if trialsRun % 16 == 0, let until = trials == nil ? recreateUntil : deadline,
                    ContinuousClock.now >= until
                {
                    break
                }
                // How far the trials are: by count when they are counted, else by the time they have.
                let progress: Double
                if let trials {
                    progress = Double(trialsRun) / Double(max(1, trials))
                } else if let until = recreateUntil {
                    progress =
                        recreateStart.duration(to: .now) / max(recreateStart.duration(to: until), .nanoseconds(1))
                } else {
                    progress = 1
                }
                trialsRun += 1
                let threshold = schedule.threshold(at: progress, random: &random)
                guard
                    let delta = state.ruinAndRecreate(
                        random: &random, ruined: ruined, invited: invited, threshold: threshold)
                else { continue }
                kept += 1
                change += delta
                if change < bestChange - 1e-6 {
                    bestChange = change
                    sinceBest.removeAll(keepingCapacity: true)
                } else {
                    sinceBest.append(contentsOf: state.journal)
                }
            }
        }
        state.undo(sinceBest)
        return Outcome(
            values: state.values, objective: formulation.model.objectiveValue(of: state.values), changes: changes,
            passes: passesBegun, trials: trialsRun, keptTrials: kept, stoppedByDeadline: stopped)
    }
}

/// A plan as households on ways, with the room every capacity has left and who uses it.
private struct LocalSearchState {
    /// Column values of the plan, kept in step with `wayOfUnit`.
    var values: [Double]
    let upper: [Double]
    let lower: [Double]
    /// Whether some column has a lower bound above zero (commitments to keep): without one, every
    /// unit may leave its way.
    let anyLowerBound: Bool
    // Candidate ways, flat: a move column, its stay column (-1 for none), its cost, and its use of
    // capacities (positions and amounts, `useStart[w]..<useStart[w + 1]`).
    var wayMove: [Int] = []
    var wayStay: [Int] = []
    var wayCost: [Double] = []
    var useStart: [Int] = [0]
    var usePosition: [Int] = []
    var useAmount: [Double] = []
    /// Ways of each class, cheapest first.
    var waysOfClass: [Range<Int>] = []
    /// Column of each class's `unmoved` count, and its cost per household.
    let unmovedColumn: [Int]
    let unmovedCost: [Double]
    /// Persons in each class's households: a trial may put the largest back first.
    let personsOfClass: [Int]
    /// One unit per household: its class and way (-1: unmoved).
    var classOfUnit: [Int] = []
    var wayOfUnit: [Int] = []
    /// Units in the order they are visited: most urgent, longest waiting classes first.
    var order: [Int] = []
    /// What each capacity has left, and the units whose ways use it (not the budget, which every
    /// way uses).
    var room: [Double]
    var users: [[Int]]
    let budget: Int
    /// Changes kept so far (each the way given up counted once), and at which of them each
    /// capacity last had room freed.
    var version = 0
    var changedAt: [Int]
    /// When each unit was last checked and found no better change (-1: since changed, or never).
    var checkedAt: [Int] = []
    /// The capacities that were short on the cheaper ways of each unit when last checked.
    var blockers: [[Int]] = []
    /// Each unit's cheapest other way with the unit being improved out of the plan, computed at
    /// most once per improvement (`evaluation`).
    var evaluation = 0
    var freeWay: [Int] = []
    var freeWayEvaluation: [Int] = []
    /// The way each unit held when its `freeWay` was last worked out (-2: never): while it holds it
    /// still, what that next way cost it more is its estimated loss as an ejected household.
    var freeWayHeld: [Int] = []
    /// The households an improvement looks at for one way, fewest estimated loss first.
    var ejectionCandidates: SmallestFew<RankedIndex>
    /// Ruin and recreate: whether changes are being recorded, the trial, each unit's way before the
    /// trial changed it, and which units the trial has recorded.
    var recording = false
    var trial = 0
    var journal: [(unit: Int, way: Int)] = []
    var journaled: [Int] = []
    /// Classes with a candidate way using each capacity (not the budget), and each class's units.
    var wanters: [[Int]] = []
    var unitsOfClass: [[Int]] = []
    /// What the ways `scatteredTaken` and `scatteredFreed` (-1: none) use of each capacity, spread
    /// out by position (zero elsewhere): `fits` reads them instead of searching a way's uses for each
    /// of the other way's capacities (the trials take a third less time with them at 2,000 households).
    var scatteredTaken = -1
    var scatteredFreed = -1
    var takenAmount: [Double] = []
    var freedAmount: [Double] = []

    init(formulation f: Formulation, values: [Double], prices: [Double], settings: PlanLocalSearch) {
        let scenario = f.index.scenario
        self.values = values
        ejectionCandidates = SmallestFew(limit: max(1, settings.ejectionCandidates))
        let upper = f.model.variables.map(\.upperBound)
        self.upper = upper
        lower = f.model.variables.map(\.lowerBound)
        anyLowerBound = lower.contains { $0 > 0 }
        let costs = f.model.objectiveCoefficients
        unmovedColumn = f.unmoved.map(\.index)
        let unmovedCost = f.unmoved.map { costs[$0.index] }
        self.unmovedCost = unmovedCost
        personsOfClass = f.classes.map(\.profile.size)
        let positions = ResourcePositions(scenario)
        budget = positions.position(of: .budget)!
        let sizes = ScenarioCapacities(scenario)
        var table = ResourceTable(positions) { sizes.capacity(of: $0) - f.pinnedUse[$0, default: 0] }
        for row in f.resourceRows { table[row.key] = row.capacity }
        room = positions.keys.map { table[$0] ?? 0 }
        users = [[Int]](repeating: [], count: positions.count)
        changedAt = [Int](repeating: 0, count: positions.count)
        takenAmount = [Double](repeating: 0, count: positions.count)
        freedAmount = takenAmount

        // The plan's households, pooled moves paired with their pools' stays in order (any pairing
        // is the same plan: every house of a pool is the same to every move lodging in it).
        var staysLeft = f.stays.map { values[$0.variable.index].rounded() }
        var nextStay = f.staysOfPool.map(\.lowerBound)
        // Each pool's open houses cheapest first, at the prices and at their own costs.
        func ordered(_ price: [Double], keep: Int) -> (price: [Double], cheapestStays: [[Int]]) {
            let stays = f.staysOfPool.map { range in
                Array(
                    range.filter { upper[f.stays[$0].variable.index] > 0.5 }
                        .sorted { (price[f.stays[$0].variable.index], $0) < (price[f.stays[$1].variable.index], $1) }
                        .prefix(keep))
            }
            return (price, stays)
        }
        let byPrice = ordered(prices, keep: settings.housesPerMove)
        let byCost = ordered(costs, keep: 1)
        for householdClass in f.classes {
            let c = householdClass.index
            let persons = Double(householdClass.profile.size)
            var shared: [Int: [(key: ResourceKey, amount: Double)]] = [:]
            func sharedUse(_ position: Int) -> [(key: ResourceKey, amount: Double)] {
                if let known = shared[position] { return known }
                let move = f.moves[position]
                let use = resourceUse(
                    of: f.options[c].pathways[move.pathway], startWeek: move.startWeek, persons: persons,
                    scenario: scenario)
                shared[position] = use
                return use
            }
            var drafts: [(move: Int, stay: Int)] = []
            var planned: [(move: Int, stay: Int)] = []
            for position in f.movesOfClass[c] {
                let move = f.moves[position]
                let count = Int(values[move.variable.index].rounded())
                guard count > 0 else { continue }
                for _ in 0..<count {
                    var stay = -1
                    if let pool = move.pool {
                        while nextStay[pool] < f.staysOfPool[pool].upperBound, staysLeft[nextStay[pool]] < 0.5 {
                            nextStay[pool] += 1
                        }
                        stay = min(nextStay[pool], f.staysOfPool[pool].upperBound - 1)
                        staysLeft[stay] -= 1
                    }
                    planned.append((position, stay))
                    drafts.append((position, stay))
                }
            }
            // Candidates: the moves cheapest at the prices, each in its pool's cheapest houses at the
            // prices, and the moves cheapest at their own cost, in their cheapest house.
            for (pricing, count, houses) in [
                (byPrice, settings.pricedMovesPerClass, settings.housesPerMove),
                (byCost, settings.cheapestMovesPerClass, 1),
            ] {
                var ranked = SmallestFew<RankedIndex>(limit: count)
                for position in f.movesOfClass[c] {
                    let move = f.moves[position]
                    guard upper[move.variable.index] > 0.5 else { continue }
                    var total = pricing.price[move.variable.index]
                    if let pool = move.pool {
                        guard let stay = pricing.cheapestStays[pool].first else { continue }
                        total += pricing.price[f.stays[stay].variable.index]
                    }
                    ranked.offer(RankedIndex(value: total, index: position))
                }
                for position in ranked.items.map(\.index) {
                    if let pool = f.moves[position].pool {
                        for stay in pricing.cheapestStays[pool].prefix(houses) { drafts.append((position, stay)) }
                    } else {
                        drafts.append((position, -1))
                    }
                }
            }
            // Each distinct way once, cheapest first; a candidate dearer than leaving the household
            // unmoved, or using a capacity outside the horizon's positions, is no candidate.
            var seen: Set<Int> = []
            var ways: [(move: Int, stay: Int, cost: Double, use: [(position: Int, amount: Double)])] = []
            let isPlanned = Set(planned.map { $0.move * (f.stays.count + 1) + $0.stay + 1 })
            for draft in drafts {
                let key = draft.move * (f.stays.count + 1) + draft.stay + 1
                guard seen.insert(key).inserted else { continue }
                let keep = isPlanned.contains(key)
                var cost = costs[f.moves[draft.move].variable.index]
                let use =
                    draft.stay >= 0
                    ? f.concreteUse(shared: sharedUse(draft.move), stay: draft.stay) : sharedUse(draft.move)
                if draft.stay >= 0 { cost += costs[f.stays[draft.stay].variable.index] }
                guard keep || cost < unmovedCost[c] else { continue }
                var placed: [(position: Int, amount: Double)] = []
                var outside = false
                for (key, amount) in use {
                    if let position = positions.position(of: key) {
                        placed.append((position, amount))
                    } else {
                        outside = true
                    }
                }
                guard keep || !outside else { continue }
                ways.append((draft.move, draft.stay, cost, placed))
            }
            ways.sort { ($0.cost, $0.move, $0.stay) < ($1.cost, $1.move, $1.stay) }
            let first = wayMove.count
            var wayOfDraft: [Int: Int] = [:]
            for way in ways {
                wayOfDraft[way.move * (f.stays.count + 1) + way.stay + 1] = wayMove.count
                wayMove.append(f.moves[way.move].variable.index)
                wayStay.append(way.stay >= 0 ? f.stays[way.stay].variable.index : -1)
                wayCost.append(way.cost)
                for (position, amount) in way.use {
                    usePosition.append(position)
                    useAmount.append(amount)
                }
                useStart.append(usePosition.count)
            }
            waysOfClass.append(first..<wayMove.count)
            for unit in planned {
                classOfUnit.append(c)
                wayOfUnit.append(wayOfDraft[unit.move * (f.stays.count + 1) + unit.stay + 1]!)
            }
            for _ in planned.count..<max(planned.count, householdClass.count) {
                classOfUnit.append(c)
                wayOfUnit.append(-1)
            }
        }
        for unit in wayOfUnit.indices where wayOfUnit[unit] >= 0 {
            let way = wayOfUnit[unit]
            for u in useStart[way]..<useStart[way + 1] {
                room[usePosition[u]] -= useAmount[u]
                if usePosition[u] != budget { users[usePosition[u]].append(unit) }
            }
        }
        let rank = f.classes.sorted {
            ($0.profile.urgency, $0.profile.readyWeek, $0.index) < ($1.profile.urgency, $1.profile.readyWeek, $1.index)
        }.map(\.index)
        unitsOfClass = [[Int]](repeating: [], count: f.classes.count)
        for (unit, c) in classOfUnit.enumerated() { unitsOfClass[c].append(unit) }
        // The most urgent, longest waiting first, as the greedy plan places them: visiting the
        // units that could gain most first found fewer changes in the time (10,000 households).
        let urgency = rank.flatMap { unitsOfClass[$0] }
        order = urgency
        journaled = [Int](repeating: -1, count: classOfUnit.count)
        wanters = [[Int]](repeating: [], count: positions.count)
        for c in f.classes.indices {
            for way in waysOfClass[c] {
                for u in useStart[way]..<useStart[way + 1] where usePosition[u] != budget {
                    if wanters[usePosition[u]].last != c { wanters[usePosition[u]].append(c) }
                }
            }
        }
        checkedAt = [Int](repeating: -1, count: classOfUnit.count)
        blockers = [[Int]](repeating: [], count: classOfUnit.count)
        freeWay = [Int](repeating: -1, count: classOfUnit.count)
        freeWayEvaluation = [Int](repeating: -1, count: classOfUnit.count)
        freeWayHeld = [Int](repeating: -2, count: classOfUnit.count)
    }

    func cost(ofWay way: Int, unitClass c: Int) -> Double { way < 0 ? unmovedCost[c] : wayCost[way] }

    /// What `way` uses of the capacity at `position` (0 for none or unmoved).
    func amount(of way: Int, at position: Int) -> Double {
        guard way >= 0 else { return 0 }
        var total = 0.0
        for u in useStart[way]..<useStart[way + 1] where usePosition[u] == position { total += useAmount[u] }
        return total
    }

    /// Whether `way` fits the plan with `freed` given up and `taken` taken (-1: none), room and
    /// column bounds both.
    func fits(_ way: Int, freed: Int = -1, taken: Int = -1) -> Bool {
        for u in useStart[way]..<useStart[way + 1] {
            let position = usePosition[u]
            let need = useAmount[u] - 1e-9
            // What is freed is looked up only when the room left is short: most capacities are not.
            let left =
                room[position] - (taken == scatteredTaken ? takenAmount[position] : amount(of: taken, at: position))
            if left >= need { continue }
            let back = freed == scatteredFreed ? freedAmount[position] : amount(of: freed, at: position)
            if left + back < need { return false }
        }
        return fitsBounds(wayMove[way], freed: freed, taken: taken)
            && (wayStay[way] < 0 || fitsBounds(wayStay[way], freed: freed, taken: taken))
    }

    /// Makes `fits` read what `way` takes from a scattered copy.
    mutating func scatterTaken(_ way: Int) {
        scatteredTaken = scatter(way, replacing: scatteredTaken, into: \.takenAmount)
    }

    /// Makes `fits` read what `way` gives back from a scattered copy.
    mutating func scatterFreed(_ way: Int) {
        scatteredFreed = scatter(way, replacing: scatteredFreed, into: \.freedAmount)
    }

    /// Spreads out what `way` uses (-1: nothing) into `amounts` by position, as `amount(of:at:)`
    /// sums it, after clearing what `previous` put there; returns `way`.
    private mutating func scatter(
        _ way: Int, replacing previous: Int, into amounts: WritableKeyPath<LocalSearchState, [Double]>
    ) -> Int {
        guard way != previous else { return way }
        // Moved out while written, so the write reads the ways without copying the array.
        var spread: [Double] = []
        swap(&spread, &self[keyPath: amounts])
        if previous >= 0 { for u in useStart[previous]..<useStart[previous + 1] { spread[usePosition[u]] = 0 } }
        if way >= 0 { for u in useStart[way]..<useStart[way + 1] { spread[usePosition[u]] += useAmount[u] } }
        swap(&spread, &self[keyPath: amounts])
        return way
    }

    /// Whether one more household fits column `column`'s upper bound with `freed` given up and
    /// `taken` taken.
    func fitsBounds(_ column: Int, freed: Int, taken: Int) -> Bool {
        var count = values[column] + 1
        if freed >= 0, wayMove[freed] == column || wayStay[freed] == column { count -= 1 }
        if taken >= 0, wayMove[taken] == column || wayStay[taken] == column { count += 1 }
        return count <= upper[column] + 1e-9
    }

    /// Whether `unit` may leave its way (its columns above their lower bounds).
    func mayLeave(_ unit: Int) -> Bool {
        guard anyLowerBound else { return true }
        let way = wayOfUnit[unit]
        func above(_ column: Int) -> Bool { column < 0 || values[column] - 1 >= lower[column] - 1e-9 }
        return way < 0 ? above(unmovedColumn[classOfUnit[unit]]) : above(wayMove[way]) && above(wayStay[way])
    }

    /// Whether no capacity that kept `unit` off a cheaper way has had room freed since the unit was
    /// last checked and found no better change: it would find none again (but through another
    /// household's alternatives elsewhere, which the search does not wait for).
    func unchangedSinceChecked(_ unit: Int) -> Bool {
        let checked = checkedAt[unit]
        guard checked >= 0 else { return false }
        return !blockers[unit].contains { changedAt[$0] > checked }
    }

    /// Notes that a change of the plan gave up `way` (-1: none): its capacities may have room for
    /// households checked before.
    mutating func markFreed(_ way: Int) {
        guard way >= 0 else { return }
        version += 1
        for u in useStart[way]..<useStart[way + 1] { changedAt[usePosition[u]] = version }
    }

    /// Takes `unit` out of the plan: off its way, or out of its class's unmoved count.
    mutating func release(_ unit: Int) {
        let way = wayOfUnit[unit]
        if recording, journaled[unit] != trial {
            journaled[unit] = trial
            journal.append((unit, way))
        }
        wayOfUnit[unit] = -1
        guard way >= 0 else {
            values[unmovedColumn[classOfUnit[unit]]] -= 1
            return
        }
        values[wayMove[way]] -= 1
        if wayStay[way] >= 0 { values[wayStay[way]] -= 1 }
        for u in useStart[way]..<useStart[way + 1] {
            let position = usePosition[u]
            room[position] += useAmount[u]
            if position != budget, let i = users[position].lastIndex(of: unit) { users[position].remove(at: i) }
        }
    }

    /// Puts `unit`, taken out, on `way`, or in its class's unmoved count (-1).
    mutating func take(_ unit: Int, _ way: Int) {
        wayOfUnit[unit] = way
        guard way >= 0 else {
            values[unmovedColumn[classOfUnit[unit]]] += 1
            return
        }
        values[wayMove[way]] += 1
        if wayStay[way] >= 0 { values[wayStay[way]] += 1 }
        for u in useStart[way]..<useStart[way + 1] {
            let position = usePosition[u]
            room[position] -= useAmount[u]
            if position != budget { users[position].append(unit) }
        }
    }

    /// The cheapest way of `unit` other than its own that fits with its own way freed and `taken`
    /// taken, or -1 (unmoved) when none is cheaper than that.
    func cheapestOtherWay(of unit: Int, taken: Int) -> Int {
        let c = classOfUnit[unit]
        let own = wayOfUnit[unit]
        for way in waysOfClass[c] where way != own {
            if wayCost[way] >= unmovedCost[c] { break }
            if fits(way, freed: own, taken: taken) { return way }
        }
        return -1
    }

    /// The least `unit` (on a way) loses by leaving it: the cost of its class's cheapest other way,
    /// or of leaving it unmoved, less its own.
    func lossFloor(of unit: Int) -> Double {
        let c = classOfUnit[unit]
        let held = wayOfUnit[unit]
        let ways = waysOfClass[c]
        let cheapestOther = ways.count > 1 && held == ways.lowerBound ? ways.lowerBound + 1 : ways.lowerBound
        return min(cheapestOther == held ? .infinity : wayCost[cheapestOther], unmovedCost[c]) - wayCost[held]
    }

    /// Takes `unit` out and puts it back on the change that lowers the objective most (see
    /// `PlanLocalSearch`); returns whether the plan changed.
    mutating func improve(unit: Int) -> Bool {
        guard mayLeave(unit), !unchangedSinceChecked(unit) else { return false }
        let c = classOfUnit[unit]
        let own = wayOfUnit[unit]
        let current = cost(ofWay: own, unitClass: c)
        release(unit)
        evaluation += 1
        var bestDelta = -1e-6 * max(1, abs(current))
        var best: (way: Int, other: Int, otherWay: Int)?
        var blocking: [Int] = []
        for way in waysOfClass[c] where way != own {
            let gain = current - wayCost[way]
            if -gain >= bestDelta { break }
            if fits(way) {
                best = (way, -1, -1)
                break
            }
            // What is short, and a household holding all of it that could give it up.
            var short: [(position: Int, need: Double)] = []
            var scan = -1
            for u in useStart[way]..<useStart[way + 1] {
                let position = usePosition[u]
                let need = useAmount[u] - room[position]
                guard need > 1e-9 else { continue }
                short.append((position, need))
                blocking.append(position)
                if position != budget, scan < 0 || users[position].count < users[scan].count { scan = position }
            }
            guard scan >= 0, fitsBounds(wayMove[way], freed: -1, taken: -1),
                wayStay[way] < 0 || fitsBounds(wayStay[way], freed: -1, taken: -1)
            else { continue }
            // The holders worth a look, by what they would lose (their next way as last worked out,
            // else the cheapest they could have), at most `PlanLocalSearch.ejectionCandidates` of
            // them: each costs a search of its own ways.
            ejectionCandidates.removeAll()
            for other in users[scan] where mayLeave(other) {
                let held = wayOfUnit[other]
                guard short.allSatisfy({ amount(of: held, at: $0.position) >= $0.need - 1e-9 }) else { continue }
                // Its loss is at least the cost of its cheapest other way (or of leaving it unmoved)
                // less its own.
                let floor = lossFloor(of: other)
                if floor - gain >= bestDelta { continue }
                let estimate =
                    freeWayHeld[other] == held
                    ? max(floor, cost(ofWay: freeWay[other], unitClass: classOfUnit[other]) - wayCost[held]) : floor
                ejectionCandidates.offer(RankedIndex(value: estimate, index: other))
            }
            scatterTaken(way)
            for candidate in ejectionCandidates.items.indices {
                let other = ejectionCandidates.items[candidate].index
                let held = wayOfUnit[other]
                scatterFreed(held)
                let otherClass = classOfUnit[other]
                let otherCost = wayCost[held]
                if lossFloor(of: other) - gain >= bestDelta { continue }
                // Its cheapest way with this unit out of the plan: none cheaper fits once this unit
                // takes `way` too, so that is its way then if it still fits.
                if freeWayEvaluation[other] != evaluation {
                    freeWay[other] = cheapestOtherWay(of: other, taken: -1)
                    freeWayEvaluation[other] = evaluation
                    freeWayHeld[other] = held
                }
                let free = freeWay[other]
                if cost(ofWay: free, unitClass: otherClass) - otherCost - gain >= bestDelta { continue }
                let next =
                    free < 0 || fits(free, freed: held, taken: way) ? free : cheapestOtherWay(of: other, taken: way)
                let delta = cost(ofWay: next, unitClass: otherClass) - otherCost - gain
                if delta < bestDelta {
                    bestDelta = delta
                    best = (way, other, next)
                }
            }
        }
        guard let best else {
            take(unit, own)
            checkedAt[unit] = version
            blockers[unit] = blocking
            return false
        }
        checkedAt[unit] = -1
        markFreed(own)
        if best.other >= 0 {
            markFreed(wayOfUnit[best.other])
            release(best.other)
            take(unit, best.way)
            take(best.other, best.otherWay)
        } else {
            take(unit, best.way)
        }
        return true
    }
}

extension LocalSearchState {
    /// One trial: a random unit's random candidate way names a capacity; up to `ruined` of the units
    /// using it leave the plan, and they, the first unit and up to `invited` units left unmoved that
    /// want the capacity go back in, in a random order, each on its cheapest way with room, and then
    /// each gets one `improve(unit:)`. Kept when the plan is cheaper or dearer by less than
    /// `threshold` (the change in the objective is returned, and `journal` holds each changed unit's
    /// way before the trial), undone otherwise (nil).
    mutating func ruinAndRecreate(random: inout SplitMix64, ruined: Int, invited: Int, threshold: Double) -> Double? {
        let first = order[random.integer(in: 0...(order.count - 1))]
        let ways = waysOfClass[classOfUnit[first]]
        guard !ways.isEmpty else { return nil }
        let way = ways.lowerBound + random.integer(in: 0...(min(ways.count, 3) - 1))
        let capacities = (useStart[way]..<useStart[way + 1]).map { usePosition[$0] }.filter { $0 != budget }
        guard !capacities.isEmpty else { return nil }
        let position = capacities[random.integer(in: 0...(capacities.count - 1))]
        var chosen = sample(users[position], count: ruined, random: &random)
        for c in sample(wanters[position], count: invited, random: &random) {
            if let idle = unitsOfClass[c].first(where: { wayOfUnit[$0] < 0 }) { chosen.append(idle) }
        }
        if !chosen.contains(first) { chosen.append(first) }
        chosen = chosen.filter { mayLeave($0) }
        trial += 1
        recording = true
        journal.removeAll(keepingCapacity: true)
        for unit in chosen where wayOfUnit[unit] >= 0 {
            release(unit)
            take(unit, -1)
        }
        shuffle(&chosen, random: &random)
        // Every other trial puts the largest households back first (ties in the random order): the
        // hardest to fit, where the random order leaves them to whatever room the small ones left.
        if random.integer(in: 0...1) == 0 {
            chosen = chosen.enumerated().sorted {
                (-personsOfClass[classOfUnit[$0.element]], $0.offset)
                    < (-personsOfClass[classOfUnit[$1.element]], $1.offset)
            }.map(\.element)
        }
        for unit in chosen {
            let c = classOfUnit[unit]
            for way in waysOfClass[c] {
                if wayCost[way] >= unmovedCost[c] { break }
                if fits(way) {
                    release(unit)
                    take(unit, way)
                    break
                }
            }
        }
        for unit in chosen {
            checkedAt[unit] = -1
            _ = improve(unit: unit)
        }
        recording = false
        var delta = 0.0
        for (unit, old) in journal {
            delta +=
                cost(ofWay: wayOfUnit[unit], unitClass: classOfUnit[unit])
                - cost(ofWay: old, unitClass: classOfUnit[unit])
        }
        if delta < -1e-6 || (threshold > 0 && delta < threshold) {
            for (_, old) in journal { markFreed(old) }
            return delta
        }
        // Undone: every recorded unit out, then each back on its way before the trial.
        for (unit, _) in journal { release(unit) }
        for (unit, old) in journal { take(unit, old) }
        return nil
    }

    /// Puts each unit of `changes` (kept trials' journals, in order) back on the way it had before
    /// the first of them.
    mutating func undo(_ changes: [(unit: Int, way: Int)]) {
        for (unit, old) in changes.reversed() {
            release(unit)
            take(unit, old)
        }
    }

    private func sample(_ items: [Int], count: Int, random: inout SplitMix64) -> [Int] {
        guard items.count > count else { return items }
        var picked = items
        for i in 0..<count {
            let j = random.integer(in: i...(picked.count - 1))
            picked.swapAt(i, j)
        }
        return Array(picked.prefix(count))
    }

    private func shuffle(_ items: inout [Int], random: inout SplitMix64) {
        guard items.count > 1 else { return }
        for i in 0..<(items.count - 1) { items.swapAt(i, random.integer(in: i...(items.count - 1))) }
    }
}
