import Foundation
import HiGHSBackend
import Testing

/// `--solver glpk|highs` and `[solver] backend` in scenario.toml, end to end.
@Suite struct SolverChoiceTests {
    static func objective(_ result: CommandResult) throws -> Double {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        return try #require(object["objective"] as? Double)
    }

    @Test func highsPlansTheDemoToGLPKsOptimum() throws {
        guard HiGHSSolver.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true" else { return }
        let glpk = try Passage.run(["plan", Passage.demo, "--format", "json"])
        let highs = try Passage.run(["plan", Passage.demo, "--format", "json", "--solver", "highs"])
        #expect(glpk.status == 0 && highs.status == 0, "\(highs.standardError)")
        let (a, b) = (try Self.objective(glpk), try Self.objective(highs))
        #expect(abs(a - b) <= 1e-6 * abs(a))
    }

    @Test func aMissingHiGHSExitsWithStatus2AndSaysHowToInstallIt() throws {
        let result = try Passage.run(
            ["plan", Passage.demo, "--solver", "highs"],
            environment: ["PASSAGE_HIGHS_LIBRARY": "/nonexistent/libhighs.so"])
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("pip install highsbox"), "\(result.standardError)")
        #expect(result.standardError.contains("PASSAGE_HIGHS_LIBRARY"))
    }

    @Test func theScenarioNamesTheBackendAndTheOptionOverridesIt() throws {
        let folder = try TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: Passage.demo)
        where name.hasSuffix(".csv") || name.hasSuffix(".toml") {
            try FileManager.default.copyItem(atPath: Passage.demo + "/" + name, toPath: folder.path(name))
        }
        let settings = URL(fileURLWithPath: folder.path("scenario.toml"))
        let text = try String(contentsOf: settings, encoding: .utf8)
        try (text + "backend = \"highs\"\n").write(to: settings, atomically: true, encoding: .utf8)
        let missing: [String: String?] = ["PASSAGE_HIGHS_LIBRARY": "/nonexistent/libhighs.so"]
        let fromFile = try Passage.run(["plan", folder.url.path], environment: missing)
        #expect(fromFile.status == 2, "the scenario's backend = \"highs\" was not used")
        let overridden = try Passage.run(
            ["plan", folder.url.path, "--solver", "glpk", "--quiet"], environment: missing)
        #expect(overridden.status == 0, "\(overridden.standardError)")
    }

    @Test func anUnknownBackendIsAScenarioProblemWithItsPosition() throws {
        let folder = try TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: Passage.demo)
        where name.hasSuffix(".csv") || name.hasSuffix(".toml") {
            try FileManager.default.copyItem(atPath: Passage.demo + "/" + name, toPath: folder.path(name))
        }
        let settings = URL(fileURLWithPath: folder.path("scenario.toml"))
        let text = try String(contentsOf: settings, encoding: .utf8)
        try (text + "backend = \"cplex\"\n").write(to: settings, atomically: true, encoding: .utf8)
        let result = try Passage.run(["validate", folder.url.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("scenario.toml:"), "\(result.standardError)")
        #expect(result.standardError.contains("solver.backend must be \"glpk\" or \"highs\""))
    }
}
