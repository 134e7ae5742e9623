import ArgumentParser
import PassageScenario

/// `passage validate DIR`: checks a scenario's files and reports every problem found.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario folder and report every problem as FILE:LINE:COLUMN: error: message.",
        discussion: """
            Checks types, ranges, references between tables, duplicate ids, unknown columns and columns
            that look like personal identifiers. Exits with status 1 if any problem is found. Writes
            nothing.
            """
    )

    @Argument(help: "The scenario folder, or a sealed scenario file.", completion: .file())
    var scenario: String

    @OptionGroup var passphrase: PassphraseOptions

    func run() throws {
        let loaded = try Failure.exitingWithStatus2 { try ScenarioInput.load(scenario, passphrase: passphrase) }
        print(
            "\(scenario): valid — \(loaded.households.count) households, \(loaded.safeHouses.count) safe houses, "
                + "\(loaded.legs.count) legs, \(loaded.programmes.count) programmes, "
                + "\(loaded.settings.horizonWeeks)-week horizon")
    }
}
