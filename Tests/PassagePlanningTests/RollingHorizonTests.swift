import Testing
import PassageScenario
import PassageSynthetic
@testable import PassagePlanning

/// The weekly loop on a generated caseload: plan, advance a week, re-plan against the previous plan.
@Suite struct RollingHorizonTests {
    /// Four rounds: commitments are never broken (a household under way keeps its pathway exactly,
    /// shifted by the weeks that passed), no capacity is exceeded, no conflict arises when the plan
    /// is followed, and every change against the previous plan is listed.
    @Test(arguments: [UInt64(8), 11])
    func fourWeeksOfReplanningKeepEveryCommitment(seed: UInt64) throws {
        var scenario = SyntheticCaseload.generate(households: 50, seed: seed, profile: .crisis)
        scenario.settings.solver = SolverLimits(timeLimitSeconds: 30, mipGap: 0)
        var plan = try Planner(scenario: scenario).plan()
        #expect(plan.solver.status == .optimal)
        var committedSeen = 0
        for _ in 1...4 {
            let previous = PreviousPlan(plan)
            let next = try RollingHorizon.advance(scenario, plan: previous, toWeek: 2)
            let replanned = try Planner(scenario: next, previous: previous).plan()
            #expect(replanned.solver.status == .optimal)
            #expect(replanned.conflicts.isEmpty)
            let shifted = previous.counted(from: next.settings.startDate)
            // Commitments kept exactly.
            for commitment in next.commitments {
                let itinerary = try #require(replanned.itineraries.first { $0.householdID == commitment.householdID })
                #expect(itinerary.isCommitted)
                #expect(Commitment(itinerary) == shifted.pathways[commitment.householdID])
            }
            committedSeen += next.commitments.count
            // No capacity exceeded; decided moves keep every rule.
            for use in replanned.capacity { #expect(use.used <= use.capacity + 1e-6, "\(use)") }
            var decided = replanned
            decided.itineraries.removeAll(where: \.isCommitted)
            let problems = violations(of: decided, in: next).filter {
                !$0.hasPrefix("households moved") && !$0.hasPrefix("total cost")
            }
            #expect(problems == [])
            // Every household whose pathway differs from the previous plan is in the change list.
            let changed = Set(replanned.changes?.map(\.householdID) ?? [])
            for household in next.households where !next.commitments.contains(where: { $0.householdID == household.id }) {
                let before = shifted.pathways[household.id]
                let after = replanned.itineraries.first { $0.householdID == household.id }.map(Commitment.init)
                if before != after { #expect(changed.contains(household.id), "\(household.id) changed silently") }
            }
            scenario = next
            plan = replanned
        }
        #expect(committedSeen > 0, "the simulation should put some households under way")
    }

    @Test func advancingRemovesArrivalsAndConsumesCapacity() throws {
        let scenario = TinyScenario.make()
        let plan = try Planner(scenario: scenario).plan()  // H1 and H3 leave in week 1, arrive in week 3
        let next = try RollingHorizon.advance(scenario, plan: PreviousPlan(plan), toWeek: 4)
        #expect(next.households.map(\.id) == ["H2", "H4"])
        #expect(next.commitments.isEmpty)
        #expect(next.programmes[0].quota == 1)  // 3 less the 2 persons lodged in week 1
        #expect(abs((next.settings.budget ?? 0) - (10_000 - 940)) < 1e-6)
        #expect(next.settings.startDate == CalendarDate(year: 2026, month: 12, day: 21))
        let midway = try RollingHorizon.advance(scenario, plan: PreviousPlan(plan), toWeek: 2)
        #expect(midway.commitments.map(\.householdID) == ["H1", "H3"])
        #expect(midway.commitments.allSatisfy { $0.startWeek == 0 })
        // Paid before week 2: road 100 + one stay week 10 + programme 50, for each of the two.
        #expect(abs((midway.settings.budget ?? 0) - (10_000 - 2 * 160)) < 1e-6)
    }
}
