import PassageScenario

/// A document stronger than a household's strongest one, and the programmes it would open to the
/// household: pathways generated again with only the document changed (the same routes, nationality,
/// needs, exclusions and timing rules) that the household does not have today.
public struct DocumentOpening: Sendable, Hashable {
    /// The household's strongest document today.
    public var held: DocumentKind
    /// The document the household would hold, as its strongest.
    public var document: DocumentKind
    /// Programmes the household has no eligible pathway to today that the document opens, in id order.
    public var programmes: [String]
    /// Programmes open to the household today to which the document adds pathways (another route or
    /// safe house), in id order.
    public var morePathways: [String]
    /// Whether the scenario planned again with the household holding `document` moves it; nil when
    /// it was not planned again.
    public var moves: Bool?
    /// Whether that plan was proven optimal or within the gap asked for (not stopped by its node or
    /// time limit).
    public var proven = true
    /// Document services where the household is that issue `document` to it (`document_services.csv`),
    /// in id order: how it could obtain it. Empty when none does.
    public var services: [DocumentService] = []

    /// An opening from its parts (the planner finds them: ``Planner/explainNotMoved(_:in:options:jobs:progress:)``).
    public init(
        held: DocumentKind, document: DocumentKind, programmes: [String], morePathways: [String] = [],
        moves: Bool? = nil, proven: Bool = true
    ) {
        self.held = held
        self.document = document
        self.programmes = programmes
        self.morePathways = morePathways
        self.moves = moves
        self.proven = proven
    }

    /// Every programme that gains a pathway: those opened, then those given more pathways.
    public var allProgrammes: [String] { programmes + morePathways }

    /// The opening in words: `a valid international passport would open P-DE-TBS and P-FR-EVN, and the
    /// plan would then move it`.
    public var description: String {
        var opens: [String] = []
        if !programmes.isEmpty { opens.append(listed(programmes)) }
        if !morePathways.isEmpty { opens.append("more pathways to \(listed(morePathways))") }
        // `an international passport, 6 weeks in grozny (DS-GRZ), would open P-FR-EVN`: how to obtain it.
        let obtained =
            services.isEmpty
            ? ""
            : ", "
                + services.map { "\($0.weeks) week\($0.weeks == 1 ? "" : "s") in \($0.location) (\($0.id))" }
                .joined(separator: " or ") + ","
        let sentence = "\(describe(document))\(obtained) would open \(opens.joined(separator: ", and "))"
        switch moves {
        case true?: return sentence + ", and the plan would then move it"
        case false?: return sentence + ", but the plan would still not move it"
        case nil: return sentence
        }
    }
}

/// `A`, `A and B`, `A, B and C`.
private func listed(_ items: [String]) -> String {
    guard let last = items.last, items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + last
}

extension Household {
    /// This household with `document` as its strongest document: a valid passport for an
    /// international passport, an internal ID for an internal ID. Never weaker than it is.
    public func holding(_ document: DocumentKind) -> Household {
        var raised = self
        switch document {
        case .internationalPassport: raised.passport = .valid
        case .internalID: raised.hasInternalID = true
        case .none: break
        }
        return raised
    }
}

extension Planner {
    /// For the household `householdID`, each document stronger than its strongest that opens
    /// pathways it does not have today, weakest first, without planning (`moves` is nil). A document
    /// that opens exactly what the next weaker one does is left out. Empty when it already holds the
    /// strongest document, no stronger one opens anything, or it is not in the scenario.
    public func documentOpenings(of householdID: String) -> [DocumentOpening] {
        guard let household = scenario.households.first(where: { $0.id == householdID }) else { return [] }
        var generator = PathwayGenerator(index: ScenarioIndex(scenario), reduction: nil)
        return documentOpenings(of: household, generator: &generator)
    }

    /// ``documentOpenings(of:)`` with a generator shared between households. Every route and house is
    /// enumerated (no reduction): a route dominated today may be the one a new document opens.
    func documentOpenings(of household: Household, generator: inout PathwayGenerator) -> [DocumentOpening] {
        // Only the document changes; the previous plan is not carried over, as in every why-not re-plan.
        let profile = HouseholdProfile(household)
        let stronger = DocumentKind.allCases.filter { $0 > profile.strongestDocument }.sorted()
        guard !stronger.isEmpty else { return [] }
        let today = Self.pathwayKeys(of: profile, generator: &generator)
        let openToday = Set(today.map(\.programme))
        var openings: [DocumentOpening] = []
        var weaker = today
        for document in stronger {
            var raised = profile
            raised.strongestDocument = document
            let keys = Self.pathwayKeys(of: raised, generator: &generator)
            // A document that opens no more than a weaker one would only repeat it (a passport where an
            // internal ID is all any route and programme asks): the weaker one is the suggestion.
            defer { weaker = keys }
            guard keys != weaker else { continue }
            let gaining = Set(keys.subtracting(today).map(\.programme))
            guard !gaining.isEmpty else { continue }
            let order = generator.index.programmeOrder.filter { gaining.contains($0) }
            var opening = DocumentOpening(
                held: profile.strongestDocument, document: document,
                programmes: order.filter { !openToday.contains($0) }.map { scenario.programmes[$0].id },
                morePathways: order.filter { openToday.contains($0) }.map { scenario.programmes[$0].id })
            opening.services = generator.documentSteps(for: profile).map { scenario.documentServices[$0.service] }
                .filter { $0.obtains == document }
            openings.append(opening)
        }
        return openings
    }

    /// What tells one eligible pathway from another, whatever its start weeks (which depend on the
    /// pathway, not on the document).
    private struct PathwayIdentity: Hashable {
        var programme: Int
        var house: Int
        var outbound: [Int]
        var onward: [Int]
    }

    private static func pathwayKeys(
        of profile: HouseholdProfile, generator: inout PathwayGenerator
    ) -> Set<PathwayIdentity> {
        let options = generator.options(for: HouseholdClass(index: 0, profile: profile, members: []))
        // The pathways of the document held, without a document step: what a step's document opens is
        // what this compares.
        return Set(
            options.pathways.filter { $0.document == nil }.map {
                PathwayIdentity(
                    programme: $0.programme, house: $0.house, outbound: $0.outbound.legs, onward: $0.onward.legs)
            })
    }

    /// Whether the plan of this scenario with `householdID` holding `document` moves it, whether that
    /// plan is proven optimal or within the gap asked for, and whether the time limit cut it short.
    func moves(
        _ householdID: String, holding document: DocumentKind, options: PlanningOptions
    ) throws -> (moves: Bool, outcome: ReplanOutcome) {
        var changed = scenario
        guard let position = changed.households.firstIndex(where: { $0.id == householdID }) else {
            return (false, ReplanOutcome(moved: [], proven: true, cutByTime: false))
        }
        changed.households[position] = changed.households[position].holding(document)
        let outcome = ReplanOutcome(try Planner(scenario: changed, solver: solver, style: style).plan(options: options))
        return (outcome.moved.contains(householdID), outcome)
    }
}
