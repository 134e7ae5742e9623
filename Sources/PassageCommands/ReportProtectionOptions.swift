import ArgumentParser
import Foundation
import PassageReports
import PassageSealing

/// Options for protecting a report written to a file: `--seal`, `--force`, and where a passphrase
/// comes from; on their own for reports that have no redacted form (`why-not`, `roster`, `whatif`,
/// `sweep`), inside `ReportProtectionOptions` for `plan`.
struct OutputProtectionOptions: ParsableArguments {
    @Flag(help: "Seal (encrypt) the report written to --output, and any chart, with a passphrase (docs/SEALED.md).")
    var seal = false

    @Flag(help: "Replace output files that exist (otherwise Passage never overwrites a file).")
    var force = false

    @OptionGroup var passphrase: PassphraseOptions

    /// Writes `report` to `path`, sealed as a one-file report when a sealing passphrase is given.
    func write(_ report: String, to path: String, sealingWith key: Passphrase?) throws {
        try writeReport(report, to: path, replacing: force, sealingWith: key, plainName: "plan")
    }

    /// Writes `report` to `output` (owner-only, atomic; sealed with `key` as a one-file report,
    /// named `plainName` where the file's own name cannot be stored), or prints it when there is no
    /// `output`.
    func emit(_ report: String, to output: String?, sealingWith key: Passphrase?, plainName: String = "plan") throws {
        if let output {
            try writeReport(report, to: output, replacing: force, sealingWith: key, plainName: plainName)
        } else {
            // Scalars, not characters: a calendar file ends in CRLF, one Character that is not "\n".
            print(report, terminator: report.unicodeScalars.last == "\n" ? "" : "\n")
        }
    }
}

/// `plan`'s options for sharing and protecting its outputs: `--redact`, and those of
/// `OutputProtectionOptions`.
struct ReportProtectionOptions: ParsableArguments {
    @Flag(
        help:
            "Aggregates only, safe to share: no household ids or rows, counts under 5 shown as <5, safe houses as House A, B… (docs/REPORTS.md)."
    )
    var redact = false

    @OptionGroup var output: OutputProtectionOptions

    var seal: Bool { output.seal }
    var force: Bool { output.force }
    var passphrase: PassphraseOptions { output.passphrase }

    /// Writes `report` to `path`, sealed as a one-file report when a sealing passphrase is given.
    func write(_ report: String, to path: String, sealingWith key: Passphrase?) throws {
        try output.write(report, to: path, sealingWith: key)
    }
}

/// Writes `text` to `path` (owner-only, atomic), or, with a sealing passphrase, a sealed one-file
/// report holding it under the output's own name (or `plainName` when that name cannot be stored).
/// Every command that writes a report or chart goes through here.
func writeReport(_ text: String, to path: String, replacing: Bool, sealingWith key: Passphrase?, plainName: String)
    throws
{
    guard let key else { return try OutputFile.write(text, to: path, replacing: replacing) }
    let name = URL(fileURLWithPath: path).lastPathComponent
    let inside = SealedContents.isPlainFileName(name) ? name : plainName
    let sealed = try Sealer.seal(SealedContents(kind: .report, files: [inside: Data(text.utf8)]), passphrase: key)
    try OutputFile.write(data: sealed, to: path, replacing: replacing)
}
