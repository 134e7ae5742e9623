import PassageScenario

/// A document step a pathway begins with (docs/MODEL.md, "Document steps"): the household applies
/// at a document service where it is, in the pathway's start week, and leaves `weeks` weeks later
/// holding the service's document.
struct DocumentStep: Hashable, Sendable {
    /// Index into `scenario.documentServices`.
    var service: Int
    /// Weeks from applying to holding the document (the service's `weeks`).
    var weeks: Int
}

/// A transit stay a pathway makes on its way to where the application is lodged (docs/MODEL.md,
/// "Transit stays"): the household leaves home, travels the outbound route's first `legsBefore` legs
/// to a house that takes transit guests, stays there `weeks` weeks, then travels the rest.
struct TransitStay: Hashable, Sendable {
    /// Index into `scenario.safeHouses`.
    var house: Int
    /// Outbound legs travelled before the stay (at least 1: the household leaves home first).
    var legsBefore: Int
    /// Weeks after the week the household leaves home when the stay begins: ⌊days of those legs / 7⌋.
    var arrivalOffset: Int
    /// Length of the stay in weeks (1 … the house's `max_stay_weeks`).
    var weeks: Int
}

/// One way for a household class to move, independent of the week it starts: optionally a document
/// step where it is, legs to where the application is lodged, a safe-house stay for the processing
/// time, legs on to the destination.
struct Pathway: Sendable {
    var outbound: Route
    /// Index into `scenario.safeHouses`.
    var house: Int
    /// Index into `scenario.programmes`.
    var programme: Int
    var onward: Route
    /// Money per person: legs, the stay (processing weeks × weekly cost), the programme and the
    /// document step.
    var costPerPerson: Double
    /// Risk points per person: Σ over the legs travelled, and the document step's.
    var riskPerPerson: Double
    /// Weeks after the start week when the stay (and the application) begins: the document step's
    /// weeks and the outbound route's.
    var lodgeOffset: Int
    /// Length of the stay in weeks (the programme's processing time).
    var stayWeeks: Int
    /// Weeks after the start week when the onward legs begin.
    var onwardOffset: Int { lodgeOffset + stayWeeks }
    /// Weeks after the start week when the household arrives at its destination.
    var finishOffset: Int { onwardOffset + onward.arrivalWeekOffset }
    /// Whether the destination is one of the household's preferred countries.
    var reachesPreferredCountry: Bool
    /// When not nil, the safe house is not fixed: the model chooses one of these houses (indices into
    /// `scenario.safeHouses`, ascending) through a house pool, `house` is only the first of them, and
    /// `costPerPerson` leaves out the stay, which the pool's stay columns carry.
    var pooledHouses: [Int]? = nil
    /// The document step the pathway begins with, if any; with a transit stay, the step is taken
    /// during the stay, at the transit house's place.
    var document: DocumentStep? = nil
    /// The transit stay on the way, if any. `outbound` is then the whole way from home to where the
    /// application is lodged with the stay's weeks built into its timing (`Route.waiting`).
    var transit: TransitStay? = nil

    /// Whether the model chooses the safe house through a pool.
    var isPooled: Bool { pooledHouses != nil }
    /// Weeks after the start week when the household leaves (its first leg departs): the document
    /// step's weeks when it is taken at home, or 0.
    var departureOffset: Int { transit == nil ? document?.weeks ?? 0 : 0 }
    /// Weeks after the start week when the household applies for the document of its step: 0 at home,
    /// the transit stay's first week during a transit stay.
    var documentOffset: Int { transit?.arrivalOffset ?? 0 }
}

/// The pathways open to one class, each with the start weeks in which it fits the horizon, or, when
/// none is open, what blocks them.
struct ClassOptions: Sendable {
    var pathways: [Pathway] = []
    /// Start weeks per pathway, ascending; parallel to `pathways`.
    var startWeeks: [[Int]] = []
    /// Why pathways are closed (filled only when no pathway is open).
    var blockers: [Blocker] = []

    var isEmpty: Bool { pathways.isEmpty }
}

/// Generates, per class, every eligible pathway and start week (see docs/MODEL.md, "Pathways"),
/// and explains in words what blocks a class that has none.
///
/// With `reduction`, routes that another route beats in every respect the model can see are left
/// out, and the safe house is chosen through a pool rather than fixed in the pathway
/// (docs/MODEL.md, "The compact model").
struct PathwayGenerator {
    let index: ScenarioIndex
    private var routes: RouteFinder
    /// How pathways are reduced; nil enumerates every route and house combination.
    let reduction: PathwayReduction?
    /// The objective the pathways are generated for: with robust penalties, stays must also fit at
    /// the quantile of the processing time (docs/MODEL.md, "Robust plans").
    let objective: ObjectiveCoefficients

