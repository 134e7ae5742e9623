import Foundation

/// What a sealed file holds: a scenario folder or a single report. Stored in the header.
public enum SealedContentKind: UInt8, Sendable, Hashable {
    /// The files of a scenario folder.
    case scenario = 1
    /// One report file (a plan).
    case report = 2
}

/// The 64-byte header of a sealed file (layout in docs/SEALED.md). It is authenticated as associated
/// data of every chunk, so changing any header byte makes every chunk fail.
public struct SealedHeader: Sendable, Hashable {
    /// The first eight bytes of every sealed file: ASCII `PSGSEAL` and a line feed.
    public static let magic: [UInt8] = Array("PSGSEAL\n".utf8)
    /// The only format version this build writes and reads.
    public static let version: UInt8 = 1
    /// Header length in bytes.
    public static let length = 64
    /// Key derivation function identifier: scrypt.
    static let kdfScrypt: UInt8 = 1
    /// AEAD identifier: ChaCha20-Poly1305 (RFC 8439).
    static let aeadChaChaPoly: UInt8 = 1
    /// Salt length in bytes.
    static let saltLength = 32
    /// Length of the random nonce prefix; the rest of the 12-byte nonce is the chunk index and final flag.
    static let noncePrefixLength = 7
    /// Chunk sizes readers accept, as log2: 64 bytes to 1 MiB.
    static let log2ChunkSizeRange: ClosedRange<UInt8> = 6...20
    /// The chunk size written by default: 64 KiB.
    public static let defaultLog2ChunkSize: UInt8 = 16
    /// Largest sealed file read or written: 512 MiB (scenarios are a few megabytes).
    public static let maximumFileSize = 1 << 29

    /// What the file holds.
    public var kind: SealedContentKind
    /// The scrypt parameters used to derive the key.
    public var scrypt: ScryptParameters
    /// The per-file random salt.
    public var salt: [UInt8]
    /// log2 of the plaintext chunk size.
    public var log2ChunkSize: UInt8
    /// The per-file random nonce prefix.
    public var noncePrefix: [UInt8]

    /// The plaintext chunk size in bytes.
    var chunkSize: Int { 1 << Int(log2ChunkSize) }

    /// Whether `data` starts with the magic bytes (a cheap test before asking for a passphrase).
    public static func hasMagic(_ data: some DataProtocol) -> Bool {
        data.count >= magic.count && Array(data.prefix(magic.count)) == magic
    }

    /// The header's 64 bytes.
    var bytes: [UInt8] {
        var out = Self.magic
        out.append(Self.version)
        out.append(kind.rawValue)
        out.append(Self.kdfScrypt)
        out.append(scrypt.log2N)
        out += bigEndian(scrypt.r)
        out += bigEndian(scrypt.p)
        out += salt
        out.append(Self.aeadChaChaPoly)
        out.append(log2ChunkSize)
        out += noncePrefix
        out += [0, 0, 0]
        precondition(out.count == Self.length, "sealed header layout")
        return out
    }

    /// Parses and bounds-checks the first 64 bytes of `data`.
    static func parse(_ data: Data) throws -> SealedHeader {
        guard hasMagic(data) else { throw SealingError.notSealed }
        guard data.count >= length else { throw SealingError.invalidHeader("the file is shorter than the header") }
        let b = [UInt8](data.prefix(length))
        guard b[8] == version else { throw SealingError.unsupportedVersion(b[8]) }
        guard let kind = SealedContentKind(rawValue: b[9]) else { throw SealingError.invalidHeader("unknown content kind \(b[9])") }
        guard b[10] == kdfScrypt else { throw SealingError.invalidHeader("unknown key derivation function \(b[10])") }
        let scrypt = try ScryptParameters(log2N: b[11], r: readBigEndian(b[12..<16]), p: readBigEndian(b[16..<20]))
        let salt = Array(b[20..<52])
        guard b[52] == aeadChaChaPoly else { throw SealingError.invalidHeader("unknown cipher \(b[52])") }
        guard log2ChunkSizeRange.contains(b[53]) else {
            throw SealingError.invalidHeader("chunk size 2^\(b[53]) is not in 2^6...2^20")
        }
        guard b[61..<64].allSatisfy({ $0 == 0 }) else { throw SealingError.invalidHeader("reserved bytes are not zero") }
        return SealedHeader(kind: kind, scrypt: scrypt, salt: salt, log2ChunkSize: b[53], noncePrefix: Array(b[54..<61]))
    }
}

/// `value` as four big-endian bytes.
func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
}

/// Four big-endian bytes as a number.
func readBigEndian(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    bytes.reduce(0) { $0 << 8 | UInt32($1) }
}
