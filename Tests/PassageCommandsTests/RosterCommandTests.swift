import Foundation
import Testing

/// End-to-end: `passage roster` on the demo's plan gives one safe house's manager their own guests
/// and nothing about any other house, route, programme, destination, cost or urgency.
@Suite struct RosterCommandTests {
    /// Plans the demo as JSON into `folder`: the plan's path and, from its itineraries, the households
    /// lodged in each safe house.
    static func plannedDemo(in folder: borrowing TemporaryFolder) throws -> (
        plan: String, lodged: [String: Set<String>]
    ) {
        let plan = folder.path("plan.json")
        let result = try Passage.run(["plan", Passage.demo, "--format", "json", "-o", plan, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan))) as? [String: Any])
        var lodged: [String: Set<String>] = [:]
        for household in try #require(root["households"] as? [[String: Any]]) {
            guard let itinerary = household["itinerary"] as? [String: Any],
                let stay = itinerary["stay"] as? [String: Any]
            else { continue }
            lodged[try #require(stay["houseID"] as? String), default: []].insert(
                try #require(household["id"] as? String))
        }
        return (plan, lodged)
    }

    /// The first column of one of the demo's tables, without its header.
    static func demoIDs(_ table: String) throws -> [String] {
        let text = try String(contentsOfFile: Passage.demo + "/" + table, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
    }

    /// Whether `id` appears in `text` as a whole word (so `L1` is not found in `L10`).
    static func mentions(_ text: String, _ id: String) -> Bool {
        text.range(
            of: "(?<![A-Za-z0-9_-])" + NSRegularExpression.escapedPattern(for: id) + "(?![A-Za-z0-9_])",
            options: .regularExpression) != nil
    }

    @Test func listsExactlyTheHouseholdsThePlanLodgesThereAndNothingElse() throws {
        let folder = try TemporaryFolder()
        let (plan, lodged) = try Self.plannedDemo(in: folder)
        // The house with the most guests (ties by id), so the check is not vacuous.
        let house = try #require(lodged.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }.first?.key)
        let guests = try #require(lodged[house])
        #expect(guests.count >= 2)
        let json = try Passage.run(["roster", Passage.demo, "--plan", plan, "--house", house, "--format", "json"])
        #expect(json.status == 0, "\(json.standardError)")
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let listed = try #require(root["guests"] as? [[String: Any]]).compactMap { $0["householdID"] as? String }
        #expect(Set(listed) == guests && listed.count == guests.count)
        #expect(root["houseID"] as? String == house)

        let otherHouses = try Self.demoIDs("safe_houses.csv").filter { $0 != house }
        let programmes = try Self.demoIDs("programmes.csv")
        let legs = try Self.demoIDs("legs.csv")
        let otherHouseholds = try Self.demoIDs("households.csv").filter { !guests.contains($0) }
        // Places (origins, transit, destinations) and nationalities: none of a manager's business.
        let places = try Self.demoIDs("locations.csv")
        #expect(places.contains("grozny"))
        #expect(otherHouses.count == 7 && !programmes.isEmpty && !legs.isEmpty)
        for format in ["text", "markdown", "html", "csv", "json"] {
            let result = try Passage.run(["roster", Passage.demo, "--plan", plan, "--house", house, "--format", format])
            #expect(result.status == 0, "\(format): \(result.standardError)")
            let report = result.standardOutput
            for guest in guests { #expect(Self.mentions(report, guest), "\(format) lacks \(guest)") }
            for id in otherHouses + programmes + legs + otherHouseholds + places {
                #expect(!Self.mentions(report, id), "\(format) names \(id)")
            }
            let lowered = report.lowercased()
            for word in ["cost", "eur", "urgency", "budget", "route", "programme", "destination", "berlin", "paris"] {
                #expect(!Self.mentions(lowered, word), "\(format) says \(word)")
            }
        }
    }

    @Test(arguments: ["text", "markdown", "html", "csv", "json"])
    func writesAnOwnerOnlyFileWithTheSameBytesEveryTime(format: String) throws {
        let folder = try TemporaryFolder()
        let (plan, lodged) = try Self.plannedDemo(in: folder)
        let house = try #require(lodged.keys.sorted().first)
        var written: [Data] = []
        for name in ["first", "second"] {
            let output = folder.path("\(name).\(format)")
            let result = try Passage.run([
                "roster", Passage.demo, "--plan", plan, "--house", house, "--format", format, "-o", output,
            ])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.isEmpty)
            let attributes = try FileManager.default.attributesOfItem(atPath: output)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            written.append(try Data(contentsOf: URL(fileURLWithPath: output)))
        }
        #expect(written[0] == written[1] && !written[0].isEmpty)
        let stdout = try Passage.run(["roster", Passage.demo, "--plan", plan, "--house", house, "--format", format])
        #expect(Data(stdout.standardOutput.utf8) == written[0])
    }

    @Test func anUnknownHouseIsRefusedWithASuggestionAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        let (plan, _) = try Self.plannedDemo(in: folder)
        let output = folder.path("roster.txt")
        let result = try Passage.run(["roster", Passage.demo, "--plan", plan, "--house", "SH-EVN-3", "-o", output])
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "SH-EVN-3 is not a safe house of this scenario; did you mean SH-EVN-1, SH-EVN-2?"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func aPlanOfAnotherScenarioIsRefused() throws {
        let folder = try TemporaryFolder()
        let (plan, _) = try Self.plannedDemo(in: folder)
        // The same plan with one household the demo does not have.
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        let foreign = folder.path("foreign.json")
        try text.replacingOccurrences(of: "\"H001\"", with: "\"H999\"").write(
            toFile: foreign, atomically: true, encoding: .utf8)
        let result = try Passage.run(["roster", Passage.demo, "--plan", foreign, "--house", "SH-EVN-1"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("the plan does not belong to this scenario"))
        #expect(result.standardError.contains("H999"))
        #expect(result.standardOutput.isEmpty)
        // Not a plan at all: an unreadable input, status 2.
        let notAPlan = try Passage.run([
            "roster", Passage.demo, "--plan", Passage.demo + "/scenario.toml", "--house", "SH-EVN-1",
        ])
        #expect(notAPlan.status == 2 && notAPlan.standardError.contains("not a Passage JSON plan"))
    }

    @Test func sealsTheRosterAndHasNoRedactedForm() throws {
        let folder = try TemporaryFolder()
        let (plan, lodged) = try Self.plannedDemo(in: folder)
        let house = try #require(lodged.keys.sorted().first)
        let sealed = folder.path("roster.sealed")
        let result = try Passage.run(
            ["roster", Passage.demo, "--plan", plan, "--house", house, "--seal", "-o", sealed],
            environment: SealingFixtures.environment)
        #expect(result.status == 0, "\(result.standardError)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: sealed))
        #expect(!String(decoding: bytes, as: UTF8.self).contains(house))
        let opened = folder.path("roster.txt")
        let unsealed = try Passage.run(
            ["unseal", sealed, "--output", opened], environment: SealingFixtures.environment)
        #expect(unsealed.status == 0, "\(unsealed.standardError)")
        let plain = try Passage.run(["roster", Passage.demo, "--plan", plan, "--house", house])
        #expect(try String(contentsOfFile: opened, encoding: .utf8) == plain.standardOutput)
        #expect(
            try Passage.run(["roster", Passage.demo, "--plan", plan, "--house", house, "--seal"]).standardError
                .contains("--seal needs --output FILE"))
        #expect(try Passage.run(["roster", Passage.demo, "--plan", plan, "--house", house, "--redact"]).status != 0)
    }
}

