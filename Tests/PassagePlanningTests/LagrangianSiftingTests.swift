import Testing
@testable import PassagePlanning

/// Sifting in the Lagrangian bound (docs/MODEL.md, "Sifting the bound's columns"): iterations that
/// price only each class's few cheapest columns. At the prices the columns were chosen at, such an
/// iteration is the full one; at other prices its value is never below the full one's (it minimises
/// over fewer columns), so it is no bound; and the run's bound, taken from full iterations only,
/// stays valid.
@Suite struct LagrangianSiftingTests {
    static let names = [
        "random 3", "random 7", "random 11", "shared 2", "generated 60 1 steady", "generated 80 2 crisis",
    ]

    /// Prices after `iterations` full iterations from zero: mild prices early, sharper ones later.
    static func prices(_ relaxation: LagrangianRelaxation, upperBound: Double, iterations: Int) -> [Double] {
        var plain = relaxation
        plain.sifting = nil
        let result = plain.run(upperBound: upperBound, iterations: iterations, targetGap: 0, deadline: nil)
        return plain.startingPrices(result.rowPrices)
    }

    @Test(arguments: names)
    func aRestrictedEvaluationAtTheChoosingPricesIsTheFullOne(_ name: String) {
        let formulation = Formulation(scenario: LagrangianBoundTests.scenario(name))
        let greedy = formulation.model.objectiveValue(of: formulation.greedySolution())
        let relaxation = LagrangianRelaxation(formulation)
        let prices = Self.prices(relaxation, upperBound: greedy, iterations: 20)
        var work = relaxation.makeWorkspace()
        let full = relaxation.evaluate(prices, &work)
        let fullOveruse = work.overuse
        relaxation.chooseActiveColumns(&work, perClass: 4)
        let restricted = relaxation.evaluate(prices, &work, restricted: true)
        #expect(abs(restricted - full) <= 1e-9 * max(1, abs(full)), "restricted \(restricted), full \(full)")
        for (a, b) in zip(work.overuse, fullOveruse) { #expect(abs(a - b) <= 1e-9) }
    }

    /// With every column chosen, a restricted evaluation at other prices than the choosing ones
    /// prices every way and column afresh: the full evaluation's value and subgradient.
    @Test(arguments: names)
    func aRestrictedEvaluationOverEveryColumnIsTheFullOne(_ name: String) {
        let (restricted, full) = Self.restrictedAndFull(name, perClass: Int.max)
        #expect(
            abs(restricted.value - full.value) <= 1e-9 * max(1, abs(full.value)), "\(restricted.value), \(full.value)")
        for (a, b) in zip(restricted.overuse, full.overuse) { #expect(abs(a - b) <= 1e-9) }
    }

    /// Columns chosen at mild prices (3 iterations from zero) with `perClass` columns per class, then
    /// a restricted and a full evaluation at sharper ones (40 iterations): each value and subgradient.
    static func restrictedAndFull(_ name: String, perClass: Int) -> (
        restricted: (value: Double, overuse: [Double]), full: (value: Double, overuse: [Double])
    ) {
        let formulation = Formulation(scenario: LagrangianBoundTests.scenario(name))
        let greedy = formulation.model.objectiveValue(of: formulation.greedySolution())
        let relaxation = LagrangianRelaxation(formulation)
        let early = prices(relaxation, upperBound: greedy, iterations: 3)
        let later = prices(relaxation, upperBound: greedy, iterations: 40)
        var work = relaxation.makeWorkspace()
        _ = relaxation.evaluate(early, &work)
        relaxation.chooseActiveColumns(&work, perClass: perClass)
        let restricted = relaxation.evaluate(later, &work, restricted: true)
        var fresh = relaxation.makeWorkspace()
        let full = relaxation.evaluate(later, &fresh)
        return ((restricted, work.overuse), (full, fresh.overuse))
    }

    @Test(arguments: names)
    func aRestrictedEvaluationIsNeverBelowTheFullOne(_ name: String) {
        let (restricted, full) = Self.restrictedAndFull(name, perClass: 2)
        #expect(
            restricted.value >= full.value - 1e-6 * max(1, abs(full.value)), "\(restricted.value) below \(full.value)")
    }

    /// With and without sifting, the same number of iterations gives a bound no higher than the
    /// optimum; the run reports full evaluations' values only.
    @Test(arguments: names)
    func theSiftedBoundIsValid(_ name: String) throws {
        let scenario = LagrangianBoundTests.scenario(name)
        let optimum = try #require(
            try Planner(scenario: scenario).plan(options: LagrangianBoundTests.exact).solver.objective)
        let formulation = Formulation(scenario: scenario)
        let greedy = formulation.model.objectiveValue(of: formulation.greedySolution())
        for sifting in [
            LagrangianRelaxation.Sifting(fullEvery: 3, columnsPerClass: 1), .init(fullEvery: 10, columnsPerClass: 16),
        ] {
            var relaxation = LagrangianRelaxation(formulation)
            relaxation.sifting = sifting
            let result = relaxation.run(upperBound: greedy, iterations: 200, targetGap: 0, deadline: nil)
            #expect(result.bound <= optimum + 1e-6 * max(1, abs(optimum)), "bound \(result.bound) above \(optimum)")
            // The bound is a full evaluation's value at its prices.
            var work = relaxation.makeWorkspace()
            let again = relaxation.evaluate(relaxation.startingPrices(result.rowPrices), &work)
            #expect(abs(again - result.bound) <= 1e-6 * max(1, abs(optimum)), "bound \(result.bound), again \(again)")
        }
    }
}
