import LinearProgramming

/// A proven lower bound on the optimum of a formulation too large for GLPK's LP relaxation, by
/// Lagrangian relaxation of every capacity row (docs/MODEL.md, "Bounds for large models").
///
/// With a price λᵣ ≥ 0 on each capacity row r, the model without those rows falls apart into one
/// small problem per class: move its households on the columns cheapest at these prices (each within
/// its bound, a pooled move paying for the cheapest house of its pool), or leave them unmoved. Its
/// optimum minus Σ λᵣ·capacityᵣ is a lower bound on the model's optimum for any prices, so every
/// iteration's value is a valid bound and the best one is kept. Prices follow the subgradient (how
/// much each row is overused) with Polyak's step towards a known plan's objective.
///
/// The class problems' choices, averaged over the iterations, approximate the LP relaxation's
/// solution and guide the greedy plan (`Formulation.greedySolution(guide:)`).
///
/// The formulation may lack seat rows (large compact models start without them); it is then itself
/// a relaxation of the full model, so the bound holds for the full model too.
struct LagrangianRelaxation: Sendable {
    /// Columns in compressed form: cost, upper bound and relaxed-row entries (row position, amount
    /// per unit of the column divided by the row's capacity, so that every scaled capacity is 1).
    private let cost: [Double]
    private let upper: [Double]
    private let entryStart: [Int]
    private let entryRow: [Int32]
    private let entryAmount: [Double]
    private let rowCount: Int
    /// Move columns of each class, their pool (-1 for none), each class's size and unmoved cost.
    private let moveColumns: [Int]
    private let movePool: [Int32]
    private let classMoves: [Range<Int>]
    private let classCount: [Double]
    private let unmovedCost: [Double]
    private let unmovedColumn: [Int]
    /// Stay columns of each pool.
    private let poolStays: [[Int]]
    private let constant: Double
    private let columnCount: Int
    /// Seat prices for a formulation without seat rows: every leg and week gets a priced row after
    /// the formulation's, and move columns take their cheapest routes at those prices.
    private let alternatives: RouteAlternatives?
    /// Position of each column among `alternatives.columns` (-1 for none).
    private let alternativeOf: [Int32]
    /// The capacity of each priced row of the formulation, in order.
    private let rowKeys: [ResourceKey]
    /// The capacity of each priced row (its scale).
    private let rowCapacity: [Double]
    /// Scale of each seat row (its room, at least 1), and the budget row's position and capacity.
    private let seatScale: [Double]
    private let budgetRow: Int?
    private let budgetCapacity: Double
    /// Pieces each evaluation's loops are cut into (`ParallelChunks`): 1 keeps a run on its own
    /// thread, beside other work. The bound does not depend on it.
    var pieces = ParallelChunks.defaultPieces
    /// How a run prices only each class's few cheapest columns between full evaluations (nil: every
    /// iteration prices every column). The bound comes from full evaluations only.
    var sifting: Sifting? = Sifting.standard

    /// Sifting: most iterations price each class's `columnsPerClass` columns cheapest at the last
    /// full evaluation (and the ways they read); every `fullEvery`-th iteration prices every column,
    /// gives a valid bound, and chooses the columns again. Prices move little between full
    /// evaluations, so the few columns hold the class problems' choices, at a fraction of the work.
    struct Sifting: Sendable {
        var fullEvery: Int
        var columnsPerClass: Int
        /// Measured in docs/MODEL.md ("Sifting the bound's columns"): 16 columns hold nearly every
        /// choice a full evaluation makes; a full one in 10 keeps the bound per iteration as good.
        static let standard = Sifting(fullEvery: 10, columnsPerClass: 16)

        /// Whether iteration `iteration` prices every column: the first ones (their prices, the
        /// mildest, are kept for a greedy plan, `earlyPrices`, which needs every column's reduced
        /// cost) and every `fullEvery`-th.
        func isFull(_ iteration: Int) -> Bool {
            iteration < LagrangianRelaxation.pacingIterations || iteration % fullEvery == 0
        }
    }

