import GLPKBackend
import LinearProgramming
import PassageScenario
import Testing

@testable import PassagePlanning

/// Shadow prices (issue 4, parts 3 and 6): each price is checked against the LP it comes from, by
/// changing the capacity row's right-hand side and solving again.
@Suite struct ShadowPriceTests {
    let solver = GLPKSolver()

    /// The plan, its formulation and its prices.
    private func priced(_ scenario: Scenario) throws -> (Formulation, Plan, ShadowPrices) {
        let (formulation, plan) = try Planner(scenario: scenario).solve()
        let prices = try ShadowPrices.compute(formulation: formulation, plan: plan, solver: solver)
        return (formulation, plan, prices)
    }

    /// The LP relaxation's optimum of `model`.
    private func relaxationObjective(_ model: LinearModel) throws -> Double {
        let solution = try solver.solve(model, options: SolverOptions(relaxIntegrality: true))
        #expect(solution.status == .optimal)
        return try #require(solution.objectiveValue)
    }

    /// Price of each capacity row, keyed by the row.
    private func pricesByRow(_ formulation: Formulation, _ prices: ShadowPrices) -> [(
        row: Constraint, price: ShadowPrice
    )] {
        let scenario = formulation.index.scenario
        var byName: [String: ShadowPrice] = [:]
        for price in prices.prices { byName["\(price.kind)/\(price.resourceID)/\(price.period)"] = price }
        return formulation.resourceRows.compactMap { key, row, _ in
            let (kind, id, period) = Formulation.identify(key, scenario: scenario)
            return byName["\(kind)/\(id)/\(period)"].map { (row, $0) }
        }
    }

    /// For every capacity with a positive price, against the relaxation's optimum f of the row's
    /// right-hand side b: on each side where the price's range extends, a step (one unit, or as much as
    /// the range allows) changes f by exactly the price; where the range ends at b (a degenerate
    /// optimum), convexity still bounds it: f(b) − f(b + 1) ≤ price ≤ f(b − 1) − f(b).
    private func checkFiniteDifferences(_ scenario: Scenario, atMost limit: Int) throws -> Int {
        let (formulation, _, prices) = try priced(scenario)
        #expect(prices.status == .optimal)
        let base = try #require(prices.relaxationObjective)
        var checked = 0
        for (row, price) in pricesByRow(formulation, prices)
        where price.value > ShadowPrices.tolerance && checked < limit {
            let range = try #require(price.validRange)
            let rightHandSide = formulation.model.constraints[row.index].rightHandSide
            #expect(range.contains(price.capacity), "\(price.resourceID) \(price.period): \(range) ∌ \(price.capacity)")
            func fall(by step: Double) throws -> Double {
                var changed = formulation.model
                changed.setRightHandSide(row, rightHandSide + step)
                return (base - (try relaxationObjective(changed))) / step
            }
            let tolerance = 1e-6 * max(1, price.value)
            let what = "\(price.kind) \(price.resourceID) \(price.period), price \(price.value)"
            let up = min(1, range.upperBound - price.capacity)
            if up > 1e-6 {
                let rate = try fall(by: up)
                #expect(abs(rate - price.value) <= tolerance, "\(what): one more unit \(rate)")
            } else {
                #expect(!price.holdsForMore)
                let rate = try fall(by: 1)
                #expect(rate <= price.value + tolerance, "\(what): one more unit \(rate)")
            }
            let down = min(1, price.capacity - range.lowerBound, rightHandSide)
            if down > 1e-6 && range.lowerBound < price.capacity - 1e-6 {
                let rate = try fall(by: -down)
                #expect(abs(rate - price.value) <= tolerance, "\(what): one unit less \(rate)")
            } else if rightHandSide >= 1 {
                let rate = try fall(by: -1)
                #expect(rate >= price.value - tolerance, "\(what): one unit less \(rate)")
            }
            checked += 1
        }
        return checked
    }

    @Test func tinyBedPriceIsHalfOfTheTierTwoHousehold() throws {
        // The relaxation fills week 2's two beds with H1 and half of H2 (2 persons, tier 2), both
        // starting in week 1, which also fills week 1's beds and seats: a degenerate optimum. One bed
        // less in week 2 loses half of H2, 400 per person less its move's 5.7; one more lets the other
        // half start in week 2, 8 less for its week of waiting. GLPK's price is one of the two, and
        // its range says which side it holds on.
        let (_, _, prices) = try priced(TinyScenario.make())
        let beds = try #require(prices.prices.first { $0.kind == .beds && $0.period == .week(2) })
        #expect(abs(beds.value - 394.3) < 1e-6 || abs(beds.value - 386.3) < 1e-6, "\(beds.value)")
        #expect(abs(try #require(beds.tierOnePersons) - beds.value / 1000) < 1e-12)
        #expect(beds.capacity == 2 && beds.used == 2)
        #expect(beds.holdsForMore == (abs(beds.value - 386.3) < 1e-6))
        let first = try #require(prices.bottlenecks.first)
        #expect(first.kind == .beds && first.resourceID == "K")
    }

    @Test func pricesMatchFiniteDifferencesOnTheTinyScenario() throws {
        #expect(try checkFiniteDifferences(TinyScenario.make(), atMost: 10) > 0)
    }

    @Test(arguments: [3, 11])
    func pricesMatchFiniteDifferencesOnRandomScenarios(seed: Int) throws {
        // A test that checked no row would pass on nothing.
        #expect(try checkFiniteDifferences(RandomScenarios.make(seed: UInt64(seed)), atMost: 8) > 0)
    }

