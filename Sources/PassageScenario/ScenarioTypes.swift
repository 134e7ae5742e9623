// The domain of a relocation scenario, as loaded and validated from a scenario folder.
// Documented column by column in docs/SCENARIO.md.

/// A travel or residence document, ordered from weakest to strongest.
///
/// A stronger document satisfies a weaker requirement: a valid international passport is accepted
/// wherever an internal ID is (as under Eurasian Economic Union entry rules).
public enum DocumentKind: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case none
    case internalID = "internal_id"
    case internationalPassport = "international_passport"

    private var rank: Int {
        switch self {
        case .none: 0
        case .internalID: 1
        case .internationalPassport: 2
        }
    }
    public static func < (a: DocumentKind, b: DocumentKind) -> Bool { a.rank < b.rank }
}

/// The state of a household's international passport.
public enum PassportStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case valid, expired, none
}

/// Which document a leg or programme requires, per nationality.
///
/// `byNationality` maps nationality codes to a document; `fallback` (written `*`) applies to every
/// other nationality; a nationality with neither may not use the leg at all.
public struct DocumentRule: Sendable, Hashable {
    public var byNationality: [String: DocumentKind]
    public var fallback: DocumentKind?

    public init(byNationality: [String: DocumentKind] = [:], fallback: DocumentKind?) {
        self.byNationality = byNationality
        self.fallback = fallback
    }

    /// The document a holder of `nationality` needs, or nil when that nationality is not admitted.
    public func requirement(for nationality: String) -> DocumentKind? {
        byNationality[nationality] ?? fallback
    }
}

/// A household (a case): persons who move together and are never split.
///
/// Only a pseudonymous id identifies it; the loader refuses columns that look like names or contacts.
public struct Household: Sendable, Hashable {
    public var id: String
    /// Persons in the household (≥ 1).
    public var size: Int
    /// Location id where the household is now.
    public var location: String
    /// 1 = immediate threat to life … 4 = elevated.
    public var urgency: Int
    /// First week (1-based) in which the household can travel.
    public var readyWeek: Int
    /// Nationality code (e.g. RU).
    public var nationality: String
    public var passport: PassportStatus
    /// Whether the household holds a valid internal ID / internal passport.
    public var hasInternalID: Bool
    /// Needs tags (sorted, unique), e.g. medical, wheelchair, hiv_care, minor.
    public var needs: [String]
    /// Country codes the household must not enter, even in transit (sorted, unique).
    public var excludedCountries: [String]
    /// Country codes the household would prefer as destination (sorted, unique).
    public var preferredCountries: [String]
    /// Latest week in which the household can still leave safely (threat escalating, document
    /// expiring), or nil. Leaving later is possible but penalised as lateness; see docs/MODEL.md.
    public var latestDepartureWeek: Int?

    public init(
        id: String, size: Int, location: String, urgency: Int, readyWeek: Int, nationality: String,
        passport: PassportStatus, hasInternalID: Bool, needs: [String] = [], excludedCountries: [String] = [],
        preferredCountries: [String] = [], latestDepartureWeek: Int? = nil
    ) {
        self.latestDepartureWeek = latestDepartureWeek
        self.id = id
        self.size = size
        self.location = location
        self.urgency = urgency
        self.readyWeek = readyWeek
        self.nationality = nationality
        self.passport = passport
        self.hasInternalID = hasInternalID
        self.needs = Array(Set(needs)).sorted()
        self.excludedCountries = Array(Set(excludedCountries)).sorted()
        self.preferredCountries = Array(Set(preferredCountries)).sorted()
    }

    /// The strongest document the household holds.
    public var strongestDocument: DocumentKind {
        if passport == .valid { return .internationalPassport }
        return hasInternalID ? .internalID : .none
    }

    /// Whether the household's documents satisfy `requirement`.
    public func holds(_ requirement: DocumentKind) -> Bool { requirement <= strongestDocument }
}

/// The role of a location in the network.
public enum LocationKind: String, Sendable, Hashable, CaseIterable, Codable {
    case origin, city, border, hub, destination
}

/// A place: origin region, city, border point, transit hub or destination.
public struct Location: Sendable, Hashable {
    public var id: String
    /// Country code (ISO 3166-1 alpha-2).
    public var country: String
    public var kind: LocationKind
    public var latitude: Double?
    public var longitude: Double?

