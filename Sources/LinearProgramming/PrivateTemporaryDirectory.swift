import Foundation

/// A fresh directory only the owner can enter (0700), for files GLPK must write before we read them.
struct PrivateTemporaryDirectory {
    /// Location of the directory.
    let url: URL

    /// Creates the directory under the system's temporary directory.
    init() throws {
        let candidate = FileManager.default.temporaryDirectory
            .appendingPathComponent("passage-glpk-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(
                at: candidate, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw SolverError("could not create a private temporary directory: \(error.localizedDescription)")
        }
        url = candidate
    }

    /// Deletes the directory and everything in it.
    func remove() { try? FileManager.default.removeItem(at: url) }
}