    /// What a run found.
    struct Result: Sendable {
        /// The best lower bound on the formulation's optimum (hence on the full model's).
        var bound: Double
        /// The class problems' column values averaged over the iterations: a guide for the greedy plan.
        var guide: [Double]
        /// Each column's reduced cost at the prices of the best bound: its cost plus what it uses
        /// of the capacities, priced.
        var prices: [Double]
        /// The reduced costs at the best of the first `pacingIterations` iterations' prices, when
        /// the best bound came later: mild prices, near the columns' own costs, that a greedy plan
        /// may do better with than with the best bound's (see `Planner`, the bound stage).
        var earlyPrices: [Double]?
        /// The prices of the best bound: of the formulation's capacities, and (without seat rows) of
        /// each leg and week's seats, to start another run from.
        var rowPrices: Prices
        /// Iterations run.
        var iterations: Int
        /// Whether the deadline ended the run.
        var stoppedByDeadline: Bool
        /// The step's factor when the run ended (Polyak's step times it), to go on from.
        var step: Double
    }

    /// Prices of capacities: by capacity for the formulation's rows, by leg × week + week − 1 for seats.
    struct Prices: Sendable {
        var rows: [ResourceKey: Double]
        var seats: [Double]
    }

    init(_ formulation: Formulation) {
        let model = formulation.model
        let columns = model.variableCount
        columnCount = columns
        var cost = model.objectiveCoefficients
        upper = model.variables.map(\.upperBound)
        constant = model.objectiveConstant
        // Rows with no room left are not priced: every column using them is bounded to zero already.
        let priced = formulation.resourceRows.filter { $0.capacity > 1e-9 }
        rowCount = priced.count
        rowKeys = priced.map(\.key)
        rowCapacity = priced.map(\.capacity)
        var counts = [Int](repeating: 0, count: columns + 1)
        for row in priced {
            for column in model.constraints[row.row.index].columns { counts[Int(column) + 1] += 1 }
        }
        for j in 0..<columns { counts[j + 1] += counts[j] }
        var fill = counts
        var rows = [Int32](repeating: 0, count: counts[columns])
        var amounts = [Double](repeating: 0, count: counts[columns])
        for (r, row) in priced.enumerated() {
            let info = model.constraints[row.row.index]
            for (column, coefficient) in zip(info.columns, info.coefficients) {
                let at = fill[Int(column)]
                rows[at] = Int32(r)
                amounts[at] = coefficient / row.capacity
                fill[Int(column)] += 1
            }
        }
        let budgetRow = priced.firstIndex { $0.key == .budget }
        let budgetCapacity = budgetRow.map { priced[$0].capacity } ?? 1
        // Without seat rows, seats are priced here, and each move column's own routes leave its cost
        // and its money: it takes its cheapest routes at the prices instead (RouteAlternatives).
        let alternatives =
            formulation.seatLegs.isEmpty && formulation.style == .compact ? RouteAlternatives(formulation) : nil
        var alternativeOf = [Int32](repeating: -1, count: columns)
        if let alternatives {
            for (k, j) in alternatives.columns.enumerated() {
                alternativeOf[j] = Int32(k)
                cost[j] -= alternatives.ownRouteCost[k]
                if let budgetRow {
                    for e in counts[j]..<counts[j + 1] where rows[e] == Int32(budgetRow) {
                        amounts[e] -= alternatives.ownRouteMoney[k] / budgetCapacity
                    }
                }
            }
        }
        self.alternatives = alternatives
        self.alternativeOf = alternativeOf
        seatScale = alternatives.map { $0.seatRoom.map { max($0, 1) } } ?? []
        self.budgetRow = budgetRow
        self.budgetCapacity = budgetCapacity
        self.cost = cost
        entryStart = counts
        entryRow = rows
        entryAmount = amounts
        moveColumns = formulation.moves.map(\.variable.index)
        movePool = formulation.moves.map { Int32($0.pool ?? -1) }
        classMoves = formulation.movesOfClass
        classCount = formulation.classes.map { Double($0.count) }
        unmovedColumn = formulation.unmoved.map(\.index)
        unmovedCost = formulation.unmoved.map { model.objectiveCoefficients[$0.index] }
        poolStays = formulation.staysOfPool.map { range in range.map { formulation.stays[$0].variable.index } }
    }