    public init(id: String, country: String, kind: LocationKind, latitude: Double? = nil, longitude: Double? = nil) {
        self.id = id
        self.country = country
        self.kind = kind
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// A safe house where households wait while their application is processed.
public struct SafeHouse: Sendable, Hashable {
    public var id: String
    /// Location id.
    public var location: String
    /// Persons it can shelter in any one week.
    public var beds: Int
    /// First week it is open (1-based).
    public var openFromWeek: Int
    /// Last week it is open, or nil when open to the end of the horizon.
    public var openUntilWeek: Int?
    /// Cost per person per week.
    public var costPerPersonWeek: Double
    /// Longest stay in weeks, or nil for no limit.
    public var maxStayWeeks: Int?
    /// Needs tags it can support (sorted, unique).
    public var needsSupported: [String]
    /// Weeks inside the open window when the house is closed all the same (sorted, not overlapping).
    /// Only what-if change files set this (docs/WHATIF.md): `safe_houses.csv` has one open window per
    /// house, so a scenario written out keeps the window and not these weeks.
    public var closedWeeks: [ClosedRange<Int>]
    /// Probability (0–1) that the house must close in any one week, for the rest of the horizon; nil
    /// when the scenario does not say (no risk). Only `passage stress` and robust plans use it
    /// (docs/STRESS.md).
    public var closureRisk: Double?
    /// Whether the house also takes transit guests: households on their way to where they lodge an
    /// application, staying 1 week up to `maxStayWeeks` (docs/MODEL.md, "Transit stays"). Every house
    /// takes lodging guests at its place as before; `transit` in `safe_houses.csv`, `no` when absent.
    public var takesTransitGuests: Bool

    public init(
        id: String, location: String, beds: Int, openFromWeek: Int = 1, openUntilWeek: Int? = nil,
        costPerPersonWeek: Double, maxStayWeeks: Int? = nil, needsSupported: [String] = [],
        closedWeeks: [ClosedRange<Int>] = [], closureRisk: Double? = nil, takesTransitGuests: Bool = false
    ) {
        self.closedWeeks = closedWeeks
        self.takesTransitGuests = takesTransitGuests
        self.closureRisk = closureRisk
        self.id = id
        self.location = location
        self.beds = beds
        self.openFromWeek = openFromWeek
        self.openUntilWeek = openUntilWeek
        self.costPerPersonWeek = costPerPersonWeek
        self.maxStayWeeks = maxStayWeeks
        self.needsSupported = Array(Set(needsSupported)).sorted()
    }

    /// Whether the house is open in every week of `weeks`: inside its open window and in none of its
    /// closed weeks.
    public func isOpen(throughout weeks: ClosedRange<Int>) -> Bool {
        weeks.lowerBound >= openFromWeek && weeks.upperBound <= (openUntilWeek ?? Int.max)
            && !closedWeeks.contains { $0.overlaps(weeks) }
    }
}

/// How a leg is travelled.
public enum TravelMode: String, Sendable, Hashable, CaseIterable, Codable {
    case road, rail, air, sea
}

/// A scheduled or arranged connection between two locations.
public struct RouteLeg: Sendable, Hashable {
    public var id: String
    /// Location ids.
    public var from: String
    public var to: String
    public var mode: TravelMode
    /// Travel time in days (0 for a same-day crossing).
    public var durationDays: Int
    public var costPerPerson: Double
    /// Persons it can carry per week.
    public var seatsPerWeek: Int
    /// Documents required to use it (to board and to enter the destination country), per nationality.
    public var documents: DocumentRule
    /// Risk score per person using the leg (0 = negligible … 10 = severe).
    public var risk: Double
    /// Probability (0–1) that a given week's departures do not run; nil when the scenario does not say
    /// (they always run). Only `passage stress` uses it (docs/STRESS.md).
    public var cancelRate: Double?

    public init(
        id: String, from: String, to: String, mode: TravelMode, durationDays: Int, costPerPerson: Double,
        seatsPerWeek: Int, documents: DocumentRule, risk: Double, cancelRate: Double? = nil
    ) {
        self.cancelRate = cancelRate
        self.id = id
        self.from = from
        self.to = to
        self.mode = mode
        self.durationDays = durationDays
        self.costPerPerson = costPerPerson
        self.seatsPerWeek = seatsPerWeek
        self.documents = documents
        self.risk = risk
    }
}

/// Over which period a programme's quota counts persons.
public enum QuotaPeriod: String, Sendable, Hashable, CaseIterable, Codable {
    /// The quota is for the whole planning horizon.
    case horizon
    /// The quota is per calendar month of lodging.
    case month
}

/// A humanitarian visa or admission programme.
public struct VisaProgramme: Sendable, Hashable {
    public var id: String
    /// Country code of the destination.
    public var destinationCountry: String
    /// Location id where applications are lodged (an embassy in a transit capital).
    public var lodgedAt: String
    /// Location id where admitted households arrive (in the destination country).
    public var arrival: String
    /// Persons admitted per quota period.
    public var quota: Int
    public var quotaPeriod: QuotaPeriod
    /// Weeks between lodging and travel to the destination (≥ 1).
    public var processingWeeks: Int
    /// Eligible nationality codes (sorted); empty means any nationality.
    public var nationalities: [String]
    /// Document an applicant must hold.
    public var documentsRequired: DocumentKind
    /// Needs tags the programme can serve (sorted, unique).
    public var needsServed: [String]
    public var costPerPerson: Double
    /// First and last week (inclusive) in which applications may be lodged; nil = no limit.
    public var applicationFromWeek: Int?
    public var applicationUntilWeek: Int?
    /// The slowest processing seen, in weeks (≥ `processingWeeks`); nil when the scenario does not say
    /// (processing takes exactly `processingWeeks`). Only `passage stress` and robust plans use it
    /// (docs/STRESS.md).
    public var processingWeeksMax: Int?
    /// Fraction (0–1) of applications refused; nil when the scenario does not say (none).
    public var refusalRate: Double?

    public init(
        id: String, destinationCountry: String, lodgedAt: String, arrival: String, quota: Int,
        quotaPeriod: QuotaPeriod, processingWeeks: Int, nationalities: [String] = [],
        documentsRequired: DocumentKind, needsServed: [String] = [], costPerPerson: Double,
        applicationFromWeek: Int? = nil, applicationUntilWeek: Int? = nil, processingWeeksMax: Int? = nil,
        refusalRate: Double? = nil
    ) {
        self.processingWeeksMax = processingWeeksMax
        self.refusalRate = refusalRate
        self.applicationFromWeek = applicationFromWeek
        self.applicationUntilWeek = applicationUntilWeek
        self.id = id
        self.destinationCountry = destinationCountry
        self.lodgedAt = lodgedAt
        self.arrival = arrival
        self.quota = quota
        self.quotaPeriod = quotaPeriod
        self.processingWeeks = processingWeeks
        self.nationalities = Array(Set(nationalities)).sorted()
        self.documentsRequired = documentsRequired
        self.needsServed = Array(Set(needsServed)).sorted()
        self.costPerPerson = costPerPerson
    }

    /// Whether `nationality` may apply.
    public func accepts(nationality: String) -> Bool { nationalities.isEmpty || nationalities.contains(nationality) }

    /// Whether an application may be lodged in `week` (the application window).
    public func acceptsApplications(inWeek week: Int) -> Bool {
        week >= (applicationFromWeek ?? Int.min) && week <= (applicationUntilWeek ?? Int.max)
    }
}

/// A quota several programmes share: every person lodged with any of its programmes counts toward it,
/// as well as toward the programme's own quota (docs/SCENARIO.md, `shared_quotas.csv`).
public struct SharedQuota: Sendable, Hashable {
    public var id: String
    /// Persons who may be lodged per period, with all its programmes together.
    public var quota: Int
    public var quotaPeriod: QuotaPeriod
    /// Ids of the programmes that count toward it (sorted, unique, at least one).
    public var programmeIDs: [String]

    public init(id: String, quota: Int, quotaPeriod: QuotaPeriod, programmeIDs: [String]) {
        self.id = id
        self.quota = quota
        self.quotaPeriod = quotaPeriod
        self.programmeIDs = Array(Set(programmeIDs)).sorted()
    }

    /// `sharedQuotas` with only the programmes among `programmes`, each left with none dropped: what
    /// remains of them once programmes are removed (a what-if change, a window closed before `advance`).
    public static func remaining(_ sharedQuotas: [SharedQuota], programmes: [VisaProgramme]) -> [SharedQuota] {
        let remaining = Set(programmes.map(\.id))
        var kept: [SharedQuota] = []
        for shared in sharedQuotas {
            var left = shared
            left.programmeIDs = shared.programmeIDs.filter { remaining.contains($0) }
            if !left.programmeIDs.isEmpty { kept.append(left) }
        }
        return kept
    }
}

/// A calendar date without time zone (the Monday that starts week 1).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// ISO 8601 form, YYYY-MM-DD.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic without Foundation time zones.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The date `days` later.
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }
}

