import Foundation
import PassageScenario
import Testing

@testable import PassagePlanning

/// Why-not's document suggestions (issue 14, item 5): the programmes a stronger document would open to
/// a household, found by generating its pathways again with only the document changed, and verified
/// by planning again with the household holding it.
@Suite struct DocumentOpeningTests {
    static let options = PlanningOptions(timeLimitSeconds: 30, mipGap: 0)

    /// The tiny scenario (TinyScenario) with its one programme, G, asking for an international
    /// passport. H-ID holds only an internal ID (enough for the road A→B); H-PP holds a valid passport
    /// but excludes Germany, G's country; H-NONE holds no document at all.
    static func passportScenario() -> Scenario {
        var scenario = TinyScenario.make(households: [
            Household(
                id: "H-ID", size: 1, location: "A", urgency: 1, readyWeek: 1, nationality: "RU", passport: .expired,
                hasInternalID: true),
            Household(
                id: "H-PP", size: 1, location: "A", urgency: 1, readyWeek: 1, nationality: "RU", passport: .valid,
                hasInternalID: true, excludedCountries: ["DE"]),
            Household(
                id: "H-NONE", size: 1, location: "A", urgency: 2, readyWeek: 1, nationality: "RU", passport: .none,
                hasInternalID: false),
        ])
        scenario.programmes[0].documentsRequired = .internationalPassport
        return scenario
    }

    /// H-ID is blocked by G's passport requirement: a passport opens G, and the plan made again with
    /// H-ID holding one moves it (two beds, nobody else eligible). H-PP holds the strongest document:
    /// no line. H-NONE: an internal ID opens nothing (G still asks for a passport), a passport opens G.
    @Test func aPassportOpensTheProgrammeThatAsksForIt() throws {
        let planner = Planner(scenario: Self.passportScenario())
        let plan = try planner.plan(options: Self.options)
        #expect(plan.itineraries.isEmpty)
        let explanations = try planner.explainNotMoved(
            ["H-ID", "H-PP", "H-NONE"], in: plan, options: Self.options)
        #expect(explanations.map(\.household.householdID) == ["H-ID", "H-PP", "H-NONE"])
        let byID = Dictionary(uniqueKeysWithValues: explanations.map { ($0.household.householdID, $0) })

        let id = try #require(byID["H-ID"])
        #expect(
            id.documentOpenings == [
                DocumentOpening(
                    held: .internalID, document: .internationalPassport, programmes: ["G"], moves: true, proven: true)
            ])
        #expect(
            id.documentOpenings.first?.description
                == "a valid international passport would open G, and the plan would then move it")
        #expect(id.replans == 1 && id.unprovenReplans == 0)

        let passport = try #require(byID["H-PP"])
        #expect(passport.documentOpenings.isEmpty && passport.replans == 0)

        let none = try #require(byID["H-NONE"])
        #expect(none.documentOpenings.map(\.document) == [.internationalPassport])
        #expect(none.documentOpenings.first?.held == DocumentKind.none)
        #expect(none.documentOpenings.first?.programmes == ["G"])
    }

    /// The verification is what planning again with the document says: checked independently.
    @Test func theVerificationIsAnIndependentPlan() throws {
        var scenario = Self.passportScenario()
        let index = try #require(scenario.households.firstIndex { $0.id == "H-ID" })
        scenario.households[index] = scenario.households[index].holding(.internationalPassport)
        #expect(scenario.households[index].strongestDocument == .internationalPassport)
        let plan = try Planner(scenario: scenario).plan(options: Self.options)
        #expect(plan.itineraries.contains { $0.householdID == "H-ID" })
    }

    /// A programme already open to the household that a document gives another route to is listed
    /// apart, as more pathways, not as opened.
    @Test func moreRoutesToAnOpenProgrammeAreSaidAsSuch() throws {
        var scenario = TinyScenario.make()
        scenario.legs.append(
            RouteLeg(
                id: "L3", from: "A", to: "B", mode: .air, durationDays: 1, costPerPerson: 200, seatsPerWeek: 4,
                documents: DocumentRule(fallback: .internationalPassport), risk: 0))
        let planner = Planner(scenario: scenario)
        let openings = planner.documentOpenings(of: "H1")
        #expect(
            openings == [
                DocumentOpening(
                    held: .internalID, document: .internationalPassport, programmes: [], morePathways: ["G"])
            ])
        #expect(openings.first?.description == "a valid international passport would open more pathways to G")
        // Without the passport-only leg a passport opens nothing to H1: no line.
        #expect(Planner(scenario: TinyScenario.make()).documentOpenings(of: "H1").isEmpty)
    }

    /// With only internal-ID routes and programmes, an internal ID opens everything a passport would:
    /// only the internal ID is suggested.
    @Test func aDocumentThatOpensNoMoreThanAWeakerOneIsNotRepeated() {
        let planner = Planner(scenario: TinyScenario.make())
        #expect(
            planner.documentOpenings(of: "H4") == [
                DocumentOpening(held: .none, document: .internalID, programmes: ["G"])
            ])
    }

    @Test func openingsReadAsALineACoordinatorReads() {
        let opening = DocumentOpening(
            held: .internalID, document: .internationalPassport, programmes: ["P-DE-TBS", "P-FR-EVN"],
            morePathways: ["P-DE-EVN"], moves: false)
        #expect(
            opening.description
                == "a valid international passport would open P-DE-TBS and P-FR-EVN, and more pathways to P-DE-EVN,"
                + " but the plan would still not move it")
        #expect(
            DocumentOpening(held: .none, document: .internalID, programmes: ["A", "B", "C"]).description
                == "an internal ID would open A, B and C")
    }
}
