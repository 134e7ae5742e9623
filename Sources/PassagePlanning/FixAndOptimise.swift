import LinearProgramming

/// Improves a plan that respects every capacity by solving small mixed-integer programs, one
/// neighbourhood of classes at a time, with everything else fixed (docs/MODEL.md, "Improving the
/// plan: fix and optimise").
///
/// A neighbourhood is a few dozen classes that compete for the same capacities: those whose
/// cheapest way out lodges at the same place (beds, quotas), those leaving from the same place
/// (seats), or a class the plan leaves unmoved with the classes holding what it needs (an
/// insertion). Its small MIP has, for each of its classes, the columns the plan gives it and the
/// `candidatesPerClass` columns cheapest at the given prices; the stay columns of every house pool
/// those columns draw on (pool members outside the neighbourhood stay as a constant); and one row per
/// capacity they touch — seats of every leg included, whether or not the formulation has seat rows —
/// with what the rest of the plan leaves of it. The plan is the start, so a solve only ever keeps or
/// improves it, and every plan it returns respects every capacity of the full model.
struct FixAndOptimise {
    let formulation: Formulation
    let solver: any LinearSolver
    /// The cheapest columns of each class at the prices that join its neighbourhood's MIP.
    var candidatesPerClass = 8
    /// Classes in one neighbourhood at most.
    var classesPerNeighbourhood = 30
    /// Classes in one insertion neighbourhood at most (a class left unmoved and those holding what it
    /// needs; 0: none). Of 30, 45 and 60, 60 gave the best plans at 300 generated households (10 s).
    var classesPerInsertion = 60
    /// Passes over every neighbourhood at most; a pass that improves nothing ends the search earlier.
    var passes = 3
    /// Branch-and-bound nodes of one neighbourhood's solve at most: a limit on work, so that the
    /// search gives the same plan on any machine (unless the time limit below or the deadline ends a
    /// solve first).
    /// Of 20, 50, 100, 300 and 1,000, 100 gave the best plans at 300 and 2,000 generated households (10 s).
    var nodesPerSolve = 100
    /// Wall-clock limit of one neighbourhood's solve, in seconds: a safety net behind `nodesPerSolve`.
    var secondsPerSolve = 5.0
    /// Threads solving neighbourhoods side by side (the result does not depend on it).
    var threads = 2
    /// Neighbourhoods after which the search stops (nil: as many as the passes and the deadline
    /// allow; a pair solved together may take it one past): a fixed amount of work, so a benchmark
    /// measures the same search on every machine.
    var neighbourhoodLimit: Int?
    /// Whether a second core is free to solve the next neighbourhood while this one is solved (nil:
    /// always, when `threads` > 1). It only saves time: the plan is the same either way.
    var spareCore: (@Sendable () -> Bool)?
    /// Receives the plan's objective after an improvement, at most about once a second.
    var progress: (@Sendable (Double) -> Void)?

    /// Whether one neighbourhood may hold every class of the formulation: its MIP is then the whole
    /// model, and fixing the rest fixes nothing.
    var holdsEveryClass: Bool { formulation.classes.count <= max(classesPerNeighbourhood, classesPerInsertion) }

    /// What a search did.
    struct Outcome: Sendable {
        /// Column values of the best plan (of `formulation.model`), respecting every capacity.
        var values: [Double]
        /// Its objective.
        var objective: Double
        /// Neighbourhoods solved, and how many of them improved the plan.
        var solved: Int
        var improved: Int
        /// Whether the deadline ended the search before its passes were done.
        var stoppedByDeadline: Bool
        /// Whether a neighbourhood's solve was ended by its time limit rather than its node limit:
        /// then the plan can depend on the machine's load.
        var cutByTime = false
    }

