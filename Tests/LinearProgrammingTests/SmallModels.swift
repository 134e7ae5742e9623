import LinearProgramming

/// Small models whose optima are computed by hand in the comments.
enum SmallModels {
    /// max 3x + 2y + 5  s.t.  c1: x + y ≤ 4,  c2: x + 3y ≤ 7,  0 ≤ x ≤ 3,  y ≥ 0.
    /// Optimum x = 3, y = 1, objective 16. c1 binds with dual 2 (y is basic: λ1 = c_y = 2); c2 has
    /// slack 1, dual 0. x sits at its upper bound with reduced cost 3 − 2 = 1; y's is 0.
    static func productionLP() -> (model: LinearModel, x: Variable, y: Variable, c1: Constraint, c2: Constraint) {
        var model = LinearModel(name: "production")
        let x = model.addVariable("x", lowerBound: 0, upperBound: 3)
        let y = model.addVariable("y")
        var capacity = LinearExpression()
        capacity += x
        capacity += y
        let c1 = model.addConstraint("c1", capacity, .lessOrEqual, 4)
        var labour = LinearExpression()
        labour += x
        labour += (3, y)
        let c2 = model.addConstraint("c2", labour, .lessOrEqual, 7)
        var objective = LinearExpression(constant: 5)
        objective += (3, x)
        objective += (2, y)
        model.setObjective(.maximize, objective)
        return (model, x, y, c1, c2)
    }

    /// max 5x + 4y + constant  s.t.  6x + 4y ≤ 24,  x + 2y ≤ 6,  x, y ≥ 0 integer.
    /// LP relaxation: x = 3, y = 1.5, 21. Integer optimum: (4, 0), 20 (vs (3,1) 19, (2,2) 18).
    static func knapsackMIP(sense: ObjectiveSense = .maximize, constant: Double = 0) -> LinearModel {
        var model = LinearModel(name: "two_item_mip")
        let x = model.addVariable("x", kind: .integer)
        let y = model.addVariable("y", kind: .integer)
        var first = LinearExpression()
        first += (6, x)
        first += (4, y)
        model.addConstraint("material", first, .lessOrEqual, 24)
        var second = LinearExpression()
        second += x
        second += (2, y)
        model.addConstraint("hours", second, .lessOrEqual, 6)
        let sign = sense == .maximize ? 1.0 : -1.0
        var objective = LinearExpression(constant: constant)
        objective += (5 * sign, x)
        objective += (4 * sign, y)
        model.setObjective(sense, objective)
        return model
    }

    /// min 50 n + 2 z  s.t.  demand: z ≥ 15,  capacity: z − 10 n ≤ 0,  n ≥ 0 integer, z ≥ 0.
    /// MIP optimum n = 2, z = 15, cost 130. With n fixed at 2 the LP's demand dual is 2 (one more unit
    /// costs 2) and capacity's is 0 (slack 5); n's reduced cost is 50. The LP relaxation (n = 1.5)
    /// would instead price demand at 2 + 50/10 = 7.
    static func truckMIP() -> (model: LinearModel, n: Variable, z: Variable, demand: Constraint, capacity: Constraint) {
        var model = LinearModel(name: "trucks")
        let n = model.addVariable("trucks", kind: .integer)
        let z = model.addVariable("load")
        var load = LinearExpression()
        load += z
        let demand = model.addConstraint("demand", load, .greaterOrEqual, 15)
        var room = LinearExpression()
        room += z
        room += (-10, n)
        let capacity = model.addConstraint("capacity", room, .lessOrEqual, 0)
        var cost = LinearExpression()
        cost += (50, n)
        cost += (2, z)
        model.setObjective(.minimize, cost)
        return (model, n, z, demand, capacity)
    }
}
