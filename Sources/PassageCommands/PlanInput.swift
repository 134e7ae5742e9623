import Foundation
import PassageSealing

/// Reading a JSON plan given on the command line (`roster`, `agenda`, `stress`).
enum PlanInput {
    /// The JSON plan's bytes: from the file as it is, or decrypted in memory when it is a sealed
    /// report (`plan --seal`), so a plan kept sealed at rest never has to be unsealed to disk.
    static func data(_ path: String, passphrase: PassphraseOptions) throws -> Data {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard SealedHeader.hasMagic(data) else { return data }
        let contents = try Sealer.unseal(SealedInput.read(path), passphrase: passphrase.forOpening())
        guard contents.kind == .report, contents.files.count == 1, let report = contents.files.values.first else {
            throw CommandInputError("\(path) is a sealed scenario, not a sealed plan")
        }
        return report
    }
}