    /// Improves `values` (a plan respecting every capacity, seats of every leg included) until
    /// `deadline`. `prices` holds one reduced cost per column (the formulation's objective
    /// coefficients when nil) and decides which columns each class may try.
    func improve(_ values: [Double], prices: [Double]?, deadline: ContinuousClock.Instant?) -> Outcome {
        var state = PlanState(formulation: formulation, values: values)
        let ranked = rankedMoves(prices: prices ?? formulation.model.objectiveCoefficients)
        var solved = 0
        var improved = 0
        var reported = ContinuousClock.now
        var cutByTime = false
        for pass in 0..<passes {
            // Each pass cuts the groups at other places, so classes at the edge of one pass's
            // neighbourhoods are in the middle of the next one's.
            // Insertions and neighbourhoods by place take turns, so that a time limit that ends
            // the pass early has given both kinds their chance.
            // Insertion neighbourhoods are cut only when their turn comes: at 10,000 households
            // cutting them all took longer than the time the search had.
            let inserting = insertionIndex(ranked: ranked, state: &state)
            let placed = self.neighbourhoods(ranked: ranked, shift: pass * classesPerNeighbourhood / max(1, passes))
            var pending: [PendingNeighbourhood] = []
            for i in 0..<max(inserting.order.count, placed.count) {
                if i < inserting.order.count { pending.append(.insertion(inserting.order[i])) }
                if i < placed.count { pending.append(.placed(placed[i])) }
            }
            func resolve(_ neighbourhood: PendingNeighbourhood) -> [Int] {
                switch neighbourhood {
                case .insertion(let c): insertion(of: c, inserting, ranked: ranked, state: &state)
                case .placed(let classes): classes
                }
            }
            var improvedThisPass = false
            // Two at a time: on both cores when they do not overlap.
            for pair in stride(from: 0, to: pending.count, by: 2) {
                let workDone = neighbourhoodLimit.map { solved >= $0 } ?? false
                if workDone || deadline.map({ ContinuousClock.now >= $0 }) ?? false {
                    return Outcome(
                        values: state.values, objective: formulation.model.objectiveValue(of: state.values),
                        solved: solved, improved: improved, stoppedByDeadline: !workDone, cutByTime: cutByTime)
                }
                let first = resolve(pending[pair])
                let second: [Int]? = pair + 1 < pending.count ? resolve(pending[pair + 1]) : nil
                solved += second == nil ? 1 : 2
                let (better, cut) = solvePair(first, second, ranked: ranked, state: &state, deadline: deadline)
                cutByTime = cutByTime || cut
                improved += better
                improvedThisPass = improvedThisPass || better > 0
                if better > 0, let progress, reported.duration(to: .now) >= .seconds(1) {
                    progress(formulation.model.objectiveValue(of: state.values))
                    reported = .now
                }
            }
            if !improvedThisPass { break }
        }
        return Outcome(
            values: state.values, objective: formulation.model.objectiveValue(of: state.values), solved: solved,
            improved: improved, stoppedByDeadline: false, cutByTime: cutByTime)
    }

    private func rankedMoves(prices: [Double]) -> [[Int]] {
        Self.cheapestMoves(of: formulation, prices: prices, count: candidatesPerClass, cheaperThanUnmoved: false)
    }

    /// Move positions of each class, cheapest at `prices` first (a pooled move adds its pool's
    /// cheapest house), at most `count`, only those with room and, if `cheaperThanUnmoved`, cheaper
    /// than leaving the household unmoved at those prices.
    static func cheapestMoves(of f: Formulation, prices: [Double], count: Int, cheaperThanUnmoved: Bool = true)
        -> [[Int]]
    {
        pricedMoves(of: f, prices: prices, count: count, cheaperThanUnmoved: cheaperThanUnmoved).map {
            $0.map(\.position)
        }
    }

    /// `cheapestMoves` with each move's price (a pooled move's includes its pool's cheapest house).
    static func pricedMoves(of f: Formulation, prices: [Double], count: Int, cheaperThanUnmoved: Bool = true)
        -> [[(price: Double, position: Int)]]
    {
        let upper = f.model.variables
        let poolPrice = f.staysOfPool.map { range in
            range.filter { upper[f.stays[$0].variable.index].upperBound > 0 }.map { prices[f.stays[$0].variable.index] }
                .min() ?? .infinity
        }
        return f.classes.map { householdClass in
            let c = householdClass.index
            let unmovedPrice = prices[f.unmoved[c].index]
            var priced: [(price: Double, position: Int)] = []
            for position in f.movesOfClass[c] {
                let move = f.moves[position]
                guard upper[move.variable.index].upperBound > 0 else { continue }
                let price = prices[move.variable.index] + (move.pool.map { poolPrice[$0] } ?? 0)
                if price < unmovedPrice || !cheaperThanUnmoved { priced.append((price, position)) }
            }
            priced.sort { ($0.price, $0.position) < ($1.price, $1.position) }
            return Array(priced.prefix(count))
        }
    }