    /// Runs up to `iterations` subgradient steps (fewer if the bound comes within `targetGap` of
    /// `upperBound`, the objective of a known plan, or when `deadline` passes).
    ///
    /// The step is halved after `patience(forIterations:)` iterations without a better value (a
    /// restricted iteration's counts: see `sifting`; the bound is the best full iteration's), a
    /// schedule stretched over the iterations the run will have: all of `iterations`, or with a
    /// deadline, as many as the first ones' pace lets it make before then.
    /// `initial`, when given, are the prices to start from (another run's `rowPrices`), and
    /// `initialStep` the step's factor to start with (another run's `step` goes on where it ended).
    /// A raised `stop` ends a run with a deadline as the deadline does; with `stalls`, the run also
    /// ends when its step has been halved that many times since the bound last improved.
    func run(
        upperBound: Double, iterations: Int, targetGap: Double, deadline: ContinuousClock.Instant?,
        initial: Prices? = nil, initialStep: Double = 2, stop: StopSignal? = nil, stalls: Int? = nil,
        progress: (@Sendable (Double) -> Void)? = nil
    ) -> Result {
        // The formulation's rows, then (with alternatives) one seat row per leg and week.
        let rowCount = pricedRowCount
        var prices = startingPrices(initial)
        var bestRowPrices = prices
        var work = makeWorkspace()
        // Σ (k + 1)·x_k over iterations k: the guide is this over Σ (k + 1), later iterations weighing more.
        var guide = [Double](repeating: 0, count: columnCount)
        var guideWeight = 0.0
        var best = -Double.infinity
        var bestPrices = work.reduced
        // The best prices while `best` was set in the first iterations, kept once a later one beats it.
        var earlyPrices: [Double]?
        var bestIsEarly = false
        var step = initialStep
        var sinceImproved = 0
        var halvingsSinceImproved = 0
        var done = 0
        var stoppedByDeadline = false
        var reported = ContinuousClock.now
        let started = ContinuousClock.now
        var patience = LagrangianRelaxation.patience(forIterations: iterations)
        // With sifting, the pace is timed over a whole round of restricted evaluations and a full one.
        let pacing = max(LagrangianRelaxation.pacingIterations, sifting?.fullEvery ?? 0)
        // The value that steers the step: the best of every evaluation, restricted ones included.
        var steering = -Double.infinity
        var fullNext = true
        for iteration in 0..<iterations {
            if let deadline, iteration == pacing {
                // The pace of the first iterations says how many the deadline allows.
                let each = started.duration(to: .now) / iteration
                let left = ContinuousClock.now.duration(to: deadline)
                let expected = iteration + (each > .zero ? Int(left / each) : iterations)
                patience = LagrangianRelaxation.patience(forIterations: min(iterations, max(iteration, expected)))
            }
            if iteration > 0, let deadline, ContinuousClock.now >= deadline || stop?.isRaised == true {
                stoppedByDeadline = true
                break
            }
            let full = fullNext || sifting?.isFull(iteration) ?? true
            fullNext = false
            let value = evaluate(prices, &work, restricted: !full)
            // The columns are chosen at the full evaluation a restricted one follows, not at every full one.
            if full, let sifting, !sifting.isFull(iteration + 1) {
                chooseActiveColumns(&work, perClass: sifting.columnsPerClass)
            }
            let (chosen, values, overuse) = (work.chosen, work.values, work.overuse)
            done = iteration + 1
            let weight = Double(iteration + 1)
            for j in chosen { guide[j] += weight * values[j] }
            guideWeight += weight
            if full && (best == -.infinity || value > best + 1e-9 * max(1, abs(best))) {
                if bestIsEarly && iteration >= LagrangianRelaxation.pacingIterations && earlyPrices == nil {
                    earlyPrices = bestPrices
                }
                bestIsEarly = iteration < LagrangianRelaxation.pacingIterations
                best = value
                bestPrices = work.reduced
                bestRowPrices = prices
                if let progress, reported.duration(to: .now) >= .seconds(1) {
                    progress(best)
                    reported = .now
                }
            }
            if steering == -.infinity || value > steering + 1e-9 * max(1, abs(steering)) {
                steering = value
                sinceImproved = 0
                halvingsSinceImproved = 0
            } else {
                sinceImproved += 1
                if sinceImproved >= patience {
                    step /= 2
                    sinceImproved = 0
                    halvingsSinceImproved += 1
                    if let stalls, halvingsSinceImproved >= stalls { break }
                }
            }
            if upperBound - best <= targetGap * max(1, abs(upperBound)) { break }
            // Only rows that are overused, or priced and slack, move.
            var norm = 0.0
            for r in 0..<rowCount where overuse[r] > 0 || prices[r] > 0 { norm += overuse[r] * overuse[r] }
            guard norm > 1e-12 else {
                // No row is overused: the class problems' plan is optimal, or (restricted) optimal
                // over the columns chosen, which a full evaluation then checks.
                if full { break }
                fullNext = true
                continue
            }
            let length = step * max(upperBound - value, 1e-6 * max(1, abs(upperBound))) / norm
            for r in 0..<rowCount { prices[r] = max(0, prices[r] + length * overuse[r]) }
        }
        if guideWeight > 0 { for j in 0..<columnCount { guide[j] /= guideWeight } }
        return Result(
            bound: best, guide: guide, prices: bestPrices, earlyPrices: earlyPrices,
            rowPrices: rowPrices(bestRowPrices), iterations: done,
            stoppedByDeadline: stoppedByDeadline, step: step)
    }

