import Foundation
import Testing

/// End-to-end: `passage agenda` on the demo's plan lists, week by week, exactly what the plan does, in
/// every format, into owner-only files with the same bytes every time, and refuses bad input.
@Suite struct AgendaCommandTests {
    /// Plans the demo as JSON into `folder`: the plan's path and its parsed JSON.
    static func plannedDemo(in folder: borrowing TemporaryFolder) throws -> (plan: String, root: [String: Any]) {
        let plan = folder.path("plan.json")
        let result = try Passage.run(["plan", Passage.demo, "--format", "json", "-o", plan, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan))) as? [String: Any])
        return (plan, root)
    }

    /// Every action the plan's itineraries hold, as `date kind household resource` (the leg, house or
    /// programme), read straight from the plan's JSON; the demo's shelter in Vladikavkaz gives some a
    /// transit stay.
    static func planActions(_ root: [String: Any]) throws -> [String] {
        var actions: [String] = []
        for household in try #require(root["households"] as? [[String: Any]]) {
            guard let itinerary = household["itinerary"] as? [String: Any] else { continue }
            let id = try #require(household["id"] as? String)
            for (key, kind) in [("outbound", "departs"), ("onward", "departs_onward")] {
                for leg in try #require(itinerary[key] as? [[String: Any]]) {
                    actions.append(
                        "\(try #require(leg["departureDate"] as? String)) \(kind) \(id) \(try #require(leg["legID"] as? String))"
                    )
                }
            }
            if let transit = itinerary["transitStay"] as? [String: Any] {
                actions.append(
                    "\(try #require(transit["arrivalDate"] as? String)) arrives_at_transit_house \(id) \(try #require(transit["houseID"] as? String))"
                )
            }
            let stay = try #require(itinerary["stay"] as? [String: Any])
            let arrival = try #require(stay["arrivalDate"] as? String)
            actions.append("\(arrival) arrives_at_house \(id) \(try #require(stay["houseID"] as? String))")
            let programme = try #require(itinerary["programmeID"] as? String)
            // Lodged on arrival at the house, which is in the lodging week in the demo's plan.
            #expect(itinerary["lodgedWeek"] as? Int == stay["fromWeek"] as? Int)
            actions.append("\(arrival) lodges_application \(id) \(programme)")
            actions.append(
                "\(try #require(itinerary["arrivalDate"] as? String)) arrives_at_destination \(id) \(programme)")
        }
        return actions
    }

    /// The agenda of `week` as JSON, its actions as `date kind household resource`.
    static func agendaActions(plan: String, week: Int) throws -> [String] {
        let result = try Passage.run(["agenda", Passage.demo, "--plan", plan, "--week", "\(week)", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(root["week"] as? Int == week && root["kind"] as? String == "agenda")
        return try #require(root["actions"] as? [[String: Any]]).map {
            let resource =
                ($0["legID"] as? String) ?? ($0["houseID"] as? String) ?? ($0["programmeID"] as? String) ?? ""
            return
                "\($0["date"] as? String ?? "?") \($0["kind"] as? String ?? "?") \($0["householdID"] as? String ?? "?") \(resource)"
        }
    }

    @Test func everyWeekListsExactlyWhatThePlanDoesThatWeek() throws {
        let folder = try TemporaryFolder()
        let (plan, root) = try Self.plannedDemo(in: folder)
        let all = try Self.planActions(root)
        let scenario = try #require(root["scenario"] as? [String: Any])
        let horizon = try #require(scenario["horizonWeeks"] as? Int)
        let start = try #require(scenario["startDate"] as? String)
        #expect(start == "2026-11-30" && horizon == 16)
        var listed: [String] = []
        for week in 1...horizon {
            let actions = try Self.agendaActions(plan: plan, week: week)
            // Sorted by day: ISO dates sort as text.
            #expect(actions.map { $0.prefix(10) } == actions.map { $0.prefix(10) }.sorted())
            if week == 1 {
                // Week 1 (2026-11-30 to 2026-12-06): every leg departing then, and nothing else.
                let expected = all.filter { $0 >= "2026-11-30" && $0 < "2026-12-07" }
                #expect(!expected.isEmpty && actions.contains { $0.contains(" departs ") })
                #expect(actions.sorted() == expected.sorted())
            }
            listed += actions
        }
        // Over the whole horizon, every action of the plan appears once, in its week.
        let inHorizon = all.filter { $0 >= "2026-11-30" && $0 < "2027-03-22" }
        #expect(listed.sorted() == inHorizon.sorted())
    }

    @Test(arguments: ["text", "markdown", "html", "csv", "json", "ics"])
    func writesAnOwnerOnlyFileWithTheSameBytesEveryTime(format: String) throws {
        let folder = try TemporaryFolder()
        let (plan, _) = try Self.plannedDemo(in: folder)
        var written: [Data] = []
        for name in ["first", "second"] {
            let output = folder.path("\(name).\(format)")
            let result = try Passage.run(["agenda", Passage.demo, "--plan", plan, "--format", format, "-o", output])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.isEmpty)
            let attributes = try FileManager.default.attributesOfItem(atPath: output)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            written.append(try Data(contentsOf: URL(fileURLWithPath: output)))
        }
        #expect(written[0] == written[1] && !written[0].isEmpty)
        let stdout = try Passage.run(["agenda", Passage.demo, "--plan", plan, "--format", format, "--week", "1"])
        #expect(Data(stdout.standardOutput.utf8) == written[0])
        // Without --force an existing file is never replaced.
        let again = try Passage.run([
            "agenda", Passage.demo, "--plan", plan, "--format", format, "-o", folder.path("first.\(format)"),
        ])
        #expect(again.status != 0)
        if format == "ics" {
            let text = String(decoding: written[0], as: UTF8.self)
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        }
    }

    @Test func aWeekOutsideThePlanIsRefusedAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        let (plan, _) = try Self.plannedDemo(in: folder)
        let output = folder.path("agenda.txt")
        for week in ["17", "0"] {
            let result = try Passage.run(["agenda", Passage.demo, "--plan", plan, "--week", week, "-o", output])
            #expect(result.status == 1)
            #expect(
                result.standardError.contains(
                    "week \(week) is not in the plan's horizon: give --week from 1 to 16 (Mon 2026-11-30 to Sun 2027-03-21)"
                ))
            #expect(!FileManager.default.fileExists(atPath: output))
        }
        let notANumber = try Passage.run(["agenda", Passage.demo, "--plan", plan, "--week", "two"])
        #expect(notANumber.status == 64)
        // `ics` is the agenda's own format, no other command's.
        let roster = try Passage.run(["roster", Passage.demo, "--plan", plan, "--house", "SH-EVN-1", "--format", "ics"])
        #expect(roster.status == 64)
        let unknownFormat = try Passage.run(["agenda", Passage.demo, "--plan", plan, "--format", "pdf"])
        #expect(unknownFormat.status == 64)
    }

    @Test func aPlanOfAnotherScenarioIsRefused() throws {
        let folder = try TemporaryFolder()
        let (plan, _) = try Self.plannedDemo(in: folder)
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        let foreign = folder.path("foreign.json")
        try text.replacingOccurrences(of: "\"H001\"", with: "\"H999\"").write(
            toFile: foreign, atomically: true, encoding: .utf8)
        let result = try Passage.run(["agenda", Passage.demo, "--plan", foreign])
        #expect(result.status == 1)
        #expect(result.standardError.contains("the plan does not belong to this scenario"))
        #expect(result.standardError.contains("H999"))
        #expect(result.standardOutput.isEmpty)
        let notAPlan = try Passage.run(["agenda", Passage.demo, "--plan", Passage.demo + "/scenario.toml"])
        #expect(notAPlan.status == 2 && notAPlan.standardError.contains("not a Passage JSON plan"))
    }

    @Test func readsASealedPlanAndSealsTheAgenda() throws {
        let folder = try TemporaryFolder()
        let (plan, _) = try Self.plannedDemo(in: folder)
        let sealedPlan = folder.path("plan.sealed")
        let planned = try Passage.run(
            ["plan", Passage.demo, "--format", "json", "--seal", "-o", sealedPlan, "--quiet"],
            environment: SealingFixtures.environment)
        #expect(planned.status == 0, "\(planned.standardError)")
        let fromSealed = try Passage.run(
            ["agenda", Passage.demo, "--plan", sealedPlan], environment: SealingFixtures.environment)
        #expect(fromSealed.status == 0, "\(fromSealed.standardError)")
        let fromPlain = try Passage.run(["agenda", Passage.demo, "--plan", plan])
        #expect(fromSealed.standardOutput == fromPlain.standardOutput && !fromPlain.standardOutput.isEmpty)
        let sealed = folder.path("agenda.sealed")
        let result = try Passage.run(
            ["agenda", Passage.demo, "--plan", plan, "--format", "ics", "--seal", "-o", sealed],
            environment: SealingFixtures.environment)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!String(decoding: try Data(contentsOf: URL(fileURLWithPath: sealed)), as: UTF8.self).contains("VEVENT"))
        #expect(
            try Passage.run(["agenda", Passage.demo, "--plan", plan, "--seal"]).standardError
                .contains("--seal needs --output FILE"))
        let help = try Passage.run(["agenda", "--help"])
        #expect(help.status == 0 && help.standardOutput.contains("--week") && help.standardOutput.contains("ics"))
        #expect(try Passage.run(["--help"]).standardOutput.contains("agenda"))
    }
}
