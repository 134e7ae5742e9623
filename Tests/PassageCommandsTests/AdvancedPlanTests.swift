import Foundation
import Testing

/// A plan of an advanced scenario, where some households left before its week 1 (issue 14, bug 6):
/// they are said to have left before this plan began, never "ready W1 → leaves W0", and no
/// household has waited a negative number of weeks.
@Suite struct AdvancedPlanTests {
    @Test func householdsThatLeftBeforeWeekOneAreSaidToHaveLeftThen() throws {
        let folder = try TemporaryFolder()
        let (_, next) = try Passage.advancedDemo(toWeek: 3, in: folder)

        let text = try Passage.run(["plan", next, "--quiet"])
        #expect(text.status == 0)
        let committed = text.standardOutput.split(separator: "\n").filter { $0.contains("[committed]") }
        #expect(!committed.isEmpty)
        #expect(committed.contains { $0.contains("before this plan's week 1") })
        #expect(!text.standardOutput.contains("leaves W0") && !text.standardOutput.contains("leaves W-"))

        let json = folder.path("w3.json")
        #expect(try Passage.run(["plan", next, "--format", "json", "-o", json, "--quiet"]).status == 0)
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let households = try #require(plan?["households"] as? [[String: Any]])
        let waited = households.compactMap { ($0["itinerary"] as? [String: Any])?["weeksWaited"] as? Int }
        #expect(!waited.isEmpty)
        #expect(waited.allSatisfy { $0 >= 0 })
    }
}
