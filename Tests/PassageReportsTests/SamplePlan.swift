import LinearProgramming
import PassagePlanning
import PassageScenario

/// A small hand-made plan covering every part of a report: two moved households with outbound and
/// onward legs, one unmoved household per reason kind, binding and slack capacity, a closed week.
enum SamplePlan {
    static let objective = -4321.123456789012
    static let bound = -4321.2

    static let blockerWithQuoteAndComma = "no valid international passport, and no programme accepts an \"internal ID\""

    /// The optimal plan.
    static func optimal() -> Plan {
        Plan(
            scenario: ScenarioHeader(
                title: "North Caucasus winter test", startDate: CalendarDate(year: 2026, month: 11, day: 30),
                horizonWeeks: 12, currency: "EUR", budget: 5000),
            solver: SolverReport(
                status: .optimal, objective: objective, bound: bound, gap: abs(objective - bound) / abs(objective),
                solveSeconds: 1.234, rows: 1234, columns: 5678, nonzeros: 23456, timeLimitSeconds: 60,
                mipGapTolerance: 0.001),
            summary: PlanSummary(
                overall: MoveCount(householdsMoved: 2, householdsTotal: 5, personsMoved: 3, personsTotal: 9),
                byUrgency: [
                    MoveCount(householdsMoved: 1, householdsTotal: 2, personsMoved: 2, personsTotal: 4),
                    MoveCount(householdsMoved: 0, householdsTotal: 1, personsMoved: 0, personsTotal: 3),
                    MoveCount(householdsMoved: 1, householdsTotal: 1, personsMoved: 1, personsTotal: 1),
                    MoveCount(householdsMoved: 0, householdsTotal: 1, personsMoved: 0, personsTotal: 1),
                ],
                urgencyWeightedPersonsMoved: 2150, totalCost: 3134.5, averageWeeksWaited: 1),
            itineraries: [
                Itinerary(
                    householdID: "H007", size: 1, urgency: 3, readyWeek: 2, startWeek: 3,
                    outbound: [
                        LegTravel(
                            legID: "ma-yv", from: "makhachkala", to: "yerevan", mode: .road, week: 3, durationDays: 2,
                            cost: 150)
                    ],
                    stay: HouseStay(houseID: "yv-2", location: "yerevan", fromWeek: 3, toWeek: 6, cost: 184.5),
                    programmeID: "ca-hap", destinationCountry: "CA", lodgedWeek: 3,
                    onward: [
                        LegTravel(
                            legID: "yv-tor", from: "yerevan", to: "toronto", mode: .air, week: 7, durationDays: 1,
                            cost: 700)
                    ],
                    arrivalWeek: 7, cost: 1234.5, risk: 2.25),
                Itinerary(
                    householdID: "H002", size: 2, urgency: 1, readyWeek: 1, startWeek: 2,
                    outbound: [
                        LegTravel(
                            legID: "gz-vk", from: "grozny", to: "vladikavkaz", mode: .road, week: 2, durationDays: 1,
                            cost: 240),
                        LegTravel(
                            legID: "vk-tb", from: "vladikavkaz", to: "tbilisi", mode: .road, week: 2, daysIntoWeek: 1,
                            durationDays: 1, cost: 160),
                    ],
                    stay: HouseStay(houseID: "tb-1", location: "tbilisi", fromWeek: 2, toWeek: 7, cost: 600),
                    programmeID: "de-hap", destinationCountry: "DE", lodgedWeek: 2,
                    onward: [
                        LegTravel(
                            legID: "tb-ber", from: "tbilisi", to: "berlin", mode: .air, week: 8, durationDays: 0,
                            cost: 800)
                    ],
                    arrivalWeek: 8, cost: 1900, risk: 3.5),
            ],
            unmoved: [
                UnmovedHousehold(
                    householdID: "H012", size: 1, urgency: 4, readyWeek: 5, reason: .notSelectedWithinTolerance),
                UnmovedHousehold(
                    householdID: "H010", size: 3, urgency: 2, readyWeek: 1,
                    reason: .noEligiblePathway([
                        Blocker(kind: .needs, programmeID: "de-hap", explanation: "wheelchair access is not served"),
                        Blocker(kind: .documents, programmeID: nil, explanation: blockerWithQuoteAndComma),
                        Blocker(kind: .exclusion, programmeID: "ca-hap", explanation: "the household excludes CA"),
                    ])),
                UnmovedHousehold(
                    householdID: "H011", size: 2, urgency: 1, readyWeek: 3,
                    reason: .capacity([
                        // In the planner's order: most options blocked first.
                        ResourceShortage(
                            kind: .beds, resourceID: "tb-1",
                            periods: [.week(5), .week(3), .week(4), .week(7), .week(6)], blockedOptions: 5),
                        ResourceShortage(
                            kind: .quota, resourceID: "de-hap", periods: [.month(QuotaMonth(year: 2026, month: 12))],
                            blockedOptions: 2),
                        ResourceShortage(kind: .budget, resourceID: "budget", periods: [.horizon], blockedOptions: 1),
                    ])),
            ],
            capacity: capacity())
    }

