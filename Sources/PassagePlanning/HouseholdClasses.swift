import PassageScenario

/// Everything about a household that the formulation can see (all but its id). Households with equal profiles are
/// interchangeable, so the model plans a class of them with one integer count per pathway and week.
struct HouseholdProfile: Hashable, Sendable {
    var location: String
    var nationality: String
    var strongestDocument: DocumentKind
    var needs: [String]
    var excludedCountries: [String]
    var preferredCountries: [String]
    var urgency: Int
    var size: Int
    var readyWeek: Int
    var latestDepartureWeek: Int?
    /// The household's pathway in the previous plan, when re-planning: households that were on
    /// different pathways are not interchangeable, since keeping each on its own is rewarded.
    var previous: PathwayKey?

    init(_ household: Household, previous: PathwayKey? = nil) {
        self.previous = previous
        latestDepartureWeek = household.latestDepartureWeek
        location = household.location
        nationality = household.nationality
        strongestDocument = household.strongestDocument
        needs = household.needs
        excludedCountries = household.excludedCountries
        preferredCountries = household.preferredCountries
        urgency = household.urgency
        size = household.size
        readyWeek = household.readyWeek
    }
}

/// A class of interchangeable households and its members.
struct HouseholdClass: Sendable {
    /// Position of the class in the formulation (`c` in docs/MODEL.md).
    var index: Int
    var profile: HouseholdProfile
    /// Indices into `scenario.households`, sorted by household id: the order in which members are
    /// given the class's moves when the plan is disaggregated.
    var members: [Int]

    var count: Int { members.count }
}

/// Groups households (but those at `excluded` positions) into classes of interchangeable ones,
/// ordered by their first member's id. Without `aggregate`, every household is a class of its own
/// (the naive per-household model).
func householdClasses(
    of households: [Household], excluding excluded: Set<Int> = [], previous: PreviousPlan? = nil,
    aggregate: Bool = true
) -> [HouseholdClass] {
    let order = households.indices.filter { !excluded.contains($0) }.sorted { households[$0].id < households[$1].id }
    var classIndex: [HouseholdProfile: Int] = [:]
    var classes: [HouseholdClass] = []
    for household in order {
        let id = households[household].id
        let profile = HouseholdProfile(households[household], previous: previous?.pathways[id].map(PathwayKey.init))
        if aggregate, let existing = classIndex[profile] {
            classes[existing].members.append(household)
        } else {
            classIndex[profile] = classes.count
            classes.append(HouseholdClass(index: classes.count, profile: profile, members: [household]))
        }
    }
    return classes
}