    /// Iterations without a better bound after which the step is halved, for a run of `iterations`:
    /// a fifteenth of them (the step has then halved about 15 times by the end), at least 5. Longer
    /// runs wait longer, or their step would vanish long before their end: at 2,000 households
    /// (seed 4242) 300, 600, 1,000 and 2,000 iterations reach 437,057, 443,225, 447,074 and 449,162
    /// this way, against an LP relaxation of 450,509. Shorter runs wait less: Polyak's first steps
    /// overshoot, and a patience of 20 let a 50-iteration run at 10,000 households spend 40 of them
    /// getting back to where it started (docs/MODEL.md, "Bounds for large models").
    static func patience(forIterations iterations: Int) -> Int { max(5, iterations / 15) }

    /// Iterations timed before a run with a deadline sets its patience.
    static let pacingIterations = 5

    /// A price per priced row: `initial`'s (another run's `rowPrices`), zero where it has none.
    func startingPrices(_ initial: Prices?) -> [Double] {
        let seatRows = alternatives?.seatRowCount ?? 0
        var prices = [Double](repeating: 0, count: rowCount + seatRows)
        if let initial {
            for (r, key) in rowKeys.enumerated() { prices[r] = initial.rows[key] ?? 0 }
            if initial.seats.count == seatRows {
                for r in 0..<seatRows { prices[rowCount + r] = initial.seats[r] }
            }
        }
        return prices
    }

    /// A price per priced row as `Prices`: by capacity for the formulation's rows, then the seats.
    func rowPrices(_ prices: [Double]) -> Prices {
        Prices(
            rows: Dictionary(uniqueKeysWithValues: zip(rowKeys, prices.prefix(rowCount))),
            seats: Array(prices.suffix(prices.count - rowCount)))
    }

    /// The buffers one evaluation of the class problems fills, kept between iterations.
    struct Workspace {
        fileprivate var tables: RouteAlternatives.Tables?
        fileprivate var seatPrice: [Double]
        /// Each column's reduced cost at the prices evaluated.
        var reduced: [Double]
        /// The class problems' solution: a value per column, non-zero only at `chosen`.
        var values: [Double]
        var chosen: [Int]
        /// Each priced row's use less its capacity (scaled to 1): a subgradient at the prices.
        var overuse: [Double]
        fileprivate var poolBest: [Int]
        fileprivate var poolUse: [Double]
        /// The columns a restricted evaluation prices, chosen at the last full one.
        fileprivate var active: ActiveColumns?
    }

