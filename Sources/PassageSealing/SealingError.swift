/// Why a file could not be sealed or unsealed. Messages never contain any of the sealed contents.
public enum SealingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input does not start with the sealed-file magic bytes.
    case notSealed
    /// The header names a format version this build does not read.
    case unsupportedVersion(UInt8)
    /// A header field is out of the accepted range (bounded so a crafted header cannot exhaust memory or time).
    case invalidHeader(String)
    /// The first chunk failed authentication: the passphrase is wrong, or the header or first chunk was altered.
    case wrongPassphraseOrDamaged
    /// A later chunk failed authentication, or chunks are missing, reordered or truncated.
    case damaged(String)
    /// The decrypted payload is not a well-formed archive (only possible with a buggy writer).
    case invalidArchive(String)
    /// The passphrase was refused when sealing (see `PassphrasePolicy`).
    case weakPassphrase(String)
    /// The passphrase is empty.
    case emptyPassphrase
    /// The key could not be derived (parameters rejected by the KDF).
    case keyDerivationFailed
    /// The file is larger than `SealedHeader.maximumFileSize`.
    case tooLarge(Int)

    /// A readable message naming the problem, never the contents.
    public var description: String {
        switch self {
        case .notSealed: return "not a sealed Passage file (the magic bytes are missing)"
        case .unsupportedVersion(let v): return "sealed file format version \(v) is not supported by this build"
        case .invalidHeader(let why): return "invalid sealed-file header: \(why)"
        case .wrongPassphraseOrDamaged:
            return "cannot open the sealed file: wrong passphrase, or the file was altered or damaged"
        case .damaged(let why): return "the sealed file is damaged or was altered: \(why)"
        case .invalidArchive(let why): return "the sealed file's contents are malformed: \(why)"
        case .weakPassphrase(let why): return "passphrase refused: \(why)"
        case .emptyPassphrase: return "the passphrase is empty"
        case .keyDerivationFailed: return "the key could not be derived from the passphrase"
        case .tooLarge(let size):
            return "the file is too large to seal or unseal (\(size) bytes; limit \(SealedHeader.maximumFileSize))"
        }
    }
}
