// One trial of `passage stress`: the draws of docs/STRESS.md ("Draws") and its recovery rule
// ("Recovery"), applied to every planned move in household-id order.

/// A house, leg, programme or document service that caused trouble in a trial.
public struct StressCause: Sendable, Hashable, Codable, Comparable {
    /// What kind of resource it is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case house, leg, programme
        case documentService = "document_service"
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
    /// Households whose document step was refused: they stay where they are, without the document
    /// their pathway needs. Nil for a plan without document steps (and absent from its JSON).
    public var householdsDocumentRefused: Int?
    /// Weeks of delay summed over the households that reach their destination (in or after the horizon).
    public var delayWeeks: Int
    /// Cost of the person-weeks spent in safe houses beyond the plan.
    public var extraCost: Double
    /// The houses, legs, programmes and document services that caused trouble, sorted by kind and id.
    public var causes: [StressCause]
}

/// Runs trials of a study.
public struct StressSimulation: Sendable {
    public let input: StressInput
    public let seed: UInt64
    /// The itineraries with houses, legs, programmes and document services as indices into `input`'s
    /// arrays and the FNV-1a of each stream's name worked out once, not once per trial.
    private let moves: [Move]
    private let houseKeys: [UInt64]
    private let legKeys: [UInt64]

    private struct Move: Sendable {
        var persons: Int
        var house: Int
        var programme: Int
        var applicationKey: UInt64
        var outbound: [(leg: Int, week: Int)]
        var onward: [(leg: Int, week: Int)]
        var stayFromWeek: Int
        var stayToWeek: Int
        var arrivalWeek: Int
        /// The document service (index), the weeks the plan counts on and the household's stream key.
        var document: (service: Int, weeks: Int, key: UInt64)?
    }

    public init(input: StressInput, seed: UInt64) {
        self.input = input
        self.seed = seed
        let house = Dictionary(uniqueKeysWithValues: input.houses.enumerated().map { ($1.id, $0) })
        let leg = Dictionary(uniqueKeysWithValues: input.legs.enumerated().map { ($1.id, $0) })
        let programme = Dictionary(uniqueKeysWithValues: input.programmes.enumerated().map { ($1.id, $0) })
        let service = Dictionary(uniqueKeysWithValues: input.documentServices.enumerated().map { ($1.id, $0) })
        moves = input.itineraries.map { m in
            Move(
                persons: m.persons, house: house[m.houseID]!, programme: programme[m.programmeID]!,
                applicationKey: StressDraws.fnv1a("application/\(m.householdID)"),
                outbound: m.outbound.map { (leg[$0.legID]!, $0.week) },
                onward: m.onward.map { (leg[$0.legID]!, $0.week) },
                stayFromWeek: m.stayFromWeek, stayToWeek: m.stayToWeek, arrivalWeek: m.arrivalWeek,
                // A step applied for before week 1 is under way as planned: what has happened is not drawn.
                document: m.document.flatMap { step in
                    step.startWeek < 1
                        ? nil : (service[step.serviceID]!, step.weeks, StressDraws.fnv1a("document/\(m.householdID)"))
                })
        }
        houseKeys = input.houses.map { StressDraws.fnv1a("house/\($0.id)") }
        legKeys = input.legs.map { StressDraws.fnv1a("leg/\($0.id)") }
    }

    private var weeks: ClosedRange<Int> { 1...max(1, input.horizonWeeks) }

    /// The week each house (by index) closes for good in `trial`, if it does within the horizon: the
    /// first week 1…H whose draw from stream `house/ID` is below `closure_risk`.
    private func closures(trial: Int) -> [Int?] {
        input.houses.indices.map { index in
            let risk = input.houses[index].closureRisk
            guard risk > 0 else { return nil }
            var draws = StressDraws.stream(seed: seed, trial: trial, key: houseKeys[index])
            return weeks.first { _ in draws.bernoulli(risk) }
        }
    }

    /// For each leg (by index), whether week w's departures are cancelled in `trial` (index w; false
    /// outside 1…H): week w's draw from stream `leg/ID` (the w-th) is below `cancel_rate`.
    private func cancellations(trial: Int) -> [[Bool]] {
        input.legs.indices.map { index in
            let rate = input.legs[index].cancelRate
            guard rate > 0 else { return [] }
            var draws = StressDraws.stream(seed: seed, trial: trial, key: legKeys[index])
            return [false] + weeks.map { _ in draws.bernoulli(rate) }
        }
    }

    /// The weeks 1…H in which each leg's departures do not run in `trial`, by leg id.
    func cancelledWeeks(trial: Int) -> [String: Set<Int>] {
        let cancelled = cancellations(trial: trial)
        return Dictionary(
            uniqueKeysWithValues: input.legs.indices.map { index in
                (input.legs[index].id, Set(cancelled[index].indices.filter { cancelled[index][$0] }))
            })
    }

