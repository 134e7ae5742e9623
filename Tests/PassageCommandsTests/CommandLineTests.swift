import Foundation
import Testing

/// End-to-end: the `passage` executable on the demo and on broken copies of it.
@Suite struct CommandLineTests {
    @Test func validateAcceptsTheDemo() throws {
        let result = try Passage.run(["validate", Passage.demo])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("valid"))
    }

    @Test func validateReportsEveryProblemWithFileLineAndColumn() throws {
        let folder = try TemporaryFolder()
        try copyDemo(to: folder.url)
        // Two problems in two files: an urgency out of range and a leg to an unknown place.
        try edit(folder.url.appendingPathComponent("households.csv")) { lines in
            lines[1] = replacingField(lines[1], header: lines[0], column: "urgency", with: "9")
        }
        try edit(folder.url.appendingPathComponent("legs.csv")) { lines in
            lines[2] = replacingField(lines[2], header: lines[0], column: "to", with: "atlantis")
        }
        let result = try Passage.run(["validate", folder.url.path])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        let errors = result.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 2, "\(result.standardError)")
        #expect(errors.contains { $0.hasPrefix(folder.url.path + "/households.csv:2:") && $0.contains("urgency") })
        #expect(errors.contains { $0.hasPrefix(folder.url.path + "/legs.csv:3:") })
    }

    @Test func planRefusesABrokenScenarioAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        let scenario = folder.url.appendingPathComponent("scenario")
        try FileManager.default.createDirectory(at: scenario, withIntermediateDirectories: true)
        try copyDemo(to: scenario)
        try edit(scenario.appendingPathComponent("households.csv")) { lines in
            lines[1] = replacingField(lines[1], header: lines[0], column: "size", with: "many")
        }
        let output = folder.path("plan.json")
        let model = folder.path("model.lp")
        let result = try Passage.run(["plan", scenario.path, "--format", "json", "-o", output, "--export-model", model])
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(!FileManager.default.fileExists(atPath: model))
    }

    @Test func planOfTheDemoIsReadableAndDeterministic() throws {
        let text = try Passage.run(["plan", Passage.demo])
        #expect(text.status == 0, "\(text.standardError)")
        for heading in ["Summary", "Itineraries", "Capacity", "not moved"] {
            #expect(text.standardOutput.localizedCaseInsensitiveContains(heading), "missing \(heading)")
        }
        let first = try Passage.run(["plan", Passage.demo, "--format", "json"])
        let second = try Passage.run(["plan", Passage.demo, "--format", "json"])
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any])
        for key in ["status", "objective", "bound", "gap", "summary", "households"] {
            #expect(json[key] != nil, "JSON lacks \(key)")
        }
    }

    @Test func timingsAreInJSONOnlyWhenAskedFor() throws {
        let plain = try Passage.run(["plan", Passage.demo, "--format", "json"])
        let timed = try Passage.run(["plan", Passage.demo, "--format", "json", "--timings"])
        #expect(plain.status == 0 && timed.status == 0, "\(timed.standardError)")
        let plainSolver = try #require(
            (try JSONSerialization.jsonObject(with: Data(plain.standardOutput.utf8)) as? [String: Any])?["solver"]
                as? [String: Any])
        #expect(plainSolver["stages"] == nil && plainSolver["solveSeconds"] == nil)
        let solver = try #require(
            (try JSONSerialization.jsonObject(with: Data(timed.standardOutput.utf8)) as? [String: Any])?["solver"]
                as? [String: Any])
        #expect(solver["solveSeconds"] is Double)
        let stages = try #require(solver["stages"] as? [[String: Any]])
        #expect(stages.compactMap { $0["stage"] as? String }.prefix(3) == ["formulation", "greedy", "bound"])
        #expect(stages.allSatisfy { ($0["seconds"] as? Double).map { $0 >= 0 } ?? false })
    }

    /// The exported model, solved by glpsol, has the objective the JSON reports.
    @Test(arguments: ["lp", "mps"])
    func exportedModelReproducesTheReportedObjective(suffix: String) throws {
        let folder = try TemporaryFolder()
        let output = folder.path("plan.json")
        let model = folder.path("model.\(suffix)")
        let result = try Passage.run(["plan", Passage.demo, "--format", "json", "-o", output, "--export-model", model])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        for file in [output, model] {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
        let objective = try #require(json["objective"] as? Double)
        #expect(json["status"] as? String == "optimal")
        let glpsol = try glpsolObjective(modelPath: model, format: suffix, folder: folder)
        #expect(abs(glpsol - objective) <= 1e-6 * max(1, abs(objective)))
    }

    /// A solve stopped by the time limit says so: never "optimal".
    @Test func aTimeLimitedPlanReportsItsTrueStatus() throws {
        let json = try Passage.run(["plan", Passage.demo, "--format", "json", "--time-limit", "0.05"])
        #expect(json.status == 0, "\(json.standardError)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let status = try #require(object["status"] as? String)
        #expect(status.hasPrefix("time_limit"), "status \(status)")
        let text = try Passage.run(["plan", Passage.demo, "--time-limit", "0.05"])
        #expect(text.standardOutput.contains("TIME LIMIT"))
    }

    /// An output that cannot be written fails with status 2, a message, and nothing left behind.
    @Test func anUnwritableOutputFailsCleanly() throws {
        let folder = try TemporaryFolder()
        let output = folder.path("missing-folder/plan.json")
        let result = try Passage.run(["plan", Passage.demo, "--format", "json", "-o", output])
        #expect(result.status == 2)
        #expect(result.standardError.contains("passage: error:"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    /// The weekly loop: plan, then re-plan against that plan with one household marked started.
    @Test func replanningAgainstThePreviousPlan() throws {
        let folder = try TemporaryFolder()
        let previous = folder.path("previous.json")
        let first = try Passage.run(["plan", Passage.demo, "--format", "json", "-o", previous])
        #expect(first.status == 0, "\(first.standardError)")
        let again = try Passage.run(["plan", Passage.demo, "--previous", previous, "--started", "H001"])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardOutput.contains("No household's plan changed."))
        #expect(again.standardOutput.contains("H001  [committed]"))
        let unknown = try Passage.run(["plan", Passage.demo, "--previous", previous, "--started", "H009"])
        #expect(unknown.status != 0)
        #expect(unknown.standardError.contains("H009"))
    }

    @Test func badOptionsAreRefusedWithAMessage() throws {
        let result = try Passage.run(["plan", Passage.demo, "--mip-gap", "2"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--mip-gap"))
        let export = try Passage.run(["plan", Passage.demo, "--export-model", "model.txt"])
        #expect(export.status != 0)
        #expect(export.standardError.contains(".mps or .lp"))
    }
}

private func copyDemo(to folder: URL) throws {
    for name in try FileManager.default.contentsOfDirectory(atPath: Passage.demo)
    where name.hasSuffix(".csv") || name.hasSuffix(".toml") {
        try FileManager.default.copyItem(
            atPath: Passage.demo + "/" + name, toPath: folder.appendingPathComponent(name).path)
    }
}

private func edit(_ file: URL, _ change: (inout [String]) -> Void) throws {
    var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
    change(&lines)
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
}

/// The CSV line with one (unquoted) field replaced; the demo's first rows have no quoted fields.
private func replacingField(_ line: String, header: String, column: String, with value: String) -> String {
    let names = header.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
    }
    var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    if let position = names.firstIndex(of: column) { fields[position] = value }
    return fields.joined(separator: ",")
}

private func glpsolObjective(modelPath: String, format: String, folder: borrowing TemporaryFolder) throws -> Double {
    let report = folder.path("glpsol.txt")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    // With every cut (--cuts) glpsol proves the demo's optimum in about 4 s; without, about 150 s.
    process.arguments = ["glpsol", format == "lp" ? "--lp" : "--freemps", modelPath, "--cuts", "-o", report]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let text = try String(contentsOfFile: report, encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
    let number = line.split(separator: "=")[1].split(separator: " ")[0]
    return try #require(Double(number))
}

/// `passage plan --shadow-prices` end to end on the demo.
@Suite struct ShadowPriceCommandTests {
    @Test func planWithShadowPricesAddsBothSections() throws {
        let result = try Passage.run(["plan", Passage.demo, "--shadow-prices", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Shadow prices"))
        #expect(result.standardOutput.contains("Bottlenecks"))
        #expect(result.standardOutput.contains("LP relaxation"))
    }

    @Test func checkingBottlenecksNeedsShadowPrices() throws {
        let result = try Passage.run(["plan", Passage.demo, "--check-bottlenecks", "2"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--check-bottlenecks needs --shadow-prices"))
    }

    @Test func redactedReportsRefuseShadowPrices() throws {
        let result = try Passage.run(["plan", Passage.demo, "--shadow-prices", "--redact"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--shadow-prices"))
    }
}
