import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// End-to-end: `seal`, `unseal`, plans from sealed files, sealed and redacted plans, and no leaks.
@Suite struct SealingCommandTests {
    let env = SealingFixtures.environment

    @Test func sealThenUnsealGivesByteIdenticalFiles() throws {
        // The one test that pays for the standard scrypt parameters, through the real command.
        let folder = try TemporaryFolder()
        let sealed = folder.path("demo.sealed")
        let seal = try Passage.run(["seal", Passage.demo, "-o", sealed], environment: env)
        #expect(seal.status == 0, "\(seal.standardError)")
        let unseal = try Passage.run(["unseal", sealed, "-o", folder.path("out")], environment: env)
        #expect(unseal.status == 0, "\(unseal.standardError)")
        for name in ["scenario.toml", "households.csv", "locations.csv", "safe_houses.csv", "legs.csv", "programmes.csv"] {
            let original = try Data(contentsOf: URL(fileURLWithPath: Passage.demo).appendingPathComponent(name))
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("out/" + name))) == original, "\(name)")
            #expect(try mode(folder.path("out/" + name)) == 0o600)
        }
        #expect(try mode(folder.path("out")) == 0o700)
        #expect(try mode(sealed) == 0o600)
    }

    @Test func planFromASealedFileEqualsPlanFromTheFolder() throws {
        let folder = try TemporaryFolder()
        let sealed = folder.path("demo.sealed")
        try SealingFixtures.seal(folder: Passage.demo, to: sealed)
        let fromFolder = try Passage.run(["plan", Passage.demo, "--format", "json"])
        let fromSealed = try Passage.run(["plan", sealed, "--format", "json"], environment: env)
        #expect(fromSealed.status == 0, "\(fromSealed.standardError)")
        #expect(fromSealed.standardOutput == fromFolder.standardOutput)
        // The passphrase can also come from a file descriptor (here standard input).
        let viaFd = try Passage.run(
            ["validate", sealed, "--passphrase-fd", "0"], environment: [PassphraseVariable.name: nil],
            input: Data((SealingFixtures.passphraseText + "\n").utf8))
        #expect(viaFd.status == 0, "\(viaFd.standardError)")
    }

    @Test func sealedPlanOpensToTheSamePlan() throws {
        let folder = try TemporaryFolder()
        let output = folder.path("plan.json")
        let sealedPlan = try Passage.run(["plan", Passage.demo, "--format", "json", "-o", output, "--seal"], environment: env)
        #expect(sealedPlan.status == 0, "\(sealedPlan.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)).prefix(8) == Data("PSGSEAL\n".utf8))
        let opened = try Passage.run(["unseal", output, "-o", folder.path("open.json")], environment: env)
        #expect(opened.status == 0, "\(opened.standardError)")
        let plain = try Passage.run(["plan", Passage.demo, "--format", "json"])
        #expect(try String(contentsOfFile: folder.path("open.json"), encoding: .utf8) == plain.standardOutput)
    }

    @Test func damagedOrTruncatedSealedFilesAreRejectedAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        let sealed = folder.path("demo.sealed")
        try SealingFixtures.seal(folder: Passage.demo, to: sealed)
        let data = try Data(contentsOf: URL(fileURLWithPath: sealed))
        // Every byte and every truncation is covered in PassageSealingTests; here a sample through the binary.
        var variants: [Data] = [Data(), data.prefix(63), data.prefix(64), data.prefix(data.count - 1), data + Data([0])]
        for index in stride(from: 0, to: data.count, by: max(1, data.count / 12)) {
            var copy = data
            copy[index] ^= 0x20
            variants.append(copy)
        }
        for (n, variant) in variants.enumerated() {
            let path = folder.path("bad\(n).sealed")
            try variant.write(to: URL(fileURLWithPath: path))
            let output = folder.path("out\(n)")
            for arguments in [["unseal", path, "-o", output], ["plan", path, "-o", output + ".txt"], ["validate", path]] {
                let result = try Passage.run(arguments, environment: env)
                #expect(result.status == 2, "\(arguments) \(result.standardError)")
            }
            #expect(!FileManager.default.fileExists(atPath: output))
            #expect(!FileManager.default.fileExists(atPath: output + ".txt"))
        }
    }

    @Test func wrongOrWeakPassphrasesAreRefused() throws {
        let folder = try TemporaryFolder()
        let sealed = folder.path("demo.sealed")
        try SealingFixtures.seal(folder: Passage.demo, to: sealed)
        let wrong = try Passage.run(["validate", sealed], environment: [PassphraseVariable.name: "Not the passphrase 1"])
        #expect(wrong.status == 2)
        #expect(wrong.standardError.contains("wrong passphrase"))
        let weak = try Passage.run(["seal", Passage.demo, "-o", folder.path("x")], environment: [PassphraseVariable.name: "abc"])
        #expect(weak.status == 2)
        #expect(weak.standardError.contains("passphrase refused"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("x")))
        let none = try Passage.run(["validate", sealed], environment: [PassphraseVariable.name: nil])
        #expect(none.status == 2)
    }

    @Test func outputsAreOwnerOnlyNeverThroughLinksAndNeverOverwrittenUnasked() throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let folder = try TemporaryFolder()
        let output = folder.path("plan.txt")
        #expect(try Passage.run(["plan", Passage.demo, "-o", output]).status == 0)
        #expect(try mode(output) == 0o600)
        let again = try Passage.run(["plan", Passage.demo, "-o", output])
        #expect(again.status == 2)
        #expect(again.standardError.contains("--force"))
        #expect(try Passage.run(["plan", Passage.demo, "-o", output, "--force"]).status == 0)

        try "keep".write(toFile: folder.path("target"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link"), withDestinationPath: folder.path("target"))
        for force in [[], ["--force"]] {
            let linked = try Passage.run(["plan", Passage.demo, "-o", folder.path("link")] + force)
            #expect(linked.status == 2)
            #expect(try String(contentsOfFile: folder.path("target"), encoding: .utf8) == "keep")
        }
    }

    @Test func canariesNeverReachErrorsLogsOrRedactedReports() throws {
        let folder = try TemporaryFolder()
        let invalid = folder.url.appendingPathComponent("invalid")
        let valid = folder.url.appendingPathComponent("valid")
        for (url, isValid) in [(invalid, false), (valid, true)] {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try SealingFixtures.canaryScenario(in: url, valid: isValid)
        }
        let sealedInvalid = folder.path("invalid.sealed")
        let sealedValid = folder.path("valid.sealed")
        try SealingFixtures.seal(folder: invalid.path, to: sealedInvalid)
        try SealingFixtures.seal(folder: valid.path, to: sealedValid)
        var damaged = try Data(contentsOf: URL(fileURLWithPath: sealedValid))
        damaged[damaged.count - 3] ^= 1
        try damaged.write(to: URL(fileURLWithPath: folder.path("damaged.sealed")))

        // The canary changes the demo's household classes, which makes it far harder to prove optimal:
        // a time limit keeps the test fast and exercises the time-limited report too.
        let limit = ["--time-limit", "1"]
        var runs: [(arguments: [String], checksOutput: Bool)] = [
            (["validate", invalid.path], false), (["plan", invalid.path], false), (["validate", sealedInvalid], false),
            (["plan", sealedInvalid, "--verbose"], false), (["plan", folder.path("damaged.sealed")], false),
            (["plan", valid.path, "--verbose", "--format", "json", "-o", folder.path("plan.json")] + limit, false),
            (["plan", valid.path, "-o", folder.path("missing/plan.txt")] + limit, false),
            (["plan", valid.path, "--time-limit", "0.001", "--redact"], true),
        ]
        for format in ["text", "markdown", "json", "csv"] {
            runs.append((["plan", sealedValid, "--redact", "--verbose", "--format", format] + limit, true))
        }
        for run in runs {
            let result = try Passage.run(run.arguments, environment: env)
            #expect(SealingFixtures.canariesIn(result.standardError).isEmpty, "stderr of \(run.arguments)")
            if run.checksOutput {
                #expect(result.status == 0, "\(run.arguments): \(result.standardError)")
                #expect(SealingFixtures.canariesIn(result.standardOutput).isEmpty, "stdout of \(run.arguments)")
                #expect(!result.standardOutput.contains("H0"), "household id in \(run.arguments)")
            }
        }
        // The canaries really are in the scenarios the runs read (a search for absent canaries proves nothing).
        let planted = try String(contentsOf: invalid.appendingPathComponent("households.csv"), encoding: .utf8)
        #expect(SealingFixtures.canariesIn(planted) == SealingFixtures.canaries)
    }
}

/// The permission bits of `path`.
func mode(_ path: String) throws -> mode_t {
    var info = stat()
    #expect(lstat(path, &info) == 0)
    return info.st_mode & 0o7777
}