    /// Classes grouped by the place their cheapest way out lodges at, then by the place they leave
    /// from; each group in order of urgency and ready week, cut into neighbourhoods of at most
    /// `classesPerNeighbourhood` (the first `shift` classes of a group a neighbourhood of their own).
    /// Classes with no way out are left out.
    private func neighbourhoods(ranked: [[Int]], shift: Int) -> [[Int]] {
        let f = formulation
        let scenario = f.index.scenario
        var byLodging: [String: [Int]] = [:]
        var byOrigin: [String: [Int]] = [:]
        for householdClass in f.classes {
            let c = householdClass.index
            guard let cheapest = ranked[c].first else { continue }
            let programme = f.options[c].pathways[f.moves[cheapest].pathway].programme
            byLodging[scenario.programmes[programme].lodgedAt, default: []].append(c)
            byOrigin[householdClass.profile.location, default: []].append(c)
        }
        func chunks(_ groups: [String: [Int]]) -> [[Int]] {
            groups.keys.sorted().flatMap { key -> [[Int]] in
                let members = groups[key]!.sorted {
                    let (a, b) = (f.classes[$0].profile, f.classes[$1].profile)
                    return (a.urgency, a.readyWeek, $0) < (b.urgency, b.readyWeek, $1)
                }
                let first = shift % max(1, min(classesPerNeighbourhood, members.count))
                let cuts =
                    (first > 0 ? [0] : []) + Array(stride(from: first, to: members.count, by: classesPerNeighbourhood))
                return cuts.enumerated().map { i, start in
                    Array(members[start..<(i + 1 < cuts.count ? cuts[i + 1] : members.count)])
                }
            }
        }
        return chunks(byLodging) + chunks(byOrigin)
    }

    /// The insertion neighbourhoods of the plan `values` (see `insertion(of:_:ranked:state:)`), for tests.
    func insertionNeighbourhoods(of values: [Double], prices: [Double]?) -> [[Int]] {
        var state = PlanState(formulation: formulation, values: values)
        let ranked = rankedMoves(prices: prices ?? formulation.model.objectiveCoefficients)
        let index = insertionIndex(ranked: ranked, state: &state)
        return index.order.map { insertion(of: $0, index, ranked: ranked, state: &state) }
    }

    /// A neighbourhood of a pass, cut when its turn comes.
    private enum PendingNeighbourhood {
        /// The insertion neighbourhood of a class the plan leaves unmoved.
        case insertion(Int)
        /// Classes grouped by place.
        case placed([Int])
    }

    /// Who holds what in the plan at the start of a pass, and the classes it leaves unmoved: what
    /// that pass's insertion neighbourhoods are cut from.
    private struct InsertionIndex {
        /// Classes whose moves in the plan use each capacity (a class once per move).
        var holders: [ResourceKey: [Int]]
        /// Classes with a move in the plan on each house pool.
        var poolHolders: [Int: [Int]]
        /// Classes the plan leaves (partly) unmoved that have a way out, costliest unmoved first.
        var order: [Int]
    }

