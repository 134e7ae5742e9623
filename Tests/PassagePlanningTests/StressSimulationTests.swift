import Foundation
import Testing

@testable import PassagePlanning

/// `passage stress`'s simulation (issue 16, part 2): the draws, the recovery rule, the statistics, and
/// results that do not depend on threads or shards.
@Suite struct StressSimulationTests {
    /// One household (H1, 2 persons): leg L1 in week 1, safe house S1 in weeks 3–4 while programme P1
    /// processes (2 to 4 weeks), leg L2 in week 5, arriving in week 5 of a 10-week horizon.
    static func oneHousehold(
        cancelL1: Double = 0, closure: Double = 0, processingMax: Int = 2, refusal: Double = 0
    ) -> StressInput {
        StressInput(
            horizonWeeks: 10, currency: "EUR",
            itineraries: [
                StressItinerary(
                    householdID: "H1", persons: 2, outbound: [StressDeparture(legID: "L1", week: 1)], houseID: "S1",
                    stayFromWeek: 3, stayToWeek: 4, programmeID: "P1", onward: [StressDeparture(legID: "L2", week: 5)],
                    arrivalWeek: 5)
            ],
            houses: [
                StressHouse(
                    id: "S1", closureRisk: closure, costPerPersonWeek: 10, maxStayWeeks: nil, openFromWeek: 1,
                    openUntilWeek: nil, closedWeeks: [])
            ],
            legs: [StressLeg(id: "L1", cancelRate: cancelL1), StressLeg(id: "L2", cancelRate: 0)],
            programmes: [
                StressProgramme(id: "P1", processingWeeks: 2, processingWeeksMax: processingMax, refusalRate: refusal)
            ])
    }

    @Test func splitMix64MatchesTheReferenceOutputs() {
        // Vigna's splitmix64.c seeded with 1234567.
        var generator = SplitMix64(seed: 1_234_567)
        let outputs = (0..<5).map { _ in generator.next() }
        #expect(
            outputs == [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
            ])
    }

    @Test func withNoUncertaintyEveryTrialIsThePlan() {
        let input = Self.oneHousehold()
        let result = StressStudy.run(input, seed: 9, trials: 20)
        for outcome in result.outcomes {
            #expect(outcome.personsArrived == 2 && outcome.householdsArrived == 1)
            #expect(outcome.householdsStranded == 0 && outcome.householdsRefused == 0 && outcome.householdsLate == 0)
            #expect(outcome.delayWeeks == 0 && outcome.extraCost == 0 && outcome.causes.isEmpty)
        }
    }

    @Test func aHouseThatSurelyClosesStrandsEveryoneInIt() {
        var input = Self.oneHousehold()
        input.itineraries.append(
            StressItinerary(
                householdID: "H2", persons: 3, outbound: [], houseID: "S2", stayFromWeek: 2, stayToWeek: 3,
                programmeID: "P1", onward: [StressDeparture(legID: "L2", week: 4)], arrivalWeek: 4))
        input.itineraries.append(
            StressItinerary(
                householdID: "H3", persons: 1, outbound: [], houseID: "S2", stayFromWeek: 6, stayToWeek: 7,
                programmeID: "P1", onward: [StressDeparture(legID: "L2", week: 8)], arrivalWeek: 8))
        input.houses.append(
            StressHouse(
                id: "S2", closureRisk: 1, costPerPersonWeek: 10, maxStayWeeks: nil, openFromWeek: 1, openUntilWeek: nil,
                closedWeeks: []))
        let summary = StressSummary(StressStudy.run(input, seed: 3, trials: 10))
        #expect(summary.statistics.first { $0.key == "households_stranded" }?.minimum == 2)
        #expect(summary.statistics.first { $0.key == "households_stranded" }?.maximum == 2)
        #expect(summary.personsMovedDistribution.map(\.persons) == [2])
        #expect(summary.fragilePoints == [StressFragilePoint(kind: .house, id: "S2", trials: 10, households: 20)])
    }

    /// Worked out by hand from the draws of docs/STRESS.md (and an independent Python script): seed 42,
    /// 6 trials, L1 cancelled with probability 0.5, processing 2–4 weeks, 30 % refused.
    ///
    /// | trial | L1 cancelled in weeks | waits | refused | processing | persons | delay | extra cost |
    /// |---|---|---|---|---|---|---|---|
    /// | 0 | 1, 2, 3, 6, 10 | 3 | yes | 2 | 0 | – | 0 |
    /// | 1 | 1, 5 | 1 | no | 2 | 2 | 1 | 0 |
    /// | 2 | 1, 3, 6, 7, 9 | 1 | no | 4 | 2 | 3 | 40 |
    /// | 3 | 1, 2, 3, 7, 9 | 3 | no | 4 | 2 | 5 | 40 |
    /// | 4 | 2, 3, 7 | 0 | no | 2 | 2 | 0 | 0 |
    /// | 5 | 1, 2, 5, 6, 7 | 2 | no | 2 | 2 | 2 | 0 |
    @Test func statisticsOfAFixedSeedMatchAHandComputedCase() throws {
        let input = Self.oneHousehold(cancelL1: 0.5, processingMax: 4, refusal: 0.3)
        let simulation = StressSimulation(input: input, seed: 42)
        #expect(simulation.cancelledWeeks(trial: 0)["L1"] == [1, 2, 3, 6, 10])
        let result = StressStudy.run(input, seed: 42, trials: 6)
        #expect(result.outcomes.map(\.personsArrived) == [0, 2, 2, 2, 2, 2])
        #expect(result.outcomes.map(\.householdsRefused) == [1, 0, 0, 0, 0, 0])
        #expect(result.outcomes.map(\.delayWeeks) == [0, 1, 3, 5, 0, 2])
        #expect(result.outcomes.map(\.extraCost) == [0, 0, 40, 40, 0, 0])
        let summary = StressSummary(result)
        func stat(_ key: String) throws -> StressStatistic { try #require(summary.statistics.first { $0.key == key }) }
        let persons = try stat("persons_arrived")
        #expect([persons.p5, persons.median, persons.p95, persons.mean] == [0, 2, 2, 10.0 / 6])
        let refused = try stat("households_refused")
        #expect([refused.p5, refused.median, refused.p95] == [0, 0, 1])
        let delay = try stat("delay_weeks")
        #expect([delay.p5, delay.median, delay.p95, delay.mean] == [0, 1, 5, 11.0 / 6])
        let cost = try stat("extra_cost")
        #expect([cost.p5, cost.median, cost.p95, cost.mean] == [0, 0, 40, 80.0 / 6])
        #expect(summary.personsMovedDistribution.map(\.persons) == [0, 2])
        #expect(summary.personsMovedDistribution.map(\.trials) == [1, 5])
        #expect(
            summary.fragilePoints == [
                StressFragilePoint(kind: .leg, id: "L1", trials: 5, households: 5),
                StressFragilePoint(kind: .programme, id: "P1", trials: 3, households: 3),
            ])
    }

    @Test func nearestRankPercentiles() {
        let values = (1...20).map(Double.init)
        #expect(StressStatistic.percentile(5, of: values) == 1)
        #expect(StressStatistic.percentile(50, of: values) == 10)
        #expect(StressStatistic.percentile(95, of: values) == 19)
        #expect(StressStatistic.percentile(95, of: [7]) == 7)
    }

    @Test func threadsAndShardsGiveTheSameTrials() throws {
        let input = Self.oneHousehold(cancelL1: 0.3, closure: 0.05, processingMax: 4, refusal: 0.2)
        let one = StressStudy.run(input, seed: 5, trials: 101, jobs: 1)
        #expect(StressStudy.run(input, seed: 5, trials: 101, jobs: 3) == one)
        let parts = try (1...4).map { k in
            try StressResult.read(
                Data(
                    StressStudy.run(input, seed: 5, trials: 101, shard: StressShard(index: k, count: 4), jobs: 2)
                        .encoded().utf8))
        }
        let merged = try StressStudy.merge(parts.reversed())
        #expect(merged.outcomes == one.outcomes && merged.isComplete)
        #expect(StressSummary(merged) == StressSummary(one))
        #expect(throws: StressMergeError.self) { try StressStudy.merge([parts[0], parts[0]]) }
        let other = StressStudy.run(Self.oneHousehold(), seed: 5, trials: 101, shard: StressShard(index: 2, count: 4))
        #expect(throws: StressMergeError.self) { try StressStudy.merge([parts[0], other]) }
    }

    @Test func shardsSplitTrialsByRemainder() {
        #expect(StressShard(parsing: "2/3")?.trials(of: 8) == [1, 4, 7])
        #expect(StressShard(parsing: "0/3") == nil)
        #expect(StressShard(parsing: "4/3") == nil)
        #expect(StressShard(parsing: "1/0") == nil)
    }
}

