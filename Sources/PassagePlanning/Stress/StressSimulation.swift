// One trial of `passage stress`: the draws of docs/STRESS.md ("Draws") and its recovery rule
// ("Recovery"), applied to every planned move in household-id order.

/// A house, leg or programme that caused trouble in a trial.
public struct StressCause: Sendable, Hashable, Codable, Comparable {
    /// What kind of resource it is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case house, leg, programme
    }

    public var kind: Kind
    public var id: String
    /// Households it delayed, stranded or refused in the trial.
    public var households: Int

    public init(kind: Kind, id: String, households: Int) {
        self.kind = kind
        self.id = id
        self.households = households
    }

    public static func < (a: StressCause, b: StressCause) -> Bool {
        (a.kind.rawValue, a.id) < (b.kind.rawValue, b.id)
    }
}

/// What happened to the plan in one trial: counts only, no household ids.
public struct StressTrialOutcome: Sendable, Hashable, Codable {
    public var trial: Int
    /// Households and persons that reach their destination within the horizon.
    public var householdsArrived: Int
    public var personsArrived: Int
    /// Households that reach their destination, but only after the horizon.
    public var householdsLate: Int
    /// Households left without a bed: their house closed before or while they were in it, or their stay
    /// ran past the house's open weeks or its maximum stay.
    public var householdsStranded: Int
    /// Households whose application was refused: back to waiting.
    public var householdsRefused: Int
    /// Weeks of delay summed over the households that reach their destination (in or after the horizon).
    public var delayWeeks: Int
    /// Cost of the person-weeks spent in safe houses beyond the plan.
    public var extraCost: Double
    /// The houses, legs and programmes that caused trouble, sorted by kind and id.
    public var causes: [StressCause]
}

/// Runs trials of a study.
public struct StressSimulation: Sendable {
    public let input: StressInput
    public let seed: UInt64
    private let houses: [String: StressHouse]
    private let legs: [String: StressLeg]
    private let programmes: [String: StressProgramme]

    public init(input: StressInput, seed: UInt64) {
        self.input = input
        self.seed = seed
        houses = Dictionary(uniqueKeysWithValues: input.houses.map { ($0.id, $0) })
        legs = Dictionary(uniqueKeysWithValues: input.legs.map { ($0.id, $0) })
        programmes = Dictionary(uniqueKeysWithValues: input.programmes.map { ($0.id, $0) })
    }

    /// The week each house closes for good in `trial`, if it does within the horizon: the first week
    /// 1…H whose draw from stream `house/ID` is below `closure_risk`.
    func closureWeeks(trial: Int) -> [String: Int] {
        var weeks: [String: Int] = [:]
        for house in input.houses where house.closureRisk > 0 {
            var draws = StressDraws.stream(seed: seed, trial: trial, name: "house/\(house.id)")
            for week in 1...max(1, input.horizonWeeks) where draws.bernoulli(house.closureRisk) {
                weeks[house.id] = week
                break
            }
        }
        return weeks
    }

    /// The weeks 1…H in which each leg's departures do not run in `trial`: week w's draw from stream
    /// `leg/ID` (the w-th) is below `cancel_rate`.
    func cancelledWeeks(trial: Int) -> [String: Set<Int>] {
        var cancelled: [String: Set<Int>] = [:]
        for leg in input.legs where leg.cancelRate > 0 {
            var draws = StressDraws.stream(seed: seed, trial: trial, name: "leg/\(leg.id)")
            var weeks: Set<Int> = []
            for week in 1...max(1, input.horizonWeeks) where draws.bernoulli(leg.cancelRate) { weeks.insert(week) }
            cancelled[leg.id] = weeks
        }
        return cancelled
    }

