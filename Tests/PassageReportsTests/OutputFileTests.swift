import Foundation
import Testing

@testable import PassageReports

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Atomic, owner-only, symlink-refusing writes. Serialized: the umask is process-wide.
@Suite(.serialized) final class OutputFileTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "passage-output-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
    }

    // Each test's folder goes with it: a test run leaves nothing behind in the temporary directory.
    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func mode(_ path: String) throws -> mode_t {
        var info = stat()
        #expect(lstat(path, &info) == 0)
        return info.st_mode & 0o7777
    }

    func inode(_ path: String) -> UInt64 {
        var info = stat()
        _ = lstat(path, &info)
        return UInt64(info.st_ino)
    }

    func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test(arguments: [mode_t(0o022), mode_t(0o277)])
    func writesOwnerOnlyWhateverTheUmask(mask: mode_t) throws {
        let previous = umask(mask)
        defer { umask(previous) }
        let path = directory + "/plan.json"
        try OutputFile.write("{}\n", to: path)
        #expect(try mode(path) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}\n")
        #expect(try entries() == ["plan.json"])
    }

    @Test func replacesAnExistingFileAtomically() throws {
        let path = directory + "/report.txt"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o644)
        let before = inode(path)
        #expect(throws: OutputFileError.destinationExists(path: path)) { try OutputFile.write("new", to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        try OutputFile.write("new contents", to: path, replacing: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new contents")
        #expect(try mode(path) == 0o600)
        // A new inode: the file was replaced by rename, not rewritten in place.
        #expect(inode(path) != before)
        #expect(try entries() == ["report.txt"])
    }

    @Test func refusesASymbolicLinkDestination() throws {
        let target = directory + "/target.txt"
        let link = directory + "/link.txt"
        try "precious".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: OutputFileError.destinationIsSymbolicLink(path: link)) {
            try OutputFile.write("overwritten", to: link)
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious")
        #expect(try entries() == ["link.txt", "target.txt"])
        let message = OutputFileError.destinationIsSymbolicLink(path: link).description
        #expect(message.contains("symbolic link") && message.contains(link))

        // A dangling link is refused too (it would otherwise create a file wherever it points).
        let dangling = directory + "/dangling.txt"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: directory + "/nowhere")
        #expect(throws: OutputFileError.destinationIsSymbolicLink(path: dangling)) {
            try OutputFile.write("x", to: dangling)
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/nowhere"))
    }

    @Test func leavesNothingBehindOnFailure() throws {
        let missing = directory + "/missing/plan.csv"
        do {
            try OutputFile.write("x", to: missing)
            Issue.record("writing into a missing directory succeeded")
        } catch let error as OutputFileError {
            guard case .systemCallFailed(_, let path, let code) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(path == missing)
            #expect(code == ENOENT)
            #expect(error.description.contains("No such file or directory"))
        }
        #expect(try entries() == [])

        let subdirectory = directory + "/plan.md"
        try FileManager.default.createDirectory(atPath: subdirectory, withIntermediateDirectories: false)
        #expect(throws: OutputFileError.destinationIsNotRegularFile(path: subdirectory)) {
            try OutputFile.write("x", to: subdirectory)
        }
        #expect(try entries() == ["plan.md"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: subdirectory) == [])
    }

    @Test func bareFileNamesGoToTheCurrentDirectory() {
        #expect(OutputFile.directoryName(of: "plan.txt") == ".")
        #expect(OutputFile.directoryName(of: "/plan.txt") == "/")
        #expect(OutputFile.directoryName(of: "out/a/plan.txt") == "out/a")
    }
}