    init(index: ScenarioIndex, reduction: PathwayReduction? = nil, robust: RobustPenalties? = nil) {
        self.index = index
        self.reduction = reduction
        routes = RouteFinder(index: index)
        objective = ObjectiveCoefficients(weights: index.scenario.settings.objective, robust: robust)
    }

    /// Weeks a household lodging with programme `programme` must be able to stay: the processing
    /// time, or in a robust plan the processing time at the quantile.
    private func stayNeeded(_ programme: Int) -> Int {
        objective.robust?.stayWeeks(programme: programme) ?? scenario.programmes[programme].processingWeeks
    }

    private var scenario: Scenario { index.scenario }

    /// The options of `householdClass`.
    mutating func options(for householdClass: HouseholdClass) -> ClassOptions {
        let profile = householdClass.profile
        var result = ClassOptions()
        var blockers: [Blocker] = []
        if index.programmeOrder.isEmpty {
            blockers.append(Blocker(kind: .route, programmeID: nil, explanation: "the scenario has no visa programmes"))
        }
        addPathways(for: profile, document: nil, to: &result, blockers: &blockers)
        // Then the same with each document step open where the class is: only pathways that need the
        // new document (the rest are the ones above, later and dearer), and their blockers unsaid (the
        // class's own say what it lacks).
        var afterStep: [(service: DocumentService, blockers: [Blocker])] = []
        for step in documentSteps(for: profile) {
            var holder = profile
            holder.strongestDocument = scenario.documentServices[step.service].obtains
            var stepBlockers: [Blocker] = []
            addPathways(for: holder, document: step, needing: profile, to: &result, blockers: &stepBlockers)
            afterStep.append((scenario.documentServices[step.service], stepBlockers))
        }
        // Then pathways with a transit stay on the way (none without houses that take transit guests).
        if !index.transitHouses.isEmpty { addTransitPathways(for: profile, to: &result) }
        if result.pathways.isEmpty {
            result.blockers = blockers.map { withDocumentServices($0, afterStep: afterStep) }.sorted()
        }
        return result
    }

    /// `blocker` with, when it is a document a service where the household is would issue, what
    /// still closes the programme after that service's step (its timing, say): "requires a valid
    /// international passport; document service DS-GRZ in grozny issues one in 6 weeks, but then: …".
    private func withDocumentServices(
        _ blocker: Blocker, afterStep: [(service: DocumentService, blockers: [Blocker])]
    ) -> Blocker {
        guard blocker.kind == .documents, let id = blocker.programmeID,
            let required = scenario.programmes.first(where: { $0.id == id })?.documentsRequired
        else { return blocker }
        var explained = blocker
        for (service, blockers) in afterStep where service.obtains >= required {
            let then = blockers.filter { $0.programmeID == id }.map(\.explanation).joined(separator: "; ")
            explained.explanation +=
                "; document service \(service.id) in \(service.location) issues \(describe(service.obtains))"
                + " in \(service.weeks) week\(service.weeks == 1 ? "" : "s")"
                + (then.isEmpty ? "" : ", but then: \(then)")
        }
        return explained
    }

    /// The document steps a household of `profile` may begin with: services where it is that serve
    /// its nationality and the document it holds, in id order.
    func documentSteps(for profile: HouseholdProfile) -> [DocumentStep] {
        (index.servicesAt[profile.location] ?? []).compactMap { s in
            let service = scenario.documentServices[s]
            guard service.serves(nationality: profile.nationality, holding: profile.strongestDocument) else {
                return nil
            }
            return DocumentStep(service: s, weeks: service.weeks)
        }
    }

