import Foundation
import Testing

/// `passage validate` on a folder with a misspelt file (issue 14, item 4d): an error when a required file
/// is then missing, a warning (exit status 0) otherwise.
@Suite struct StrayFileCommandTests {
    static func demoCopy(in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Passage.demo) {
            try FileManager.default.copyItem(
                atPath: Passage.demo + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
    }

    @Test func aMisspeltRequiredFileIsAnErrorAndAMisspeltOptionalOneAWarning() throws {
        let folder = try TemporaryFolder()
        let scenario = folder.url.appendingPathComponent("scenario")
        try Self.demoCopy(in: scenario)
        try FileManager.default.moveItem(
            at: scenario.appendingPathComponent("safe_houses.csv"),
            to: scenario.appendingPathComponent("safe_house.csv"))
        try Data("household,start_week,outbound,safe_house,programme,onward\n".utf8)
            .write(to: scenario.appendingPathComponent("commitment.csv"))

        // Errors only when the scenario cannot load (as for every warning).
        let refused = try Passage.run(["validate", scenario.path])
        #expect(refused.status == 1 && refused.standardOutput.isEmpty)
        #expect(
            refused.standardError.split(separator: "\n").map(String.init) == [
                "\(scenario.path)/safe_house.csv:1:1: error: safe_house.csv is not a file Passage reads, and the "
                    + "required safe_houses.csv is missing; did you mean safe_houses.csv? Rename the file.",
                "1 problem found; nothing was written.",
            ])

        try FileManager.default.moveItem(
            at: scenario.appendingPathComponent("safe_house.csv"),
            to: scenario.appendingPathComponent("safe_houses.csv"))
        let valid = try Passage.run(["validate", scenario.path])
        #expect(valid.status == 0)
        // The demo's own warnings (households no house can hold) come with it.
        let warning =
            "\(scenario.path)/commitment.csv:1:1: warning: commitment.csv is not a file Passage reads, so it is ignored; did you mean commitments.csv?"
        #expect(valid.standardError.split(separator: "\n").map(String.init).first == warning, "\(valid.standardError)")
        #expect(valid.standardOutput.hasPrefix("\(scenario.path): valid — 40 households"))
    }
}
