import PassageScenario

/// A scenario small enough to solve by hand (see `HandCheckedPlanTests`).
///
/// One road leg A→B (2 days, 2 seats/week), a safe house at B with 2 beds, one programme lodged at B
/// (2 weeks' processing, quota 3), one flight B→D, a 4-week horizon. Every move stays in week 2
/// whatever its start week (start 1: weeks 1–2; start 2: weeks 2–3), so at most 2 persons move.
enum TinyScenario {
    static let internalIDOnly = DocumentRule(fallback: .internalID)

    static func make(budget: Double? = 10_000, households: [Household]? = nil) -> Scenario {
        Scenario(
            settings: ScenarioSettings(
                title: "Tiny", startDate: CalendarDate(year: 2026, month: 11, day: 30), horizonWeeks: 4,
                budget: budget, solver: SolverLimits(timeLimitSeconds: 30, mipGap: 0)),
            households: households ?? defaultHouseholds,
            locations: [
                Location(id: "A", country: "RU", kind: .origin),
                Location(id: "B", country: "AM", kind: .hub),
                Location(id: "D", country: "DE", kind: .destination),
            ],
            safeHouses: [SafeHouse(id: "K", location: "B", beds: 2, costPerPersonWeek: 10)],
            legs: [
                RouteLeg(
                    id: "L1", from: "A", to: "B", mode: .road, durationDays: 2, costPerPerson: 100,
                    seatsPerWeek: 2, documents: internalIDOnly, risk: 1),
                RouteLeg(
                    id: "L2", from: "B", to: "D", mode: .air, durationDays: 1, costPerPerson: 300,
                    seatsPerWeek: 10, documents: DocumentRule(fallback: DocumentKind.none), risk: 0),
            ],
            programmes: [
                VisaProgramme(
                    id: "G", destinationCountry: "DE", lodgedAt: "B", arrival: "D", quota: 3,
                    quotaPeriod: .horizon, processingWeeks: 2, documentsRequired: .internalID, costPerPerson: 50)
            ])
    }

    /// H1: 1 person, tier 1. H2: 2 persons, tier 2. H3: 1 person, tier 3. H4: tier 1, no documents.
    static let defaultHouseholds = [
        Household(
            id: "H1", size: 1, location: "A", urgency: 1, readyWeek: 1, nationality: "RU", passport: .none,
            hasInternalID: true),
        Household(
            id: "H2", size: 2, location: "A", urgency: 2, readyWeek: 1, nationality: "RU", passport: .none,
            hasInternalID: true),
        Household(
            id: "H3", size: 1, location: "A", urgency: 3, readyWeek: 1, nationality: "RU", passport: .expired,
            hasInternalID: true),
        Household(
            id: "H4", size: 1, location: "A", urgency: 1, readyWeek: 1, nationality: "RU", passport: .none,
            hasInternalID: false),
    ]
}