extension RosterCommandTests {
    /// A plan kept sealed at rest (`plan --seal`) is read as it is, decrypted in memory only.
    @Test func readsASealedPlan() throws {
        let folder = try TemporaryFolder()
        let (plan, lodged) = try Self.plannedDemo(in: folder)
        let house = try #require(lodged.keys.sorted().first)
        let sealedPlan = folder.path("plan.sealed")
        let planned = try Passage.run(
            ["plan", Passage.demo, "--format", "json", "--seal", "-o", sealedPlan, "--quiet"],
            environment: SealingFixtures.environment)
        #expect(planned.status == 0, "\(planned.standardError)")
        let fromSealed = try Passage.run(
            ["roster", Passage.demo, "--plan", sealedPlan, "--house", house], environment: SealingFixtures.environment)
        #expect(fromSealed.status == 0, "\(fromSealed.standardError)")
        let fromPlain = try Passage.run(["roster", Passage.demo, "--plan", plan, "--house", house])
        #expect(fromSealed.standardOutput == fromPlain.standardOutput && !fromPlain.standardOutput.isEmpty)
        let wrong = try Passage.run(
            ["roster", Passage.demo, "--plan", sealedPlan, "--house", house],
            environment: [SealingFixtures.environment.keys.first!: "Another invented passphrase 7"])
        #expect(wrong.status == 2 && wrong.standardOutput.isEmpty)
    }
}
