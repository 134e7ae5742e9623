import Foundation
import Testing

/// End-to-end: `passage sweep` on the demo, and the mistakes it refuses before planning anything.
@Suite struct SweepCommandTests {
    /// Two values of SH-EVN-1's beds that the demo plans to optimality in about a second each.
    @Test func sweepsTheDemoInParallelAndWritesReportAndChartOwnerOnly() throws {
        let folder = try TemporaryFolder()
        let output = folder.path("sweep.csv")
        let chart = folder.path("sweep.svg")
        let result = try Passage.run([
            "sweep", Passage.demo, "--vary", "beds:SH-EVN-1=3..5:2", "--format", "csv", "--output", output,
            "--chart", chart, "--jobs", "2", "--quiet",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        // Standard error holds the demo's warnings, as validate prints them, and nothing else.
        let warnings = try Passage.warnings(of: Passage.demo)
        #expect(result.standardOutput.isEmpty && result.standardError == warnings)
        for path in [output, chart] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        }
        let csv = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 3)
        #expect(csv[1].hasPrefix("3,optimal,16674.65,"))
        #expect(csv[2].hasPrefix("5,optimal,14909.3,"))
        // One plan at a time gives the same bytes as two at once.
        let sequential = try Passage.run([
            "sweep", Passage.demo, "--vary", "beds:SH-EVN-1=3..5:2", "--format", "csv", "--jobs", "1",
        ])
        #expect(sequential.standardOutput == (try String(contentsOfFile: output, encoding: .utf8)))
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains("<desc id=\"chart-desc\">"))
        // Nothing is overwritten without --force.
        let again = try Passage.run([
            "sweep", Passage.demo, "--vary", "beds:SH-EVN-1=3..3", "--chart", chart, "--quiet",
        ])
        #expect(again.status == 2)
        #expect(again.standardError.contains("refusing to overwrite \(chart): it exists; use --force"))
        // Refused before planning, so the report is not written either.
        let report = folder.path("new.csv")
        let refused = try Passage.run([
            "sweep", Passage.demo, "--vary", "beds:SH-EVN-1=3..3", "-o", report, "--chart", chart, "--quiet",
        ])
        #expect(refused.status == 2 && !FileManager.default.fileExists(atPath: report))
    }

    /// `--seal` seals the report and the chart; each opens to what an unsealed sweep writes.
    @Test func sealedReportAndChartOpenToThePlainOnes() throws {
        let folder = try TemporaryFolder()
        let env = SealingFixtures.environment
        let arguments = ["sweep", Passage.demo, "--vary", "beds:SH-EVN-1=3..3", "--format", "csv", "--quiet"]
        let sealed = try Passage.run(
            arguments + ["-o", folder.path("s.csv"), "--chart", folder.path("s.svg"), "--seal"], environment: env)
        #expect(sealed.status == 0, "\(sealed.standardError)")
        let plain = try Passage.run(arguments + ["-o", folder.path("p.csv"), "--chart", folder.path("p.svg")])
        #expect(plain.status == 0, "\(plain.standardError)")
        for name in ["s.csv", "s.svg"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path(name))).prefix(8) == Data("PSGSEAL\n".utf8))
            let opened = try Passage.run(
                ["unseal", folder.path(name), "-o", folder.path("open-" + name)], environment: env)
            #expect(opened.status == 0, "\(opened.standardError)")
            let expected = try String(contentsOfFile: folder.path("p" + name.dropFirst()), encoding: .utf8)
            #expect(try String(contentsOfFile: folder.path("open-" + name), encoding: .utf8) == expected)
        }
    }

    @Test(arguments: [
        (["--vary", "beds:SH-EVN-1"], "--vary: \"beds:SH-EVN-1\" has no \"=\""),
        (["--vary", "rooms:SH-EVN-1=1..3"], "is not a resource to vary"),
        (["--vary", "beds:SH-EVN-1=9..3"], "FROM (9) is larger than TO (3)"),
        (["--vary", "beds:SH-EVN-1=1..3", "--jobs", "0"], "--jobs must be a positive number"),
        (["--vary", "beds:SH-EVN-1=1..3", "--chart", "chart.png"], "--chart must name a file ending in .svg"),
        (
            ["--vary", "beds:SH-EVN-3=1..3"],
            "--vary: safe house SH-EVN-3 is not an id in safe_houses.csv; did you mean SH-EVN-1, SH-EVN-2?"
        ),
        (["--vary", "beds:SH-EVN-1=1..3", "--seal"], "--seal needs --output FILE"),
        ([], "--vary"),
    ])
    func refusesMistakesWithAMessageNamingThem(arguments: [String], message: String) throws {
        let result = try Passage.run(["sweep", Passage.demo] + arguments)
        #expect(result.status == 64, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }
}
