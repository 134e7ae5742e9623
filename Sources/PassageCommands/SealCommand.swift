import ArgumentParser
import Foundation
import PassageReports
import PassageScenario
import PassageSealing

/// `passage seal DIR --output FILE`: encrypts a scenario folder into one authenticated file.
struct SealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Encrypt a scenario folder into one sealed file that validate and plan read directly.",
        discussion: """
            Seals the scenario's files (scenario.toml and the CSV tables; other files in the folder are not
            included) with a key derived from a passphrase by scrypt, using ChaCha20-Poly1305. The passphrase
            comes from --passphrase-fd, the environment variable PASSAGE_PASSPHRASE, or a prompt (asked
            twice). It must have at least 12 characters and mix two kinds of character. See docs/SEALED.md.
            """
    )

    @Argument(help: "The scenario folder.", completion: .directory)
    var scenario: String

    @Option(name: .shortAndLong, help: "The sealed file to write.")
    var output: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @OptionGroup var passphrase: PassphraseOptions

    func run() throws {
        try Failure.exitingWithStatus2 {
            let files = ScenarioLoader.readFiles(in: URL(fileURLWithPath: scenario, isDirectory: true))
            guard !files.isEmpty else {
                throw CommandInputError("\(scenario) holds none of the scenario files (\(ScenarioFileName.all.joined(separator: ", ")))")
            }
            let key = try passphrase.forSealing()
            let sealed = try Sealer.seal(SealedContents(kind: .scenario, files: files), passphrase: key)
            try OutputFile.write(data: sealed, to: output, replacing: force)
            StandardError.write("sealed \(files.keys.sorted().joined(separator: ", ")) into \(output)")
        }
    }
}