    private func insertionIndex(ranked: [[Int]], state: inout PlanState) -> InsertionIndex {
        guard classesPerInsertion > 0 else { return InsertionIndex(holders: [:], poolHolders: [:], order: []) }
        let f = formulation
        var holders: [ResourceKey: [Int]] = [:]
        var poolHolders: [Int: [Int]] = [:]
        for householdClass in f.classes {
            let c = householdClass.index
            for position in f.movesOfClass[c] where state.values[f.moves[position].variable.index] > 0.5 {
                for (key, _) in state.use(ofMove: position) { holders[key, default: []].append(c) }
                if let pool = f.moves[position].pool { poolHolders[pool, default: []].append(c) }
            }
        }
        for pool in poolHolders.keys {
            for s in f.staysOfPool[pool] where state.values[f.stays[s].variable.index] > 0.5 {
                for (key, _) in f.stays[s].usage { holders[key, default: []].append(contentsOf: poolHolders[pool]!) }
            }
        }
        let costs = f.model.objectiveCoefficients
        var left: [(cost: Double, c: Int)] = []
        for householdClass in f.classes where !ranked[householdClass.index].isEmpty {
            let unmoved = f.unmoved[householdClass.index].index
            if state.values[unmoved] > 0.5 {
                left.append((costs[unmoved] * state.values[unmoved], householdClass.index))
            }
        }
        left.sort { ($0.cost, $1.c) > ($1.cost, $0.c) }
        return InsertionIndex(holders: holders, poolHolders: poolHolders, order: left.map(\.c))
    }

    /// The insertion neighbourhood of class `c`, which the plan leaves (partly) unmoved: `c` with up
    /// to `classesPerInsertion - 1` classes whose moves in the plan take the capacities its candidate
    /// columns need (beds, house pools, quotas, seats), those sharing the most first. Its MIP decides
    /// whether moving the class is worth moving the others elsewhere or leaving some of them unmoved:
    /// a large household often fits only when several smaller ones make room, and neighbourhoods cut
    /// by place rarely hold them together.
    private func insertion(of c: Int, _ index: InsertionIndex, ranked: [[Int]], state: inout PlanState) -> [Int] {
        let f = formulation
        var shared: [Int: Int] = [:]
        for position in ranked[c] {
            var keys = Set(state.use(ofMove: position).map(\.key))
            if let pool = f.moves[position].pool {
                for s in f.staysOfPool[pool] { for (key, _) in f.stays[s].usage { keys.insert(key) } }
                for other in index.poolHolders[pool] ?? [] { shared[other, default: 0] += 1 }
            }
            for key in keys { for other in index.holders[key] ?? [] { shared[other, default: 0] += 1 } }
        }
        shared[c] = nil
        let nearest = shared.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(classesPerInsertion - 1)
        return [c] + nearest.map(\.key).sorted()
    }

    /// One neighbourhood's part of the plan: its classes, the columns each may take, the house pools
    /// they draw on, what its part of the plan uses (freed for its MIP), and every capacity its
    /// columns touch.
    private struct Neighbourhood {
        var classes: [Int]
        var candidates: [[Int]]
        var pools: [Int]
        var freed: [ResourceKey: Double]
        var inPool: [Int: Double]
        var keys: Set<ResourceKey>
    }

    /// A neighbourhood's MIP, its start (the plan) and where its columns come from.
    private struct NeighbourhoodModel: Sendable {
        var model: LinearModel
        var start: [Double]
        var moveVariables: [[(position: Int, variable: Variable)]]
        var stayVariables: [(stay: Int, variable: Variable)]
    }

    /// The columns of `classes` (each class's moves in the plan and its cheapest ones) and what they touch.
    private func gather(_ classes: [Int], ranked: [[Int]], state: inout PlanState) -> Neighbourhood {
        let f = formulation
        var candidates: [[Int]] = []
        var pools: [Int] = []
        var poolSeen: Set<Int> = []
        var keys: Set<ResourceKey> = []
        for c in classes {
            var positions = ranked[c]
            for position in f.movesOfClass[c] where state.values[f.moves[position].variable.index] > 0.5 {
                if !positions.contains(position) { positions.append(position) }
            }
            for position in positions {
                if let pool = f.moves[position].pool, poolSeen.insert(pool).inserted { pools.append(pool) }
                for (key, _) in state.use(ofMove: position) { keys.insert(key) }
            }
            candidates.append(positions)
        }
        pools.sort()
        var freed: [ResourceKey: Double] = [:]
        var inPool: [Int: Double] = [:]
        for positions in candidates {
            for position in positions {
                let count = state.values[f.moves[position].variable.index]
                guard count > 0.5 else { continue }
                for (key, amount) in state.use(ofMove: position) { freed[key, default: 0] += count * amount }
                if let pool = f.moves[position].pool { inPool[pool, default: 0] += count }
            }
        }
        for pool in pools {
            for s in f.staysOfPool[pool] {
                for (key, _) in f.stays[s].usage { keys.insert(key) }
                let count = state.values[f.stays[s].variable.index]
                guard count > 0.5 else { continue }
                for (key, amount) in f.stays[s].usage { freed[key, default: 0] += count * amount }
            }
        }
        return Neighbourhood(
            classes: classes, candidates: candidates, pools: pools, freed: freed, inPool: inPool, keys: keys)
    }

