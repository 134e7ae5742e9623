import Foundation
import Testing

/// End-to-end: planning a generated caseload twice gives byte-identical JSON reports.
@Suite struct PlanDeterminismTests {
    /// A caseload the compact model solves to proven optimality in well under a second, so neither
    /// run depends on the time limit. (Generated caseloads of 200 households do not prove optimal
    /// within 90 s, and a plan cut off by the clock is timing-dependent by nature.)
    @Test(arguments: [("50", "5", "steady"), ("60", "8", "crisis")])
    func theSameCaseloadPlansToTheSameBytes(households: String, seed: String, profile: String) throws {
        let folder = try TemporaryFolder()
        let scenario = folder.path("caseload")
        let generated = try Passage.run(
            ["generate", "--households", households, "--seed", seed, "--profile", profile, "-o", scenario])
        #expect(generated.status == 0, "\(generated.standardError)")
        let arguments = ["plan", scenario, "--format", "json", "--mip-gap", "0", "--time-limit", "60", "--quiet"]
        let first = try Passage.run(arguments)
        let second = try Passage.run(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(second.status == 0, "\(second.standardError)")
        #expect(first.standardOutput.contains("\"status\" : \"optimal\""))
        #expect(first.standardOutput.contains("\"households\""))
        #expect(Data(first.standardOutput.utf8) == Data(second.standardOutput.utf8))
    }
}

/// The formats of `ReportFormat`, as `--format` takes them.
private let reportFormats = ["text", "markdown", "json", "csv", "html"]

/// End-to-end, across processes: every report of the demo is the same bytes in two processes.
///
/// Swift seeds its hashing afresh in each process, so a report that followed the order of a `Set` or
/// a `Dictionary` would differ from one process to the next, yet render the same twice in one test
/// process. Each command here runs in two processes with random hashing (`SWIFT_DETERMINISTIC_HASHING`
/// removed from their environment) and, where it has `--jobs`, on a different number of threads.
@Suite struct CrossProcessDeterminismTests {
    static let changes = Passage.repositoryRoot.appendingPathComponent("Data/demo-changes").path

    /// Hash seeds left random in the children, whatever the test runner was given.
    static let randomHashing: [String: String?] = ["SWIFT_DETERMINISTIC_HASHING": nil]

    /// Runs `first` and then `second` (the same command, perhaps on another thread count), each in its
    /// own process, and expects a successful run and the same bytes; text and Markdown plans print
    /// how long the solve took, which is left out of the comparison.
    static func expectSameBytes(_ first: [String], _ second: [String]? = nil) throws {
        let one = try Passage.run(first, environment: randomHashing)
        let two = try Passage.run(second ?? first, environment: randomHashing)
        let command = first.joined(separator: " ")
        #expect(one.status == 0 && two.status == 0, "\(command): \(one.standardError) \(two.standardError)")
        #expect(!one.standardOutput.isEmpty, "\(command) printed nothing")
        #expect(
            Data(withoutSolveTimes(one.standardOutput).utf8) == Data(withoutSolveTimes(two.standardOutput).utf8),
            "\(command) differs between two processes")
    }

    /// `text` with every duration (`solved in 2.91 s`, `bound 0.59 s`) replaced by `# s`.
    static func withoutSolveTimes(_ text: String) -> String {
        text.replacing(/[0-9][0-9.,]* s\b/, with: "# s")
    }

    /// Every `plan` format, redacted and not; those not redacted with shadow prices too. Solves stop
    /// within 5 % of the bound, quickly and at the same point in every process (the gap, not the clock).
    @Test(arguments: reportFormats, [false, true])
    func planReports(format: String, redacted: Bool) throws {
        try Self.expectSameBytes(
            ["plan", Passage.demo, "--format", format, "--mip-gap", "0.05", "--quiet"]
                + (redacted ? ["--redact"] : ["--shadow-prices"]))
    }

    @Test func whatIfComparison() throws {
        try Self.expectSameBytes([
            "whatif", Passage.demo, "--change", "\(Self.changes)/close-yerevan-house-week-4.toml", "--format", "json",
            "--mip-gap", "0.05", "--quiet",
        ])
    }

    @Test func sweepOnOneAndOnTwoThreads() throws {
        let sweep = [
            "sweep", Passage.demo, "--vary", "quota:P-DE-EVN=3..4", "--format", "json", "--mip-gap", "0.05", "--quiet",
        ]
        try Self.expectSameBytes(sweep + ["--jobs", "1"], sweep + ["--jobs", "2"])
    }

    @Test func whyNotOnOneAndOnTwoThreads() throws {
        let whyNot = ["why-not", Passage.demo, "H015", "--format", "json", "--mip-gap", "0.05", "--quiet"]
        try Self.expectSameBytes(whyNot + ["--jobs", "1"], whyNot + ["--jobs", "2"])
    }

    /// A re-plan stopped by its node limit (H016's, at 5 nodes) is the same in two processes on one and
    /// two threads, and the report says the node limit, not the clock, stopped it.
    @Test func whyNotStoppedByTheNodeLimitOnOneAndOnTwoThreads() throws {
        let whyNot = ["why-not", Passage.demo, "H016", "--node-limit", "5", "--quiet"]
        try Self.expectSameBytes(whyNot + ["--jobs", "1"], whyNot + ["--jobs", "2"])
        let text = try Passage.run(whyNot).standardOutput
        #expect(text.contains("1 of these plans stopped at the node limit before proving optimality"))
        #expect(!text.contains("time limit"))
    }

    /// The commands that read a JSON plan, from one plan written once.
    @Test func agendaRosterAndStressOfOnePlan() throws {
        let folder = try TemporaryFolder()
        let plan = folder.path("plan.json")
        let planned = try Passage.run(
            ["plan", Passage.demo, "--format", "json", "--mip-gap", "0.05", "-o", plan, "--quiet"])
        try #require(planned.status == 0, "\(planned.standardError)")
        for format in reportFormats + ["ics"] {
            try Self.expectSameBytes(["agenda", Passage.demo, "--plan", plan, "--week", "3", "--format", format])
        }
        for format in reportFormats {
            try Self.expectSameBytes([
                "roster", Passage.demo, "--plan", plan, "--house", "SH-EVN-1", "--format", format,
            ])
        }
        let stress = [
            "stress", Passage.demo, "--plan", plan, "--trials", "200", "--seed", "7", "--format", "json", "--quiet",
        ]
        try Self.expectSameBytes(stress + ["--jobs", "1"], stress + ["--jobs", "2"])
    }
}
