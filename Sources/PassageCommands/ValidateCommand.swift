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

            Also warns (FILE:LINE:COLUMN: warning: message, status still 0) about households with more
            persons than the beds of every safe house that supports their needs: a household is never
            split, so no plan can move them until a larger house is added; and about .csv and .toml files
            in the folder that Passage does not read, such as a misspelt commitment.csv.
            """
    )

    @Argument(help: "The scenario folder, or a sealed scenario file.", completion: .file())
    var scenario: String

    @OptionGroup var passphrase: PassphraseOptions

    func run() throws {
        let (loaded, warnings) = try Failure.exitingWithStatus2 {
            try ScenarioInput.loadWithWarnings(scenario, passphrase: passphrase)
        }
        // Warnings go where errors go (standard error, same shape), so editors jump to them too.
        ScenarioInput.show(warnings, of: scenario)
        let warned = warnings.isEmpty ? "" : "; \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
        print(
            "\(scenario): valid — \(loaded.households.count) households, \(loaded.safeHouses.count) safe houses, "
                + "\(loaded.legs.count) legs, \(loaded.programmes.count) programmes, "
                + "\(loaded.settings.horizonWeeks)-week horizon\(warned)")
    }
}
