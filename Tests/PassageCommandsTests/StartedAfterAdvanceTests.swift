import Foundation
import Testing

/// `--started` after `advance` (issue 14, bug 1): the previous plan counts its weeks from the week it was
/// made, so a household marked started keeps the calendar week it had there, and nobody else is pushed
/// later for capacity it never used.
@Suite struct StartedAfterAdvanceTests {
    static func household(_ id: String, in path: String) throws -> [String: Any] {
        let plan =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let households = try #require(plan?["households"] as? [[String: Any]])
        return try #require(households.first { $0["id"] as? String == id }?["itinerary"] as? [String: Any])
    }

    static func firstWeekStart(_ itinerary: [String: Any]) throws -> String {
        let outbound = try #require(itinerary["outbound"] as? [[String: Any]])
        return try #require(outbound.first?["weekStart"] as? String)
    }

    @Test func aStartedHouseholdKeepsItsCalendarWeek() throws {
        let folder = try TemporaryFolder()
        let (first, next) = try Passage.advancedDemo(toWeek: 2, in: folder)
        // H033 leaves in week 2 of the demo's plan (2026-12-07), which is week 1 once advanced.
        let before = try Self.household("H033", in: first)
        #expect(before["startWeek"] as? Int == 2)

        let second = folder.path("w2.json")
        let replanned = try Passage.run([
            "plan", next, "--previous", first, "--started", "H033", "--format", "json", "-o", second, "--quiet",
        ])
        #expect(replanned.status == 0, "\(replanned.standardError)")
        let after = try Self.household("H033", in: second)
        #expect(after["committed"] as? Bool == true)
        #expect(after["startWeek"] as? Int == 1)
        #expect(try Self.firstWeekStart(after) == Self.firstWeekStart(before))
        let plan =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: second))) as? [String: Any]
        // Committing H033 where the previous plan had it takes nothing anyone else was planned to use.
        #expect((plan?["changes"] as? [Any])?.isEmpty == true, "\(plan?["changes"] ?? "none")")

        let text = try Passage.run(["plan", next, "--previous", first, "--started", "H033", "--quiet"])
        #expect(!text.standardOutput.contains("now used by others"))
        let title = try #require(text.standardOutput.split(separator: "\n").first { $0.hasPrefix("H033  [committed]") })
        #expect(title.hasPrefix("H033  [committed]  1 person  urgency 3  ready W1 (") && title.contains(") → leaves W1,"))
    }
}