    /// The same plan, stopped by the time limit with a gap.
    static func timeLimited() -> Plan {
        var plan = optimal()
        plan.solver.status = .timeLimitFeasible
        plan.solver.bound = -4500
        plan.solver.gap = abs(objective + 4500) / abs(objective)
        return plan
    }

    /// No plan at all: every household unmoved with `.noPlan`, no numbers.
    static func noPlan() -> Plan {
        var plan = optimal()
        plan.solver.status = .timeLimitNoSolution
        plan.solver.objective = nil
        plan.solver.bound = nil
        plan.solver.gap = nil
        let everyone =
            plan.itineraries.map {
                UnmovedHousehold(
                    householdID: $0.householdID, size: $0.size, urgency: $0.urgency, readyWeek: $0.readyWeek,
                    reason: .noPlan)
            }
            + plan.unmoved.map {
                UnmovedHousehold(
                    householdID: $0.householdID, size: $0.size, urgency: $0.urgency, readyWeek: $0.readyWeek,
                    reason: .noPlan)
            }
        plan.itineraries = []
        plan.unmoved = everyone.sorted { $0.householdID < $1.householdID }
        return plan
    }

    static func capacity() -> [CapacityUse] {
        var rows: [CapacityUse] = []
        for week in 1...12 {
            // tb-1: 4 beds, full in W3–W7 (binding).
            let tbUsed: Double = (3...7).contains(week) ? 4 : (week == 2 ? 2 : 0)
            rows.append(CapacityUse(kind: .beds, resourceID: "tb-1", period: .week(week), used: tbUsed, capacity: 4))
            // yv-2: 2 beds, closed from W10.
            let yvUsed: Double = (3...6).contains(week) ? 1 : 0
            rows.append(
                CapacityUse(
                    kind: .beds, resourceID: "yv-2", period: .week(week), used: yvUsed, capacity: week >= 10 ? 0 : 2,
                    isClosed: week >= 10))
            // A leg nobody uses: left out of the seats grid.
            rows.append(CapacityUse(kind: .seats, resourceID: "zz-unused", period: .week(week), used: 0, capacity: 8))
            rows.append(
                CapacityUse(
                    kind: .seats, resourceID: "vk-tb", period: .week(week), used: week == 2 ? 2 : 0, capacity: 2))
        }
        rows += [
            CapacityUse(kind: .seats, resourceID: "gz-vk", period: .week(2), used: 2, capacity: 6),
            CapacityUse(kind: .seats, resourceID: "tb-ber", period: .week(8), used: 2, capacity: 10),
            CapacityUse(kind: .seats, resourceID: "ma-yv", period: .week(3), used: 1, capacity: 4),
            CapacityUse(kind: .seats, resourceID: "yv-tor", period: .week(7), used: 1, capacity: 4),
            CapacityUse(
                kind: .quota, resourceID: "de-hap", period: .month(QuotaMonth(year: 2027, month: 1)), used: 0,
                capacity: 2),
            CapacityUse(
                kind: .quota, resourceID: "de-hap", period: .month(QuotaMonth(year: 2026, month: 12)), used: 2,
                capacity: 2),
            CapacityUse(kind: .quota, resourceID: "ca-hap", period: .horizon, used: 1, capacity: 5),
            CapacityUse(kind: .budget, resourceID: "budget", period: .horizon, used: 3134.5, capacity: 5000),
        ]
        return rows
    }

    static let movedIDs = ["H002", "H007"]
    static let unmovedIDs = ["H010", "H011", "H012"]
}
