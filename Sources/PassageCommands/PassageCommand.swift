import ArgumentParser

/// The `passage` command: plans relocations from a scenario folder.
public struct PassageCommand: ParsableCommand {
    /// What `passage --version` prints: the release, raised with every change to the file formats
    /// or the command line.
    public static let version = "0.21.0"

    public static let configuration = CommandConfiguration(
        commandName: "passage",
        abstract: "Plan who moves when, along which route, through which safe house, into which visa programme.",
        discussion: """
            A scenario is a folder of plain files: scenario.toml (horizon, budget, objective weights, \
            solver limits) and CSV tables of households, locations, safe houses, route legs and visa \
            programmes. See docs/SCENARIO.md. Start with `passage validate DIR`, then `passage plan DIR`; \
            `passage whatif DIR --change FILE` compares the plan with a changed scenario, `passage sweep DIR \
            --vary beds:HOUSE=5..15` plans every value of one capacity (docs/WHATIF.md), `passage roster DIR \
            --plan PLAN.json --house ID` gives one safe house's manager their guests only, `passage agenda DIR \
            --plan PLAN.json --week N` lists one week's tasks day by day (also as a calendar file). \
            Passage never uses the network. Scenarios and plans can be sealed (encrypted): see \
            docs/SEALED.md.
            """,
        version: PassageCommand.version,
        subcommands: [
            ValidateCommand.self, PlanCommand.self, AdvanceCommand.self, SealCommand.self, UnsealCommand.self,
            GenerateCommand.self, WhatIfCommand.self, SweepCommand.self, WhyNotCommand.self, RosterCommand.self,
            AgendaCommand.self, StressCommand.self,
        ]
    )

    public init() {}
}
