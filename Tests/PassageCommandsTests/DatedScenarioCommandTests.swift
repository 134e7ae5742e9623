import Foundation
import Testing

/// The demo with dates in its week columns (issue 14, item 3) plans, advances and compares changes exactly
/// as the demo with week numbers does. The demo's week 1 starts on Monday 2026-11-30.
@Suite struct DatedScenarioCommandTests {
    /// The day `days` after the demo's start date, as YYYY-MM-DD.
    static func date(_ days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 2026, month: 11, day: 30))!
        let day = calendar.dateComponents(
            [.year, .month, .day], from: calendar.date(byAdding: .day, value: days, to: start)!)
        return String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)
    }

    /// `csv` with the cells of `columns` (week numbers) replaced by a date in that week, chosen by `dated`.
    static func dating(_ csv: String, columns: [String], dated: (_ week: Int, _ row: Int) -> String) -> String {
        var lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let indices = columns.compactMap { lines[0].firstIndex(of: $0) }
        #expect(indices.count == columns.count)
        for row in lines.indices.dropFirst() where lines[row].count > 1 {
            for index in indices { if let week = Int(lines[row][index]) { lines[row][index] = dated(week, row) } }
        }
        return lines.map { $0.joined(separator: ",") }.joined(separator: "\n")
    }

    /// A copy of the demo in `folder` whose week columns hold dates: ready weeks on every day of the week
    /// (week 1 as a date before the start, which means ready now), deadlines on the Sunday ending their
    /// week, the application window's end on its week's Thursday.
    static func datedDemo(in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["scenario.toml", "locations.csv", "safe_houses.csv", "legs.csv", "shared_quotas.csv"] {
            try FileManager.default.copyItem(
                atPath: Passage.demo + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
        let households = try String(contentsOfFile: Passage.demo + "/households.csv", encoding: .utf8)
        let programmes = try String(contentsOfFile: Passage.demo + "/programmes.csv", encoding: .utf8)
        let datedHouseholds = dating(households, columns: ["ready_week"]) { week, row in
            week == 1 && row % 2 == 0 ? "2026-10-14" : date(7 * (week - 1) + row % 7)
        }
        let withDeadlines = dating(datedHouseholds, columns: ["latest_departure_week"]) { week, _ in date(7 * week - 1)
        }
        #expect(withDeadlines.contains("2026-10-14") && withDeadlines != households)
        let datedProgrammes = dating(programmes, columns: ["application_until_week"]) { week, _ in
            date(7 * (week - 1) + 3)
        }
        #expect(datedProgrammes != programmes)
        try withDeadlines.write(to: folder.appendingPathComponent("households.csv"), atomically: true, encoding: .utf8)
        try datedProgrammes.write(
            to: folder.appendingPathComponent("programmes.csv"), atomically: true, encoding: .utf8)
    }

    /// The plan's households (itineraries and reasons), leaving out the solver's timings.
    static func households(_ path: String) throws -> String {
        let root = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let households = try #require(root["households"])
        let summary = try #require(root["summary"])
        return String(
            decoding: try JSONSerialization.data(withJSONObject: [households, summary], options: .sortedKeys),
            as: UTF8.self)
    }

    @Test func theDatedDemoPlansAndAdvancesLikeTheDemo() throws {
        let folder = try TemporaryFolder()
        let dated = folder.url.appendingPathComponent("dated").path
        try Self.datedDemo(in: URL(fileURLWithPath: dated))
        #expect(try Passage.run(["validate", dated]).status == 0)

        let weeksPlan = folder.path("weeks.json")
        let datesPlan = folder.path("dates.json")
        #expect(try Passage.run(["plan", Passage.demo, "--format", "json", "-o", weeksPlan, "--quiet"]).status == 0)
        #expect(try Passage.run(["plan", dated, "--format", "json", "-o", datesPlan, "--quiet"]).status == 0)
        #expect(try Self.households(datesPlan) == Self.households(weeksPlan))

        // advance rewrites the files with week numbers counted from the new start: the same files either way.
        let fromWeeks = folder.path("next-weeks")
        let fromDates = folder.path("next-dates")
        #expect(
            try Passage.run(["advance", Passage.demo, "--to-week", "3", "--plan", weeksPlan, "-o", fromWeeks]).status
                == 0)
        let advanced = try Passage.run(["advance", dated, "--to-week", "3", "--plan", datesPlan, "-o", fromDates])
        #expect(advanced.status == 0, "\(advanced.standardError)")
        for name in try FileManager.default.contentsOfDirectory(atPath: fromWeeks) {
            #expect(
                FileManager.default.contents(atPath: fromDates + "/" + name)
                    == FileManager.default.contents(atPath: fromWeeks + "/" + name), "\(name)")
        }

        // Change files apply to the dated scenario as to the demo.
        let change = Passage.repositoryRoot.appendingPathComponent("Data/demo-changes/close-yerevan-house-week-4.toml")
            .path
        let whatIf = try Passage.run([
            "whatif", dated, "--change", change, "--format", "json", "-o", folder.path("w.json"), "--quiet",
        ])
        #expect(whatIf.status == 0, "\(whatIf.standardError)")
    }
}
