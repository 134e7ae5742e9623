import Testing

@testable import PassagePlanning

/// The ruin-and-recreate trials' acceptance (docs/MODEL.md, "Improvement: local search").
@Suite struct AnnealingScheduleTests {
    @Test func theTemperatureFallsGeometricallyFromStartToItsFinalShare() {
        let schedule = AnnealingSchedule(start: 100, finalRatio: 0.01)
        #expect(schedule.temperature(at: 0) == 100)
        #expect(abs(schedule.temperature(at: 0.5) - 10) < 1e-9)
        #expect(abs(schedule.temperature(at: 1) - 1) < 1e-9)
        // Progress outside 0...1 (a clock read late) is held to the ends.
        #expect(abs(schedule.temperature(at: 1.5) - 1) < 1e-9)
        #expect(schedule.temperature(at: -1) == 100)
    }

    @Test func thresholdsAreExponentialWithTheTemperatureAsTheirMean() {
        let schedule = AnnealingSchedule(start: 50, finalRatio: 1)
        var random = SplitMix64(seed: 7)
        let draws = (0..<20_000).map { _ in schedule.threshold(at: 0.3, random: &random) }
        #expect(draws.allSatisfy { $0 >= 0 && $0.isFinite })
        let mean = draws.reduce(0, +) / Double(draws.count)
        #expect(abs(mean - 50) < 2)
    }

    @Test func noTemperatureDrawsNothing() {
        let schedule = AnnealingSchedule(start: 0, finalRatio: 0.01)
        var random = SplitMix64(seed: 11)
        let before = random
        #expect(schedule.threshold(at: 0, random: &random) == 0)
        #expect(random == before)
    }
}