    /// Each class's move columns a restricted evaluation solves its problem over, the stay columns of
    /// the pools they draw on (a pooled move pays for its pool's cheapest house), and the ways they read.
    fileprivate struct ActiveColumns {
        /// Class c's moves are `moves[classStart[c]..<classStart[c + 1]]` (positions in `moveColumns`).
        var classStart: [Int]
        var moves: [Int]
        /// The columns to price, in column order, and the pools the moves draw on.
        var columns: [Int]
        var pools: [Int]
        var ways: RouteAlternatives.WaysInUse?
    }

    /// Number of priced rows: the formulation's, then (with seat prices) one per leg and week.
    var pricedRowCount: Int { rowCount + (alternatives?.seatRowCount ?? 0) }

    /// Empty buffers for `evaluate`.
    func makeWorkspace() -> Workspace {
        let seatRows = alternatives?.seatRowCount ?? 0
        return Workspace(
            tables: alternatives?.makeTables(), seatPrice: [Double](repeating: 0, count: seatRows),
            reduced: [Double](repeating: 0, count: columnCount), values: [Double](repeating: 0, count: columnCount),
            chosen: [], overuse: [Double](repeating: 0, count: pricedRowCount),
            poolBest: [Int](repeating: -1, count: poolStays.count),
            poolUse: [Double](repeating: 0, count: poolStays.count), active: nil)
    }

    /// The Lagrangian function at `prices` (one per priced row): the class problems solved at these
    /// prices, their optimum less Σ prices (every scaled capacity is 1), a lower bound on the
    /// formulation's optimum. Leaves the solution and the subgradient in `work`.
    ///
    /// A `restricted` evaluation solves the class problems over the columns of the last
    /// `chooseActiveColumns` only: its value is then no bound (a class may have a cheaper column
    /// left out), but its subgradient moves the prices as a full one would while those columns
    /// hold the class problems' choices.
    func evaluate(_ prices: [Double], _ work: inout Workspace, restricted: Bool = false) -> Double {
        let seatRows = alternatives?.seatRowCount ?? 0
        let rowCount = self.rowCount + seatRows
        let active = restricted ? work.active : nil
        precondition(!restricted || active != nil, "a restricted evaluation needs its columns chosen")
        // Seats and money first: each priced column's cheapest ways at these prices.
        if let alternatives, work.tables != nil {
            for r in 0..<seatRows { work.seatPrice[r] = prices[self.rowCount + r] / seatScale[r] }
            let moneyPrice = budgetRow.map { prices[$0] / budgetCapacity } ?? 0
            if let ways = active?.ways {
                alternatives.priceWays(
                    seatPrice: work.seatPrice, moneyPrice: moneyPrice, tables: &work.tables!, only: ways,
                    pieces: pieces)
            } else {
                alternatives.priceWays(
                    seatPrice: work.seatPrice, moneyPrice: moneyPrice, tables: &work.tables!, pieces: pieces)
            }
        }
        // Reduced costs at the current prices: the hot loop (every non-zero, every iteration).
        priceColumns(prices, tables: work.tables, into: &work.reduced, only: active?.columns)
        for j in work.chosen { work.values[j] = 0 }
        work.chosen.removeAll(keepingCapacity: true)
        func choosePoolHouse(_ q: Int) {
            var cheapest = -1
            for s in poolStays[q] where upper[s] > 0 && (cheapest < 0 || work.reduced[s] < work.reduced[cheapest]) {
                cheapest = s
            }
            work.poolBest[q] = cheapest
        }
        // A restricted evaluation needs only the pools its columns draw on; every pool's use is reset.
        if let pools = active?.pools {
            for q in pools { choosePoolHouse(q) }
        } else {
            for q in poolStays.indices { choosePoolHouse(q) }
        }
        for q in work.poolUse.indices { work.poolUse[q] = 0 }
        // Each class: its cheapest columns, within their bounds, while cheaper than not moving.
        // Classes are solved side by side in fixed pieces; their choices are then taken in class
        // order, so the value and every sum come out the same bytes on any number of cores.
        let reduced = work.reduced
        let poolBest = work.poolBest
        let choices = ParallelChunks.map(classMoves.count, pieces: pieces) { classes in
            self.solveClasses(classes, reduced: reduced, poolBest: poolBest, active: active)
        }
        var value = constant
        for piece in choices {
            for take in piece {
                if take.column >= 0 {
                    work.values[take.column] = take.count
                    work.chosen.append(take.column)
                    value += take.count * take.price
                    if take.pool >= 0 { work.poolUse[Int(take.pool)] += take.count }
                } else {
                    let c = -take.column - 1
                    if take.count > 0 {
                        work.values[unmovedColumn[c]] = take.count
                        work.chosen.append(unmovedColumn[c])
                    }
                    value += take.count * take.price
                }
            }
        }
        for (q, use) in work.poolUse.enumerated() where use > 0 {
            work.values[work.poolBest[q]] = use
            work.chosen.append(work.poolBest[q])
        }
        // Row use less capacity (1 after scaling), and the bound.
        for r in 0..<rowCount { work.overuse[r] = -1 }
        for j in work.chosen {
            for e in entryStart[j]..<entryStart[j + 1] {
                work.overuse[Int(entryRow[e])] += entryAmount[e] * work.values[j]
            }
        }
        if let alternatives, let tables = work.tables {
            // Seats and money of the routes the chosen columns took.
            var seatUse = [Double](repeating: 0, count: seatRows)
            var money = 0.0
            for j in work.chosen where alternativeOf[j] >= 0 {
                money += alternatives.use(
                    ofColumn: Int(alternativeOf[j]), value: work.values[j], tables: tables, seatScale: seatScale,
                    seatUse: &seatUse)
            }
            for r in 0..<seatRows { work.overuse[self.rowCount + r] += seatUse[r] }
            if let budgetRow { work.overuse[budgetRow] += money / budgetCapacity }
            // A seat row with no room left prices nothing: no chosen way uses it.
            for r in 0..<seatRows where alternatives.seatRoom[r] <= 0 { work.overuse[self.rowCount + r] = 0 }
        }
        for r in 0..<rowCount { value -= prices[r] }
        return value
    }

