import LinearProgramming

/// Improves a plan that respects every capacity by solving small mixed-integer programs, one
/// neighbourhood of classes at a time, with everything else fixed (docs/MODEL.md, "Improving the
/// plan: fix and optimise").
///
/// A neighbourhood is a few hundred classes that compete for the same capacities: those whose
/// cheapest way out lodges at the same place (beds, quotas), or those leaving from the same place
/// (seats). Its small MIP has, for each of its classes, the columns the plan gives it and the
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
    /// Passes over every neighbourhood at most; a pass that improves nothing ends the search earlier.
    var passes = 3
    /// Wall-clock limit of one neighbourhood's solve, in seconds.
    var secondsPerSolve = 2.0

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
    }

    /// Improves `values` (a plan respecting every capacity, seats of every leg included) until
    /// `deadline`. `prices` holds one reduced cost per column (the formulation's objective
    /// coefficients when nil) and decides which columns each class may try.
    func improve(_ values: [Double], prices: [Double]?, deadline: ContinuousClock.Instant?) -> Outcome {
        var state = PlanState(formulation: formulation, values: values)
        let ranked = rankedMoves(prices: prices ?? formulation.model.objectiveCoefficients)
        let neighbourhoods = self.neighbourhoods(ranked: ranked)
        var solved = 0
        var improved = 0
        for _ in 0..<passes {
            var improvedThisPass = false
            for neighbourhood in neighbourhoods {
                if let deadline, ContinuousClock.now >= deadline {
                    return Outcome(
                        values: state.values, objective: formulation.model.objectiveValue(of: state.values),
                        solved: solved, improved: improved, stoppedByDeadline: true)
                }
                solved += 1
                if solve(neighbourhood, ranked: ranked, state: &state, deadline: deadline) {
                    improved += 1
                    improvedThisPass = true
                }
            }
            if !improvedThisPass { break }
        }
        return Outcome(
            values: state.values, objective: formulation.model.objectiveValue(of: state.values), solved: solved,
            improved: improved, stoppedByDeadline: false)
    }

    /// Move positions of each class, cheapest at `prices` first (a pooled move adds its pool's
    /// cheapest house), only those with room and cheaper than leaving the household unmoved.
    private func rankedMoves(prices: [Double]) -> [[Int]] {
        let f = formulation
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
                if price < unmovedPrice { priced.append((price, position)) }
            }
            priced.sort { ($0.price, $0.position) < ($1.price, $1.position) }
            return priced.prefix(candidatesPerClass).map(\.position)
        }
    }

    /// Classes grouped by the place their cheapest way out lodges at, then by the place they leave
    /// from; each group in order of urgency and ready week, cut into neighbourhoods of at most
    /// `classesPerNeighbourhood`. Classes with no way out are left out.
    private func neighbourhoods(ranked: [[Int]]) -> [[Int]] {
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
                return stride(from: 0, to: members.count, by: classesPerNeighbourhood).map {
                    Array(members[$0..<min(members.count, $0 + classesPerNeighbourhood)])
                }
            }
        }
        return chunks(byLodging) + chunks(byOrigin)
    }

    /// Solves one neighbourhood's MIP and, when it beats the plan, writes its columns into `state`.
    private func solve(
        _ classes: [Int], ranked: [[Int]], state: inout PlanState, deadline: ContinuousClock.Instant?
    ) -> Bool {
        let f = formulation
        let costs = f.model.objectiveCoefficients
        let upper = f.model.variables
        // Columns of the neighbourhood: each class's moves in the plan and its cheapest ones.
        var candidates: [[Int]] = []
        var pools: [Int] = []
        var poolSeen: Set<Int> = []
        for c in classes {
            var positions = ranked[c]
            for position in f.movesOfClass[c] where state.values[f.moves[position].variable.index] > 0.5 {
                if !positions.contains(position) { positions.append(position) }
            }
            for position in positions {
                if let pool = f.moves[position].pool, poolSeen.insert(pool).inserted { pools.append(pool) }
            }
            candidates.append(positions)
        }
        pools.sort()
        // What the neighbourhood's part of the plan uses, freed for its MIP to share out again.
        var freed: [ResourceKey: Double] = [:]
        var inNeighbourhood = [Double](repeating: 0, count: f.pools.count)
        for positions in candidates {
            for position in positions {
                let count = state.values[f.moves[position].variable.index]
                guard count > 0.5 else { continue }
                for (key, amount) in state.use(ofMove: position) { freed[key, default: 0] += count * amount }
                if let pool = f.moves[position].pool { inNeighbourhood[pool] += count }
            }
        }
        for pool in pools {
            for s in f.staysOfPool[pool] {
                let count = state.values[f.stays[s].variable.index]
                guard count > 0.5 else { continue }
                for (key, amount) in f.stays[s].usage { freed[key, default: 0] += count * amount }
            }
        }

        // What the rest of the plan leaves of each capacity: no column of the neighbourhood may take
        // more households than that allows (tighter bounds make its MIP much easier).
        var roomCache: [ResourceKey: Double] = [:]
        func roomFor(_ key: ResourceKey) -> Double {
            if let known = roomCache[key] { return known }
            let room = max(0, state.room(key) + freed[key, default: 0])
            roomCache[key] = room
            return room
        }
        func bound(_ column: Int, _ use: [(key: ResourceKey, amount: Double)]) -> Double {
            var bound = upper[column].upperBound
            for (key, amount) in use where amount > 0 { bound = min(bound, (roomFor(key) / amount + 1e-9).rounded(.down)) }
            return bound
        }

        var model = LinearModel(name: "neighbourhood")
        var objective = LinearExpression()
        var start: [Double] = []
        var rows: [ResourceKey: LinearExpression] = [:]
        var moveVariables: [[Variable]] = []
        var unmovedVariables: [Variable] = []
        var poolTerms: [Int: LinearExpression] = [:]
        for (i, c) in classes.enumerated() {
            var classRow = LinearExpression()
            var variables: [Variable] = []
            candidates[i].removeAll { position in
                let column = f.moves[position].variable.index
                return state.values[column] < 0.5 && bound(column, state.use(ofMove: position)) < 1
            }
            for position in candidates[i] {
                let column = f.moves[position].variable.index
                let info = upper[column]
                let variable = model.addVariable(
                    "x\(column)", upperBound: bound(column, state.use(ofMove: position)),
                    kind: info.kind == .continuous ? .integer : info.kind)
                objective.add(costs[column], variable)
                start.append(state.values[column])
                classRow += variable
                for (key, amount) in state.use(ofMove: position) { rows[key, default: LinearExpression()].add(amount, variable) }
                if let pool = f.moves[position].pool { poolTerms[pool, default: LinearExpression()].add(1, variable) }
                variables.append(variable)
            }
            let unmovedColumn = f.unmoved[c].index
            let unmoved = model.addVariable("u\(unmovedColumn)", upperBound: upper[unmovedColumn].upperBound)
            objective.add(costs[unmovedColumn], unmoved)
            start.append(state.values[unmovedColumn])
            classRow += unmoved
            model.addConstraint("c\(c)", classRow, .equal, Double(f.classes[c].count))
            moveVariables.append(variables)
            unmovedVariables.append(unmoved)
        }
        var stayVariables: [(stay: Int, variable: Variable)] = []
        for pool in pools {
            var link = poolTerms[pool] ?? LinearExpression()
            var total = 0.0
            for s in f.staysOfPool[pool] {
                let column = f.stays[s].variable.index
                total += state.values[column]
                let most = bound(column, f.stays[s].usage)
                if most < 1 && state.values[column] < 0.5 { continue }
                let variable = model.addVariable("y\(column)", upperBound: most, kind: .integer)
                objective.add(costs[column], variable)
                start.append(state.values[column])
                for (key, amount) in f.stays[s].usage { rows[key, default: LinearExpression()].add(amount, variable) }
                link.add(-1, variable)
                stayVariables.append((s, variable))
            }
            // Members of the pool outside the neighbourhood keep their places: a constant here.
            model.addConstraint("q\(pool)", link, .equal, -(total - inNeighbourhood[pool]).rounded())
        }
        for key in rows.keys.sorted() { model.addConstraint("r", rows[key]!, .lessOrEqual, roomFor(key)) }
        model.setObjective(.minimize, objective)

        var options = SolverOptions(timeLimit: secondsPerSolve, relativeGap: 1e-6)
        if let deadline {
            let left = ContinuousClock.now.duration(to: deadline)
            options.timeLimit = min(secondsPerSolve, max(0.05, Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18))
        }
        options.startSolution = start
        let solutionMaybe = try? solver.solve(model, options: options)
        guard let solution = solutionMaybe, solution.status.hasSolution,
            let value = solution.objectiveValue, value < model.objectiveValue(of: start) - 1e-6
        else { return false }

        // The neighbourhood's new part of the plan replaces its old one.
        for (key, amount) in freed { state.used[key, default: 0] -= amount }
        for (i, c) in classes.enumerated() {
            for position in f.movesOfClass[c] { state.values[f.moves[position].variable.index] = 0 }
            var moved = 0.0
            for (position, variable) in zip(candidates[i], moveVariables[i]) {
                let count = solution.value(variable).rounded()
                guard count > 0 else { continue }
                state.values[f.moves[position].variable.index] = count
                moved += count
                for (key, amount) in state.use(ofMove: position) { state.used[key, default: 0] += count * amount }
            }
            state.values[f.unmoved[c].index] = Double(f.classes[c].count) - moved
        }
        for (s, variable) in stayVariables {
            let count = solution.value(variable).rounded()
            state.values[f.stays[s].variable.index] = count
            for (key, amount) in f.stays[s].usage where count > 0 { state.used[key, default: 0] += count * amount }
        }
        return true
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
    private var labels: [Int: String]

    init(formulation: Formulation, values: [Double]) {
        self.formulation = formulation
        self.values = values
        labels = formulation.monthLabels
        for position in formulation.moves.indices where values[formulation.moves[position].variable.index] > 0.5 {
            let count = values[formulation.moves[position].variable.index]
            for (key, amount) in use(ofMove: position) { used[key, default: 0] += count * amount }
        }
        for stay in formulation.stays where values[stay.variable.index] > 0.5 {
            for (key, amount) in stay.usage { used[key, default: 0] += values[stay.variable.index] * amount }
        }
    }

    /// What one household of move `position` uses, seats of every leg included.
    mutating func use(ofMove position: Int) -> [(key: ResourceKey, amount: Double)] {
        if let known = moveUse[position] { return known }
        let f = formulation
        let move = f.moves[position]
        let use = resourceUse(
            of: f.options[move.householdClass].pathways[move.pathway], startWeek: move.startWeek,
            persons: Double(f.classes[move.householdClass].profile.size), scenario: f.index.scenario, labels: &labels)
        moveUse[position] = use
        return use
    }

    /// What the plan leaves of a capacity (after commitments).
    func room(_ key: ResourceKey) -> Double {
        let capacity = max(0, Formulation.capacity(of: key, scenario: formulation.index.scenario)
            - formulation.pinnedUse[key, default: 0])
        return capacity - used[key, default: 0]
    }
}