    /// Adds to `result` the pathways of a class of `profile` (with `document`, the step it begins
    /// with), and to `blockers` what closes each programme to it. With `original` (the class before
    /// the step), only pathways that need the step's document are added, and their routes are not
    /// reduced: a step's pathways are few, and keeping every route of them keeps the bound of large
    /// models (which prices other routes only for pathways without a step) valid.
    private mutating func addPathways(
        for profile: HouseholdProfile, document: DocumentStep?, needing original: HouseholdProfile? = nil,
        to result: inout ClassOptions, blockers: inout [Blocker]
    ) {
        let traveller = Traveller(profile)
        let without = original.map(Traveller.init)
        // Whether a pathway along these routes to this programme needs the step's document.
        func needsDocument(_ programme: VisaProgramme, _ routes: [Route]) -> Bool {
            guard let original, let without else { return true }
            if programme.documentsRequired > original.strongestDocument { return true }
            return routes.contains { $0.legs.contains { !without.mayUse(scenario.legs[$0], index: index) } }
        }
        let reduction = document == nil ? self.reduction : nil
        for programmeIndex in index.programmeOrder {
            let programme = scenario.programmes[programmeIndex]
            if let blocker = programmeBlocker(programme, profile: profile) {
                blockers.append(blocker)
                continue
            }
            let houses = (index.housesAt[programme.lodgedAt] ?? []).filter { houseIndex in
                let house = scenario.safeHouses[houseIndex]
                return Set(profile.needs).isSubset(of: house.needsSupported)
                    && (house.maxStayWeeks ?? Int.max) >= stayNeeded(programmeIndex)
            }
            if houses.isEmpty {
                blockers.append(houseBlocker(programme, profile: profile))
                continue
            }
            let outboundRoutes = routes.routes(from: profile.location, to: programme.lodgedAt, for: traveller)
            if outboundRoutes.isEmpty {
                blockers.append(routeBlocker(programme, from: profile.location, to: programme.lodgedAt))
                continue
            }
            let onwardRoutes = routes.routes(from: programme.lodgedAt, to: programme.arrival, for: traveller)
            if onwardRoutes.isEmpty {
                blockers.append(routeBlocker(programme, from: programme.lodgedAt, to: programme.arrival))
                continue
            }
            let before = result.pathways.count
            var anyTiming = false
            // A pathway joins the options with the start weeks worth moving in, if any.
            func keep(_ pathway: Pathway) {
                let weeks = startWeeks(of: pathway, profile: profile)
                anyTiming = anyTiming || !weeks.all.isEmpty
                if !weeks.worthMoving.isEmpty {
                    result.pathways.append(pathway)
                    result.startWeeks.append(weeks.worthMoving)
                }
            }
            if let reduction {
                if let previous = profile.previous, previous.programme == programme.id, previous.documentService == nil,
                    previous.transitHouse == nil
                {
                    // The previous pathway is kept as it was, whatever dominates it: staying on it is rewarded.
                    for pathway in previousPathway(
                        previous, outbound: outboundRoutes, houses: houses, programme: programmeIndex,
                        onward: onwardRoutes, profile: profile)
                    {
                        let weeks = startWeeks(of: pathway, profile: profile).worthMoving
                        if weeks.contains(previous.startWeek) {
                            result.pathways.append(pathway)
                            result.startWeeks.append([previous.startWeek])
                        }
                    }
                }
                let outboundKept = reduction.outboundRoutes(outboundRoutes)
                let onwardKept = reduction.onwardRoutes(onwardRoutes)
                let firstOfProgramme = result.pathways.count
                for outbound in outboundKept {
                    for onward in onwardKept {
                        // A robust plan prices a house's closure risk per household, which a pool's
                        // stay columns (shared by every urgency) cannot: houses with a risk get
                        // pathways of their own.
                        let alone =
                            objective.robust.map { robust in houses.filter { robust.closureRisk[$0] > 0 } } ?? []
                        let poolable = houses.filter { !alone.contains($0) }
                        var candidates: [Pathway] = []
                        if poolable.count > 1 {
                            var pooled = makePathway(outbound, poolable[0], programmeIndex, onward, profile: profile)
                            pooled.costPerPerson = Pathway.cost(outbound, stay: 0, programme, onward)
                            pooled.pooledHouses = poolable
                            candidates = [pooled]
                        } else if let house = poolable.first {
                            candidates = [makePathway(outbound, house, programmeIndex, onward, profile: profile)]
                        }
                        for house in alone {
                            candidates.append(makePathway(outbound, house, programmeIndex, onward, profile: profile))
                        }
                        for pathway in candidates { keep(pathway) }
                    }
                }
                keepBestPerLodgingWeek(&result, from: firstOfProgramme, reduction: reduction, profile: profile)
            } else if let document {
                if let previous = profile.previous, previous.programme == programme.id,
                    previous.documentService == scenario.documentServices[document.service].id,
                    previous.transitHouse == nil
                {
                    // The previous pathway as it was (its own house, not a pool): staying on it is rewarded.
                    for pathway in previousPathway(
                        previous, outbound: outboundRoutes, houses: houses, programme: programmeIndex,
                        onward: onwardRoutes, profile: profile, document: document)
                    where !pathway.isPooled && houses.count > 1 && self.reduction != nil && objective.robust == nil {
                        let weeks = startWeeks(of: pathway, profile: profile).worthMoving
                        if weeks.contains(previous.startWeek) {
                            result.pathways.append(pathway)
                            result.startWeeks.append([previous.startWeek])
                        }
                    }
                }
                for outbound in outboundRoutes {
                    for onward in onwardRoutes where needsDocument(programme, [outbound, onward]) {
                        // In the compact style a step's pathway still chooses its house through a pool
                        // (the pool's stay columns are the same for every way of lodging in a week).
                        let candidates: [Pathway]
                        if self.reduction != nil && objective.robust == nil && houses.count > 1 {
                            var pooled = makePathway(
                                outbound, houses[0], programmeIndex, onward, profile: profile, document: document)
                            pooled.costPerPerson = Pathway.cost(
                                outbound, stay: 0, programme, onward, document: pooled.service(in: scenario))
                            pooled.pooledHouses = houses
                            candidates = [pooled]
                        } else {
                            candidates = houses.map {
                                makePathway(outbound, $0, programmeIndex, onward, profile: profile, document: document)
                            }
                        }
                        for pathway in candidates { keep(pathway) }
                    }
                }
            } else {
                for outbound in outboundRoutes {
                    for house in houses {
                        for onward in onwardRoutes {
                            keep(makePathway(outbound, house, programmeIndex, onward, profile: profile))
                        }
                    }
                }
            }
            if result.pathways.count == before {
                blockers.append(
                    anyTiming
                        ? Blocker(
                            kind: .objective, programmeID: programme.id,
                            explanation:
                                "every pathway costs more in the objective (cost, risk, waiting) than moving gains")
                        : Blocker(
                            kind: .timing, programmeID: programme.id,
                            explanation:
                                "cannot finish within the \(scenario.settings.horizonWeeks)-week horizon from ready week \(profile.readyWeek) while a safe house is open and the programme accepts applications"
                        ))
            }
        }
    }

