import Foundation
import Testing

/// End-to-end: a scenario with `document_services.csv` through `plan`, `agenda`, `advance`, `seal` and
/// `unseal` (docs/SCENARIO.md, `document_services.csv`).
@Suite struct DocumentStepCommandTests {
    static let services = """
        id,location,obtains,requires,nationalities,weeks,cost_per_person,risk,capacity
        DS-GRZ-PASS,grozny,international_passport,internal_id,RU,6,150,3,2

        """

    /// The demo with a passport office in Grozny, copied into `folder`/`name`.
    static func scenario(in folder: borrowing TemporaryFolder, name: String = "scenario") throws -> String {
        let path = folder.path(name)
        try FileManager.default.copyItem(atPath: Passage.demo, toPath: path)
        try Data(services.utf8).write(to: URL(fileURLWithPath: path).appendingPathComponent("document_services.csv"))
        return path
    }

    /// The households whose itineraries begin with a document step, with the week they apply in.
    static func steps(in json: String) throws -> [String: Int] {
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        var steps: [String: Int] = [:]
        for household in document?["households"] as? [[String: Any]] ?? [] {
            let itinerary = household["itinerary"] as? [String: Any]
            if let step = itinerary?["documentStep"] as? [String: Any] {
                steps[household["id"] as! String] = step["startWeek"] as? Int
            }
        }
        return steps
    }

    @Test func planAgendaAndAdvanceCarryTheStep() throws {
        let folder = try TemporaryFolder()
        let scenario = try Self.scenario(in: folder)
        let planPath = folder.path("plan.json")
        let plan = try Passage.run(["plan", scenario, "--format", "json", "-o", planPath, "--quiet"])
        #expect(plan.status == 0, "\(plan.standardError)")
        let json = try String(contentsOfFile: planPath, encoding: .utf8)
        let steps = try Self.steps(in: json)
        // Some households apply in week 1, never more than the office's 2 persons a week (all of size 1 here).
        let first = steps.filter { $0.value == 1 }.keys.sorted()
        #expect(!first.isEmpty, "\(steps)")
        #expect(json.contains("\"serviceID\" : \"DS-GRZ-PASS\""))

        let agenda = try Passage.run(["agenda", scenario, "--plan", planPath, "--week", "1", "--format", "csv"])
        #expect(agenda.status == 0, "\(agenda.standardError)")
        for id in first {
            #expect(agenda.standardOutput.contains("applies_for_document,\(id)"), "\(agenda.standardOutput)")
        }

        let next = folder.path("next")
        let advanced = try Passage.run(["advance", scenario, "--to-week", "2", "--plan", planPath, "-o", next])
        #expect(advanced.status == 0, "\(advanced.standardError)")
        let commitments = try String(contentsOfFile: next + "/commitments.csv", encoding: .utf8)
        #expect(commitments.hasPrefix("household,start_week,outbound,safe_house,programme,onward,document_service\n"))
        for id in first {
            #expect(commitments.contains("\n\(id),0,") && commitments.contains(",DS-GRZ-PASS\n"), "\(commitments)")
        }
        #expect(FileManager.default.fileExists(atPath: next + "/document_services.csv"))
        let replanned = try Passage.run(["plan", next, "--format", "json", "--quiet"])
        #expect(replanned.status == 0, "\(replanned.standardError)")
        let kept = try Self.steps(in: replanned.standardOutput)
        for id in first { #expect(kept[id] == 0, "\(kept)") }
    }

    @Test func sealAndUnsealCarryTheFile() throws {
        let folder = try TemporaryFolder()
        let scenario = try Self.scenario(in: folder)
        let sealed = folder.path("scenario.sealed")
        let env = SealingFixtures.environment
        let seal = try Passage.run(["seal", scenario, "-o", sealed], environment: env)
        #expect(seal.status == 0, "\(seal.standardError)")
        #expect((seal.standardOutput + seal.standardError).contains("document_services.csv"))
        let unseal = try Passage.run(["unseal", sealed, "-o", folder.path("out")], environment: env)
        #expect(unseal.status == 0, "\(unseal.standardError)")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: folder.path("out/document_services.csv")))
                == Data(Self.services.utf8))
        // And a plan from the sealed file is the plan from the folder.
        let fromFolder = try Passage.run(["plan", scenario, "--format", "json", "--quiet"])
        let fromSealed = try Passage.run(["plan", sealed, "--format", "json", "--quiet"], environment: env)
        #expect(fromSealed.status == 0, "\(fromSealed.standardError)")
        #expect(try !Self.steps(in: fromSealed.standardOutput).isEmpty)
        #expect(fromSealed.standardOutput == fromFolder.standardOutput)
    }

