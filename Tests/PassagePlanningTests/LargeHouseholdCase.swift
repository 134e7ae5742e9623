import Testing
import PassageScenario
@testable import PassagePlanning

/// A 4-person household (tier 2) left unmoved while four single persons (tier 3) fill the only
/// house's 4 beds: no change of one class alone can free the beds, and moving the large household
/// instead (4 × 400 outweighs 4 × 150) is the optimum. Improvements that move several households at
/// once are tested on it (`FixAndOptimiseTests`, `PlanLocalSearchTests`).
struct LargeHouseholdCase {
    let scenario: Scenario
    let formulation: Formulation
    /// The large household's class, and the singles' class (4 households).
    let big: Int
    let singles: Int
    /// The plan: the four singles in the house, the large household unmoved.
    let values: [Double]

    init() throws {
        var scenario = TinyScenario.make(
            households: [
                Household(
                    id: "BIG", size: 4, location: "A", urgency: 2, readyWeek: 1, nationality: "RU", passport: .none,
                    hasInternalID: true)
            ]
                + (1...4).map { i in
                    Household(
                        id: "S\(i)", size: 1, location: "A", urgency: 3, readyWeek: 1, nationality: "RU",
                        passport: .none, hasInternalID: true)
                })
        scenario.safeHouses[0].beds = 4
        scenario.legs[0].seatsPerWeek = 10
        scenario.programmes[0].quota = 10
        let formulation = Formulation(scenario: scenario)
        let big = try #require(formulation.classes.first { $0.profile.size == 4 }).index
        let singles = try #require(formulation.classes.first { $0.profile.size == 1 })
        #expect(singles.count == 4)
        var values = [Double](repeating: 0, count: formulation.model.variableCount)
        let filling = try #require(
            formulation.movesOfClass[singles.index].first {
                formulation.model.variables[formulation.moves[$0].variable.index].upperBound >= 4
            })
        values[formulation.moves[filling].variable.index] = 4
        values[formulation.unmoved[big].index] = 1
        #expect(formulation.model.isFeasible(values))
        (self.scenario, self.formulation, self.big, self.singles, self.values) =
            (scenario, formulation, big, singles.index, values)
    }
}
