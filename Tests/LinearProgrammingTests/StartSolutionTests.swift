import GLPKBackend
import Testing
@testable import LinearProgramming

/// A start solution gives branch-and-cut an incumbent from the outset: a solve stopped before it
/// finds anything returns the start solution instead of nothing.
@Suite struct StartSolutionTests {
    /// A multi-knapsack: 300 binaries, 10 capacity rows; all zeros is feasible.
    static func knapsack() -> LinearModel {
        var model = LinearModel(name: "knapsack")
        var random = UInt64(12345)
        func next(_ range: ClosedRange<Int>) -> Double {
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return Double(range.lowerBound + Int((random >> 33) % UInt64(range.count)))
        }
        let items = (0..<300).map { model.addVariable("take_\($0)", kind: .binary) }
        var objective = LinearExpression()
        for item in items { objective.add(next(10...99), item) }
        model.setObjective(.maximize, objective)
        for row in 0..<10 {
            var weight = LinearExpression()
            for item in items { weight.add(next(5...60), item) }
            model.addConstraint("capacity_\(row)", weight, .lessOrEqual, 900)
        }
        return model
    }

    @Test(arguments: Backend.allCases)
    func aSolveStoppedAtOnceReturnsTheStartSolution(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        let model = Self.knapsack()
        var options = SolverOptions(timeLimit: 0.001)
        options.startSolution = [Double](repeating: 0, count: model.variableCount)
        let solution = try solver.solve(model, options: options)
        #expect(solution.status == .timeLimitFeasible)
        #expect(solution.values.count == model.variableCount)
        #expect((solution.objectiveValue ?? -1) >= 0)
    }

    @Test(arguments: Backend.allCases)
    func aStartSolutionDoesNotChangeTheOptimum(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        var model = LinearModel(name: "small")
        let x = model.addVariable("x", upperBound: 10, kind: .integer)
        let y = model.addVariable("y", upperBound: 10, kind: .integer)
        var objective = LinearExpression()
        objective.add(3, x)
        objective.add(2, y)
        model.setObjective(.maximize, objective)
        var row = LinearExpression()
        row.add(2, x)
        row.add(3, y)
        model.addConstraint("limit", row, .lessOrEqual, 17.5)
        var options = SolverOptions()
        options.startSolution = [0, 0]
        let solution = try solver.solve(model, options: options)
        #expect(solution.status == .optimal)
        #expect(solution.objectiveValue == 24)  // x = 8, y = 0
        var wrong = SolverOptions()
        wrong.startSolution = [10, 10]  // infeasible: GLPK ignores it
        #expect(try solver.solve(model, options: wrong).objectiveValue == 24)
    }

    /// Fix-and-optimise asks only for a better solution near its start, under a node limit: whatever
    /// settings the backend picks for that, the result keeps or betters the start and keeps every row.
    @Test(arguments: Backend.allCases)
    func aSolveThatOnlyImprovesAStartKeepsOrBettersIt(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        let model = Self.knapsack()
        var start = [Double](repeating: 0, count: model.variableCount)
        for item in stride(from: 0, to: 300, by: 37) { start[item] = 1 }
        let startValue = model.objectiveValue(of: start)
        var options = SolverOptions(timeLimit: 30)
        options.nodeLimit = 50
        options.search = .improveStart
        options.startSolution = start
        let improved = try solver.solve(model, options: options)
        let value = try #require(improved.objectiveValue)
        #expect(value >= startValue)
        #expect(value > startValue + 100)  // the start takes 9 items: far from the best
        #expect(model.isFeasible(improved.values))
        var whole = SolverOptions(timeLimit: 30)
        whole.nodeLimit = 50
        whole.startSolution = start
        let optimum = try solver.solve(model, options: whole).bestBound ?? .infinity
        #expect(value <= optimum + 1e-6)
    }
}