    /// Chooses, at the reduced costs of the last full evaluation in `work`, each class's columns a
    /// restricted evaluation solves over: its `perClass` cheapest move columns with room (a pooled
    /// move with its pool's cheapest house), more while they hold fewer than the class's households.
    func chooseActiveColumns(_ work: inout Workspace, perClass: Int) {
        let reduced = work.reduced
        let poolBest = work.poolBest
        let pieces = ParallelChunks.map(classMoves.count, pieces: pieces) { classes in
            var moves: [Int] = []
            var ends: [Int] = []
            var candidates: [(cost: Double, move: Int)] = []
            var cheapest = SmallestFew<RankedIndex>(limit: perClass)
            for c in classes {
                candidates.removeAll(keepingCapacity: true)
                cheapest.removeAll()
                for m in self.classMoves[c] {
                    if let total = self.price(ofMove: m, reduced: reduced, poolBest: poolBest) {
                        candidates.append((total, m))
                        cheapest.offer(RankedIndex(value: total, index: m))
                    }
                }
                // The `perClass` cheapest, without sorting all of them (a class has hundreds).
                var kept = cheapest.items.map { (cost: $0.value, move: $0.index) }
                var held = kept.reduce(0.0) { $0 + self.upper[self.moveColumns[$1.move]] }
                if held < self.classCount[c] && candidates.count > kept.count {
                    // Rare: the cheapest hold fewer than the class's households; take more, in order.
                    candidates.sort { ($0.cost, $0.move) < ($1.cost, $1.move) }
                    kept = Array(candidates.prefix(perClass))
                    for candidate in candidates.dropFirst(perClass) where held < self.classCount[c] {
                        kept.append(candidate)
                        held += self.upper[self.moveColumns[candidate.move]]
                    }
                }
                moves += kept.map(\.move)
                ends.append(moves.count)
            }
            return (moves: moves, ends: ends)
        }
        var classStart = [0]
        classStart.reserveCapacity(classMoves.count + 1)
        var moves: [Int] = []
        for piece in pieces {
            let base = moves.count
            moves += piece.moves
            classStart += piece.ends.map { base + $0 }
        }
        var poolUsed = [Bool](repeating: false, count: poolStays.count)
        for m in moves where movePool[m] >= 0 { poolUsed[Int(movePool[m])] = true }
        let pools = poolUsed.indices.filter { poolUsed[$0] }
        var columns = moves.map { moveColumns[$0] } + pools.flatMap { poolStays[$0] }
        columns.sort()
        let ways = alternatives.map { alternatives in
            alternatives.waysInUse(
                ofColumns: moves.compactMap { m in
                    let k = alternativeOf[moveColumns[m]]
                    return k >= 0 ? Int(k) : nil
                })
        }
        work.active = ActiveColumns(classStart: classStart, moves: moves, columns: columns, pools: pools, ways: ways)
    }

