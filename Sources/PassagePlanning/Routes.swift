import PassageScenario

/// The most legs a route between two places may have: enough for origin → hub → border → capital,
/// few enough that enumeration stays small.
let maximumLegsPerRoute = 3

/// Who is travelling, as far as legs care: documents by nationality and countries to avoid.
struct Traveller: Hashable, Sendable {
    var nationality: String
    var strongestDocument: DocumentKind
    var excludedCountries: [String]

    init(_ profile: HouseholdProfile) {
        nationality = profile.nationality
        strongestDocument = profile.strongestDocument
        excludedCountries = profile.excludedCountries
    }

    /// Whether the traveller may use `leg` (documents held, destination country not excluded).
    func mayUse(_ leg: RouteLeg, index: ScenarioIndex) -> Bool {
        guard let required = leg.documents.requirement(for: nationality), required <= strongestDocument else {
            return false
        }
        return !excludedCountries.contains(index.country(leg.to))
    }
}

/// A sequence of legs, as indices into `scenario.legs`, with its totals per person.
struct Route: Hashable, Sendable {
    var legs: [Int]
    var days: Int
    var costPerPerson: Double
    var riskPerPerson: Double

    /// Week offset, from the route's first departure week, of each leg's departure.
    var legWeekOffsets: [Int]
    /// Week offset of arrival at the end of the route.
    var arrivalWeekOffset: Int { days / 7 }
}

/// Enumerates the simple routes (no place visited twice) of at most `maximumLegsPerRoute` legs from
/// one place to another that a traveller may use, in a deterministic order (by leg ids).
///
/// Results are cached per (traveller, from, to): many classes share them.
struct RouteFinder {
    let index: ScenarioIndex
    private var cache: [Key: [Route]] = [:]

    private struct Key: Hashable {
        var traveller: Traveller
        var from: String
        var to: String
    }

    init(index: ScenarioIndex) { self.index = index }

    /// Routes from `from` to `to` for `traveller`; a single empty route when `from == to`.
    mutating func routes(from: String, to: String, for traveller: Traveller) -> [Route] {
        let key = Key(traveller: traveller, from: from, to: to)
        if let cached = cache[key] { return cached }
        var found: [[Int]] = []
        if from == to {
            found = [[]]
        } else {
            var path: [Int] = []
            var visited: Set<String> = [from]
            search(at: from, to: to, traveller: traveller, path: &path, visited: &visited, found: &found)
        }
        let routes = found.map { Route(legs: $0, scenario: index.scenario) }
        cache[key] = routes
        return routes
    }

    private func search(
        at place: String, to target: String, traveller: Traveller, path: inout [Int], visited: inout Set<String>,
        found: inout [[Int]]
    ) {
        guard path.count < maximumLegsPerRoute else { return }
        for legIndex in index.legsFrom[place] ?? [] {
            let leg = index.scenario.legs[legIndex]
            guard !visited.contains(leg.to), traveller.mayUse(leg, index: index) else { continue }
            path.append(legIndex)
            if leg.to == target {
                found.append(path)
            } else {
                visited.insert(leg.to)
                search(at: leg.to, to: target, traveller: traveller, path: &path, visited: &visited, found: &found)
                visited.remove(leg.to)
            }
            path.removeLast()
        }
    }

}

extension Route {
    /// The route along `legs` (indices into `scenario.legs`), with its totals and timing.
    init(legs: [Int], scenario: Scenario) {
        var days = 0
        var cost = 0.0
        var risk = 0.0
        var offsets: [Int] = []
        for legIndex in legs {
            let leg = scenario.legs[legIndex]
            offsets.append(days / 7)
            days += leg.durationDays
            cost += leg.costPerPerson
            risk += leg.risk
        }
        self.init(legs: legs, days: days, costPerPerson: cost, riskPerPerson: risk, legWeekOffsets: offsets)
    }
}