/// Weights of the objective, which Passage minimises (see docs/MODEL.md).
public struct ObjectiveWeights: Sendable, Hashable {
    /// Penalty per person left unmoved, by urgency tier 1…4 (index 0 = tier 1).
    public var urgencyWeights: [Double]
    /// Penalty per person per week of waiting after the ready week, as a fraction of the urgency weight.
    public var waitingPerWeek: Double
    /// Penalty per currency unit spent.
    public var cost: Double
    /// Penalty per risk point per person.
    public var risk: Double
    /// Reward per person who reaches one of their preferred countries.
    public var preferredCountry: Double
    /// Penalty per person per week of leaving after the household's latest safe departure week, as a
    /// fraction of the urgency weight (on top of `waitingPerWeek`).
    public var latenessPerWeek: Double
    /// When re-planning against a previous plan: how much a change of one household's pathway must
    /// improve the objective before the planner makes it (0 = no preference for the previous plan).
    public var changePenalty: Double
    /// Penalty per person per week spent in a transit stay, as a fraction of the urgency weight, as
    /// set in the scenario (`transit_waiting_per_week`); nil when it is not set, and then half of
    /// `waitingPerWeek` applies (`transitWaiting`).
    public var transitWaitingPerWeek: Double?

    /// The penalty per person per week of a transit stay that the objective uses: the one set, or half
    /// of `waitingPerWeek`.
    public var transitWaiting: Double { transitWaitingPerWeek ?? waitingPerWeek / 2 }

