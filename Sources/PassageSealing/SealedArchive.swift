import Foundation

/// The plaintext inside a sealed file: named files, sorted by name (layout in docs/SEALED.md).
///
/// The archive is parsed only after every chunk has been authenticated, but it is still bounds-checked
/// as if hostile: names are plain file names, lengths never exceed what is left.
enum SealedArchive {
    /// At most this many files in one archive.
    static let maximumEntries = 64
    /// At most this many bytes in a file name.
    static let maximumNameLength = 255

    /// `files` as archive bytes: entry count (u32), then per file name length (u16), name, data length (u64), data.
    static func encode(_ files: [String: Data]) throws -> Data {
        guard files.count <= maximumEntries else { throw SealingError.invalidArchive("more than \(maximumEntries) files") }
        var out = Data(bigEndian(UInt32(files.count)))
        for name in files.keys.sorted() {
            guard isPlainFileName(name) else { throw SealingError.invalidArchive("file name not allowed") }
            let nameBytes = Array(name.utf8)
            out.append(UInt8(nameBytes.count >> 8))
            out.append(UInt8(nameBytes.count & 0xFF))
            out.append(contentsOf: nameBytes)
            let data = files[name]!
            let length = UInt64(data.count)
            out.append(contentsOf: (0..<8).reversed().map { UInt8((length >> (8 * UInt64($0))) & 0xFF) })
            out.append(data)
        }
        return out
    }

    /// The files in `data`, which must be exactly one well-formed archive.
    static func decode(_ data: Data) throws -> [String: Data] {
        var reader = ByteReader(data: data)
        let count = try reader.integer(bytes: 4)
        guard count <= UInt64(maximumEntries) else { throw SealingError.invalidArchive("too many files") }
        var files: [String: Data] = [:]
        for _ in 0..<count {
            let nameLength = try reader.integer(bytes: 2)
            guard nameLength <= UInt64(maximumNameLength) else { throw SealingError.invalidArchive("file name too long") }
            guard let name = String(validating: try reader.bytes(Int(nameLength)), as: UTF8.self),
                isPlainFileName(name)
            else { throw SealingError.invalidArchive("file name not allowed") }
            let length = try reader.integer(bytes: 8)
            guard length <= UInt64(reader.remaining) else { throw SealingError.invalidArchive("file length past the end") }
            guard files[name] == nil else { throw SealingError.invalidArchive("file name repeated") }
            files[name] = Data(try reader.bytes(Int(length)))
        }
        guard reader.remaining == 0 else { throw SealingError.invalidArchive("bytes after the last file") }
        return files
    }

    /// A name that is safe to create inside a folder: ASCII letters, digits, `.`, `_`, `-`; not starting
    /// with `.`; 1 to 255 bytes. No `/`, so unsealing can never write outside the chosen folder.
    static func isPlainFileName(_ name: String) -> Bool {
        guard (1...maximumNameLength).contains(name.utf8.count), !name.hasPrefix(".") else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }
}

/// Reads big-endian integers and byte runs from `data`, throwing rather than reading past the end.
private struct ByteReader {
    let data: Data
    var offset: Int

    init(data: Data) {
        self.data = data
        self.offset = data.startIndex
    }

    var remaining: Int { data.endIndex - offset }

    mutating func bytes(_ count: Int) throws -> Data.SubSequence {
        guard count >= 0, count <= remaining else { throw SealingError.invalidArchive("truncated") }
        defer { offset += count }
        return data[offset..<(offset + count)]
    }

    mutating func integer(bytes count: Int) throws -> UInt64 {
        try bytes(count).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