/// Partial results come from files: damaged ones are refused, not turned into a report.
@Suite struct StressResultReadingTests {
    @Test func damagedPartsAreRefused() throws {
        let input = StressSimulationTests.oneHousehold(cancelL1: 0.5)
        let good = StressStudy.run(input, seed: 1, trials: 4).encoded()
        #expect(try StressResult.read(Data(good.utf8)).isComplete)
        for (from, to) in [
            ("\"personsArrived\" : 2", "\"personsArrived\" : 9223372036854775807"),
            ("\"trials\" : 4", "\"trials\" : -4"), ("\"seed\" : \"1\"", "\"seed\" : \"one\""),
            ("\"delayWeeks\" : 0", "\"delayWeeks\" : -3"), ("\"formatVersion\" : 1", "\"formatVersion\" : 2"),
        ] {
            #expect(good.contains(from), "\(from)")
            #expect(throws: StressMergeError.self) {
                try StressResult.read(Data(good.replacingOccurrences(of: from, with: to).utf8))
            }
        }
        #expect(throws: StressMergeError.self) { try StressResult.read(Data("{}".utf8)) }
    }

    /// A part edited while keeping the fingerprint (found reading the merge for the fuzz target's `M` mode):
    /// its outcomes were checked against its own counts only, so merging it would report, say, more
    /// households stranded than the other part's plan moves.
    @Test func partsThatDisagreeAboutThePlanAreRefused() throws {
        let input = StressSimulationTests.oneHousehold(cancelL1: 0.5)
        let first = StressStudy.run(input, seed: 1, trials: 4, shard: StressShard(index: 1, count: 2))
        let second = StressStudy.run(input, seed: 1, trials: 4, shard: StressShard(index: 2, count: 2))
        #expect(try StressStudy.merge([first, second]).isComplete)
        var edited = second
        edited.householdsPlanned = 1_000
        edited.personsPlanned = 5_000
        edited.currency = "USD"
        let error = #expect(throws: StressMergeError.self) { try StressStudy.merge([first, edited]) }
        #expect(
            error?.description
                == "the parts share fingerprint \(first.fingerprint) but not the plan's horizon, households, persons or currency: one of them is damaged"
        )
        var longer = second
        longer.horizonWeeks = 11
        #expect(throws: StressMergeError.self) { try StressStudy.merge([longer, first]) }
    }
}