    /// The MIP of `part`: its columns, within the room the rest of the plan leaves each capacity
    /// (of which it gets `share(key)`, the rest going to a neighbourhood solved beside it).
    private func build(
        _ part: Neighbourhood, state: inout PlanState, share: (ResourceKey) -> Double
    ) -> NeighbourhoodModel {
        let f = formulation
        let costs = f.model.objectiveCoefficients
        let upper = f.model.variables
        var roomCache: [ResourceKey: Double] = [:]
        func roomFor(_ key: ResourceKey) -> Double {
            if let known = roomCache[key] { return known }
            let room = max(0, part.freed[key, default: 0] + share(key) * max(0, state.room(key)))
            roomCache[key] = room
            return room
        }
        // No column may take more households than the room on its way allows: tighter bounds make
        // the MIP much easier.
        func bound(_ column: Int, _ use: [(key: ResourceKey, amount: Double)]) -> Double {
            var bound = upper[column].upperBound
            for (key, amount) in use where amount > 0 {
                bound = min(bound, (roomFor(key) / amount + 1e-9).rounded(.down))
            }
            return bound
        }
        // Unnamed columns and rows: thousands of these small models are solved and none is written.
        var model = LinearModel(name: "neighbourhood")
        var objective = LinearExpression()
        var start: [Double] = []
        var rows: [ResourceKey: LinearExpression] = [:]
        var moveVariables: [[(position: Int, variable: Variable)]] = []
        var poolTerms: [Int: LinearExpression] = [:]
        for (i, c) in part.classes.enumerated() {
            var classRow = LinearExpression()
            var variables: [(position: Int, variable: Variable)] = []
            for position in part.candidates[i] {
                let column = f.moves[position].variable.index
                let use = state.use(ofMove: position)
                let most = bound(column, use)
                if state.values[column] < 0.5 && most < 1 { continue }
                let kind = upper[column].kind
                let variable = model.addVariable("", upperBound: most, kind: kind == .continuous ? .integer : kind)
                objective.add(costs[column], variable)
                start.append(state.values[column])
                classRow += variable
                for (key, amount) in use { rows[key, default: LinearExpression()].add(amount, variable) }
                if let pool = f.moves[position].pool { poolTerms[pool, default: LinearExpression()].add(1, variable) }
                variables.append((position, variable))
            }
            let unmovedColumn = f.unmoved[c].index
            let unmoved = model.addVariable("", upperBound: upper[unmovedColumn].upperBound)
            objective.add(costs[unmovedColumn], unmoved)
            start.append(state.values[unmovedColumn])
            classRow += unmoved
            model.addConstraint("", classRow, .equal, Double(f.classes[c].count))
            moveVariables.append(variables)
        }
        var stayVariables: [(stay: Int, variable: Variable)] = []
        for pool in part.pools {
            var link = poolTerms[pool] ?? LinearExpression()
            var total = 0.0
            for s in f.staysOfPool[pool] {
                let column = f.stays[s].variable.index
                total += state.values[column]
                let most = bound(column, f.stays[s].usage)
                if most < 1 && state.values[column] < 0.5 { continue }
                let variable = model.addVariable("", upperBound: most, kind: .integer)
                objective.add(costs[column], variable)
                start.append(state.values[column])
                for (key, amount) in f.stays[s].usage { rows[key, default: LinearExpression()].add(amount, variable) }
                link.add(-1, variable)
                stayVariables.append((s, variable))
            }
            // Members of the pool outside the neighbourhood keep their places: a constant here.
            model.addConstraint("", link, .equal, -(total - part.inPool[pool, default: 0]).rounded())
        }
        for key in rows.keys.sorted() { model.addConstraint("", rows[key]!, .lessOrEqual, roomFor(key)) }
        model.setObjective(.minimize, objective)
        return NeighbourhoodModel(
            model: model, start: start, moveVariables: moveVariables, stayVariables: stayVariables)
    }

