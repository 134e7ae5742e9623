import Testing
import LinearProgramming
import PassageScenario
@testable import PassagePlanning

/// Filling a plan (`Formulation.filling`, run after fix-and-optimise): it keeps every move of the
/// plan, moves households it left unmoved where room remains and moving costs less than leaving
/// them, never makes the plan dearer or breaks a capacity of the full model, and leaves no household
/// unmoved that a pathway with room would move for less.
@Suite struct PlanFillingTests {
    static let names =
        (1...12).map { "random \($0)" } + (1...3).map { "shared \($0)" }
        + ["generated 60 1 steady", "generated 80 2 crisis", "generated 120 3 steady"]

    @Test(arguments: names)
    func fillingKeepsThePlanAndUsesTheRoomLeft(_ name: String) throws {
        let scenario = LagrangianBoundTests.scenario(name)
        let formulation = Formulation(scenario: scenario)
        let model = formulation.model
        // The greedy plan with every other moved class taken out: a feasible plan with room left.
        let greedy = formulation.greedySolution()
        var start = greedy
        var dropped = 0
        for householdClass in formulation.classes {
            let c = householdClass.index
            let moved = formulation.movesOfClass[c].filter { greedy[formulation.moves[$0].variable.index] > 0.5 }
            guard !moved.isEmpty else { continue }
            dropped += 1
            guard dropped.isMultiple(of: 2) else { continue }
            for position in moved { start[formulation.moves[position].variable.index] = 0 }
            start[formulation.unmoved[c].index] = Double(householdClass.count)
        }
        start = Self.withStaysMatchingMoves(start, formulation)
        let filled = formulation.filling(start)

        expectIntegerSolution(filled, of: model)
        for move in formulation.moves { #expect(filled[move.variable.index] >= start[move.variable.index]) }
        for stay in formulation.stays { #expect(filled[stay.variable.index] >= start[stay.variable.index]) }
        #expect(model.objectiveValue(of: filled) <= model.objectiveValue(of: start) + 1e-9)
        // The classes taken out left room on their own ways, which cost less than leaving them.
        if dropped >= 2 { #expect(model.objectiveValue(of: filled) < model.objectiveValue(of: start) - 1e-9) }
        // Filling again finds nothing more.
        #expect(formulation.filling(filled) == filled)

        let plan = expectPlanKeepsEveryRule(
            filled, objective: model.objectiveValue(of: filled), of: formulation, in: scenario)
        // Nobody is left unmoved while a pathway worth taking has room for them.
        #expect(!plan.unmoved.contains { $0.reason == .notSelectedWithinTolerance })
    }

    /// Two tier-1 persons at A, a road with room for both: filling the plan that moves nobody moves
    /// them on the cheapest week-1 way, the optimum.
    @Test func fillingTheEmptyPlanOfASmallScenarioGivesItsOptimum() throws {
        let scenario = SeatScenario.make(seats: 2)
        let formulation = Formulation(scenario: scenario)
        var nobody = [Double](repeating: 0, count: formulation.model.variableCount)
        for householdClass in formulation.classes {
            nobody[formulation.unmoved[householdClass.index].index] = Double(householdClass.count)
        }
        let filled = formulation.filling(nobody)
        let optimum = try #require(
            try Planner(scenario: scenario).plan(options: LagrangianBoundTests.exact).solver.objective)
        #expect(abs(formulation.model.objectiveValue(of: filled) - optimum) < 1e-6)
    }

    /// A pooled move's stay columns follow its moves: the stays of the moves taken out go too.
    static func withStaysMatchingMoves(_ values: [Double], _ formulation: Formulation) -> [Double] {
        var result = values
        var remaining: [Double] = formulation.staysOfPool.map { _ in 0 }
        for move in formulation.moves {
            if let pool = move.pool { remaining[pool] += values[move.variable.index] }
        }
        // Keep each pool's stays in column order until they hold its moves.
        for (pool, range) in formulation.staysOfPool.enumerated() {
            var left = remaining[pool]
            for s in range {
                let index = formulation.stays[s].variable.index
                let kept = min(values[index], left)
                result[index] = kept
                left -= kept
            }
        }
        return result
    }
}
