import Foundation
import Testing

/// End-to-end: `passage generate` writes a folder that `passage validate` accepts.
@Suite struct GenerateCommandTests {
    @Test func generatedFolderValidatesAndIsOwnerOnly() throws {
        let folder = try TemporaryFolder()
        let output = folder.path("synthetic")
        let result = try Passage.run(["generate", "--households", "300", "--seed", "9", "--profile", "crisis", "-o", output])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("300 households"))
        let validation = try Passage.run(["validate", output])
        #expect(validation.status == 0, "\(validation.standardError)")
        let folderMode = try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        let fileMode = try FileManager.default.attributesOfItem(atPath: output + "/households.csv")[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
    }

    @Test func refusesANonEmptyFolderWithoutForceAndABadCount() throws {
        let folder = try TemporaryFolder()
        try Data("keep".utf8).write(to: folder.url.appendingPathComponent("notes.txt"))
        let refused = try Passage.run(["generate", "--households", "10", "--seed", "1", "-o", folder.url.path])
        #expect(refused.status != 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path("households.csv")))
        let forced = try Passage.run(["generate", "--households", "10", "--seed", "1", "-o", folder.url.path, "--force"])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.path("notes.txt")))
        let tooMany = try Passage.run(["generate", "--households", "200001", "--seed", "1", "-o", folder.path("x")])
        #expect(tooMany.status != 0)
    }
}
