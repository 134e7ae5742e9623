import LinearProgramming

/// The full model restricted to a few columns per class: a restricted master, as column generation
/// would start from (docs/MODEL.md, "The scale targets: where they stand").
///
/// Every class has the move columns given to it and its `unmoved` column; every house pool those
/// columns draw on has its stay columns; every capacity they touch has its row, **seats of every leg
/// included** (whether or not the formulation has seat rows), with the room commitments leave. So
/// every solution of it is a plan of the full model, and its LP relaxation shows how far a master
/// over these columns could take the plan and the bound. Written to a file for other solvers by
/// `passage-bench master`.
struct RestrictedMaster {
    let formulation: Formulation
    /// Move positions of each class in the master, in the order they joined.
    private(set) var columns: [[Int]]
    private var member: Set<Int> = []

    init(_ formulation: Formulation) {
        self.formulation = formulation
        columns = Array(repeating: [], count: formulation.classes.count)
    }

    /// Adds move positions (per class) not in the master yet; returns how many joined.
    @discardableResult
    mutating func add(_ positions: [[Int]]) -> Int {
        var added = 0
        for (c, list) in positions.enumerated() {
            for position in list where member.insert(position).inserted {
                columns[c].append(position)
                added += 1
            }
        }
        return added
    }

    /// The master as a mixed-integer program (each column as integral as in the formulation), named
    /// for a model file.
    func model() -> LinearModel { modelWithRows().model }

    /// The master with the position of each capacity's row (its first `classes.count` rows are the
    /// classes', in class order) and the formulation's columns of each of its columns (a pooled move
    /// expanded by house stands for its move and its stay).
    ///
    /// `expandingPools` gives a pooled move one column per house of its pool instead of the pool's
    /// link row and stay columns: the same plans, about 40 % fewer rows at 2,000 generated
    /// households but nearly three times the columns, and a relaxation at most as tight (a pool's
    /// stay column bounds the households of all its moves in one house together).
    func modelWithRows(expandingPools: Bool = false) -> (
        model: LinearModel, capacityRows: [ResourceKey: Int], formulationColumns: [[Int]]
    ) {
        var formulationColumns: [[Int]] = []
        let f = formulation
        let scenario = f.index.scenario
        let costs = f.model.objectiveCoefficients
        let upper = f.model.variables
        var model = LinearModel(name: "master")
        var objective = LinearExpression(constant: f.model.objectiveConstant)
        var rows: [ResourceKey: LinearExpression] = [:]
        var poolTerms: [Int: LinearExpression] = [:]
        for householdClass in f.classes {
            let c = householdClass.index
            var classRow = LinearExpression()
            for position in columns[c] {
                let move = f.moves[position]
                let column = move.variable.index
                let use = resourceUse(
                    of: f.options[c].pathways[move.pathway], startWeek: move.startWeek,
                    persons: Double(householdClass.profile.size), scenario: scenario)
                // At most as many households as every capacity on the way has room for, seats of
                // every leg included, as the full model bounds its columns: a formulation without
                // seat rows bounds them by beds and quotas only, and the master's relaxation would
                // otherwise move fractions of households no seat row of the full model lets through.
                func bounded(_ most: Double, _ use: [(key: ResourceKey, amount: Double)]) -> Double {
                    var most = most
                    for (key, amount) in use where amount > 0 {
                        let room = max(
                            0, Formulation.capacity(of: key, scenario: scenario) - f.pinnedUse[key, default: 0])
                        if room.isFinite { most = min(most, (room / amount + 1e-9).rounded(.down)) }
                    }
                    return most
                }
                let name = "move_c\(c)_p\(move.pathway)_w\(move.startWeek)"
                if expandingPools, let pool = move.pool {
                    for s in f.staysOfPool[pool] where upper[f.stays[s].variable.index].upperBound > 0 {
                        let stay = f.stays[s]
                        let both = use + stay.usage
                        let variable = model.addVariable(
                            name + "_\(scenario.safeHouses[stay.house].id)",
                            upperBound: bounded(
                                min(upper[column].upperBound, upper[stay.variable.index].upperBound), both),
                            kind: upper[column].kind)
                        objective.add(costs[column] + costs[stay.variable.index], variable)
                        formulationColumns.append([column, stay.variable.index])
                        classRow += variable
                        for (key, amount) in both { rows[key, default: LinearExpression()].add(amount, variable) }
                    }
                    continue
                }
                let variable = model.addVariable(
                    name, upperBound: bounded(upper[column].upperBound, use), kind: upper[column].kind)
                objective.add(costs[column], variable)
                formulationColumns.append([column])
                classRow += variable
                for (key, amount) in use { rows[key, default: LinearExpression()].add(amount, variable) }
                if let pool = move.pool { poolTerms[pool, default: LinearExpression()].add(1, variable) }
            }
            let unmovedColumn = f.unmoved[c].index
            let unmoved = model.addVariable("unmoved_c\(c)", upperBound: upper[unmovedColumn].upperBound)
            objective.add(costs[unmovedColumn], unmoved)
            formulationColumns.append([unmovedColumn])
            classRow += unmoved
            model.addConstraint("households_c\(c)", classRow, .equal, Double(householdClass.count))
        }
        for pool in poolTerms.keys.sorted() {
            var link = poolTerms[pool]!
            for s in f.staysOfPool[pool] {
                let stay = f.stays[s]
                let column = stay.variable.index
                guard upper[column].upperBound > 0 else { continue }
                let variable = model.addVariable(
                    "stay_q\(pool)_\(scenario.safeHouses[stay.house].id)", upperBound: upper[column].upperBound,
                    kind: upper[column].kind)
                objective.add(costs[column], variable)
                formulationColumns.append([column])
                for (key, amount) in stay.usage { rows[key, default: LinearExpression()].add(amount, variable) }
                link.add(-1, variable)
            }
            model.addConstraint("pool_q\(pool)", link, .equal, 0)
        }
        var capacityRows: [ResourceKey: Int] = [:]
        for key in rows.keys.sorted() {
            let (name, capacity) = Formulation.describeRow(key, scenario: scenario)
            capacityRows[key] =
                model.addConstraint(name, rows[key]!, .lessOrEqual, max(0, capacity - f.pinnedUse[key, default: 0]))
                .index
        }
        model.setObjective(.minimize, objective)
        return (model, capacityRows, formulationColumns)
    }
}
