import Foundation

/// A passphrase as the bytes fed to scrypt: the UTF-8 of its Unicode canonical composition (NFC), so the
/// same passphrase typed on macOS and on Linux gives the same key.
public struct Passphrase: Sendable {
    /// The bytes given to the KDF.
    let bytes: [UInt8]
    /// The passphrase as typed, normalised; only the policy check reads it.
    let text: String

    /// A passphrase from text. One trailing line feed (or CR LF) is removed: files and pipes end lines.
    ///
    /// - Throws: ``SealingError/emptyPassphrase`` when nothing is left.
    public init(_ string: String) throws {
        var text = string
        if text.hasSuffix("\r\n") { text.removeLast() } else if text.hasSuffix("\n") { text.removeLast() }
        text = text.precomposedStringWithCanonicalMapping
        guard !text.isEmpty else { throw SealingError.emptyPassphrase }
        self.text = text
        self.bytes = Array(text.utf8)
    }
}
