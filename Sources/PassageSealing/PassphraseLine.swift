// What `--passphrase-fd N` reads, turned into a passphrase. The bytes come from outside (a file, a pipe,
// another program), so this part is kept apart from the file-descriptor reading and fuzzed on its own
// (docs/FUZZING.md).

/// The first line of what a passphrase file descriptor gives.
public enum PassphraseLine {
    /// At most this many bytes are read before the line is cut off.
    public static let maximumBytes = 4096

    /// Why the bytes hold no usable passphrase line.
    public enum Problem: Error, Sendable, Equatable {
        /// The line is not valid UTF-8.
        case notUTF8
    }

    /// The bytes of the first line of `bytes`: up to (not including) the first line feed, and at most
    /// ``maximumBytes``.
    public static func firstLineBytes(of bytes: some Sequence<UInt8>) -> [UInt8] {
        var line: [UInt8] = []
        for byte in bytes {
            if byte == 0x0A || line.count >= maximumBytes { break }
            line.append(byte)
        }
        return line
    }

    /// The first line of `bytes` as text.
    public static func text(of bytes: some Sequence<UInt8>) throws(Problem) -> String {
        guard let line = String(validating: firstLineBytes(of: bytes), as: UTF8.self) else { throw .notUTF8 }
        return line
    }
}