    /// Adds to `result` the pathways of a class of `profile` with a transit stay (docs/MODEL.md,
    /// "Transit stays"): for each house that takes transit guests, supports the class's needs and is
    /// not where the class is, every route there, a stay of 1 … `max_stay_weeks` weeks (or to the
    /// horizon), every route on to where a programme lodges applications, a lodging house and an
    /// onward route, each as eligible as without the stay. With a document service at the transit
    /// house's place that serves the class, also the same with the step taken during the stay (only
    /// where the document is needed, as for a step at home), the stay at least the step's weeks.
    /// Every route is kept (no dominance reduction): the bound of large models prices these
    /// pathways with the rows the model has, as it does a document step's.
    private mutating func addTransitPathways(for profile: HouseholdProfile, to result: inout ClassOptions) {
        let traveller = Traveller(profile)
        let horizon = scenario.settings.horizonWeeks
        for transitHouse in index.transitHouses {
            let house = scenario.safeHouses[transitHouse]
            guard house.location != profile.location, Set(profile.needs).isSubset(of: house.needsSupported) else {
                continue
            }
            let toHouse = routes.routes(from: profile.location, to: house.location, for: traveller)
            if toHouse.isEmpty { continue }
            // Going on as the class is, and with each document the services there would give it.
            var ways: [(holder: HouseholdProfile, step: DocumentStep?)] = [(profile, nil)]
            for s in index.servicesAt[house.location] ?? [] {
                let service = scenario.documentServices[s]
                guard service.serves(nationality: profile.nationality, holding: profile.strongestDocument) else {
                    continue
                }
                var holder = profile
                holder.location = house.location
                holder.strongestDocument = service.obtains
                ways.append((holder, DocumentStep(service: s, weeks: service.weeks)))
            }
            for (holder, step) in ways {
                let goingOn = Traveller(holder)
                let without = Traveller(profile)
                for programmeIndex in index.programmeOrder {
                    let programme = scenario.programmes[programmeIndex]
                    if programmeBlocker(programme, profile: holder) != nil { continue }
                    let houses = (index.housesAt[programme.lodgedAt] ?? []).filter { h in
                        let lodging = scenario.safeHouses[h]
                        return Set(profile.needs).isSubset(of: lodging.needsSupported)
                            && (lodging.maxStayWeeks ?? Int.max) >= stayNeeded(programmeIndex)
                    }
                    if houses.isEmpty { continue }
                    let fromHouse = routes.routes(from: house.location, to: programme.lodgedAt, for: goingOn)
                    let onwardRoutes = routes.routes(from: programme.lodgedAt, to: programme.arrival, for: goingOn)
                    if fromHouse.isEmpty || onwardRoutes.isEmpty { continue }
                    for first in toHouse {
                        // No place twice: the way there and the way on meet only at the transit house.
                        let before = Set(first.legs.map { scenario.legs[$0].from })
                        for second in fromHouse
                        where !second.legs.contains(where: { before.contains(scenario.legs[$0].to) }) {
                            for onward in onwardRoutes {
                                if step != nil {
                                    // A step only where its document is needed (else the same pathway
                                    // without it is cheaper and as early).
                                    let needed =
                                        programme.documentsRequired > profile.strongestDocument
                                        || (second.legs + onward.legs).contains {
                                            !without.mayUse(scenario.legs[$0], index: index)
                                        }
                                    if !needed { continue }
                                }
                                let longest = min(house.maxStayWeeks ?? horizon, horizon)
                                let shortest = max(1, step?.weeks ?? 1)
                                guard shortest <= longest else { continue }
                                for weeks in shortest...longest {
                                    for pathway in transitPathways(
                                        first, transitHouse, weeks, second, houses, programmeIndex, onward,
                                        profile: profile, step: step)
                                    {
                                        let starts = startWeeks(of: pathway, profile: profile).worthMoving
                                        if starts.isEmpty { continue }
                                        result.pathways.append(pathway)
                                        result.startWeeks.append(starts)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The pathways along `first`, a stay of `weeks` weeks in transit house `transitHouse`, `second`,
    /// a stay in one of `houses` for `programme`, and `onward`: one pathway choosing its lodging house
    /// through a pool where the compact style pools houses, else one per house.
    private func transitPathways(
        _ first: Route, _ transitHouse: Int, _ weeks: Int, _ second: Route, _ houses: [Int], _ programme: Int,
        _ onward: Route, profile: HouseholdProfile, step: DocumentStep?
    ) -> [Pathway] {
        let transit = TransitStay(
            house: transitHouse, legsBefore: first.legs.count, arrivalOffset: first.arrivalWeekOffset, weeks: weeks)
        let outbound = Route(first, waiting: weeks, then: second)
        func pathway(_ house: Int) -> Pathway {
            var pathway = makePathway(outbound, house, programme, onward, profile: profile, document: step)
            pathway.transit = transit
            // A step during the stay does not delay leaving home: the stay's weeks hold it.
            pathway.lodgeOffset = outbound.arrivalWeekOffset
            pathway.costPerPerson = Pathway.cost(
                outbound, stay: scenario.safeHouses[house].costPerPersonWeek * Double(pathway.stayWeeks),
                scenario.programmes[programme], onward, document: pathway.service(in: scenario),
                transit: pathway.transitCost(in: scenario))
            return pathway
        }
        if reduction != nil && objective.robust == nil && houses.count > 1 {
            var pooled = pathway(houses[0])
            pooled.costPerPerson = Pathway.cost(
                outbound, stay: 0, scenario.programmes[programme], onward, document: pooled.service(in: scenario),
                transit: pooled.transitCost(in: scenario))
            pooled.pooledHouses = houses
            return [pooled]
        }
        return houses.map(pathway)
    }

    /// Every leg of every route the class could take to or from a programme open to it, with its own
    /// documents or one a document step where it is would give it, whether or not a pathway through it
    /// fits the horizon.
    mutating func usableLegs(for householdClass: HouseholdClass) -> Set<Int> {
        var legs: Set<Int> = []
        // With the documents it holds, and with each it could obtain where it is (a document step).
        var profiles = [householdClass.profile]
        for step in documentSteps(for: householdClass.profile) {
            var holder = householdClass.profile
            holder.strongestDocument = scenario.documentServices[step.service].obtains
            profiles.append(holder)
        }
        for profile in profiles {
            let traveller = Traveller(profile)
            for programmeIndex in index.programmeOrder {
                let programme = scenario.programmes[programmeIndex]
                guard programmeBlocker(programme, profile: profile) == nil else { continue }
                for route in routes.routes(from: profile.location, to: programme.lodgedAt, for: traveller)
                    + routes.routes(from: programme.lodgedAt, to: programme.arrival, for: traveller)
                {
                    legs.formUnion(route.legs)
                }
            }
        }
        return legs
    }

    private func programmeBlocker(_ programme: VisaProgramme, profile: HouseholdProfile) -> Blocker? {
        if !programme.accepts(nationality: profile.nationality) {
            return Blocker(
                kind: .nationality, programmeID: programme.id,
                explanation: "does not accept nationality \(profile.nationality)")
        }
        if programme.documentsRequired > profile.strongestDocument {
            return Blocker(
                kind: .documents, programmeID: programme.id,
                explanation: "requires \(describe(programme.documentsRequired))")
        }
        let unserved = profile.needs.filter { !programme.needsServed.contains($0) }
        if !unserved.isEmpty {
            return Blocker(
                kind: .needs, programmeID: programme.id,
                explanation: "cannot serve needs: \(unserved.joined(separator: ", "))")
        }
        for country in [programme.destinationCountry, index.country(programme.lodgedAt)]
        where profile.excludedCountries.contains(country) {
            return Blocker(
                kind: .exclusion, programmeID: programme.id,
                explanation: "goes through or to \(country), which is excluded for this household")
        }
        return nil
    }

    private func houseBlocker(_ programme: VisaProgramme, profile: HouseholdProfile) -> Blocker {
        let houses = (index.housesAt[programme.lodgedAt] ?? []).map { scenario.safeHouses[$0] }
        if houses.isEmpty {
            return Blocker(
                kind: .safeHouse, programmeID: programme.id,
                explanation: "no safe house at \(programme.lodgedAt), where applications are lodged")
        }
        let supporting = houses.filter { Set(profile.needs).isSubset(of: $0.needsSupported) }
        if supporting.isEmpty {
            return Blocker(
                kind: .needs, programmeID: programme.id,
                explanation:
                    "no safe house at \(programme.lodgedAt) supports needs: \(profile.needs.joined(separator: ", "))")
        }
        return Blocker(
            kind: .safeHouse, programmeID: programme.id,
            explanation:
                "no safe house at \(programme.lodgedAt) allows a stay of \(programme.processingWeeks) weeks (processing time)"
        )
    }

    private func routeBlocker(_ programme: VisaProgramme, from: String, to: String) -> Blocker {
        Blocker(
            kind: .route, programmeID: programme.id,
            explanation:
                "no route from \(from) to \(to) of at most \(maximumLegsPerRoute) legs open to the household's documents, nationality and excluded countries"
        )
    }

    private func makePathway(
        _ outbound: Route, _ houseIndex: Int, _ programmeIndex: Int, _ onward: Route, profile: HouseholdProfile,
        document: DocumentStep? = nil
    ) -> Pathway {
        Pathway(
            outbound, house: houseIndex, programme: programmeIndex, onward, profile: profile, scenario: scenario,
            document: document)
    }

    /// Start weeks in which the pathway fits (ready, house open, application window open, finished
    /// within the horizon), and
    /// the prefix of them in which moving beats not moving in the objective.
    private func startWeeks(of pathway: Pathway, profile: HouseholdProfile) -> (all: [Int], worthMoving: [Int]) {
        let horizon = scenario.settings.horizonWeeks
        let programme = scenario.programmes[pathway.programme]
        let first = max(1, profile.readyWeek)
        let last = horizon - pathway.finishOffset
        guard first <= last else { return ([], []) }
        let weights = objective
        // The house must be open for the whole stay it may need (longer in a robust plan).
        let needed = stayNeeded(pathway.programme)
        var all: [Int] = []
        var worth: [Int] = []
        let houses = pathway.pooledHouses ?? [pathway.house]
        for week in first...last {
            let lodged = week + pathway.lodgeOffset
            guard programme.acceptsApplications(inWeek: lodged) else { continue }
            let stay = lodged...(lodged + needed - 1)
            // The cheapest house open throughout the stay (nil: none is).
            var cheapestOpen: Double?
            for house in houses where scenario.safeHouses[house].isOpen(throughout: stay) {
                let cost = scenario.safeHouses[house].costPerPersonWeek
                if cheapestOpen.map({ cost < $0 }) ?? true { cheapestOpen = cost }
            }
            guard let cheapestOpen else { continue }
            if let transit = pathway.transit {
                let arrives = week + transit.arrivalOffset
                guard scenario.safeHouses[transit.house].isOpen(throughout: arrives...(arrives + transit.weeks - 1))
                else { continue }
            }
            all.append(week)
            // A pooled pathway is worth moving when its cheapest open house makes it so.
            let stayCost =
                pathway.isPooled
                ? cheapestOpen * Double(pathway.stayWeeks) * weights.weights.cost * Double(profile.size)
                : 0
            if weights.move(pathway, week: week, profile: profile) + stayCost < weights.unmoved(profile) {
                worth.append(week)
            }
        }
        return (all, worth)
    }
}

extension PathwayGenerator {
    /// Among one programme's pathways from position `first` on whose routes use no seat row, keeps
    /// for each lodging week only the (pathway, start week) pairs no other pair beats: pairs lodging in
    /// the same week use the same beds, house pool and quota, so only their objective cost (waiting,
    /// lateness, money, risk) and, with a budget, their money tell them apart. Pathways left with no
    /// start week are dropped.
    fileprivate func keepBestPerLodgingWeek(
        _ result: inout ClassOptions, from first: Int, reduction: PathwayReduction, profile: HouseholdProfile
    ) {
        let weights = objective
        // Pairs by lodging week (start weeks lie in 1…horizon, so lodging weeks in 1…2·horizon), and
        // for each pathway the start weeks kept: arrays, not hashed keys, as this runs for every class.
        // Only pairs through the same house compete: a robust plan has pathways of one programme
        // through different houses (their own beds); otherwise every pathway of a programme has the same one.
        let horizon = scenario.settings.horizonWeeks
        var candidates = [[(pathway: Int, week: Int, house: Int, value: Double, money: Double)]](
            repeating: [], count: 2 * horizon + 2)
        var usesSeats = [Bool](repeating: false, count: result.pathways.count - first)
        for p in first..<result.pathways.count {
            usesSeats[p - first] = reduction.usesSeatRows(result.pathways[p])
            if usesSeats[p - first] { continue }
            let pathway = result.pathways[p]
            for week in result.startWeeks[p] {
                candidates[min(week + pathway.lodgeOffset, candidates.count - 1)].append(
                    (p, week, pathway.house, weights.move(pathway, week: week, profile: profile), pathway.costPerPerson)
                )
            }
        }
        var kept = [[Bool]](repeating: [], count: result.pathways.count - first)
        for pairs in candidates {
            for (i, a) in pairs.enumerated() {
                let beaten = pairs.indices.contains { j in
                    guard j != i, pairs[j].house == a.house else { return false }
                    let b = pairs[j]
                    let noWorse = b.value <= a.value && (!reduction.hasBudget || b.money <= a.money)
                    let better = b.value < a.value || (reduction.hasBudget && b.money < a.money)
                    return noWorse && (better || j < i)
                }
                if !beaten {
                    if kept[a.pathway - first].isEmpty {
                        kept[a.pathway - first] = [Bool](repeating: false, count: horizon + 1)
                    }
                    kept[a.pathway - first][a.week] = true
                }
            }
        }
        var position = first
        for p in first..<result.pathways.count {
            let keptWeeks = kept[p - first]
            let weeks =
                usesSeats[p - first]
                ? result.startWeeks[p] : keptWeeks.isEmpty ? [] : result.startWeeks[p].filter { keptWeeks[$0] }
            if weeks.isEmpty { continue }
            result.pathways[position] = result.pathways[p]
            result.startWeeks[position] = weeks
            position += 1
        }
        result.pathways.removeSubrange(position...)
        result.startWeeks.removeSubrange(position...)
    }

    /// The class's previous pathway (house, programme and legs as in `previous`), if still eligible.
    fileprivate func previousPathway(
        _ previous: PathwayKey, outbound: [Route], houses: [Int], programme: Int, onward: [Route],
        profile: HouseholdProfile, document: DocumentStep? = nil
    ) -> [Pathway] {
        let legIDs = { (route: Route) in route.legs.map { scenario.legs[$0].id } }
        guard let out = outbound.first(where: { legIDs($0) == previous.outbound }),
            let on = onward.first(where: { legIDs($0) == previous.onward }),
            let house = houses.first(where: { scenario.safeHouses[$0].id == previous.house })
        else { return [] }
        return [makePathway(out, house, programme, on, profile: profile, document: document)]
    }
}

extension Pathway {
    /// This pathway with its safe house fixed to `house` and the stay added to its cost.
    func staying(in house: Int, scenario: Scenario) -> Pathway {
        guard isPooled else { return self }
        var fixed = self
        fixed.house = house
        fixed.pooledHouses = nil
        fixed.costPerPerson = Pathway.cost(
            outbound, stay: scenario.safeHouses[house].costPerPersonWeek * Double(stayWeeks),
            scenario.programmes[programme], onward, document: service(in: scenario),
            transit: transitCost(in: scenario))
        return fixed
    }

    /// Money per person of the transit stay (its weeks × the transit house's weekly cost), if any.
    func transitCost(in scenario: Scenario) -> Double? {
        transit.map { scenario.safeHouses[$0.house].costPerPersonWeek * Double($0.weeks) }
    }

    /// The document service of the pathway's step, if it has one.
    func service(in scenario: Scenario) -> DocumentService? { document.map { scenario.documentServices[$0.service] } }

    /// Money per person: legs, stay, programme and document, always summed in this order so that a
    /// pooled pathway given its house costs exactly what the same pathway generated with it does.
    static func cost(
        _ outbound: Route, stay: Double, _ programme: VisaProgramme, _ onward: Route, document: DocumentService? = nil,
        transit: Double? = nil
    ) -> Double {
        let travel = outbound.costPerPerson + stay + programme.costPerPerson + onward.costPerPerson
        // Added only when there is a step or a transit stay: a pathway without them costs exactly
        // what it always has.
        let stepped = document.map { travel + $0.costPerPerson } ?? travel
        return transit.map { stepped + $0 } ?? stepped
    }

    /// Risk per person: the routes', and the document step's when there is one.
    static func risk(_ outbound: Route, _ onward: Route, document: DocumentService?) -> Double {
        let travel = outbound.riskPerPerson + onward.riskPerPerson
        return document.map { travel + $0.risk } ?? travel
    }

    /// The pathway beginning with `document` (if any), then along `outbound`, a stay in house
    /// `house` for programme `programme`'s processing time, and `onward`, with its cost and risk per
    /// person.
    init(
        _ outbound: Route, house: Int, programme: Int, _ onward: Route, profile: HouseholdProfile, scenario: Scenario,
        document: DocumentStep? = nil
    ) {
        let safeHouse = scenario.safeHouses[house]
        let visa = scenario.programmes[programme]
        let stayCost = safeHouse.costPerPersonWeek * Double(visa.processingWeeks)
        let service = document.map { scenario.documentServices[$0.service] }
        self.init(
            outbound: outbound, house: house, programme: programme, onward: onward,
            costPerPerson: Pathway.cost(outbound, stay: stayCost, visa, onward, document: service),
            riskPerPerson: Pathway.risk(outbound, onward, document: service),
            lodgeOffset: (document?.weeks ?? 0) + outbound.arrivalWeekOffset, stayWeeks: visa.processingWeeks,
            reachesPreferredCountry: profile.preferredCountries.contains(visa.destinationCountry), document: document)
    }
}

extension Pathway {
    /// This pathway (same house or pool, same programme) travelling `outbound` and `onward` instead.
    func travelling(_ outbound: Route, _ onward: Route, scenario: Scenario) -> Pathway {
        let visa = scenario.programmes[programme]
        let stay = isPooled ? 0 : scenario.safeHouses[house].costPerPersonWeek * Double(visa.processingWeeks)
        var pathway = self
        pathway.outbound = outbound
        pathway.onward = onward
        pathway.costPerPerson = Pathway.cost(
            outbound, stay: stay, visa, onward, document: service(in: scenario), transit: transitCost(in: scenario))
        pathway.riskPerPerson = Pathway.risk(outbound, onward, document: service(in: scenario))
        pathway.lodgeOffset = departureOffset + outbound.arrivalWeekOffset
        return pathway
    }
}

extension Route {
    /// The way along `first`, then after `weeks` weeks' wait where it ends, along `second`: the legs
    /// of `second` depart `⌊days of first / 7⌋ + weeks` weeks later than they would alone, and the
    /// route ends that much later (`days` counts the wait as whole weeks), so everything that reads a
    /// route's timing (seats, lodging week, itinerary) reads the wait in it (a transit stay).
    init(_ first: Route, waiting weeks: Int, then second: Route) {
        let resume = first.arrivalWeekOffset + weeks
        self.init(
            legs: first.legs + second.legs, days: 7 * resume + second.days,
            costPerPerson: first.costPerPerson + second.costPerPerson,
            riskPerPerson: first.riskPerPerson + second.riskPerPerson,
            legWeekOffsets: first.legWeekOffsets + second.legWeekOffsets.map { resume + $0 })
    }
}

/// Words for a document requirement.
func describe(_ document: DocumentKind) -> String {
    switch document {
    case .none: "no document"
    case .internalID: "an internal ID"
    case .internationalPassport: "a valid international passport"
    }
}
