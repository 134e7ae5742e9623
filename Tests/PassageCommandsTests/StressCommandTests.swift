import Foundation
import Testing

/// End-to-end: `passage stress` and `passage stress merge` on the demo's plan (issue 16, part 2), and
/// `advance` keeping the uncertainty columns (part 1).
@Suite struct StressCommandTests {
    /// A copy of the demo in `folder/name` with `columns` appended to `table`: for each, its name and
    /// the value of row i (0-based).
    static func demoCopy(
        _ name: String, in folder: borrowing TemporaryFolder, _ columns: [String: [(String, (Int, [String]) -> String)]]
    ) throws -> String {
        let target = folder.path(name)
        try FileManager.default.copyItem(atPath: Passage.demo, toPath: target)
        for (table, added) in columns {
            let path = target + "/" + table
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var out = [lines[0] + added.map { "," + $0.0 }.joined()]
            for (index, line) in lines.dropFirst().enumerated() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let row = Dictionary(uniqueKeysWithValues: zip(header, cells).map { ($0, $1) })
                out.append(line + added.map { "," + $0.1(index, [row["processing_weeks"] ?? ""]) }.joined())
            }
            try (out.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        return target
    }

    static func plan(_ scenario: String, in folder: borrowing TemporaryFolder) throws -> String {
        let plan = folder.path("plan-\(URL(fileURLWithPath: scenario).lastPathComponent).json")
        let result = try Passage.run(["plan", scenario, "--format", "json", "-o", plan, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        return plan
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func statistic(_ report: [String: Any], _ key: String) throws -> [String: Double] {
        let all = try #require(report["statistics"] as? [[String: Any]])
        let one = try #require(all.first { $0["key"] as? String == key })
        return one.compactMapValues { $0 as? Double }
    }

    @Test func withoutUncertaintyTheSimulationIsThePlan() throws {
        let folder = try TemporaryFolder()
        let plan = try Self.plan(Passage.demo, in: folder)
        let planned = try Self.json(String(contentsOfFile: plan, encoding: .utf8))
        let overall = try #require((planned["summary"] as? [String: Any])?["overall"] as? [String: Any])
        let persons = try #require(overall["personsMoved"] as? Int)
        #expect(persons > 0)

        let result = try Passage.run(["stress", Passage.demo, "--plan", plan, "--trials", "50", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let report = try Self.json(result.standardOutput)
        #expect(report["personsPlanned"] as? Int == persons)
        #expect(try Self.statistic(report, "persons_arrived")["minimum"] == Double(persons))
        #expect(try Self.statistic(report, "persons_arrived")["maximum"] == Double(persons))
        for key in ["households_stranded", "households_refused", "households_late", "delay_weeks", "extra_cost"] {
            #expect(try Self.statistic(report, key)["maximum"] == 0, "\(key)")
        }
        #expect((report["fragilePoints"] as? [Any])?.isEmpty == true)

        // Every rate 0 and processing_weeks_max = processing_weeks, written out: the same study.
        let zero = try Self.demoCopy(
            "zero", in: folder,
            [
                "safe_houses.csv": [("closure_risk", { _, _ in "0" })],
                "legs.csv": [("cancel_rate", { _, _ in "0" })],
                "programmes.csv": [("processing_weeks_max", { _, p in p[0] }), ("refusal_rate", { _, _ in "0.0" })],
            ])
        let again = try Passage.run(["stress", zero, "--plan", plan, "--trials", "50", "--format", "json"])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardOutput == result.standardOutput)
    }

    @Test func sameBytesOnAnyThreadsAndFromMergedShards() throws {
        let folder = try TemporaryFolder()
        let risky = try Self.demoCopy(
            "risky", in: folder,
            [
                "safe_houses.csv": [("closure_risk", { i, _ in i == 0 ? "1" : "0.02" })],
                "legs.csv": [("cancel_rate", { i, _ in i % 3 == 0 ? "0.1" : "" })],
                "programmes.csv": [
                    ("processing_weeks_max", { _, p in String((Int(p[0]) ?? 1) + 3) }),
                    ("refusal_rate", { _, _ in "0.15" }),
                ],
            ])
        let plan = try Self.plan(risky, in: folder)
        let base = ["stress", risky, "--plan", plan, "--trials", "60", "--seed", "11"]
        let one = try Passage.run(base + ["--jobs", "1", "--format", "html"])
        let three = try Passage.run(base + ["--jobs", "3", "--format", "html"])
        #expect(one.status == 0, "\(one.standardError)")
        #expect(one.standardOutput == three.standardOutput)
        #expect(one.standardOutput.contains("<svg") && one.standardOutput.contains("chart-stress-persons"))

        let whole = try Passage.run(base + ["--format", "json", "-o", folder.path("whole.json")])
        #expect(whole.status == 0, "\(whole.standardError)")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path("whole.json"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        var parts: [String] = []
        for k in 1...3 {
            let part = folder.path("part\(k).json")
            let run = try Passage.run(base + ["--shard", "\(k)/3", "--jobs", "2", "-o", part])
            #expect(run.status == 0, "\(run.standardError)")
            parts.append(part)
        }
        let merged = try Passage.run(["stress", "merge"] + parts.reversed() + ["--format", "json"])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardOutput == (try String(contentsOfFile: folder.path("whole.json"), encoding: .utf8)))
        let missing = try Passage.run(["stress", "merge", parts[0], parts[2]])
        #expect(missing.status == 1 && missing.standardError.contains("missing"))
        let twice = try Passage.run(["stress", "merge", parts[0], parts[0], parts[1], parts[2]])
        #expect(twice.status == 1, "\(twice.standardError)")

        // The first house closes in week 1 in every trial: everyone the plan lodges there is stranded.
        let planned = try Self.json(String(contentsOfFile: plan, encoding: .utf8))
        let firstHouse = try #require(
            try String(contentsOfFile: risky + "/safe_houses.csv", encoding: .utf8).split(separator: "\n")[1]
                .split(separator: ",").first.map(String.init))
        let lodged = try #require(planned["households"] as? [[String: Any]]).filter {
            (($0["itinerary"] as? [String: Any])?["stay"] as? [String: Any])?["houseID"] as? String == firstHouse
        }.count
        #expect(lodged > 0)
        let report = try Self.json(merged.standardOutput)
        #expect(try Self.statistic(report, "households_stranded")["minimum"] ?? -1 >= Double(lodged))
        let fragile = try #require(report["fragilePoints"] as? [[String: Any]])
        #expect(fragile.contains { $0["id"] as? String == firstHouse && $0["trials"] as? Int == 60 })
        #expect(!merged.standardOutput.contains("\"H0"))  // Counts only: no household id.

        // advance writes the columns back.
        let next = folder.path("next")
        let advanced = try Passage.run(["advance", risky, "--to-week", "3", "--plan", plan, "-o", next])
        #expect(advanced.status == 0, "\(advanced.standardError)")
        for (table, column) in [
            ("safe_houses.csv", "closure_risk"), ("legs.csv", "cancel_rate"), ("programmes.csv", "refusal_rate"),
            ("programmes.csv", "processing_weeks_max"),
        ] {
            let text = try String(contentsOfFile: next + "/" + table, encoding: .utf8)
            #expect(text.split(separator: "\n")[0].hasSuffix(column) || text.contains("," + column + ","), "\(table)")
        }
        let houses = try String(contentsOfFile: next + "/safe_houses.csv", encoding: .utf8)
        let rows = houses.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let risk = try #require(rows[0].firstIndex(of: "closure_risk"))
        #expect(rows.dropFirst().contains { $0[risk] == "0.02" })
        #expect(try Passage.run(["validate", next]).status == 0)
    }

    @Test func refusesBadOptions() throws {
        let noTrials = try Passage.run(["stress", Passage.demo, "--plan", "x.json", "--trials", "0"])
        #expect(noTrials.status != 0 && noTrials.standardError.contains("--trials"))
        let badShard = try Passage.run([
            "stress", Passage.demo, "--plan", "x.json", "--trials", "5", "--shard", "4/3", "-o", "p",
        ])
        #expect(badShard.status != 0 && badShard.standardError.contains("--shard"))
    }
}
