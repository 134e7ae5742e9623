import ArgumentParser
import Foundation
import PassageReports
import PassageScenario

/// Writing a scenario folder from a command (`generate`, `advance`): the folder must be new or empty
/// (or `--force`), is created owner-only, and every file is written atomically, owner-only.
enum ScenarioFolderOutput {
    /// Refuses a destination that is a file, or a folder with something in it, unless `force`.
    static func check(_ path: String, force: Bool) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw ValidationError("\(path) exists and is not a folder") }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard contents.isEmpty || force else {
            throw ValidationError("\(path) is not empty; choose a new folder or pass --force")
        }
    }

    /// Writes `scenario` into the folder `path`, creating it with mode 0700; files already there are
    /// replaced only with `force`.
    static func write(_ scenario: Scenario, to path: String, force: Bool) throws {
        // Owner-only, like every file Passage writes: the folder may hold a real caseload.
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try ScenarioWriter.write(scenario, into: URL(fileURLWithPath: path, isDirectory: true)) { data, file in
            try OutputFile.write(data: data, to: file, replacing: force)
        }
    }
}
