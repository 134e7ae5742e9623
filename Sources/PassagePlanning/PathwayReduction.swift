import PassageScenario

/// Which routes the compact model keeps (docs/MODEL.md, "The compact model").
///
/// A route matters to the model only through its timing, the seat rows it uses, its objective cost
/// (money and risk, both per person) and, with a budget, its money. Among routes equal in the first
/// two, one that is no better in the others than another is never needed: any plan using it is
/// matched or beaten by the same plan on the other. Seat rows exist only for `seatLegs`, so
/// only those legs count in the comparison; the planner adds a leg when a plan would overfill it.
struct PathwayReduction: Sendable {
    /// Legs that have seat rows.
    var seatLegs: Set<Int>
    /// Objective weight per currency unit.
    var costWeight: Double
    /// Objective weight per risk point.
    var riskWeight: Double
    /// Whether a budget row exists (then money is compared on its own too).
    var hasBudget: Bool

    /// The reduction for `scenario` with seat rows for `seatLegs`.
    init(scenario: Scenario, seatLegs: Set<Int>) {
        self.seatLegs = seatLegs
        costWeight = scenario.settings.objective.cost
        riskWeight = scenario.settings.objective.risk
        hasBudget = scenario.settings.budget != nil
    }

    /// Routes to a lodging place: of those arriving in the same week offset with the same seat-row
    /// use, the ones no other beats (stay timing depends on arrival, so it is part of the key).
    func outboundRoutes(_ routes: [Route]) -> [Route] {
        keep(routes) { a, b in
            a.arrivalWeekOffset == b.arrivalWeekOffset && seatPattern(a) == seatPattern(b)
        }
    }

    /// Routes on to a destination: arriving later only risks the horizon, so among routes with the
    /// same seat-row use, one that arrives no earlier and is no cheaper than another is dropped.
    func onwardRoutes(_ routes: [Route]) -> [Route] {
        keep(routes) { a, b in
            seatPattern(a) == seatPattern(b) && b.arrivalWeekOffset <= a.arrivalWeekOffset
        }
    }

    /// Whether any leg of the pathway has seat rows.
    func usesSeatRows(_ pathway: Pathway) -> Bool {
        (pathway.outbound.legs + pathway.onward.legs).contains { seatLegs.contains($0) }
    }

    /// Objective cost per person of a route.
    private func value(_ route: Route) -> Double {
        costWeight * route.costPerPerson + riskWeight * route.riskPerPerson
    }

    /// Seat-row legs of a route with their week offsets.
    private func seatPattern(_ route: Route) -> [Int] {
        var pattern: [Int] = []
        for (leg, offset) in zip(route.legs, route.legWeekOffsets) where seatLegs.contains(leg) {
            pattern += [leg, offset]
        }
        return pattern
    }

    /// The routes not dominated by another: `b` dominates `a` when `comparable(a, b)` and `b` costs no
    /// more (in objective and, with a budget, in money); of equals, the first in enumeration order
    /// stays. Order is kept, so the result is deterministic.
    private func keep(_ routes: [Route], comparable: (Route, Route) -> Bool) -> [Route] {
        routes.indices.filter { i in
            let a = routes[i]
            return !routes.indices.contains { j in
                guard j != i, comparable(a, routes[j]) else { return false }
                let b = routes[j]
                let noWorse = value(b) <= value(a) && (!hasBudget || b.costPerPerson <= a.costPerPerson)
                    && b.arrivalWeekOffset <= a.arrivalWeekOffset
                guard noWorse else { return false }
                let strictlyBetter = value(b) < value(a) || (hasBudget && b.costPerPerson < a.costPerPerson)
                    || b.arrivalWeekOffset < a.arrivalWeekOffset
                return strictlyBetter || j < i
            }
        }.map { routes[$0] }
    }
}

extension PathwayReduction {
    /// Legs whose seats could ever run short: those that households able to use them (on any route
    /// to or from a programme open to them) outnumber, in persons, the seats of a single week. Seat rows for
    /// the other legs can never bind, so the planner starts with rows for these legs only and adds
    /// others if a plan would overfill them.
    static func legsThatMayFill(_ scenario: Scenario, previous: PreviousPlan?) -> Set<Int> {
        let index = ScenarioIndex(scenario)
        var generator = PathwayGenerator(index: index)
        var demand = [Int](repeating: 0, count: scenario.legs.count)
        for householdClass in householdClasses(of: scenario.households, previous: previous) {
            for leg in generator.usableLegs(for: householdClass) {
                demand[leg] += householdClass.count * householdClass.profile.size
            }
        }
        for commitment in scenario.commitments {
            // Committed households may hold seats in any week; count their legs too.
            for id in commitment.outboundLegs + commitment.onwardLegs {
                if let leg = scenario.legs.firstIndex(where: { $0.id == id }) { demand[leg] += 9 }
            }
        }
        return Set(scenario.legs.indices.filter { demand[$0] > scenario.legs[$0].seatsPerWeek })
    }
}