    /// Trial `trial` of the study.
    public func run(trial: Int) -> StressTrialOutcome {
        let closures = closureWeeks(trial: trial)
        let cancellations = cancelledWeeks(trial: trial)
        var outcome = StressTrialOutcome(
            trial: trial, householdsArrived: 0, personsArrived: 0, householdsLate: 0, householdsStranded: 0,
            householdsRefused: 0, delayWeeks: 0, extraCost: 0, causes: [])
        var troubled: [StressCause: Int] = [:]  // Keyed with households = 0.
        for move in input.itineraries {
            let house = houses[move.houseID]!
            let programme = programmes[move.programmeID]!
            var causes: [(StressCause.Kind, String)] = []
            /// Weeks the household waits for `departure` to run, from `delay` weeks late; no draws
            /// outside weeks 1…H (past weeks have happened; after the horizon nothing is known).
            func waitFor(_ departure: StressDeparture, delay: Int) -> Int {
                var waited = 0
                while let weeks = cancellations[departure.legID], weeks.contains(departure.week + delay + waited) {
                    waited += 1
                }
                if waited > 0 { causes.append((.leg, departure.legID)) }
                return waited
            }
            // Outbound: each cancelled week pushes the rest of the journey back a week.
            var delay = 0
            for departure in move.outbound { delay += waitFor(departure, delay: delay) }
            // The application: refusal, then processing time, always both drawn in that order.
            var application = StressDraws.stream(seed: seed, trial: trial, name: "application/\(move.householdID)")
            let refused = application.bernoulli(programme.refusalRate)
            let processing = application.integer(in: programme.processingWeeks...programme.processingWeeksMax)
            let slower = processing - programme.processingWeeks
            if slower > 0 { causes.append((.programme, programme.id)) }
            // The stay: from the (maybe late) arrival, the planned weeks plus any slower processing, plus a
            // week for each cancelled departure of the first onward leg (the household keeps its bed).
            let plannedWeeks = move.stayToWeek - move.stayFromWeek + 1
            let arrival = move.stayFromWeek + delay
            var lastWeek = arrival + plannedWeeks - 1 + slower
            var stranded = false
            var afterStay = delay + slower
            if !refused, let first = move.onward.first {
                let waited = waitFor(first, delay: afterStay)
                lastWeek += waited
                afterStay += waited
            }
            let decision = arrival + plannedWeeks - 1 + slower  // Last week of processing.
            let stayEnd = refused ? decision : lastWeek
            if let closure = closures[house.id], closure <= stayEnd {
                stranded = true
                causes.append((.house, house.id))
                lastWeek = closure - 1
            } else if (arrival...stayEnd).contains(where: { week in
                !(move.stayFromWeek...move.stayToWeek).contains(week) && !house.isOpen(inWeek: week)
            }) || (stayEnd - arrival + 1 > plannedWeeks && stayEnd - arrival + 1 > (house.maxStayWeeks ?? Int.max)) {
                // A bed needed outside the house's open weeks or beyond its longest stay is not there.
                stranded = true
            } else {
                lastWeek = stayEnd
            }
            let extraWeeks = max(0, lastWeek - arrival + 1 - plannedWeeks)
            outcome.extraCost += Double(extraWeeks * move.persons) * house.costPerPersonWeek
            if stranded {
                outcome.householdsStranded += 1
            } else if refused {
                outcome.householdsRefused += 1
                causes.append((.programme, programme.id))
            } else {
                for departure in move.onward.dropFirst() { afterStay += waitFor(departure, delay: afterStay) }
                outcome.delayWeeks += afterStay
                if move.arrivalWeek + afterStay <= input.horizonWeeks {
                    outcome.householdsArrived += 1
                    outcome.personsArrived += move.persons
                } else {
                    outcome.householdsLate += 1
                }
            }
            // Each cause counts once per household, however many weeks it cost.
            for cause in Set(causes.map { StressCause(kind: $0.0, id: $0.1, households: 0) }) {
                troubled[cause, default: 0] += 1
            }
        }
        outcome.causes = troubled.map { StressCause(kind: $0.key.kind, id: $0.key.id, households: $0.value) }.sorted()
        return outcome
    }
}