    public init(
        urgencyWeights: [Double] = [1000, 400, 150, 50], waitingPerWeek: Double = 0.02, cost: Double = 0.01,
        risk: Double = 1, preferredCountry: Double = 5, latenessPerWeek: Double = 0.1, changePenalty: Double = 50,
        transitWaitingPerWeek: Double? = nil
    ) {
        self.changePenalty = changePenalty
        self.transitWaitingPerWeek = transitWaitingPerWeek
        self.latenessPerWeek = latenessPerWeek
        self.urgencyWeights = urgencyWeights
        self.waitingPerWeek = waitingPerWeek
        self.cost = cost
        self.risk = risk
        self.preferredCountry = preferredCountry
    }

    /// The weight of one person of `urgency` tier (1…4).
    public func urgencyWeight(_ urgency: Int) -> Double { urgencyWeights[urgency - 1] }
}

/// Limits for the solver.
public struct SolverLimits: Sendable, Hashable {
    /// Wall-clock limit in seconds.
    public var timeLimitSeconds: Double?
    /// Relative MIP gap at which the solver may stop (0 = prove optimality).
    public var mipGap: Double?
    /// The solver to plan with (`backend`), or nil for the default (GLPK); `--solver` overrides it.
    public var backend: SolverBackendName?

    public init(timeLimitSeconds: Double? = 60, mipGap: Double? = 0, backend: SolverBackendName? = nil) {
        self.timeLimitSeconds = timeLimitSeconds
        self.mipGap = mipGap
        self.backend = backend
    }
}

/// A solver Passage can plan with, as named in `scenario.toml` (`[solver] backend`) and `--solver`.
public enum SolverBackendName: String, Sendable, Hashable, CaseIterable {
    /// GLPK 5, linked in: the default.
    case glpk
    /// HiGHS, loaded at run time when installed (`pip install highsbox`).
    case highs
}

