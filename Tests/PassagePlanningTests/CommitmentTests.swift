import Testing
import PassageScenario
@testable import PassagePlanning

/// Households already under way keep their pathway; everyone else is planned around them.
@Suite struct CommitmentTests {
    static func commit(_ id: String, startWeek: Int) -> Commitment {
        Commitment(
            householdID: id, startWeek: startWeek, outboundLegs: ["L1"], safeHouseID: "K", programmeID: "G",
            onwardLegs: ["L2"])
    }

    /// H2 (2 persons) is committed in week 1 and takes both beds in weeks 1–2; every other move
    /// needs a bed in week 2, so nobody else moves: 1000 (H1) + 150 (H3) + 1000 (H4) = 2150.
    @Test func aCommitmentIsKeptAndPlannedAround() throws {
        var scenario = TinyScenario.make()
        scenario.commitments = [Self.commit("H2", startWeek: 1)]
        let plan = try Planner(scenario: scenario).plan()
        #expect(plan.solver.status == .optimal)
        #expect(abs((plan.solver.objective ?? 0) - 2150) < 1e-6)
        #expect(plan.itineraries.map(\.householdID) == ["H2"])
        let committed = try #require(plan.itineraries.first)
        #expect(committed.isCommitted && committed.startWeek == 1 && committed.stay.houseID == "K")
        #expect(plan.conflicts.isEmpty)
        let beds = plan.capacity.filter { $0.kind == .beds }.map(\.used)
        #expect(beds == [2, 2, 0, 0])
        let reasons = Dictionary(uniqueKeysWithValues: plan.unmoved.map { ($0.householdID, $0.reason) })
        guard case .capacity(let shortages) = reasons["H1"] else {
            Issue.record("H1 should be lost to capacity")
            return
        }
        #expect(shortages.contains { $0.kind == .beds && $0.resourceID == "K" })
        #expect(violations(of: plan, in: scenario) == [])
    }

    /// Two commitments need 3 beds and 3 road seats where there are 2: both stay in the plan, and
    /// the conflict names them and says what to do.
    @Test func commitmentsThatNoLongerFitAreReportedNotDropped() throws {
        var scenario = TinyScenario.make()
        scenario.commitments = [Self.commit("H1", startWeek: 1), Self.commit("H2", startWeek: 1)]
        let plan = try Planner(scenario: scenario).plan()
        #expect(plan.solver.status == .optimal)
        #expect(Set(plan.itineraries.filter(\.isCommitted).map(\.householdID)) == ["H1", "H2"])
        let kinds = plan.conflicts.map(\.kind)
        #expect(kinds == [.overCapacity, .overCapacity])
        let beds = try #require(plan.conflicts.first { $0.problem.contains("beds at K") })
        #expect(beds.householdIDs == ["H1", "H2"])
        #expect(beds.problem.contains("W1, W2") && beds.problem.contains("short by up to 1"))
        #expect(beds.action.contains("H1, H2") && beds.action.contains("add at least 1"))
        #expect(plan.conflicts.contains { $0.problem.contains("seats on leg L1") })
    }

    @Test func aClosedHouseIsAConflict() throws {
        var scenario = TinyScenario.make()
        scenario.safeHouses[0].openUntilWeek = 1
        scenario.commitments = [Self.commit("H1", startWeek: 1)]
        let plan = try Planner(scenario: scenario).plan()
        let conflict = try #require(plan.conflicts.first)
        #expect(conflict.kind == .houseClosed && conflict.householdIDs == ["H1"])
        #expect(conflict.problem.contains("W2"))
        #expect(plan.itineraries.contains { $0.householdID == "H1" && $0.isCommitted })
    }

    /// H1 left before this round (start week −1): its stay was in weeks −1 and 0, so it uses only a
    /// seat on the flight in week 1, and the beds are free for H2.
    @Test func aHouseholdThatLeftBeforeThisRoundUsesOnlyWhatIsLeftOfItsJourney() throws {
        var scenario = TinyScenario.make()
        scenario.commitments = [Self.commit("H1", startWeek: -1)]
        let plan = try Planner(scenario: scenario).plan()
        let h1 = try #require(plan.itineraries.first { $0.householdID == "H1" })
        #expect(h1.startWeek == -1 && h1.onward.first?.week == 1 && h1.arrivalWeek == 1)
        #expect(plan.capacity.first { $0.kind == .seats && $0.resourceID == "L2" && $0.week == 1 }?.used == 1)
        #expect(plan.itineraries.contains { $0.householdID == "H2" && !$0.isCommitted })
        // Only the flight is still to pay for: 300 of H1's 470.
        let budget = try #require(plan.capacity.first { $0.kind == .budget })
        #expect(budget.used == 300 + 940)
    }

