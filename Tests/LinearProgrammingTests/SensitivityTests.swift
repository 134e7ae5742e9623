import GLPKBackend
import LinearProgramming
import Testing

@Suite("Right-hand-side ranging")
struct SensitivityTests {

    /// `SmallModels.productionLP` (max 3x + 2y + 5, x ≤ 3, c1: x + y ≤ 4, c2: x + 3y ≤ 7) with ranges.
    private func solveWithRanges(_ model: LinearModel, _ solver: any LinearSolver) throws -> Solution {
        var options = SolverOptions()
        options.computeSensitivity = true
        return try solver.solve(model, options: options)
    }

    @Test("Hand-computed ranges of a binding and a slack row", arguments: Backend.allCases)
    func handComputedRanges(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        let (model, _, _, c1, c2) = SmallModels.productionLP()
        let solution = try solveWithRanges(model, solver)
        #expect(solution.status == .optimal)
        // Sensitivity implies duals.
        #expect(abs(solution.rowDuals[c1.index] - 2) < 1e-9)
        // c1 binds: x stays 3 and y = b − 3 ≥ 0 while c2 holds, 3 + 3(b − 3) ≤ 7: b ∈ [3, 13/3].
        let binding = solution.rightHandSideRanges[c1.index]
        #expect(abs(binding.lowerBound - 3) < 1e-9)
        #expect(abs(binding.upperBound - 13.0 / 3) < 1e-9)
        // c2 is slack (activity 6): its dual 0 holds from 6 upwards without limit.
        let slack = solution.rightHandSideRanges[c2.index]
        #expect(abs(slack.lowerBound - 6) < 1e-9)
        #expect(slack.upperBound == .infinity)
    }

    @Test("Within its range the dual is the exact rate of change of the optimum", arguments: Backend.allCases)
    func dualMatchesFiniteDifference(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        let (model, _, _, c1, _) = SmallModels.productionLP()
        let base = try solveWithRanges(model, solver)
        let range = base.rightHandSideRanges[c1.index]
        for rightHandSide in [range.lowerBound, 3.5, range.upperBound] {
            var changed = model
            changed.setRightHandSide(c1, rightHandSide)
            let moved = try solver.solve(changed, options: SolverOptions())
            let predicted = base.objectiveValue! + base.rowDuals[c1.index] * (rightHandSide - 4)
            #expect(abs(moved.objectiveValue! - predicted) < 1e-9)
        }
        // Past the range the basis changes and the rate with it (c2 binds: y gains 1/3 per unit).
        var beyond = model
        beyond.setRightHandSide(c1, range.upperBound + 1)
        let past = try solver.solve(beyond, options: SolverOptions())
        #expect(
            past.objectiveValue! < base.objectiveValue! + base.rowDuals[c1.index] * (range.upperBound + 1 - 4) - 1e-6)
    }

    @Test("Ranges are only computed when asked for", arguments: Backend.allCases)
    func rangesAreOptIn(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        var options = SolverOptions()
        options.computeDuals = true
        let solution = try solver.solve(SmallModels.productionLP().model, options: options)
        #expect(solution.rightHandSideRanges.isEmpty)
    }

    @Test("A MIP gets the ranges of its fixed-integer LP", arguments: Backend.allCases)
    func fixedIntegerRanges(backend: Backend) throws {
        guard let solver = try backend.solver() else { return }
        let (model, _, _, demand, _) = SmallModels.truckMIP()
        var options = SolverOptions()
        options.computeSensitivity = true
        let solution = try solver.solve(model, options: options)
        #expect(solution.status == .optimal)
        #expect(solution.rightHandSideRanges.count == model.constraintCount)
        #expect(solution.rightHandSideRanges[demand.index].contains(model.constraints[demand.index].rightHandSide))
    }
}
