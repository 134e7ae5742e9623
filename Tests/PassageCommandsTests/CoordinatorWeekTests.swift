import Foundation
import Testing

/// Issue 14 ("A coordinator's week"), on the demo plan: what a coordinator reads must not mislead.
@Suite struct CoordinatorWeekTests {
    /// The demo plan in `format` (standard output).
    static func plan(_ format: String = "text") throws -> String {
        let result = try Passage.run(["plan", Passage.demo, "--format", format, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput
    }

    /// The demo plan as parsed JSON.
    static func jsonPlan() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(plan("json").utf8)) as? [String: Any])
    }

    /// The grid row of `house` in the text report's first beds panel, split into cells.
    static func bedRow(_ text: String, _ house: String) -> [String] {
        let section = text.components(separatedBy: "Beds by safe house and week").dropFirst().first ?? ""
        let line = section.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(house) }
        return line.map { $0.split(separator: " ").map(String.init) } ?? []
    }

    // Bug 3: SH-TBS-2 closes after W7 and SH-ALA-1 opens in W2; their closed weeks looked like free beds.
    @Test func closedWeeksAreMarkedClosedInEveryFormat() throws {
        let text = try Self.plan()
        let tbilisi = Self.bedRow(text, "SH-TBS-2")
        #expect(tbilisi.count >= 13, "\(tbilisi)")
        #expect(tbilisi[1...7].allSatisfy { $0.contains("/2") }, "open in W1–W7: \(tbilisi)")
        #expect(tbilisi[8...].allSatisfy { $0 == "closed" }, "closed from W8: \(tbilisi)")
        let almaty = Self.bedRow(text, "SH-ALA-1")
        #expect(almaty.dropFirst().first == "closed", "closed in W1: \(almaty)")
        #expect(text.contains("closed = the safe house is closed that week, send nobody there")
            || text.contains("closed = the safe house is\n    closed that week"), "the legend explains the mark")

        let markdown = try Self.plan("markdown")
        #expect(markdown.contains("| SH-TBS-2 |"))
        #expect(markdown.contains("closed = the safe house is closed that week"))
        let markdownRow = markdown.split(separator: "\n").first { $0.hasPrefix("| SH-TBS-2 |") } ?? ""
        #expect(markdownRow.components(separatedBy: "closed").count - 1 == 9, "\(markdownRow)")

        let html = try Self.plan("html")
        #expect(html.contains("SH-TBS-2, W8: closed, send nobody"))
        #expect(html.contains("SH-ALA-1, W1: closed, send nobody"))
        #expect(!html.contains("SH-TBS-2, W8: 0 of"))
        #expect(html.contains("Closed (send nobody): SH-ALA-1 W1; SH-TBS-2 W8–W16"))

        let capacity = try #require(Self.jsonPlan()["capacity"] as? [[String: Any]])
        func beds(_ house: String, _ week: Int) -> [String: Any]? {
            capacity.first { $0["kind"] as? String == "beds" && $0["resourceID"] as? String == house && $0["week"] as? Int == week }
        }
        let closed = try #require(beds("SH-TBS-2", 8))
        #expect(closed["closed"] as? Bool == true && closed["capacity"] as? Double == 0)
        #expect(beds("SH-TBS-2", 7)?["closed"] as? Bool == false)
        #expect(beds("SH-ALA-1", 1)?["closed"] as? Bool == true)
        #expect(capacity.allSatisfy { $0["closed"] is Bool }, "every capacity row says whether it is closed")
    }
}