    @Test(arguments: [3, 11])
    func rowsWithRoomInTheRelaxationArePricedZero(seed: Int) throws {
        let scenario = RandomScenarios.make(seed: UInt64(seed))
        let (formulation, _, prices) = try priced(scenario)
        let relaxation = try solver.solve(formulation.model, options: SolverOptions(relaxIntegrality: true))
        let rows = pricesByRow(formulation, prices)
        #expect(!rows.isEmpty, "no capacity row was checked")
        for (row, price) in rows {
            let room = formulation.model.constraints[row.index].rightHandSide - relaxation.rowActivities[row.index]
            if room > 1e-6 { #expect(price.value == 0, "\(price.resourceID) \(price.period) has room \(room)") }
            #expect(price.value >= 0)
        }
    }

    @Test func theFixedIntegerLPPricesEveryCapacityAtZero() throws {
        // Why the prices come from the relaxation: with every household count fixed at the plan's
        // value, one more bed changes nothing (the only continuous columns, `unmoved`, use no capacity).
        let formulation = Planner(scenario: TinyScenario.make()).formulation()
        let mip = try solver.solve(formulation.model, options: SolverOptions())
        #expect(mip.status == .optimal)
        var fixed = formulation.model
        for (index, column) in formulation.model.variables.enumerated() where column.kind != .continuous {
            let value = mip.values[index].rounded()
            fixed.setBounds(Variable(index: index), lower: value, upper: value)
        }
        let before = try relaxationObjective(fixed)
        for (_, row, capacity) in formulation.resourceRows {
            var more = fixed
            more.setRightHandSide(row, capacity + 1)
            #expect(abs(try relaxationObjective(more) - before) < 1e-9)
        }
    }

    @Test func pricesAreDeterministic() throws {
        let scenario = RandomScenarios.make(seed: 3)
        let (_, _, first) = try priced(scenario)
        let (_, _, second) = try priced(scenario)
        #expect(first == second)
        #expect(first.bottlenecks == second.bottlenecks)
    }

    @Test func bottlenecksAreRankedByValueThenKindAndID() throws {
        func price(_ kind: ResourceKind, _ id: String, _ period: CapacityPeriod, _ value: Double) -> ShadowPrice {
            ShadowPrice(
                kind: kind, resourceID: id, period: period, capacity: 1, used: 1, value: value,
                tierOnePersons: value / 1000, validRange: 0...2)
        }
        let prices = ShadowPrices(
            source: .lpRelaxation, status: .optimal, relaxationObjective: 0, tierOneWeight: 1000,
            prices: [
                price(.beds, "B", .week(1), 100), price(.beds, "B", .week(2), 50), price(.seats, "A", .week(1), 150),
                price(.beds, "Z", .week(1), 150), price(.quota, "Q", .horizon, 0),
                price(.budget, "budget", .horizon, 0.5),
            ],
            legsWithoutSeatRows: [])
        let ranked = prices.bottlenecks
        // B's two weeks add up to 150, as much as Z's and A's single ones: beds before seats, B before Z.
        #expect(ranked.map(\.resourceID) == ["B", "Z", "A", "budget"])
        #expect(
            ranked[0].periods == [.week(1), .week(2)] && ranked[0].value == 150 && ranked[0].largestPeriodValue == 100)
        #expect(ranked[0].tierOnePersons == 0.15)
    }

    @Test func checkingTheTopBottleneckPlansAgainWithOneMoreBed() throws {
        // With 3 beds at K, H1 leaves in week 1 and H2 (whose 2 seats do not fit beside H1's) in week 2:
        // 5.7 + 2 × 5.7 + 16 (a week of waiting) + unmoved H3 (150) and H4 (1000) = 1183.1, against
        // 1811.4 with 2 beds: the integer plan gains 628.3, more than the relaxation's price suggests.
        let scenario = TinyScenario.make()
        let (_, plan, computed) = try priced(scenario)
        var prices = computed
        try prices.checkBottlenecks(1, scenario: scenario, plan: plan, solver: solver)
        let check = try #require(prices.integerChecks.first)
        #expect(prices.integerChecks.count == 1)
        #expect(check.kind == .beds && check.resourceID == "K" && check.status == .optimal)
        #expect(abs(try #require(check.objectiveFall) - 628.3) < 1e-6)
        #expect(abs(try #require(check.tierOnePersons) - 0.6283) < 1e-9)
        #expect(prices.bottlenecks.first?.integerCheck == check)
        #expect(prices.bottlenecks.dropFirst().allSatisfy { $0.integerCheck == nil })
    }

    @Test func theBudgetIsNeverChecked() {
        #expect(ShadowPrices.withOneMore(.budget, "budget", in: TinyScenario.make()) == nil)
        #expect(ShadowPrices.withOneMore(.seats, "L1", in: TinyScenario.make())?.legs[0].seatsPerWeek == 3)
        #expect(ShadowPrices.withOneMore(.quota, "G", in: TinyScenario.make())?.programmes[0].quota == 4)
        #expect(ShadowPrices.withOneMore(.beds, "nowhere", in: TinyScenario.make()) == nil)
    }

    @Test func aTimeLimitedRelaxationGivesNoPrices() throws {
        let (formulation, plan) = try Planner(scenario: TinyScenario.make()).solve()
        let stopped = Solution(
            status: .timeLimitNoSolution, objectiveValue: nil, bestBound: nil, values: [], rowActivities: [],
            solveSeconds: 0)
        let prices = ShadowPrices(formulation: formulation, plan: plan, relaxation: stopped)
        #expect(prices.prices.isEmpty && prices.bottlenecks.isEmpty && prices.relaxationObjective == nil)
        #expect(prices.status == .timeLimitNoSolution)
    }
}
