@testable import GLPKBackend
@testable import LinearProgramming
import Testing

@Suite("Mixed-integer programs")
struct MixedIntegerTests {

    @Test("Small MIP reaches its hand-computed optimum", arguments: Backend.allCases)
    func knapsack(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        let solution = try solver.solve(SmallModels.knapsackMIP(constant: 7), options: SolverOptions())
        #expect(solution.status == .optimal)
        #expect(abs(solution.objectiveValue! - 27) < 1e-9)
        #expect(abs(solution.bestBound! - 27) < 1e-9)
        #expect(solution.values.map { $0.rounded() } == [4, 0])
    }

    @Test("LP relaxation option ignores integrality", arguments: Backend.allCases)
    func relaxation(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        let solution = try solver.solve(SmallModels.knapsackMIP(), options: SolverOptions(relaxIntegrality: true))
        #expect(solution.status == .optimal)
        #expect(abs(solution.objectiveValue! - 21) < 1e-9)
        #expect(abs(solution.values[0] - 3) < 1e-9 && abs(solution.values[1] - 1.5) < 1e-9)
    }

    @Test("Fixed-integer LP duals of a MIP", arguments: Backend.allCases)
    func fixedIntegerDuals(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        let (model, n, z, demand, capacity) = SmallModels.truckMIP()
        var options = SolverOptions()
        options.computeDuals = true
        let solution = try solver.solve(model, options: options)
        #expect(solution.status == .optimal)
        #expect(abs(solution.objectiveValue! - 130) < 1e-9)
        #expect(abs(solution.value(n) - 2) < 1e-9 && abs(solution.value(z) - 15) < 1e-9)
        #expect(abs(solution.rowDuals[demand.index] - 2) < 1e-9)
        #expect(abs(solution.rowDuals[capacity.index]) < 1e-9)
        #expect(abs(solution.reducedCosts[n.index] - 50) < 1e-9)
        #expect(abs(solution.reducedCosts[z.index]) < 1e-9)
        // The LP relaxation prices demand differently: that is why the doc comment says which.
        var relaxed = options
        relaxed.relaxIntegrality = true
        let lp = try solver.solve(model, options: relaxed)
        #expect(abs(lp.rowDuals[demand.index] - 7) < 1e-9)
    }

    @Test("Bound arithmetic keeps the bound on the right side of the incumbent")
    func boundCombination() {
        // Minimise: node bound 90 with incumbent 100 → 90; a node bound past the incumbent → incumbent.
        #expect(GLPKSolver.bestBound(sense: .minimize, status: .timeLimitFeasible, rootBound: 80, trackedBound: 90, incumbent: 100) == 90)
        #expect(GLPKSolver.bestBound(sense: .minimize, status: .timeLimitFeasible, rootBound: 80, trackedBound: 120, incumbent: 100) == 100)
        #expect(GLPKSolver.bestBound(sense: .maximize, status: .timeLimitFeasible, rootBound: 120, trackedBound: 110, incumbent: 100) == 110)
        #expect(GLPKSolver.bestBound(sense: .maximize, status: .timeLimitFeasible, rootBound: 120, trackedBound: nil, incumbent: nil) == 120)
    }
}