    /// Trial `trial` of the study.
    public func run(trial: Int) -> StressTrialOutcome {
        let closures = closures(trial: trial)
        let cancellations = cancellations(trial: trial)
        var outcome = StressTrialOutcome(
            trial: trial, householdsArrived: 0, personsArrived: 0, householdsLate: 0, householdsStranded: 0,
            householdsRefused: 0, householdsDocumentRefused: input.hasDocumentSteps ? 0 : nil, delayWeeks: 0,
            extraCost: 0, causes: [])
        // Households troubled per house, leg, programme and document service (by index).
        var houseTrouble = Array(repeating: 0, count: input.houses.count)
        var legTrouble = Array(repeating: 0, count: input.legs.count)
        var programmeTrouble = Array(repeating: 0, count: input.programmes.count)
        var serviceTrouble = Array(repeating: 0, count: input.documentServices.count)
        var troubledLegs: [Int] = []
        for move in moves {
            // The document step first: refusal, then the weeks until the document is held, both drawn
            // from the household's own stream `document/ID`, in that order. A refused household stays
            // where it is; a slower document pushes the whole journey back.
            var documentDelay = 0
            if let step = move.document {
                let service = input.documentServices[step.service]
                var draws = StressDraws.stream(seed: seed, trial: trial, key: step.key)
                let refused = draws.bernoulli(service.refusalRate)
                let weeks = draws.integer(in: service.weeks...service.weeksMax)
                documentDelay = max(0, weeks - step.weeks)
                if refused {
                    outcome.householdsDocumentRefused! += 1
                    serviceTrouble[step.service] += 1
                    continue
                }
                if documentDelay > 0 { serviceTrouble[step.service] += 1 }
            }
            let house = input.houses[move.house]
            let programme = input.programmes[move.programme]
            var houseTroubled = false
            var programmeTroubled = false
            troubledLegs.removeAll(keepingCapacity: true)
            /// Weeks the household waits for a departure of `leg` planned in `week`, from `delay` weeks late;
            /// nothing is cancelled outside weeks 1…H (past weeks have happened; after the horizon nothing
            /// is known).
            func waitFor(_ leg: Int, _ week: Int, delay: Int) -> Int {
                let cancelled = cancellations[leg]
                var waited = 0
                while case let w = week + delay + waited, w >= 1, w < cancelled.count, cancelled[w] { waited += 1 }
                if waited > 0 { troubledLegs.append(leg) }
                return waited
            }
            // Outbound: each cancelled week pushes the rest of the journey back a week.
            var delay = documentDelay
            for departure in move.outbound { delay += waitFor(departure.leg, departure.week, delay: delay) }
            // The application: refusal, then processing time, always both drawn in that order.
            var application = StressDraws.stream(seed: seed, trial: trial, key: move.applicationKey)
            let refused = application.bernoulli(programme.refusalRate)
            let processing = application.integer(in: programme.processingWeeks...programme.processingWeeksMax)
            let slower = processing - programme.processingWeeks
            if slower > 0 { programmeTroubled = true }
            // The stay: from the (maybe late) arrival, the planned weeks plus any slower processing, plus a
            // week for each cancelled departure of the first onward leg (the household keeps its bed).
            let plannedWeeks = move.stayToWeek - move.stayFromWeek + 1
            let arrival = move.stayFromWeek + delay
            let decision = arrival + plannedWeeks - 1 + slower  // Last week of processing.
            var afterStay = delay + slower
            var stayEnd = decision
            if !refused, let first = move.onward.first {
                let waited = waitFor(first.leg, first.week, delay: afterStay)
                stayEnd += waited
                afterStay += waited
            }
            var lastWeek = stayEnd
            var stranded = false
            if let closure = closures[move.house], closure <= stayEnd {
                stranded = true
                houseTroubled = true
                lastWeek = closure - 1
            } else if (arrival < move.stayFromWeek || stayEnd > move.stayToWeek)
                && (arrival...stayEnd).contains(where: { week in
                    !(move.stayFromWeek...move.stayToWeek).contains(week) && !house.isOpen(inWeek: week)
                }) || (stayEnd - arrival + 1 > plannedWeeks && stayEnd - arrival + 1 > (house.maxStayWeeks ?? Int.max))
            {
                // A bed needed outside the house's open weeks or beyond its longest stay is not there.
                stranded = true
            }
            let extraWeeks = max(0, lastWeek - arrival + 1 - plannedWeeks)
            outcome.extraCost += Double(extraWeeks * move.persons) * house.costPerPersonWeek
            if stranded {
                outcome.householdsStranded += 1
            } else if refused {
                outcome.householdsRefused += 1
                programmeTroubled = true
            } else {
                for departure in move.onward.dropFirst() {
                    afterStay += waitFor(departure.leg, departure.week, delay: afterStay)
                }
                outcome.delayWeeks += afterStay
                if move.arrivalWeek + afterStay <= input.horizonWeeks {
                    outcome.householdsArrived += 1
                    outcome.personsArrived += move.persons
                } else {
                    outcome.householdsLate += 1
                }
            }
            // Each cause counts once per household, however many weeks it cost.
            if houseTroubled { houseTrouble[move.house] += 1 }
            if programmeTroubled { programmeTrouble[move.programme] += 1 }
            if !troubledLegs.isEmpty { for leg in Set(troubledLegs) { legTrouble[leg] += 1 } }
        }
        func causes(_ kind: StressCause.Kind, _ ids: [String], _ counts: [Int]) -> [StressCause] {
            counts.indices.filter { counts[$0] > 0 }.map {
                StressCause(kind: kind, id: ids[$0], households: counts[$0])
            }
        }
        outcome.causes =
            (causes(.house, input.houses.map(\.id), houseTrouble)
            + causes(.leg, input.legs.map(\.id), legTrouble)
            + causes(.programme, input.programmes.map(\.id), programmeTrouble)
            + causes(.documentService, input.documentServices.map(\.id), serviceTrouble)).sorted()
        return outcome
    }
}
