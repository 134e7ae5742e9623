import ArgumentParser
import Foundation
import PassageReports
import PassageSealing

/// `plan`'s options for sharing and protecting its outputs: `--redact`, `--seal`, `--force`, and where
/// a passphrase comes from.
struct ReportProtectionOptions: ParsableArguments {
    @Flag(help: "Aggregates only, safe to share: no household ids or rows, counts under 5 shown as <5, safe houses as House A, B… (docs/REPORTS.md).")
    var redact = false

    @Flag(help: "Seal (encrypt) the report written to --output with a passphrase (docs/SEALED.md).")
    var seal = false

    @Flag(help: "Replace output files that exist (otherwise Passage never overwrites a file).")
    var force = false

    @OptionGroup var passphrase: PassphraseOptions

    /// Writes `report` to `path`, sealed as a one-file report when a sealing passphrase is given.
    func write(_ report: String, to path: String, sealingWith key: Passphrase?) throws {
        guard let key else { return try OutputFile.write(report, to: path, replacing: force) }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let plainName = SealedContents.isPlainFileName(name) ? name : "plan"
        let sealed = try Sealer.seal(SealedContents(kind: .report, files: [plainName: Data(report.utf8)]), passphrase: key)
        try OutputFile.write(data: sealed, to: path, replacing: force)
    }
}