/// The settings file of a scenario (`scenario.toml`).
public struct ScenarioSettings: Sendable, Hashable {
    /// A short title for reports.
    public var title: String
    /// The Monday that starts week 1.
    public var startDate: CalendarDate
    /// Planning horizon in weeks: every move must finish within it.
    public var horizonWeeks: Int
    /// Total money available over the horizon, or nil for no budget limit.
    public var budget: Double?
    /// Currency of every cost (e.g. EUR).
    public var currency: String
    public var objective: ObjectiveWeights
    public var solver: SolverLimits

    public init(
        title: String, startDate: CalendarDate, horizonWeeks: Int, budget: Double?, currency: String = "EUR",
        objective: ObjectiveWeights = ObjectiveWeights(), solver: SolverLimits = SolverLimits()
    ) {
        self.title = title
        self.startDate = startDate
        self.horizonWeeks = horizonWeeks
        self.budget = budget
        self.currency = currency
        self.objective = objective
        self.solver = solver
    }

    /// The date week `week` (1-based) starts.
    public func startOfWeek(_ week: Int) -> CalendarDate { startDate.adding(days: 7 * (week - 1)) }
}

/// A household already under way (tickets bought, in a safe house, application lodged): its whole
/// pathway is fixed and the rest of the plan is made around it. See docs/SCENARIO.md, commitments.csv.
public struct Commitment: Sendable, Hashable {
    public var householdID: String
    /// The week the household left (or leaves); 0 or less when it left before this planning round.
    public var startWeek: Int
    /// Leg ids from the household's location to where the application is lodged.
    public var outboundLegs: [String]
    public var safeHouseID: String
    public var programmeID: String
    /// Leg ids from the lodging place to the programme's arrival location.
    public var onwardLegs: [String]
    /// The document service the pathway begins with (`document_services.csv`), or nil. With one,
    /// `startWeek` is the week the household applied for the document, and it leaves when the service's
    /// weeks are over.
    public var documentServiceID: String?
    /// The house of the transit stay on the way (docs/MODEL.md, "Transit stays"), or nil: the stay
    /// begins where the outbound legs first reach its place, and lasts `transitWeeks` weeks; a document
    /// step is then taken during it.
    public var transitHouseID: String?
    /// Weeks of the transit stay (with `transitHouseID`).
    public var transitWeeks: Int?

    public init(
        householdID: String, startWeek: Int, outboundLegs: [String], safeHouseID: String, programmeID: String,
        onwardLegs: [String], documentServiceID: String? = nil, transitHouseID: String? = nil,
        transitWeeks: Int? = nil
    ) {
        self.documentServiceID = documentServiceID
        self.transitHouseID = transitHouseID
        self.transitWeeks = transitWeeks
        self.householdID = householdID
        self.startWeek = startWeek
        self.outboundLegs = outboundLegs
        self.safeHouseID = safeHouseID
        self.programmeID = programmeID
        self.onwardLegs = onwardLegs
    }
}

/// A complete, validated scenario: settings and tables.
public struct Scenario: Sendable, Hashable {
    public var settings: ScenarioSettings
    public var households: [Household]
    public var locations: [Location]
    public var safeHouses: [SafeHouse]
    public var legs: [RouteLeg]
    public var programmes: [VisaProgramme]
    /// Households already under way, at most one commitment each.
    public var commitments: [Commitment]
    /// Quotas several programmes share (`shared_quotas.csv`); empty when the scenario has none.
    public var sharedQuotas: [SharedQuota]
    /// Where households can obtain a stronger document (`document_services.csv`); empty when the
    /// scenario has none.
    public var documentServices: [DocumentService]

    public init(
        settings: ScenarioSettings, households: [Household], locations: [Location], safeHouses: [SafeHouse],
        legs: [RouteLeg], programmes: [VisaProgramme], commitments: [Commitment] = [],
        sharedQuotas: [SharedQuota] = [], documentServices: [DocumentService] = []
    ) {
        self.documentServices = documentServices
        self.commitments = commitments
        self.sharedQuotas = sharedQuotas
        self.settings = settings
        self.households = households
        self.locations = locations
        self.safeHouses = safeHouses
        self.legs = legs
        self.programmes = programmes
    }

}
