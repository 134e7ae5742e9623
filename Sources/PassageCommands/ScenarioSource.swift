import Foundation
import PassageScenario
import PassageSealing

/// A scenario given on the command line is a folder, or a sealed file decrypted in memory (no plaintext
/// is ever written to disk).
enum ScenarioSource {
    /// The decrypted files of the sealed scenario at `path`, or nil when `path` is a folder (or missing:
    /// the loader then reports every file as missing). Asks for the passphrase only for a sealed file.
    static func sealedFiles(at path: String, passphrase: PassphraseOptions) throws -> [String: Data]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        let data = try SealedInput.read(path)
        let contents = try Sealer.unseal(data, passphrase: passphrase.forOpening())
        guard contents.kind == .scenario else { throw CommandInputError("\(path) is a sealed report, not a scenario") }
        return contents.files
    }
}

/// Reads a file that should be sealed, refusing anything too large before reading it.
enum SealedInput {
    static func read(_ path: String) throws -> Data {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= SealedHeader.maximumFileSize else { throw SealingError.tooLarge(size) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CommandInputError("cannot read \(path)")
        }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: SealedHeader.maximumFileSize + 1) ?? Data()
        guard data.count <= SealedHeader.maximumFileSize else { throw SealingError.tooLarge(data.count) }
        guard SealedHeader.hasMagic(data) else {
            throw CommandInputError("\(path) is neither a scenario folder nor a sealed Passage file")
        }
        return data
    }
}
