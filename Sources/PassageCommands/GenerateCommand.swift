import ArgumentParser
import Foundation
import PassageReports
import PassageScenario
import PassageSynthetic

/// `passage generate`: writes a synthetic scenario folder for testing and benchmarking at scale.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write an invented scenario of N households, for testing and benchmarking.",
        discussion: """
            Every person, place and rule in it is invented (ids such as H000001 and ru-origin-03). The \
            network grows with N: at 10,000 households about 19 origins, 80 safe houses, 170 legs and \
            28 programmes over 26 weeks. Quotas, beds, seats and the budget are set for about half of \
            the persons, so not everyone can move. The same N, seed and profile always give the same \
            files. See docs/SCENARIO.md, "Synthetic scenarios".
            """
    )

    @Option(help: "Number of households, from 1 to \(SyntheticCaseload.maximumHouseholds).")
    var households: Int

    @Option(help: "Seed for the random choices; the same seed gives the same scenario.")
    var seed: UInt64

    @Option(
        name: [.short, .long], help: "Folder to create; it must not exist or must be empty.", completion: .directory)
    var output: String

    @Option(help: "steady: urgency and readiness spread out; crisis: most urgent and ready at once.")
    var profile: SyntheticProfile = .steady

    @Flag(
        help: """
            Also write document_services.csv: passport offices at some origins, so that pathways may \
            begin with obtaining a document (the other files are the same as without it).
            """)
    var documentServices = false

    @Flag(help: "Write into the folder even if it is not empty (scenario files in it are replaced).")
    var force = false

    func validate() throws {
        guard (1...SyntheticCaseload.maximumHouseholds).contains(households) else {
            throw ValidationError("--households must be from 1 to \(SyntheticCaseload.maximumHouseholds)")
        }
        try ScenarioFolderOutput.check(output, force: force)
    }

    func run() throws {
        try Failure.exitingWithStatus2 {
            let scenario = SyntheticCaseload.generate(
                households: households, seed: seed, profile: profile, documentServices: documentServices)
            try ScenarioFolderOutput.write(scenario, to: output, force: force)
            print("\(output): generated — \(ScenarioVariety(scenario))")
        }
    }
}

extension SyntheticProfile: ExpressibleByArgument {}
