import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an output file could not be written. The message names the path and the cause, never contents.
public enum OutputFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The destination is a symbolic link; Passage does not write through links (they could point
    /// anywhere, such as a shared or synced folder).
    case destinationIsSymbolicLink(path: String)
    /// The destination exists and is not a regular file (a directory, a device, a socket…).
    case destinationIsNotRegularFile(path: String)
    /// The destination exists and replacing it was not asked for (`--force`).
    case destinationExists(path: String)
    /// A system call failed; `code` is the `errno` value.
    case systemCallFailed(operation: String, path: String, code: Int32)

    /// A readable message.
    public var description: String {
        switch self {
        case .destinationIsSymbolicLink(let path):
            return "refusing to write \(path): it is a symbolic link; remove it or choose another path"
        case .destinationIsNotRegularFile(let path):
            return "cannot write \(path): it exists and is not a regular file"
        case .destinationExists(let path):
            return "refusing to overwrite \(path): it exists; use --force to replace it, or choose another path"
        case .systemCallFailed(let operation, let path, let code):
            return "cannot write \(path): \(operation) failed: \(String(cString: strerror(code)))"
        }
    }
}

/// Writes reports (lists of people someone wants to hurt) safely: all or nothing, owner-only.
public enum OutputFile {
    /// Permissions of every file written: read and write for the owner only.
    public static let mode: mode_t = 0o600

    /// Writes `contents` as UTF-8 to `path` atomically with mode 0600.
    ///
    /// See `write(data:to:replacing:)`.
    public static func write(_ contents: String, to path: String, replacing: Bool = false) throws {
        try write(data: Data(contents.utf8), to: path, replacing: replacing)
    }

    /// Writes `data` to `path` atomically with mode 0600, whatever the umask.
    ///
    /// A temporary file is created exclusively (`O_CREAT | O_EXCL`, mode 0600) next to the destination,
    /// written in full, `fsync`ed and renamed over the destination, so readers see the old file or the
    /// new one, never a part. On any failure the temporary file is removed and the destination is
    /// untouched. A destination that is a symbolic link is refused rather than followed. (The `rename`
    /// itself never follows a link either: if one appears after the check, it is replaced, not written
    /// through.)
    ///
    /// An existing destination is replaced only when `replacing` is true (the command line's `--force`):
    /// Passage cannot tell a file it wrote from one it did not, so it never overwrites any file unasked.
    /// Without `replacing`, the finished file is put in place with `link`, which fails if the destination
    /// appeared meanwhile, so even a race cannot make it overwrite.
    public static func write(data: Data, to path: String, replacing: Bool = false) throws {
        var info = stat()
        if lstat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFLNK { throw OutputFileError.destinationIsSymbolicLink(path: path) }
            if type != S_IFREG { throw OutputFileError.destinationIsNotRegularFile(path: path) }
            if !replacing { throw OutputFileError.destinationExists(path: path) }
        } else if errno != ENOENT {
            throw OutputFileError.systemCallFailed(operation: "lstat", path: path, code: errno)
        }

        let directory = directoryName(of: path)
        let (fd, temporary) = try createTemporary(in: directory, for: path)
        var descriptor: Int32? = fd
        do {
            try writeAll(data, to: fd, path: path)
            // The umask may have masked the creation mode; set it explicitly.
            if fchmod(fd, mode) != 0 { throw OutputFileError.systemCallFailed(operation: "fchmod", path: path, code: errno) }
            if fsync(fd) != 0 { throw OutputFileError.systemCallFailed(operation: "fsync", path: path, code: errno) }
            descriptor = nil
            if close(fd) != 0 { throw OutputFileError.systemCallFailed(operation: "close", path: path, code: errno) }
            try putInPlace(temporary, at: path, replacing: replacing)
        } catch {
            if let descriptor { _ = close(descriptor) }
            _ = unlink(temporary)
            throw error
        }
        syncDirectory(directory)
    }

    /// Moves the finished temporary file to `path`: `rename` when replacing, else `link` (fails on an
    /// existing destination) and `unlink`, falling back to `rename` on file systems without hard links.
    private static func putInPlace(_ temporary: String, at path: String, replacing: Bool) throws {
        if !replacing {
            if link(temporary, path) == 0 {
                _ = unlink(temporary)
                return
            }
            if errno == EEXIST { throw OutputFileError.destinationExists(path: path) }
            guard errno == EPERM || errno == EOPNOTSUPP || errno == ENOSYS else {
                throw OutputFileError.systemCallFailed(operation: "link", path: path, code: errno)
            }
        }
        if rename(temporary, path) != 0 {
            throw OutputFileError.systemCallFailed(operation: "rename", path: path, code: errno)
        }
    }

    /// The directory holding `path` (`.` for a bare file name).
    static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// Creates a new, empty, owner-only file in `directory`, retrying on the (unlikely) name collision.
    private static func createTemporary(in directory: String, for path: String) throws -> (Int32, String) {
        let base = path.split(separator: "/").last.map(String.init) ?? "output"
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            // Hidden, and clearly ours, so a file left by a crash (kill -9) is easy to recognise.
            let temporary = "\(directory)/.\(base).passage-tmp-\(suffix)"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
            if fd >= 0 { return (fd, temporary) }
            if errno != EEXIST {
                throw OutputFileError.systemCallFailed(operation: "creating a temporary file", path: path, code: errno)
            }
        }
        throw OutputFileError.systemCallFailed(operation: "creating a temporary file", path: path, code: EEXIST)
    }

    /// Writes every byte, resuming after partial writes and interruptions.
    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputFileError.systemCallFailed(operation: "write", path: path, code: errno)
                }
                offset += written
            }
        }
    }

    /// POSIX `write`, named apart from `OutputFile.write`.
    private static func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, bytes, count)
        #elseif canImport(Musl)
        Musl.write(fd, bytes, count)
        #else
        Darwin.write(fd, bytes, count)
        #endif
    }

    /// Makes the rename itself durable. Best effort: the file is already complete and in place.
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = close(fd)
    }
}
