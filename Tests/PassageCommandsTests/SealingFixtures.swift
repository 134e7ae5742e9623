import Foundation

@testable import PassageSealing

/// Sealed fixtures for command-line tests, made with small scrypt parameters (the format is the same;
/// only the cost differs) so each test does not spend seconds deriving keys.
enum SealingFixtures {
    static let passphraseText = "Invented test passphrase 42"
    static let passphrase = try! Passphrase(passphraseText)
    static let fast = try! ScryptParameters(log2N: 4, r: 8, p: 1)
    /// Only the passphrase variable: the test environment must not leak another one in.
    static let environment: [String: String?] = [PassphraseVariable.name: passphraseText]

    /// The scenario folder `folder` sealed into `file`.
    static func seal(folder: String, to file: String) throws {
        var files: [String: Data] = [:]
        // Every file Passage reads that the folder has (the optional ones only when present).
        let required = [
            "scenario.toml", "households.csv", "locations.csv", "safe_houses.csv", "legs.csv", "programmes.csv",
        ]
        for name in required + ["commitments.csv", "shared_quotas.csv", "document_services.csv"] {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
            guard required.contains(name) || FileManager.default.fileExists(atPath: url.path) else { continue }
            files[name] = try Data(contentsOf: url)
        }
        let data = try Sealer.seal(
            SealedContents(kind: .scenario, files: files), passphrase: passphrase, parameters: fast)
        try data.write(to: URL(fileURLWithPath: file))
    }

    /// A copy of the demo in `folder` with canary values planted in household cells (never in ids).
    /// `valid` keeps the scenario loadable (canaries in free-text needs); otherwise cells are invalid too.
    static func canaryScenario(in folder: URL, valid: Bool) throws {
        let demo = URL(fileURLWithPath: Passage.demo)
        for name in try FileManager.default.contentsOfDirectory(atPath: demo.path)
        where name.hasSuffix(".csv") || name.hasSuffix(".toml") {
            try FileManager.default.copyItem(
                at: demo.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let households = folder.appendingPathComponent("households.csv")
        var lines = try String(contentsOf: households, encoding: .utf8).components(separatedBy: "\n")
        let header = lines[0].components(separatedBy: ",")
        func set(_ row: Int, _ column: String, _ value: String) {
            var fields = lines[row].components(separatedBy: ",")
            fields[header.firstIndex(of: column)!] = value
            lines[row] = fields.joined(separator: ",")
        }
        set(2, "needs", "zcanaryneed")
        if !valid {
            set(3, "size", "CANARYSIZE9")
            set(4, "location", "canarytown")
            set(5, "ready_week", "CANARYWEEK")
            set(6, "nationality", "CANARYLAND")
            set(7, "passport", "CANARYPASS")
        }
        try lines.joined(separator: "\n").write(to: households, atomically: true, encoding: .utf8)
    }

    /// Every canary planted by `canaryScenario`, lower-cased for a case-insensitive search.
    static let canaries = ["zcanaryneed", "canarysize", "canarytown", "canaryweek", "canaryland", "canarypass"]

    /// The canaries found in `text`.
    static func canariesIn(_ text: String) -> [String] {
        let lowered = text.lowercased()
        return canaries.filter { lowered.contains($0) }
    }
}

/// The environment variable name, repeated here so tests fail if it changes without the docs.
enum PassphraseVariable {
    static let name = "PASSAGE_PASSPHRASE"
}
