import ArgumentParser
import Foundation
import PassageReports
import PassageScenario
import PassageSealing

/// `passage roster DIR --plan PLAN.json --house ID`: one safe house's guests week by week, for its manager.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "One safe house's guests week by week, for its manager: who comes, when, how many, which needs.",
        discussion: """
            Reads a plan written by `passage plan DIR --format json` and lists the households it lodges in \
            the house: household id, persons, needs, the day each arrives and leaves and its weeks there, \
            then week by week who arrives, who is in their last week and how many persons are in the house. \
            Week 1 starts on the scenario's start_date. Nothing about any other house, route, programme, \
            destination, cost or urgency appears: give each manager only their own roster. The plan must \
            have been made from this scenario. See docs/REPORTS.md, "Rosters".

            \(ScenarioInput.warningsHelp)
            """
    )

    @Argument(help: "The scenario folder the plan was made from, or a sealed scenario file.", completion: .file())
    var scenario: String

    @Option(help: "The JSON plan (passage plan --format json), or that plan sealed (--seal).", completion: .file())
    var plan: String

    @Option(help: "The safe house's id.")
    var house: String

    // No --redact: a roster names households, so it has no redacted form.
    @OptionGroup var reportOutput: ReportOutputOptions

    func run() throws {
        let loaded = try Failure.exitingWithStatus2 {
            try ScenarioInput.loadShowingWarnings(scenario, passphrase: reportOutput.passphrase)
        }
        let stays = try Failure.exitingWithStatus2 {
            try PreviousPlanReader.readStays(PlanInput.data(plan, passphrase: reportOutput.passphrase))
        }
        // A house that is not the scenario's, or a plan of another scenario: bad input, as a scenario problem is.
        let roster = try Failure.exitingWithStatus1 { try Roster.make(houseID: house, plan: stays, scenario: loaded) }
        try Failure.exitingWithStatus2 {
            let sealing = try reportOutput.sealingPassphrase()
            try reportOutput.emit(
                RosterReport.render(roster, format: reportOutput.format), sealingWith: sealing, plainName: "plan")
        }
    }
}