    /// Move `m`'s price per household in its class problem at `reduced`: its column's reduced cost,
    /// with its pool's cheapest house for a pooled move; nil when it has no room or its pool no house.
    @inline(__always)
    private func price(ofMove m: Int, reduced: [Double], poolBest: [Int]) -> Double? {
        let j = moveColumns[m]
        guard upper[j] > 0 else { return nil }
        let pool = Int(movePool[m])
        guard pool >= 0 else { return reduced[j] }
        guard poolBest[pool] >= 0 else { return nil }
        return reduced[j] + reduced[poolBest[pool]]
    }

    /// One class's choice in its problem: `count` households on `column` at `price` each (a pooled
    /// move's price includes its pool's cheapest house, `pool` ≥ 0), or, with `column` = −c − 1,
    /// the households of class c left unmoved at their unmoved cost.
    private struct ClassChoice: Sendable {
        var column: Int
        var count: Double
        var price: Double
        var pool: Int32
    }

    /// The class problems of `classes` at `reduced`: each class's cheapest columns, within their
    /// bounds, while cheaper than not moving, then the households left, in class order.
    private func solveClasses(
        _ classes: Range<Int>, reduced: [Double], poolBest: [Int], active: ActiveColumns?
    ) -> [ClassChoice] {
        var choices: [ClassChoice] = []
        var candidates: [(cost: Double, column: Int)] = []
        let activeStart = active?.classStart
        let activeMoves = active?.moves
        for c in classes {
            let range = activeStart.map { $0[c]..<$0[c + 1] } ?? classMoves[c]
            let unmoved = unmovedCost[c]
            candidates.removeAll(keepingCapacity: true)
            for i in range {
                let m = activeMoves?[i] ?? i
                if let total = price(ofMove: m, reduced: reduced, poolBest: poolBest), total < unmoved {
                    candidates.append((total, m))
                }
            }
            // Usually the cheapest column takes the whole class (most classes have one household):
            // then no sort is needed.
            var cheapest = -1
            for (k, candidate) in candidates.enumerated()
            where cheapest < 0 || candidate.cost < candidates[cheapest].cost {
                cheapest = k
            }
            if cheapest >= 0, upper[moveColumns[candidates[cheapest].column]] >= classCount[c] {
                candidates.swapAt(0, cheapest)
                candidates.removeLast(candidates.count - 1)
            } else if candidates.count > 1 {
                candidates.sort { ($0.cost, $0.column) < ($1.cost, $1.column) }
            }
            var left = classCount[c]
            for (total, m) in candidates where left > 0 {
                let j = moveColumns[m]
                let take = min(left, upper[j])
                choices.append(ClassChoice(column: j, count: take, price: total, pool: movePool[m]))
                left -= take
            }
            choices.append(ClassChoice(column: -c - 1, count: left, price: unmoved, pool: -1))
        }
        return choices
    }

