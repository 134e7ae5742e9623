import ArgumentParser
import Foundation
import PassageReports
import PassageSealing

/// Options for protecting a report written to a file: `--seal`, `--force`, and where a passphrase
/// comes from; inside `ReportOutputOptions` for the commands that write a report, on their own for
/// `agenda` and `stress`, whose formats differ.
struct OutputProtectionOptions: ParsableArguments {
    @Flag(help: "Seal (encrypt) the report written to --output, and any chart, with a passphrase (docs/SEALED.md).")
    var seal = false

    @Flag(help: "Replace output files that exist (otherwise Passage never overwrites a file).")
    var force = false

    @OptionGroup var passphrase: PassphraseOptions

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
