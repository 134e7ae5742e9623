import Foundation
import LinearProgramming
import PassageScenario
import Testing

@testable import PassagePlanning

/// Sweeps (docs/WHATIF.md, "Sweeps"): the parallel sweep equals the sequential one, points are ordered
/// by value, and the optimum behaves as theory says as a capacity grows.
@Suite struct SweepTests {
    @Test func parallelWorkKeepsIndexOrderAndCountsEachPieceOnce() {
        let counts = LockedCounts()
        let results = ParallelWork.map(37, width: 4, completed: { done in counts.append(done) }) { index in
            // Uneven work, so pieces finish out of order.
            var x = 0
            for i in 0..<((37 - index) * 2_000) { x &+= i }
            return index * 10 + (x == -1 ? 1 : 0)
        }
        #expect(results == (0..<37).map { $0 * 10 })
        #expect(counts.values == Array(1...37))
        #expect(ParallelWork.map(3, width: 1) { $0 + 1 } == [1, 2, 3])
        #expect(ParallelWork.map(0, width: 4) { $0 }.isEmpty)
    }

    @Test(arguments: [UInt64(3), 11])
    func aParallelSweepEqualsTheSequentialOne(seed: UInt64) throws {
        let scenario = RandomScenarios.make(seed: seed)
        let house = try #require(scenario.safeHouses.first).id
        let specification = SweepSpecification(resource: .beds(houseID: house), from: 0, to: 6, step: 2)
        let counts = LockedCounts()
        let sequential = try Sweep.plan(scenario, varying: specification, jobs: 1)
        let totals = LockedCounts()
        let parallel = try Sweep.plan(scenario, varying: specification, jobs: 4) { done, total in
            counts.append(done)
            totals.append(total)
        }
        #expect(totals.values == [4, 4, 4, 4])
        #expect(parallel == sequential)
        #expect(parallel.points.map(\.value) == [0, 2, 4, 6])
        #expect(counts.values == [1, 2, 3, 4])
        #expect(parallel.scenarioValue == Double(scenario.safeHouses[0].beds))
        // Each point is the plan of the scenario with that value, as planned on its own.
        let alone = try Planner(scenario: try specification.resource.applying(4, to: scenario)).plan()
        #expect(parallel.points[2] == SweepPoint(value: 4, plan: alone))
    }

    /// More capacity only relaxes the model (a bed, seat, quota place or unit of money more never
    /// forbids a plan that was allowed), so the optimum never rises: between plans solved to
    /// optimality the objective is non-increasing in the value. Persons moved are not guaranteed to
    /// rise (the objective weighs persons by urgency and trades them against cost, risk and waiting),
    /// so only the objective is tested; the urgency-weighted persons moved is reported, not asserted.
    @Test(arguments: [UInt64(3), 11, 17])
    func theOptimumNeverRisesAsACapacityGrows(seed: UInt64) throws {
        var scenario = RandomScenarios.make(seed: seed)
        // Every point must be proven optimal: on a machine busy with other builds a solve can need
        // more than the scenario's own limit, which is not what this test is about.
        scenario.settings.solver.timeLimitSeconds = 300
        let budget = scenario.settings.budget ?? 5_000
        let specifications = [
            SweepSpecification(resource: .beds(houseID: scenario.safeHouses[0].id), from: 0, to: 8, step: 2),
            SweepSpecification(resource: .quota(programmeID: scenario.programmes[0].id), from: 0, to: 8, step: 2),
            SweepSpecification(
                resource: .budget, from: 0, to: (budget * 1.5).rounded(), step: (budget * 0.3).rounded()),
        ]
        for specification in specifications {
            let sweep = try Sweep.plan(scenario, varying: specification, jobs: 2)
            #expect(sweep.allOptimal, "\(specification)")
            let objectives = sweep.points.compactMap(\.objective)
            #expect(objectives.count == sweep.points.count)
            for (lower, higher) in zip(objectives, objectives.dropFirst()) {
                #expect(higher <= lower + 1e-6 * max(1, abs(lower)), "\(specification): \(objectives)")
            }
        }
    }

    @Test func anUnknownIdIsRefusedBeforeAnythingIsSolved() throws {
        let scenario = RandomScenarios.make(seed: 3)
        let specification = SweepSpecification(resource: .seats(legID: "no-such-leg"), from: 1, to: 2, step: 1)
        #expect(specification.resource.problem(in: scenario)?.hasPrefix("leg no-such-leg is not an id") == true)
        #expect(throws: ScenarioValidationError.self) { try Sweep.plan(scenario, varying: specification) }
    }
}

/// Progress counts received from worker threads.
private final class LockedCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int] = []
    func append(_ value: Int) { lock.withLock { stored.append(value) } }
    var values: [Int] { lock.withLock { stored } }
}
