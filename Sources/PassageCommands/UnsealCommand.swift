import ArgumentParser
import Foundation
import PassageReports
import PassageSealing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `passage unseal FILE --output PATH`: decrypts a sealed scenario into a folder, or a sealed report into a file.
struct UnsealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unseal",
        abstract: "Decrypt a sealed scenario into a folder (or a sealed plan into a file).",
        discussion: """
            Every part of the file is authenticated before anything is written: a wrong passphrase or a
            damaged or altered file writes nothing. The folder is created readable only by you; files in it
            are never overwritten without --force. You rarely need this: validate and plan read sealed
            files directly.
            """
    )

    @Argument(help: "The sealed file.", completion: .file())
    var sealed: String

    @Option(name: .shortAndLong, help: "The folder to create (sealed scenario) or the file to write (sealed plan).")
    var output: String

    @Flag(help: "Replace files that exist.")
    var force = false

    @OptionGroup var passphrase: PassphraseOptions

    func run() throws {
        try Failure.exitingWithStatus2 {
            let data = try SealedInput.read(sealed)
            let contents = try Sealer.unseal(data, passphrase: passphrase.forOpening())
            switch contents.kind {
            case .report:
                guard contents.files.count == 1, let report = contents.files.values.first else {
                    throw SealingError.invalidArchive("a sealed report holds exactly one file")
                }
                try OutputFile.write(data: report, to: output, replacing: force)
            case .scenario:
                try writeFolder(contents.files)
            }
        }
    }

    /// Creates `output` (mode 0700) if needed and writes every file, after checking none would be overwritten.
    private func writeFolder(_ files: [String: Data]) throws {
        var info = stat()
        if lstat(output, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFLNK { throw OutputFileError.destinationIsSymbolicLink(path: output) }
            if info.st_mode & S_IFMT != S_IFDIR { throw OutputFileError.destinationIsNotRegularFile(path: output) }
        } else if mkdir(output, 0o700) != 0 {
            throw OutputFileError.systemCallFailed(operation: "mkdir", path: output, code: errno)
        }
        let paths = files.keys.sorted().map { (name: $0, path: output + "/" + $0) }
        if !force, let existing = paths.first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            throw OutputFileError.destinationExists(path: existing.path)
        }
        for (name, path) in paths { try OutputFile.write(data: files[name]!, to: path, replacing: force) }
    }
}