    /// Committing part of an optimal plan and re-planning keeps those households exactly where they
    /// were, raises no conflict, and breaks no rule.
    @Test(arguments: 1...12)
    func committingPartOfAPlanKeepsItExactly(seed: Int) throws {
        var scenario = RandomScenarios.make(seed: UInt64(seed))
        let first = try Planner(scenario: scenario).plan()
        let kept = first.itineraries.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        scenario.commitments = kept.map { itinerary in
            Commitment(
                householdID: itinerary.householdID, startWeek: itinerary.startWeek,
                outboundLegs: itinerary.outbound.map(\.legID), safeHouseID: itinerary.stay.houseID,
                programmeID: itinerary.programmeID, onwardLegs: itinerary.onward.map(\.legID))
        }
        let second = try Planner(scenario: scenario).plan()
        #expect(second.solver.status == .optimal)
        #expect(second.conflicts.isEmpty)
        for itinerary in kept {
            var again = try #require(second.itineraries.first { $0.householdID == itinerary.householdID })
            #expect(again.isCommitted)
            again.isCommitted = false
            #expect(again == itinerary)
        }
        #expect(violations(of: second, in: scenario) == [])
        // The rest of the first plan is still possible, so the re-plan moves at least as many
        // urgency-weighted persons.
        #expect(second.summary.urgencyWeightedPersonsMoved >= first.summary.urgencyWeightedPersonsMoved - 1e-6)
    }
}

/// Previous pathways taken as commitments are counted from the scenario's week 1 (issue 14, bug 1).
@Suite struct StartedCommitmentWeekTests {
    @Test func aPlanMadeAWeekEarlierStartsItsPathwaysAWeekEarlier() {
        let pathway = Commitment(
            householdID: "H1", startWeek: 3, outboundLegs: ["L1"], safeHouseID: "S1", programmeID: "P1", onwardLegs: [])
        let previous = PreviousPlan(
            pathways: ["H1": pathway], notMoved: [], startDate: CalendarDate(year: 2026, month: 11, day: 30))
        let advanced = previous.commitments(for: ["H1", "H9"], countedFrom: CalendarDate(year: 2026, month: 12, day: 7))
        #expect(advanced.commitments.map(\.startWeek) == [2])
        #expect(advanced.unknown == ["H9"])
        let same = previous.commitments(for: ["H1"], countedFrom: CalendarDate(year: 2026, month: 11, day: 30))
        #expect(same.commitments.map(\.startWeek) == [3])
    }
}

/// The part of a committed itinerary paid before week 1, as `advance` takes it off the budget (issue 14, bug 2).
@Suite struct CostBeforeWeekOneTests {
    static func itinerary(startWeek: Int) -> Itinerary {
        // 2 persons: a leg in the start week (100), a second two weeks later (60), three stay weeks of 90
        // from the week after the start, a fee of 50 at lodging, a leg onward after the stay (200).
        let lodged = startWeek + 1
        return Itinerary(
            householdID: "H1", size: 2, urgency: 1, readyWeek: 1, startWeek: startWeek,
            outbound: [
                LegTravel(legID: "L1", from: "a", to: "b", mode: .road, week: startWeek, durationDays: 1, cost: 100),
                LegTravel(legID: "L2", from: "b", to: "c", mode: .road, week: startWeek + 1, durationDays: 1, cost: 60),
            ],
            stay: HouseStay(houseID: "S1", location: "c", fromWeek: lodged, toWeek: lodged + 2, cost: 270),
            programmeID: "P1", destinationCountry: "DE", lodgedWeek: lodged,
            onward: [LegTravel(legID: "L3", from: "c", to: "d", mode: .air, week: lodged + 3, durationDays: 0, cost: 200)],
            arrivalWeek: lodged + 3, cost: 100 + 60 + 270 + 50 + 200, risk: 0, isCommitted: startWeek < 1)
    }

    @Test func onlyWhatFellBeforeWeekOneCounts() {
        #expect(Self.itinerary(startWeek: 1).costBeforeWeekOne == 0)
        #expect(Self.itinerary(startWeek: 0).costBeforeWeekOne == 100)
        // Start −1: both outbound legs, the fee and one of three stay weeks.
        #expect(Self.itinerary(startWeek: -1).costBeforeWeekOne == 100 + 60 + 50 + 90)
        #expect(Self.itinerary(startWeek: -10).costBeforeWeekOne == 680)
    }
}
