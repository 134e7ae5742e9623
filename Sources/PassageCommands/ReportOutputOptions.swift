import ArgumentParser
import PassageReports
import PassageSealing

/// `--format` and `-o/--output`, with the options protecting a report written to a file (`--seal`,
/// `--force`, the passphrase): what a report looks like and where it goes, for every command that
/// writes one in the formats of `ReportFormat` (`plan`, `whatif`, `sweep`, `why-not`, `roster`,
/// `stress merge`).
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "Report format: text, markdown, json, csv or html.")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @OptionGroup(title: "Protection") var protection: OutputProtectionOptions

    func validate() throws {
        // A sealed report is a file; standard output gets plain text or nothing.
        if protection.seal && output == nil { throw ValidationError("--seal needs --output FILE") }
    }

    /// Where a sealed or scenario file's passphrase comes from.
    var passphrase: PassphraseOptions { protection.passphrase }

    /// The passphrase to seal the report with, asked for now when `--seal` is given (before any solve,
    /// so nobody waits for the solver to be asked for it); nil otherwise.
    func sealingPassphrase() throws -> Passphrase? {
        try protection.seal ? protection.passphrase.forSealing() : nil
    }

    /// Writes `report` to `--output` (sealed with `key`, named `plainName` inside the sealed file where
    /// the file's own name cannot be stored), or prints it.
    func emit(_ report: String, sealingWith key: Passphrase?, plainName: String) throws {
        try protection.emit(report, to: output, sealingWith: key, plainName: plainName)
    }
}

/// `-q/--quiet`, for every command that shows progress on standard error while it works.
struct ProgressOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "No progress lines on standard error.")
    var quiet = false

    /// Whether to show progress: standard error is a terminal and `--quiet` is not given.
    var showsProgress: Bool { SolveProgress.isWanted(quiet: quiet) }
}
