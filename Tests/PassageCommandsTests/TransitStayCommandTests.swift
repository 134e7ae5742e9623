import Foundation
import Testing

/// End-to-end: a transit shelter (SH-VLK-1 in Vladikavkaz, `transit = yes`) through `plan`, `roster`,
/// `agenda`, `advance`, `seal` and `unseal` (docs/MODEL.md, "Transit stays").
@Suite struct TransitStayCommandTests {
    /// The demo with a transit shelter in Vladikavkaz (4 beds, 40 EUR a week, at most 6 weeks), copied
    /// into `folder`/`name`.
    static func scenario(in folder: borrowing TemporaryFolder, name: String = "scenario") throws -> String {
        let path = folder.path(name)
        try FileManager.default.copyItem(atPath: Passage.demo, toPath: path)
        let file = URL(fileURLWithPath: path).appendingPathComponent("safe_houses.csv")
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        if !lines[0].hasSuffix(",transit") {
            lines = [lines[0] + ",transit"] + lines.dropFirst().map { $0 + ",no" }
        }
        if !lines.contains(where: { $0.hasPrefix("SH-VLK-1,") }) { lines.append("SH-VLK-1,vladikavkaz,4,1,,40,6,,yes") }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        return path
    }

    /// The households whose itineraries make a transit stay, with its first and last week.
    static func transitStays(in json: String) throws -> [String: (from: Int, to: Int, house: String)] {
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        var stays: [String: (from: Int, to: Int, house: String)] = [:]
        for household in document?["households"] as? [[String: Any]] ?? [] {
            let itinerary = household["itinerary"] as? [String: Any]
            if let stay = itinerary?["transitStay"] as? [String: Any] {
                stays[household["id"] as! String] = (
                    stay["fromWeek"] as! Int, stay["toWeek"] as! Int, stay["houseID"] as! String
                )
            }
        }
        return stays
    }

    @Test func planRosterAgendaAndAdvanceCarryTheStay() throws {
        let folder = try TemporaryFolder()
        let demo = try Self.scenario(in: folder)
        let planPath = folder.path("plan.json")
        let plan = try Passage.run(["plan", demo, "--format", "json", "-o", planPath, "--quiet"])
        #expect(plan.status == 0, "\(plan.standardError)")
        let json = try String(contentsOfFile: planPath, encoding: .utf8)
        let stays = try Self.transitStays(in: json)
        // Some households leave home in week 1 for the shelter.
        let first = stays.filter { $0.value.from == 1 }.keys.sorted()
        #expect(!first.isEmpty, "\(stays)")
        #expect(stays.values.allSatisfy { $0.house == "SH-VLK-1" })
        // CSV plans gain the stay's columns.
        let csv = try Passage.run(["plan", demo, "--format", "csv", "--quiet"])
        #expect(csv.standardOutput.hasPrefix("household_id,") && csv.standardOutput.contains(",transit_house,"))
        for id in first { #expect(csv.standardOutput.contains(",SH-VLK-1,1,"), "\(id) \(csv.standardOutput)") }

        // The shelter's manager sees its transit guests; the agenda has them arrive.
        let roster = try Passage.run([
            "roster", demo, "--plan", planPath, "--house", "SH-VLK-1", "--format", "csv",
        ])
        #expect(roster.status == 0, "\(roster.standardError)")
        for id in stays.keys { #expect(roster.standardOutput.contains(",\(id),"), "\(roster.standardOutput)") }
        let agenda = try Passage.run(["agenda", demo, "--plan", planPath, "--week", "1", "--format", "csv"])
        #expect(agenda.status == 0, "\(agenda.standardError)")
        for id in first {
            #expect(agenda.standardOutput.contains("arrives_at_transit_house,\(id)"), "\(agenda.standardOutput)")
        }

        // Advanced to week 2, a transit stay begun in week 1 is a commitment, and stays as it was.
        let next = folder.path("next")
        let advanced = try Passage.run(["advance", demo, "--to-week", "2", "--plan", planPath, "-o", next])
        #expect(advanced.status == 0, "\(advanced.standardError)")
        let commitments = try String(contentsOfFile: next + "/commitments.csv", encoding: .utf8)
        #expect(
            commitments.hasPrefix(
                "household,start_week,outbound,safe_house,programme,onward,transit_house,transit_weeks\n"),
            "\(commitments)")
        for id in first {
            let weeks = stays[id]!.to - stays[id]!.from + 1
            #expect(
                commitments.contains("\n\(id),0,") && commitments.contains(",SH-VLK-1,\(weeks)\n"), "\(commitments)")
        }
        let safeHouses = try String(contentsOfFile: next + "/safe_houses.csv", encoding: .utf8)
        #expect(safeHouses.contains(",transit\n") && safeHouses.contains(",yes\n"))
        let replanned = try Passage.run(["plan", next, "--format", "json", "--quiet"])
        #expect(replanned.status == 0, "\(replanned.standardError)")
        let kept = try Self.transitStays(in: replanned.standardOutput)
        for id in first {
            #expect(kept[id]?.from == 0 && kept[id]?.to == stays[id]!.to - 1, "\(id) \(String(describing: kept[id]))")
        }
        #expect(replanned.standardOutput.contains("\"committed\" : true"))
    }

    @Test func sealAndUnsealCarryTheColumn() throws {
        let folder = try TemporaryFolder()
        let demo = try Self.scenario(in: folder)
        let sealed = folder.path("demo.sealed")
        let env = SealingFixtures.environment
        let seal = try Passage.run(["seal", demo, "-o", sealed], environment: env)
        #expect(seal.status == 0, "\(seal.standardError)")
        let unseal = try Passage.run(["unseal", sealed, "-o", folder.path("out")], environment: env)
        #expect(unseal.status == 0, "\(unseal.standardError)")
        let original = try Data(contentsOf: URL(fileURLWithPath: demo + "/safe_houses.csv"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("out/safe_houses.csv"))) == original)
        #expect(String(decoding: original, as: UTF8.self).contains("transit"))
        // And a plan from the sealed file is the plan from the folder, transit stays and all.
        let fromFolder = try Passage.run(["plan", demo, "--format", "json", "--quiet"])
        let fromSealed = try Passage.run(["plan", sealed, "--format", "json", "--quiet"], environment: env)
        #expect(fromSealed.status == 0, "\(fromSealed.standardError)")
        #expect(try !Self.transitStays(in: fromSealed.standardOutput).isEmpty)
        #expect(fromSealed.standardOutput == fromFolder.standardOutput)
    }
}