    /// `reduced[j]` = cost of column j plus the priced capacities it uses, plus (for a column
    /// priced by `alternatives`) its cheapest ways at the last `priceWays`. Columns are cut into
    /// fixed pieces run side by side; each entry is computed on its own.
    private func priceColumns(
        _ prices: [Double], tables: RouteAlternatives.Tables?, into reduced: inout [Double], only: [Int]? = nil
    ) {
        let outboundSlot = alternatives?.columnOutboundSlot ?? []
        let onwardSlot = alternatives?.columnOnwardSlot ?? []
        let outboundValue = tables?.outboundValue ?? []
        let onwardValue = tables?.onwardValue ?? []
        let priced = tables != nil
        // Each piece writes its own range of `reduced` in place: pieces of their own, copied in
        // afterwards, cost a fresh allocation of every column's price (its pages zeroed) and a copy,
        // each iteration.
        reduced.withUnsafeMutableBufferPointer { output in
            let target = PieceOutput(base: output.baseAddress!)
            _ = ParallelChunks.map(only?.count ?? cost.count, pieces: pieces) { range in
                cost.withUnsafeBufferPointer { cost in
                    entryStart.withUnsafeBufferPointer { start in
                        entryRow.withUnsafeBufferPointer { row in
                            entryAmount.withUnsafeBufferPointer { amount in
                                prices.withUnsafeBufferPointer { prices in
                                    alternativeOf.withUnsafeBufferPointer { alternativeOf in
                                        for i in range {
                                            let j = only?[i] ?? i
                                            var total = cost[j]
                                            for e in start[j]..<start[j + 1] {
                                                total += prices[Int(row[e])] * amount[e]
                                            }
                                            if priced, alternativeOf[j] >= 0 {
                                                let k = Int(alternativeOf[j])
                                                total +=
                                                    outboundValue[Int(outboundSlot[k])]
                                                    + onwardValue[Int(onwardSlot[k])]
                                            }
                                            target.base[j] = total
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The prices of this relaxation for capacities priced λ per unit (an LP's row duals, negated):
    /// each row's price scaled by its capacity, each seat row's by its room. Capacities missing from
    /// `unitPrices` are priced 0.
    func prices(perUnit unitPrices: [ResourceKey: Double]) -> Prices {
        var rows: [ResourceKey: Double] = [:]
        for (r, key) in rowKeys.enumerated() { rows[key] = max(0, unitPrices[key] ?? 0) * rowCapacity[r] }
        var seats = [Double](repeating: 0, count: alternatives?.seatRowCount ?? 0)
        if let alternatives {
            for (key, price) in unitPrices {
                guard case .seats(let leg, let week) = key, week >= 1, week <= alternatives.weeks else { continue }
                let r = leg * alternatives.weeks + week - 1
                if r < seats.count { seats[r] = max(0, price) * seatScale[r] }
            }
        }
        return Prices(rows: rows, seats: seats)
    }

    /// For each of `columns` (move columns of the formulation), the routes it takes at `prices` when
    /// they are not its own: each a way to lodge in the same week that the formulation, built
    /// without seat rows, left out as dominated (docs/MODEL.md, "Route variants").
    func routeVariants(at prices: Prices, columns: [Int]) -> [(
        column: Int, outbound: Route, startWeek: Int, onward: Route
    )] {
        guard let alternatives else { return [] }
        var tables = alternatives.makeTables()
        var seatPrice = [Double](repeating: 0, count: alternatives.seatRowCount)
        for r in 0..<alternatives.seatRowCount where r < prices.seats.count {
            seatPrice[r] = prices.seats[r] / seatScale[r]
        }
        let moneyPrice = budgetRow.map { (prices.rows[rowKeys[$0]] ?? 0) / budgetCapacity } ?? 0
        alternatives.priceWays(seatPrice: seatPrice, moneyPrice: moneyPrice, tables: &tables)
        return columns.compactMap { j in
            let k = Int(alternativeOf[j])
            guard k >= 0, let way = alternatives.chosenWay(ofColumn: k, tables: tables) else { return nil }
            return (j, way.outbound, way.startWeek, way.onward)
        }
    }
}

/// Where the pieces of `priceColumns` write: one array's storage, each piece its own range of it, so
/// no two pieces touch the same entry; `ParallelChunks.map` returns only after every piece.
private struct PieceOutput: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
}
