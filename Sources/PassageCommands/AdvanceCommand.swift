import ArgumentParser
import Foundation
import PassagePlanning
import PassageReports
import PassageScenario
import PassageSealing

/// `passage advance DIR --to-week N --plan PLAN.json --output NEWDIR`: the scenario for the next
/// planning round.
struct AdvanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: "Write the scenario for the next planning round: time moved on to week N, as planned.",
        discussion: """
            Week N becomes week 1. Assuming the plan was carried out until then: households that have \
            arrived leave the scenario, households on their way become commitments (commitments.csv), \
            and capacities are what is left (horizon quotas less persons lodged, the budget less what \
            was spent). Correct commitments.csv afterwards for anything that went differently. The \
            weekly loop is then: passage advance DIR --to-week 2 --plan plan.json --output NEXT, and \
            passage plan NEXT --previous plan.json.

            \(ScenarioInput.warningsHelp)
            """
    )

    @Argument(help: "The scenario folder the plan was made for.", completion: .directory)
    var scenario: String

    @Option(help: "The week that becomes week 1 of the next round (2 = one week later).")
    var toWeek: Int

    @Option(help: "The JSON plan (passage plan --format json) that was carried out.")
    var plan: String

    @Option(
        name: [.short, .long],
        help: "Folder to write the next round's scenario into (new or empty), or with --seal the sealed file.",
        completion: .directory)
    var output: String

    @Flag(help: "Write the next round as one sealed file instead of a folder (required when the scenario is sealed).")
    var seal = false

    @Flag(help: "Write into the folder even if it is not empty (scenario files in it are replaced).")
    var force = false

    @OptionGroup var passphrase: PassphraseOptions

    func validate() throws {
        guard toWeek >= 2 else { throw ValidationError("--to-week must be 2 or more (week 1 is now)") }
        // A sealed caseload must not come out of advance as plaintext.
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: scenario, isDirectory: &isDirectory), !isDirectory.boolValue, !seal {
            throw ValidationError("\(scenario) is sealed: pass --seal so the next round is sealed too")
        }
        if !seal { try ScenarioFolderOutput.check(output, force: force) }
    }

    func run() throws {
        let loaded = try Failure.exitingWithStatus2 {
            try ScenarioInput.loadShowingWarnings(scenario, passphrase: passphrase)
        }
        try Failure.exitingWithStatus2 {
            let previous = try PreviousPlanReader.read(Data(contentsOf: URL(fileURLWithPath: plan)))
            let next = try RollingHorizon.advance(loaded, plan: previous, toWeek: toWeek)
            if seal {
                let key = try passphrase.forSealing()
                let sealed = try Sealer.seal(
                    SealedContents(kind: .scenario, files: ScenarioWriter.files(for: next)), passphrase: key)
                try OutputFile.write(data: sealed, to: output, replacing: force)
            } else {
                try ScenarioFolderOutput.write(next, to: output, force: force)
            }
            print(
                "\(output): week \(toWeek) is now week 1 (\(next.settings.startDate)) — \(next.households.count) "
                    + "households (\(loaded.households.count - next.households.count) arrived), "
                    + "\(next.commitments.count) under way")
        }
    }
}