    /// `--vary document_service:ID=…` names an id of document_services.csv, checked before planning.
    @Test func aSweepRefusesAnUnknownDocumentService() throws {
        let folder = try TemporaryFolder()
        let scenario = try Self.scenario(in: folder)
        let unknown = try Passage.run(["sweep", scenario, "--vary", "document_service:DS-GRZ-PAS=1..3"])
        #expect(unknown.status == 64, "\(unknown.standardError)")
        #expect(
            unknown.standardError.contains(
                "--vary: document service DS-GRZ-PAS is not an id in document_services.csv; did you mean DS-GRZ-PASS?"),
            "\(unknown.standardError)")
        // The demo has no document_services.csv: no id is one.
        let none = try Passage.run(["sweep", Passage.demo, "--vary", "document_service:DS-GRZ-PASS=1..3"])
        #expect(none.status == 64, "\(none.standardError)")
        #expect(
            none.standardError.contains("--vary: document service DS-GRZ-PASS is not an id in document_services.csv"),
            "\(none.standardError)")
        let noID = try Passage.run(["sweep", scenario, "--vary", "document_service=1..3"])
        #expect(noID.status == 64)
        #expect(noID.standardError.contains("document_service needs the id of a document service"))
    }

    /// `passage stress` draws a document step's refusal and its weeks (`refusal_rate`, `weeks_max`):
    /// with every application refused, every household that applies stays where it is.
    @Test func stressCountsRefusedDocumentSteps() throws {
        let folder = try TemporaryFolder()
        let scenario = try Self.scenario(in: folder)
        let planPath = folder.path("plan.json")
        let plan = try Passage.run(["plan", scenario, "--format", "json", "-o", planPath, "--quiet"])
        #expect(plan.status == 0, "\(plan.standardError)")
        let applying = try Self.steps(in: try String(contentsOfFile: planPath, encoding: .utf8)).count
        #expect(applying > 0)
        // The same scenario with the office refusing everyone: only the stress columns differ.
        let refusing = """
            id,location,obtains,requires,nationalities,weeks,cost_per_person,risk,capacity,weeks_max,refusal_rate
            DS-GRZ-PASS,grozny,international_passport,internal_id,RU,6,150,3,2,8,1

            """
        try Data(refusing.utf8).write(
            to: URL(fileURLWithPath: scenario).appendingPathComponent("document_services.csv"))
        let stress = try Passage.run(
            ["stress", scenario, "--plan", planPath, "--trials", "20", "--format", "csv", "--quiet"])
        #expect(stress.status == 0, "\(stress.standardError)")
        let csv = stress.standardOutput
        for measure in ["minimum", "maximum"] {
            #expect(
                csv.contains("statistic,households_document_refused,\(measure),\(applying)\n"),
                "\(csv)")
        }
        #expect(csv.contains("fragile,document_service/DS-GRZ-PASS,trials,20\n"), "\(csv)")
        let text = try Passage.run(["stress", scenario, "--plan", planPath, "--trials", "20", "--quiet"])
        #expect(text.standardOutput.contains("households refused their document"), "\(text.standardOutput)")
        #expect(text.standardOutput.contains("document service"))
    }

    /// What readers outside the coordination see of document steps (docs/REPORTS.md): a redacted plan
    /// has no household rows, so no step, service or place; its JSON has the keys a plan without steps
    /// has. A house manager's roster gives a guest's arrival, which comes after its step, and nothing
    /// of the step itself.
    @Test func redactedPlansAndRostersShowNoStep() throws {
        let folder = try TemporaryFolder()
        let scenario = try Self.scenario(in: folder)
        let planPath = folder.path("plan.json")
        let plan = try Passage.run(["plan", scenario, "--format", "json", "-o", planPath, "--quiet"])
        #expect(plan.status == 0, "\(plan.standardError)")
        let full = try String(contentsOfFile: planPath, encoding: .utf8)
        #expect(try !Self.steps(in: full).isEmpty)

        let leaks = ["DS-GRZ-PASS", "documentStep", "document_service", "document service", "grozny", "passport"]
        for format in ["text", "markdown", "json", "csv", "html"] {
            let redacted = try Passage.run(["plan", scenario, "--redact", "--format", format, "--quiet"])
            #expect(redacted.status == 0, "\(redacted.standardError)")
            for word in leaks { #expect(!redacted.standardOutput.contains(word), "\(format): \(word)") }
        }
        func keys(_ json: String) throws -> [String] {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            return (object?.keys).map { $0.sorted() } ?? []
        }
        let withSteps = try Passage.run(["plan", scenario, "--redact", "--format", "json", "--quiet"])
        let without = try Passage.run(["plan", Passage.demo, "--redact", "--format", "json", "--quiet"])
        #expect(try keys(withSteps.standardOutput) == keys(without.standardOutput))

        // A house lodging a household that applied for its passport first.
        let document = try JSONSerialization.jsonObject(with: Data(full.utf8)) as? [String: Any]
        let stepped = (document?["households"] as? [[String: Any]] ?? []).compactMap { household in
            (household["itinerary"] as? [String: Any]).flatMap { $0["documentStep"] != nil ? $0 : nil }
        }
        let itinerary = try #require(stepped.first)
        let stay = try #require(itinerary["stay"] as? [String: Any])
        let house = try #require(stay["houseID"] as? String)
        let held = try #require((itinerary["documentStep"] as? [String: Any])?["heldWeek"] as? Int)
        let roster = try Passage.run(["roster", scenario, "--plan", planPath, "--house", house, "--format", "json"])
        #expect(roster.status == 0, "\(roster.standardError)")
        for word in leaks { #expect(!roster.standardOutput.contains(word), "roster: \(word)") }
        let guests = try JSONSerialization.jsonObject(with: Data(roster.standardOutput.utf8)) as? [String: Any]
        let firstWeeks = (guests?["guests"] as? [[String: Any]] ?? []).compactMap { $0["firstWeek"] as? Int }
        #expect(!firstWeeks.isEmpty)
        #expect(try #require(stay["fromWeek"] as? Int) >= held)
    }
}
