import ArgumentParser
import Foundation
import PassageReports
import PassageScenario
import PassageSealing

/// `passage agenda DIR --plan PLAN.json [--week N]`: one week of a plan, day by day, for the coordinator.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "This week's tasks: day by day, who travels, arrives and applies, and what needs attention soon.",
        discussion: """
            Reads a plan written by `passage plan DIR --format json` and lists every action of one week, day \
            by day: who departs on which leg from where to where, who arrives at which safe house, which \
            applications are lodged with which programme, who travels on, who arrives at the destination. \
            Then warnings: households whose latest safe departure week is at most two weeks away (or past) \
            and that the plan does not move in time, application windows closing this week or next, safe \
            houses closing while the plan has guests in them, and beds, seats or quotas the plan fills \
            completely next week. Week 1 starts on the scenario's start_date. Households appear by id and \
            persons count only. `--format ics` writes a calendar file (one all-day event per action) that \
            any calendar program opens. The plan must have been made from this scenario. See \
            docs/REPORTS.md, "Agenda".

            \(ScenarioInput.warningsHelp)
            """
    )

    @Argument(help: "The scenario folder the plan was made from, or a sealed scenario file.", completion: .file())
    var scenario: String

    @Option(help: "The JSON plan (passage plan --format json), or that plan sealed (--seal).", completion: .file())
    var plan: String

    @Option(help: "The week to list, counted from the scenario's start_date (week 1), within the plan's horizon.")
    var week: Int = 1

    @Option(help: "Agenda format: text, markdown, json, csv, html, or ics (a calendar file).")
    var format: AgendaFormat = .text

    @Option(name: .shortAndLong, help: "Write the agenda to this file instead of standard output.")
    var output: String?

    // No --redact: an agenda names households, so it has no redacted form.
    @OptionGroup(title: "Protection") var protection: OutputProtectionOptions

    func validate() throws {
        if protection.seal && output == nil { throw ValidationError("--seal needs --output FILE") }
    }

    func run() throws {
        let loaded = try Failure.exitingWithStatus2 {
            try ScenarioInput.loadShowingWarnings(scenario, passphrase: protection.passphrase)
        }
        let itineraries = try Failure.exitingWithStatus2 {
            try PreviousPlanReader.readItineraries(PlanInput.data(plan, passphrase: protection.passphrase))
        }
        // A week outside the plan, or a plan of another scenario: bad input, as a scenario problem is.
        let agenda = try Failure.exitingWithStatus1 { try Agenda.make(week: week, plan: itineraries, scenario: loaded) }
        try Failure.exitingWithStatus2 {
            let sealing = try protection.seal ? protection.passphrase.forSealing() : nil
            try protection.emit(AgendaReport.render(agenda, format: format), to: output, sealingWith: sealing)
        }
    }
}

extension AgendaFormat: ExpressibleByArgument {}
