import Foundation
import GLPKBackend
import LinearProgramming
import PassageScenario
import Testing

@testable import PassagePlanning

/// Why a household is not moved and the smallest single capacity change that moves it
/// (`Planner.explainNotMoved`).
@Suite struct SmallestChangeTests {
    static let options = PlanningOptions(timeLimitSeconds: 30, mipGap: 0)

    /// The tiny scenario (TinyScenario): two beds, and every move stays in week 2. The optimum moves
    /// H1 (1 person, tier 1) and H3 (1 person, tier 3): 1,000 + 150 saved, against 400 × 2 for H2
    /// (2 persons, tier 2). With a third bed, H1 and H2 together (1,800) beat it, so the smallest
    /// change that moves H2 is one bed (2 → 3), less than its size. The quota (3) and the seats
    /// (2 a week, H2 can leave in week 1 and H1 in week 2) already have room for H1 and H2.
    @Test func theSmallestChangeIsFoundAndIsTheSmallest() throws {
        let scenario = TinyScenario.make()
        let planner = Planner(scenario: scenario)
        let plan = try planner.plan(options: Self.options)
        #expect(Set(plan.itineraries.map(\.householdID)) == ["H1", "H3"])
        let explanation = try #require(try planner.explainNotMoved("H2", in: plan, options: Self.options))
        let beds = try #require(explanation.changes.first { $0.kind == .beds })
        #expect(beds.resourceID == "K" && beds.from == 2 && beds.to == 3, "\(explanation.changes.map(\.description))")
        #expect(explanation.changes.first == beds)
        // Verified: the change moves H2; one bed less does not.
        for change in explanation.changes {
            let moved = try Planner(scenario: #require(change.applied(to: scenario))).plan(options: Self.options)
            #expect(moved.itineraries.contains { $0.householdID == "H2" }, "\(change.description)")
            var less = change
            less.to -= 1
            let notMoved = try Planner(scenario: #require(less.applied(to: scenario))).plan(options: Self.options)
            #expect(!notMoved.itineraries.contains { $0.householdID == "H2" }, "\(less.description)")
        }
    }

    /// A household no pathway is open to (H4 has no documents) gets its reason and no change, only
    /// the document that opens the programme (an internal ID; a passport opens nothing more, so it is
    /// not repeated), checked by one plan; a moved household, or one not in the scenario, no explanation.
    @Test func onlyHouseholdsShortOfCapacityGetChanges() throws {
        let planner = Planner(scenario: TinyScenario.make())
        let plan = try planner.plan(options: Self.options)
        let h4 = try #require(try planner.explainNotMoved("H4", in: plan, options: Self.options))
        guard case .noEligiblePathway = h4.household.reason else {
            Issue.record("H4: \(h4.household.reason)")
            return
        }
        #expect(h4.changes.isEmpty && h4.notEnough.isEmpty)
        #expect(h4.documentOpenings.map(\.document) == [.internalID] && h4.replans == 1)
        #expect(h4.documentOpenings.first?.programmes == ["G"])
        #expect(try planner.explainNotMoved("H1", in: plan, options: Self.options) == nil)
        #expect(try planner.explainNotMoved("H-NOT-THERE", in: plan, options: Self.options) == nil)
    }

    /// On random scenarios (every feature on), for the first household short of capacity: every change
    /// claimed moves it when applied and planned again independently, and (beds, seats, quota) one
    /// unit less does not.
    @Test(arguments: 1...8)
    func everyClaimedChangeMovesTheHouseholdAndOneLessDoesNot(seed: Int) throws {
        let scenario = RandomScenarios.make(seed: UInt64(seed))
        let planner = Planner(scenario: scenario)
        let plan = try planner.plan(options: Self.options)
        guard let short = plan.unmoved.first(where: { if case .capacity = $0.reason { true } else { false } }) else {
            return
        }
        let explanation = try #require(try planner.explainNotMoved(short.householdID, in: plan, options: Self.options))
        for change in explanation.changes {
            let moved = try Planner(scenario: #require(change.applied(to: scenario))).plan(options: Self.options)
            #expect(moved.itineraries.contains { $0.householdID == short.householdID }, "\(change.description)")
            guard change.kind != .budget else { continue }
            var less = change
            less.to -= 1
            let notMoved = try Planner(scenario: #require(less.applied(to: scenario))).plan(options: Self.options)
            #expect(!notMoved.itineraries.contains { $0.householdID == short.householdID }, "\(less.description)")
        }
    }

    /// A household of 4 in the tiny scenario alone: the house (2 beds), the first leg (2 seats a week)
    /// and the programme (3 places) are each too small for it. Raising all three to 4 moves it; any one
    /// alone cannot. So no single change moves it, and every increase tried stops at 4, what the
    /// household needs, not at 2 + 64 × 4 = 258 beds as the search once reported.
    @Test func noSingleChangeIsTriedBeyondWhatTheHouseholdNeeds() throws {
        let household = Household(
            id: "H5", size: 4, location: "A", urgency: 1, readyWeek: 1, nationality: "RU", passport: .none,
            hasInternalID: true)
        let planner = Planner(scenario: TinyScenario.make(households: [household]))
        let plan = try planner.plan(options: Self.options)
        #expect(plan.itineraries.isEmpty)
        let explanation = try #require(try planner.explainNotMoved("H5", in: plan, options: Self.options))
        #expect(explanation.household.reason.cannotFit)
        #expect(explanation.changes.isEmpty)
        #expect(!explanation.notEvenTogether)
        #expect(
            explanation.notEnough == [
                CapacityChange(kind: .beds, resourceID: "K", from: 2, to: 4),
                CapacityChange(kind: .quota, resourceID: "G", from: 3, to: 4),
                CapacityChange(kind: .seats, resourceID: "L1", from: 2, to: 4),
            ], "\(explanation.notEnough.map(\.description))")
        // Every way of moving it passes through all three, each too small for it whatever others do,
        // so no one of them can move it alone: that needs no re-plan.
        #expect(explanation.replans == 0)
        // Hand check: with all three raised to 4 it moves, so "not alone" is the whole story.
        var raised = planner.scenario
        for change in explanation.notEnough { raised = try #require(change.applied(to: raised)) }
        #expect(try Planner(scenario: raised).plan(options: Self.options).itineraries.map(\.householdID) == ["H5"])
    }

    /// The largest increase tried is the household's persons beyond the room the plan leaves. HA (2
    /// persons, tier 1) and HB (3, tier 2) both need programme G, with 4 places over the horizon; beds and
    /// seats are plentiful. The plan moves HA (2,000 weighted against HB's 1,200) and leaves 2 places:
    /// HB needs 3 − 2 = 1 more, so one place is both the largest increase tried and the answer, found in
    /// one re-plan.
    @Test func theLargestIncreaseIsWhatTheHouseholdNeedsBeyondTheRoomLeft() throws {
        var scenario = TinyScenario.make(households: [
            Household(
                id: "HA", size: 2, location: "A", urgency: 1, readyWeek: 1, nationality: "RU", passport: .none,
                hasInternalID: true),
            Household(
                id: "HB", size: 3, location: "A", urgency: 2, readyWeek: 1, nationality: "RU", passport: .none,
                hasInternalID: true),
        ])
        scenario.programmes[0].quota = 4
        scenario.safeHouses[0].beds = 10
        scenario.legs[0].seatsPerWeek = 10
        let planner = Planner(scenario: scenario)
        let plan = try planner.plan(options: Self.options)
        #expect(plan.itineraries.map(\.householdID) == ["HA"])
        let hb = try #require(plan.unmoved.first { $0.householdID == "HB" })
        guard case .capacity(let shortages) = hb.reason else {
            Issue.record("HB: \(hb.reason)")
            return
        }
        let quota = try #require(shortages.first { $0.kind == .quota })
        #expect(planner.largestUsefulIncrease(of: quota, for: hb, in: plan) == 1)
        let explanation = try #require(try planner.explainNotMoved("HB", in: plan, options: Self.options))
        #expect(explanation.changes == [CapacityChange(kind: .quota, resourceID: "G", from: 4, to: 5)])
        #expect(explanation.notEnough.isEmpty && explanation.replans == 1)
    }

    /// On the demo, H015 (5 persons, hiv_care) once got "beds 3 → 323": every increase reported now
    /// stays within its 5 persons, and one that moves it was planned and moves it.
    @Test func theDemoHouseholdH015GetsNoAbsurdIncrease() throws {
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/demo")
        let planner = Planner(scenario: try ScenarioLoader.load(directory: demo))
        let plan = try planner.plan()
        let options = planner.explanationOptions(PlanningOptions())
        let explanation = try #require(try planner.explainNotMoved("H015", in: plan, options: options, jobs: 2))
        #expect(explanation.household.size == 5)
        for change in explanation.changes + explanation.notEnough where change.kind != .budget {
            #expect(change.to - change.from >= 1 && change.to - change.from <= 5, "\(change.description)")
        }
        for change in explanation.changes {
            let moved = try Planner(scenario: #require(change.applied(to: planner.scenario))).plan(options: options)
            #expect(moved.itineraries.contains { $0.householdID == "H015" }, "\(change.description)")
        }
    }

    /// Searches side by side give the same explanations as one after the other, in the order asked.
    @Test(arguments: [2, 5])
    func parallelSearchesGiveTheSameExplanations(seed: Int) throws {
        let scenario = RandomScenarios.make(seed: UInt64(seed))
        let planner = Planner(scenario: scenario)
        let plan = try planner.plan(options: Self.options)
        let ids = plan.unmoved.map(\.householdID).reversed().prefix(3).map { $0 }
        let one = try planner.explainNotMoved(ids, in: plan, options: Self.options, jobs: 1)
        let two = try planner.explainNotMoved(ids, in: plan, options: Self.options, jobs: 2)
        #expect(one.map(\.household.householdID) == ids)
        #expect(one == two)
    }

    /// Why-not re-plans are limited by work: a node limit, behind a time limit that is only a safety
    /// net (the options given, else the scenario's, else a generous default).
    @Test func replansAreLimitedByNodesBehindATimeSafetyNet() {
        var scenario = TinyScenario.make()
        scenario.settings.solver = SolverLimits(timeLimitSeconds: nil, mipGap: nil)
        let planner = Planner(scenario: scenario)
        let defaults = planner.explanationOptions(PlanningOptions())
        #expect(defaults.nodeLimit == Planner.explanationNodesPerPlan)
        #expect(defaults.timeLimitSeconds == Planner.explanationSafetyNetSeconds)
        var given = PlanningOptions(timeLimitSeconds: 7)
        given.nodeLimit = 3
        let kept = planner.explanationOptions(given)
        #expect(kept.nodeLimit == 3 && kept.timeLimitSeconds == 7)
        scenario.settings.solver = SolverLimits(timeLimitSeconds: 90, mipGap: nil)
        #expect(Planner(scenario: scenario).explanationOptions(PlanningOptions()).timeLimitSeconds == 90)
    }

    /// A re-plan stopped by its node limit is unproven but not cut by the time limit: its answer is the
    /// same on any machine. One the time limit cut is counted apart: only its answer can vary. Either
    /// way the same search gives the same explanation, on one thread or two.
    @Test(arguments: [SolveLimit.nodes, .time])
    func replansSayWhichLimitStoppedThem(limit: SolveLimit) throws {
        let scenario = TinyScenario.make()
        let plan = try Planner(scenario: scenario).plan(options: Self.options)
        let stopped = Planner(scenario: scenario, solver: StoppedAtLimit(limit: limit))
        let options = stopped.explanationOptions(PlanningOptions())
        let first = try #require(try stopped.explainNotMoved("H2", in: plan, options: options))
        let second = try #require(try stopped.explainNotMoved("H2", in: plan, options: options, jobs: 2))
        #expect(first == second)
        #expect(first.replans > 0 && first.unprovenReplans > 0)
        #expect(first.timeLimitedReplans == (limit == .time ? first.unprovenReplans : 0))
    }

    /// With GLPK and a node limit small enough to stop the plans (one node, on a random scenario whose
    /// root is fractional), a plan says the node limit stopped it, two plans are the same, and why-not
    /// gives the same answers every time and on any number of threads, none cut by the time limit.
    @Test func aNodeLimitedSearchIsDeterministic() throws {
        let scenario = RandomScenarios.make(seed: 4)
        let planner = Planner(scenario: scenario)
        var options = PlanningOptions(timeLimitSeconds: 600, mipGap: 0)
        options.nodeLimit = 1
        options = planner.explanationOptions(options)
        let limited = try planner.plan(options: options)
        #expect(limited.solver.status == .timeLimitFeasible && limited.solver.stoppedBy == .nodes)
        let again = try planner.plan(options: options)
        #expect(again.itineraries == limited.itineraries && again.solver.objective == limited.solver.objective)

        let plan = try planner.plan(options: Self.options)
        let ids = Array(plan.unmoved.map(\.householdID).prefix(6))
        let runs = try [1, 2, 1].map { jobs in try planner.explainNotMoved(ids, in: plan, options: options, jobs: jobs)
        }
        #expect(runs[0] == runs[1] && runs[1] == runs[2])
        #expect(runs[0].allSatisfy { $0.timeLimitedReplans == 0 })
        #expect(runs[0].contains { $0.unprovenReplans > 0 })
    }

    @Test func changesReadAsACoordinatorWouldSayThem() {
        #expect(CapacityChange(kind: .beds, resourceID: "K", from: 2, to: 3).description == "beds of K: 2 → 3")
        #expect(
            CapacityChange(kind: .budget, resourceID: "budget", from: 1000, to: 1250.5).description
                == "budget: 1000 → 1250.5")
    }
}

/// A solver every solve of which stops at `limit` with the caller's start solution, as a backend does
/// when the limit strikes before it improves on the start.
private struct StoppedAtLimit: LinearSolver {
    let limit: SolveLimit

    func solve(_ model: LinearModel, options: SolverOptions) throws -> Solution {
        var solution = Solution.stoppedEarly(model, start: options.startSolution, bound: nil)
        solution.stoppedBy = limit
        return solution
    }
}