    /// Solves a neighbourhood's MIP from its start; the solution only if it beats the start, and
    /// whether the time limit (not the node limit) ended the solve.
    private func solve(
        _ built: NeighbourhoodModel, deadline: ContinuousClock.Instant?
    ) -> (solution: Solution?, cutByTime: Bool) {
        var options = SolverOptions(timeLimit: secondsPerSolve, relativeGap: 1e-6)
        options.nodeLimit = nodesPerSolve
        options.search = .improveStart
        if let deadline {
            options.timeLimit = min(secondsPerSolve, max(0.05, ContinuousClock.now.duration(to: deadline).seconds))
        }
        options.startSolution = built.start
        guard let solution = try? solver.solve(built.model, options: options) else { return (nil, false) }
        let cutByTime = solution.stoppedBy == .time
        guard solution.status.hasSolution, let value = solution.objectiveValue,
            value < built.model.objectiveValue(of: built.start) - 1e-6
        else { return (nil, cutByTime) }
        return (solution, cutByTime)
    }

    /// The neighbourhood's new part of the plan replaces its old one.
    private func apply(
        _ solution: Solution, of part: Neighbourhood, _ built: NeighbourhoodModel, to state: inout PlanState
    ) {
        let f = formulation
        for (key, amount) in part.freed { state.used[key, default: 0] -= amount }
        for (i, c) in part.classes.enumerated() {
            for position in f.movesOfClass[c] { state.values[f.moves[position].variable.index] = 0 }
            var moved = 0.0
            for (position, variable) in built.moveVariables[i] {
                let count = solution.value(variable).rounded()
                guard count > 0 else { continue }
                state.values[f.moves[position].variable.index] = count
                moved += count
                for (key, amount) in state.use(ofMove: position) { state.used[key, default: 0] += count * amount }
            }
            state.values[f.unmoved[c].index] = Double(f.classes[c].count) - moved
        }
        for (s, variable) in built.stayVariables {
            let count = solution.value(variable).rounded()
            state.values[f.stays[s].variable.index] = count
            for (key, amount) in f.stays[s].usage where count > 0 { state.used[key, default: 0] += count * amount }
        }
    }

    /// Solves one neighbourhood's MIP and puts its result in the plan if it is better.
    private func solved(
        _ part: Neighbourhood, _ built: NeighbourhoodModel, state: inout PlanState, deadline: ContinuousClock.Instant?
    ) -> (improved: Int, cutByTime: Bool) {
        let result = solve(built, deadline: deadline)
        guard let solution = result.solution else { return (0, result.cutByTime) }
        apply(solution, of: part, built, to: &state)
        return (1, result.cutByTime)
    }

    /// Solves two neighbourhoods, on two threads when they share no class and no house pool (each
    /// then gets half of what the plan leaves of a capacity both touch, so both results fit
    /// together), else one after the other. The same pair gives the same result on one thread or
    /// two. Returns how many improved the plan, and whether the time limit ended one of the solves.
    private func solvePair(
        _ first: [Int], _ second: [Int]?, ranked: [[Int]], state: inout PlanState, deadline: ContinuousClock.Instant?
    ) -> (improved: Int, cutByTime: Bool) {
        let a = gather(first, ranked: ranked, state: &state)
        guard let second else {
            return solved(a, build(a, state: &state) { _ in 1 }, state: &state, deadline: deadline)
        }
        let b = gather(second, ranked: ranked, state: &state)
        guard Set(a.classes).isDisjoint(with: b.classes), Set(a.pools).isDisjoint(with: b.pools) else {
            return solveInTurn(a, b, second, ranked: ranked, state: &state, deadline: deadline)
        }
        let shared = a.keys.intersection(b.keys)
        let half: (ResourceKey) -> Double = { shared.contains($0) ? 0.5 : 1 }
        let builtA = build(a, state: &state, share: half)
        let builtB = build(b, state: &state, share: half)
        let models = [builtA, builtB]
        let solved = ParallelWork.map(2, width: threads) { i in self.solve(models[i], deadline: deadline) }
        var improved = 0
        if let solution = solved[0].solution {
            apply(solution, of: a, builtA, to: &state)
            improved += 1
        }
        if let solution = solved[1].solution {
            apply(solution, of: b, builtB, to: &state)
            improved += 1
        }
        return (improved, solved[0].cutByTime || solved[1].cutByTime)
    }

