import GLPKBackend
import LinearProgramming
import Testing

@Suite("Linear programs")
struct LinearProgramTests {

    @Test("Hand-computed LP optimum, duals and reduced costs", arguments: Backend.allCases)
    func productionLP(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        let (model, x, y, c1, c2) = SmallModels.productionLP()
        var options = SolverOptions()
        options.computeDuals = true
        let solution = try solver.solve(model, options: options)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objectiveValue! - 16) < 1e-9)
        #expect(abs(solution.bestBound! - 16) < 1e-9)
        #expect(solution.relativeGap == 0)
        #expect(abs(solution.value(x) - 3) < 1e-9)
        #expect(abs(solution.value(y) - 1) < 1e-9)
        #expect(abs(solution.rowActivities[c1.index] - 4) < 1e-9)
        #expect(abs(solution.rowActivities[c2.index] - 6) < 1e-9)
        #expect(abs(solution.rowDuals[c1.index] - 2) < 1e-9)
        #expect(abs(solution.rowDuals[c2.index]) < 1e-9)
        #expect(abs(solution.reducedCosts[x.index] - 1) < 1e-9)
        #expect(abs(solution.reducedCosts[y.index]) < 1e-9)
    }

    @Test("Duals are only computed when asked for", arguments: Backend.allCases)
    func dualsAreOptIn(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        let solution = try solver.solve(SmallModels.productionLP().model, options: SolverOptions())
        #expect(solution.rowDuals.isEmpty && solution.reducedCosts.isEmpty)
    }

    @Test("Free, fixed, lower-only, upper-only and double bounds", arguments: Backend.allCases)
    func boundKinds(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        var model = LinearModel(name: "bounds")
        let free = model.addVariable("free", lowerBound: -.infinity, upperBound: .infinity)
        let fixed = model.addVariable("fixed", lowerBound: 2, upperBound: 2)
        let upperOnly = model.addVariable("upper_only", lowerBound: -.infinity, upperBound: 3)
        let lowerOnly = model.addVariable("lower_only", lowerBound: 1)
        let double = model.addVariable("double", lowerBound: -2, upperBound: 4)
        var floor = LinearExpression()
        floor += free
        model.addConstraint("floor", floor, .greaterOrEqual, -5)
        var pair = LinearExpression()
        pair += upperOnly
        pair += double
        model.addConstraint("pair", pair, .equal, 7)
        var objective = LinearExpression()
        objective += free
        objective += fixed
        objective += (-1, upperOnly)
        objective += lowerOnly
        objective += (-1, double)
        model.setObjective(.minimize, objective)
        // free = −5 (only the row stops it), fixed = 2, upper_only = 3, lower_only = 1, double = 4.
        let solution = try solver.solve(model, options: SolverOptions())
        #expect(solution.status == .optimal)
        #expect(abs(solution.objectiveValue! - (-9)) < 1e-9)
        let expected: [(Variable, Double)] = [(free, -5), (fixed, 2), (upperOnly, 3), (lowerOnly, 1), (double, 4)]
        for (variable, value) in expected { #expect(abs(solution.value(variable) - value) < 1e-9) }
    }

    @Test("Infeasible LP and MIP", arguments: Backend.allCases)
    func infeasible(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        for kind in [VariableKind.continuous, .integer] {
            var model = LinearModel(name: "infeasible")
            let x = model.addVariable("x", kind: kind)
            let y = model.addVariable("y", kind: kind)
            var sum = LinearExpression()
            sum += x
            sum += y
            model.addConstraint("at_most_one", sum, .lessOrEqual, 1)
            model.addConstraint("at_least_two", sum, .greaterOrEqual, 2)
            model.setObjective(.minimize, sum)
            let solution = try solver.solve(model, options: SolverOptions())
            #expect(solution.status == .infeasible)
            #expect(solution.objectiveValue == nil && solution.values.isEmpty)
        }
    }

    @Test("Integer column whose bounds hold no integer is infeasible", arguments: Backend.allCases)
    func crossedIntegerBounds(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        var model = LinearModel(name: "no_integer_inside")
        let x = model.addVariable("x", lowerBound: 0.2, upperBound: 0.8, kind: .integer)
        var objective = LinearExpression()
        objective += x
        model.setObjective(.minimize, objective)
        #expect(try solver.solve(model, options: SolverOptions()).status == .infeasible)
        #expect(try solver.solve(model, options: SolverOptions(relaxIntegrality: true)).status == .optimal)
    }

    @Test("Unbounded LP and MIP", arguments: Backend.allCases)
    func unbounded(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        for kind in [VariableKind.continuous, .integer] {
            var model = LinearModel(name: "unbounded")
            let x = model.addVariable("x", kind: kind)
            let y = model.addVariable("y", kind: kind)
            var difference = LinearExpression()
            difference += x
            difference += (-1, y)
            model.addConstraint("difference", difference, .lessOrEqual, 1)
            var objective = LinearExpression()
            objective += x
            model.setObjective(.maximize, objective)
            #expect(try solver.solve(model, options: SolverOptions()).status == .unbounded)
        }
    }

    @Test("Solver output goes to the log, line by line", arguments: Backend.allCases)
    func logCapture(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        let lines = LockedBox<[String]>([])
        let options = SolverOptions(log: { line in lines.update { $0.append(line) } })
        _ = try solver.solve(SmallModels.knapsackMIP(), options: options)
        // Branch-and-cut progress, in each solver's words.
        let progress = backend == .glpk ? "mip =" : "Solving report"
        #expect(lines.value.contains { $0.contains(progress) }, "\(lines.value)")
        #expect(!lines.value.contains { $0.contains("\n") })
    }
}
