import Foundation
import Testing

/// The commands that read a scenario print its warnings as `validate` does (issue 14, a coordinator's
/// week): on standard error, in the same shape, even with `--quiet`, and never changing the exit status
/// or a byte of standard output.
@Suite struct ScenarioWarningCommandTests {
    /// A copy of the demo in `folder` (its H015 and H017 are larger than every house open to them) and,
    /// with `strayFile`, a misspelt `commitment.csv`. (Enlarging a household the demo moves makes the
    /// plan hit its time limit, and the reported gap then differs from run to run.)
    static func scenario(in folder: URL, strayFile: Bool) throws -> String {
        try StrayFileCommandTests.demoCopy(in: folder)
        if strayFile {
            try Data("household,start_week,outbound,safe_house,programme,onward\n".utf8)
                .write(to: folder.appendingPathComponent("commitment.csv"))
        }
        return folder.path
    }

    static func strayWarning(_ scenario: String) -> String {
        "\(scenario)/commitment.csv:1:1: warning: commitment.csv is not a file Passage reads, so it is ignored; "
            + "did you mean commitments.csv?"
    }

    static func sizeWarning(_ scenario: String) -> String {
        "\(scenario)/households.csv:16:6: warning: household H015 has more persons than the beds of any safe house "
            + "open to it (the largest, SH-EVN-2, has 3)"
    }

    /// Runs `arguments` on the scenario with the stray file and on the same scenario without it, and
    /// what `validate` prints on standard error for the first.
    static func compare(_ arguments: (String) -> [String]) throws -> (
        scenario: String, withStray: CommandResult, without: CommandResult, validated: String
    ) {
        let folder = try TemporaryFolder()
        let scenario = try Self.scenario(in: folder.url.appendingPathComponent("week"), strayFile: true)
        let validated = try Passage.run(["validate", scenario]).standardError
        let withStray = try Passage.run(arguments(scenario))
        try FileManager.default.removeItem(atPath: scenario + "/commitment.csv")
        let without = try Passage.run(arguments(scenario))
        return (scenario, withStray, without, validated)
    }

    @Test func planPrintsTheWarningsOnStandardErrorOnly() throws {
        let (scenario, withStray, without, validated) = try Self.compare {
            ["plan", $0, "--format", "csv", "--quiet"]
        }
        #expect(withStray.status == 0, "\(withStray.standardError)")
        #expect(without.status == 0, "\(without.standardError)")
        let lines = withStray.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first == Self.strayWarning(scenario), "\(withStray.standardError)")
        #expect(lines.contains { $0.hasPrefix(Self.sizeWarning(scenario)) }, "\(withStray.standardError)")
        #expect(lines.allSatisfy { $0.hasPrefix(scenario + "/") && $0.contains(": warning: ") })
        // The same lines as validate prints, in the same order.
        #expect(withStray.standardError == validated)
        #expect(!without.standardError.contains("commitment.csv"))
        #expect(without.standardError.contains(Self.sizeWarning(scenario)))
        // Only the unread file differs between the runs: the plan is the same to the byte.
        #expect(!withStray.standardOutput.isEmpty)
        #expect(withStray.standardOutput == without.standardOutput)
        #expect(!withStray.standardOutput.contains("warning:"))
    }

    @Test func whatIfPrintsTheWarningsOnStandardErrorOnly() throws {
        let change = WhatIfCommandTests.example("canada-doubles-quota.toml")
        let (scenario, withStray, without, _) = try Self.compare {
            ["whatif", $0, "--change", change, "--format", "csv", "--quiet"]
        }
        #expect(withStray.status == 0, "\(withStray.standardError)")
        #expect(without.status == 0, "\(without.standardError)")
        #expect(withStray.standardError.contains(Self.strayWarning(scenario) + "\n"))
        #expect(withStray.standardError.contains(Self.sizeWarning(scenario)))
        #expect(!without.standardError.contains("commitment.csv"))
        #expect(withStray.standardOutput.hasPrefix("measure,base,Canada doubles its quota\n"))
        #expect(withStray.standardOutput == without.standardOutput)
    }

    @Test func aReportWrittenToAFileHoldsNoWarning() throws {
        let folder = try TemporaryFolder()
        let scenario = try Self.scenario(in: folder.url.appendingPathComponent("week"), strayFile: true)
        let output = folder.path("plan.txt")
        let result = try Passage.run(["plan", scenario, "--output", output])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains(Self.strayWarning(scenario)))
        let report = try String(contentsOfFile: output, encoding: .utf8)
        #expect(!report.contains("warning:") && !report.contains("commitment.csv"))
    }

    @Test func aSealedScenarioWarnsByFileInsideIt() throws {
        let folder = try TemporaryFolder()
        let scenario = try Self.scenario(in: folder.url.appendingPathComponent("week"), strayFile: false)
        let sealed = folder.path("week.sealed")
        try SealingFixtures.seal(folder: scenario, to: sealed)
        let fromSealed = try Passage.run(
            ["plan", sealed, "--format", "csv", "--quiet"], environment: SealingFixtures.environment)
        let fromFolder = try Passage.run(["plan", scenario, "--format", "csv", "--quiet"])
        #expect(fromSealed.status == 0, "\(fromSealed.standardError)")
        #expect(fromSealed.standardError.contains(Self.sizeWarning(sealed)), "\(fromSealed.standardError)")
        #expect(fromSealed.standardOutput == fromFolder.standardOutput)
    }

    /// The commands that read a plan beside the scenario warn about the scenario too, and write the same bytes.
    @Test func theWeeklyCommandsPrintTheWarningsToo() throws {
        let folder = try TemporaryFolder()
        let plan = folder.path("plan.json")
        let planned = try Passage.run(["plan", Passage.demo, "--format", "json", "--output", plan, "--quiet"])
        try #require(planned.status == 0, "\(planned.standardError)")
        let commands: [(String) -> [String]] = [
            { ["agenda", $0, "--plan", plan] },
            { ["roster", $0, "--plan", plan, "--house", "SH-EVN-1"] },
            { ["stress", $0, "--plan", plan, "--trials", "4", "--seed", "1"] },
            { ["advance", $0, "--plan", plan, "--to-week", "2", "--output", folder.path("next"), "--force"] },
        ]
        for arguments in commands {
            let (scenario, withStray, without, _) = try Self.compare(arguments)
            let name = arguments(scenario)[0]
            #expect(withStray.status == 0, "\(name): \(withStray.standardError)")
            #expect(withStray.standardError.contains(Self.strayWarning(scenario) + "\n"), "\(name)")
            #expect(withStray.standardError.contains(Self.sizeWarning(scenario)), "\(name)")
            #expect(!without.standardError.contains("commitment.csv"), "\(name)")
            #expect(withStray.standardOutput == without.standardOutput, "\(name)")
        }
    }

    @Test func theHelpOfEveryCommandThatReadsAScenarioSaysSo() throws {
        for command in ["plan", "whatif", "sweep", "why-not", "advance", "agenda", "roster", "stress"] {
            let help = try Passage.run([command, "--help"])
            let text = help.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(
                text.contains(
                    "(FILE:LINE:COLUMN: warning: message), even with --quiet; they change nothing planned or written."),
                "\(command)")
        }
    }
}