    /// Solves two overlapping neighbourhoods one after the other, as if `b` were solved only once
    /// `a`'s result is in the plan. Most solves improve nothing, and then `b`'s MIP is the same
    /// whether it is built before or after `a`'s solve: so with a spare core both are solved at once
    /// from the same plan, and `b` is solved again only when `a` changed the plan. The plan is the
    /// same as solving them in turn, on any number of cores.
    private func solveInTurn(
        _ a: Neighbourhood, _ b: Neighbourhood, _ second: [Int], ranked: [[Int]], state: inout PlanState,
        deadline: ContinuousClock.Instant?
    ) -> (improved: Int, cutByTime: Bool) {
        let builtA = build(a, state: &state) { _ in 1 }
        guard threads > 1, spareCore?() ?? true else {
            let one = solved(a, builtA, state: &state, deadline: deadline)
            let two = solvePair(second, nil, ranked: ranked, state: &state, deadline: deadline)
            return (one.improved + two.improved, one.cutByTime || two.cutByTime)
        }
        let builtB = build(b, state: &state) { _ in 1 }
        let models = [builtA, builtB]
        let results = ParallelWork.map(2, width: threads) { i in self.solve(models[i], deadline: deadline) }
        if let solution = results[0].solution {
            apply(solution, of: a, builtA, to: &state)
            // `b`'s MIP was built from the plan before `a`'s change: solve it again from the new one.
            let two = solvePair(second, nil, ranked: ranked, state: &state, deadline: deadline)
            return (1 + two.improved, results[0].cutByTime || two.cutByTime)
        }
        guard let solution = results[1].solution else { return (0, results[0].cutByTime || results[1].cutByTime) }
        apply(solution, of: b, builtB, to: &state)
        return (1, results[0].cutByTime || results[1].cutByTime)
    }

}

/// A plan being improved: its column values and what it uses of every capacity, seats of every leg
/// included.
private struct PlanState {
    let formulation: Formulation
    var values: [Double]
    var used: [ResourceKey: Double] = [:]
    /// What one household of a move column uses, seats of every leg included, stays of pooled moves
    /// not (their stay columns carry them); computed on first use.
    private var moveUse: [Int: [(key: ResourceKey, amount: Double)]] = [:]

    init(formulation: Formulation, values: [Double]) {
        self.formulation = formulation
        self.values = values
        var used: [ResourceKey: Double] = [:]
        formulation.forEachUse(of: values) { key, amount in used[key, default: 0] += amount }
        self.used = used
    }

    /// What one household of move `position` uses, seats of every leg included.
    mutating func use(ofMove position: Int) -> [(key: ResourceKey, amount: Double)] {
        if let known = moveUse[position] { return known }
        let f = formulation
        let move = f.moves[position]
        let use = resourceUse(
            of: f.options[move.householdClass].pathways[move.pathway], startWeek: move.startWeek,
            persons: Double(f.classes[move.householdClass].profile.size), scenario: f.index.scenario)
        moveUse[position] = use
        return use
    }

    /// What the plan leaves of a capacity (after commitments).
    func room(_ key: ResourceKey) -> Double {
        let capacity = max(
            0,
            Formulation.capacity(of: key, scenario: formulation.index.scenario)
                - formulation.pinnedUse[key, default: 0])
        return capacity - used[key, default: 0]
    }
}
