import Crypto
import CryptoExtras
import Foundation

/// The files sealed in one sealed file and what they are.
public struct SealedContents: Sendable, Hashable {
    /// A scenario folder or a report.
    public var kind: SealedContentKind
    /// File contents keyed by plain file name (e.g. `households.csv`).
    public var files: [String: Data]

    /// Whether `name` may name a file in sealed contents (letters, digits, `.`, `_`, `-`; no leading dot).
    public static func isPlainFileName(_ name: String) -> Bool { SealedArchive.isPlainFileName(name) }

    /// Contents of `kind` made of `files`.
    public init(kind: SealedContentKind, files: [String: Data]) {
        self.kind = kind
        self.files = files
    }
}

/// Seals and unseals files: scrypt key derivation, then ChaCha20-Poly1305 over fixed-size chunks in the
/// STREAM construction (docs/SEALED.md). Unsealing authenticates every chunk before returning anything.
public enum Sealer {
    /// Length of the Poly1305 tag after every chunk.
    static let tagLength = 16

    /// Seals `contents` with `passphrase`. `parameters` and `log2ChunkSize` are for tests; the command line
    /// uses the defaults. The passphrase policy is the caller's job (see `PassphrasePolicy`).
    public static func seal(
        _ contents: SealedContents, passphrase: Passphrase, parameters: ScryptParameters = .standard,
        log2ChunkSize: UInt8 = SealedHeader.defaultLog2ChunkSize
    ) throws -> Data {
        precondition(SealedHeader.log2ChunkSizeRange.contains(log2ChunkSize), "chunk size out of range")
        let plaintext = try SealedArchive.encode(contents.files)
        let header = SealedHeader(
            kind: contents.kind, scrypt: parameters, salt: randomBytes(SealedHeader.saltLength),
            log2ChunkSize: log2ChunkSize, noncePrefix: randomBytes(SealedHeader.noncePrefixLength))
        let estimate = SealedHeader.length + plaintext.count + (plaintext.count / header.chunkSize + 1) * tagLength
        guard estimate <= SealedHeader.maximumFileSize else { throw SealingError.tooLarge(estimate) }
        let key = try deriveKey(passphrase, header: header)
        let aad = Data(header.bytes)
        var out = aad
        // Full chunks, then a final one of 1...chunkSize bytes (0 bytes only for an empty plaintext).
        let chunkCount = max(1, (plaintext.count + header.chunkSize - 1) / header.chunkSize)
        for index in 0..<chunkCount {
            let start = plaintext.startIndex + index * header.chunkSize
            let end = min(start + header.chunkSize, plaintext.endIndex)
            let nonce = try self.nonce(header, index: index, isFinal: index == chunkCount - 1)
            let box = try ChaChaPoly.seal(plaintext[start..<end], using: key, nonce: nonce, authenticating: aad)
            out.append(box.ciphertext)
            out.append(box.tag)
        }
        return out
    }

    /// Opens `data` with `passphrase`. Every chunk is authenticated before the archive is parsed, so a
    /// truncated, reordered or altered file is rejected before anything is returned.
    ///
    /// `maximumScryptMemoryBytes` lowers the cap on what the header may make scrypt allocate (never
    /// above ``ScryptParameters/maximumMemoryBytes``); the fuzzer uses it so each input costs
    /// milliseconds, not seconds.
    public static func unseal(
        _ data: Data, passphrase: Passphrase,
        maximumScryptMemoryBytes: Int = ScryptParameters.maximumMemoryBytes
    ) throws -> SealedContents {
        guard data.count <= SealedHeader.maximumFileSize else { throw SealingError.tooLarge(data.count) }
        let header = try SealedHeader.parse(data)
        guard header.scrypt.memoryBytes <= maximumScryptMemoryBytes else {
            throw SealingError.invalidHeader("scrypt parameters need more memory than allowed here")
        }
        let body = data.dropFirst(SealedHeader.length)
        guard body.count >= tagLength else { throw SealingError.damaged("it ends before the first chunk") }
        let key = try deriveKey(passphrase, header: header)
        let aad = Data(header.bytes)
        let sealedChunk = header.chunkSize + tagLength
        var plaintext = Data()
        plaintext.reserveCapacity(body.count)
        var offset = body.startIndex
        var index = 0
        while offset < body.endIndex {
            // A chunk is final exactly when nothing follows it; its nonce says whether it was written as final.
            let remaining = body.endIndex - offset
            let isFinal = remaining <= sealedChunk
            let length = isFinal ? remaining : sealedChunk
            guard length >= tagLength else { throw SealingError.damaged("chunk \(index) is shorter than its tag") }
            let chunk = body[offset..<(offset + length)]
            do {
                let box = try ChaChaPoly.SealedBox(
                    nonce: try nonce(header, index: index, isFinal: isFinal),
                    ciphertext: chunk.prefix(length - tagLength), tag: chunk.suffix(tagLength))
                plaintext.append(try ChaChaPoly.open(box, using: key, authenticating: aad))
            } catch {
                if index == 0 { throw SealingError.wrongPassphraseOrDamaged }
                throw SealingError.damaged("chunk \(index) failed authentication (altered, reordered or truncated)")
            }
            offset += length
            index += 1
        }
        return SealedContents(kind: header.kind, files: try SealedArchive.decode(plaintext))
    }

    /// The 12-byte nonce: the file's 7-byte prefix, the chunk index (u32, big-endian), the final flag.
    static func nonce(_ header: SealedHeader, index: Int, isFinal: Bool) throws -> ChaChaPoly.Nonce {
        guard index < Int(UInt32.max) else { throw SealingError.damaged("too many chunks") }
        return try ChaChaPoly.Nonce(data: header.noncePrefix + bigEndian(UInt32(index)) + [isFinal ? 1 : 0])
    }

    /// scrypt(passphrase, salt, N, r, p) → 32-byte key.
    static func deriveKey(_ passphrase: Passphrase, header: SealedHeader) throws -> SymmetricKey {
        let p = header.scrypt
        do {
            return try KDF.Scrypt.deriveKey(
                from: passphrase.bytes, salt: header.salt, outputByteCount: 32, rounds: 1 << Int(p.log2N),
                blockSize: Int(p.r), parallelism: Int(p.p))
        } catch {
            throw SealingError.keyDerivationFailed
        }
    }

    /// `count` bytes from the system's cryptographic random source.
    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
