import Foundation
import Testing

@testable import PassageScenario

/// Issue 17: `start_date = 2026-11-30 1` aborted Passage inside toml++. That typo and its neighbours, in
/// every TOML field that takes a date or a number (scenario.toml and change files), are now problems at
/// the file, line and column of the typo.
@Suite struct TOMLTypoTests {
    /// A typo replacing a value, and how far into it (in characters) the problem is reported.
    struct Typo: Sendable, CustomTestStringConvertible {
        var text: String
        var offset: Int
        var message: String
        var testDescription: String { text }
    }

    static let typos = [
        Typo(
            text: "2026-11-30 1", offset: 11,
            message: "TOML syntax error: expected the end of the line or a # comment after the value, found '1'"),
        Typo(text: "2026-11-30 10:00", offset: 11, message: TOMLWords.timeRefused),
        Typo(text: "2026-11-30T10:00:00", offset: 0, message: TOMLWords.timeRefused),
        Typo(
            text: "2026-11-30 2026-12-07", offset: 11,
            message: "TOML syntax error: expected the end of the line or a # comment after the value, found '2'"),
    ]

    /// Every key of scenario.toml, one per line, with the line it is on.
    static let settingsLines = [
        "title = \"Typo\"", "start_date = 2026-11-30", "horizon_weeks = 16", "budget = 60000", "currency = \"EUR\"",
        "[objective]", "urgency_weights = [1000, 400, 150, 50]", "waiting_per_week = 0.02", "cost = 0.01",
        "risk = 1.0", "preferred_country = 5.0", "lateness_per_week = 0.1", "change_penalty = 50", "[solver]",
        "time_limit_seconds = 60", "mip_gap = 0.0",
    ]

    /// The settings keys that take a date or numbers, by line number (1-based).
    static let settingsFields = [2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 15, 16]

    @Test func theSettingsLinesAreValid() throws {
        let files = Fixture.files(["scenario.toml": Self.settingsLines.joined(separator: "\n") + "\n"])
        #expect(Fixture.issues(files) == [])
    }

    @Test(arguments: typos, settingsFields)
    func aTypoInAScenarioSettingIsLocated(typo: Typo, line: Int) {
        var lines = Self.settingsLines
        let original = lines[line - 1]
        // The value starts after "= "; in urgency_weights the typo replaces the last number.
        let valueStart = original.hasSuffix("50]") ? original.count - 3 : (original.firstIndex(of: "=")?.utf16Offset(in: original) ?? 0) + 2
        lines[line - 1] = String(original.prefix(valueStart)) + typo.text + (original.hasSuffix("]") ? "]" : "")
        let issues = ScenarioLoader.validate(files: Fixture.files(["scenario.toml": lines.joined(separator: "\n") + "\n"]))
        #expect(
            issues.map(\.description) == [
                "scenario.toml:\(line):\(valueStart + 1 + typo.offset): error: \(line == 7 && typo.offset == 11 ? Self.inArray(typo.message) : typo.message)"
            ], "\(lines[line - 1])")
    }

    /// Inside an array the expected continuation is a comma or the closing bracket.
    static func inArray(_ message: String) -> String {
        message.replacingOccurrences(
            of: "the end of the line or a # comment after the value", with: ", or ] in the array that starts at line 7, column 19")
    }

    /// Every key of every change-file section that takes a number, from the reader's own list.
    static let changeFields: [(section: String, key: String)] = {
        let notNumbers: Set<String> = [
            "id", "location", "from", "to", "mode", "documents", "needs_supported", "destination_country", "lodged_at",
            "arrival", "quota_period", "nationalities", "needs_served", "passport", "internal_id",
        ]
        return [("", "budget")]
            + ChangeFileReader.sections.flatMap { section in
                section.keys.filter { !notNumbers.contains($0) }.map { (section.name, $0) }
            }
    }()

    @Test func everyChangeSectionHasNumberFields() {
        #expect(Set(Self.changeFields.map(\.section)) == Set([""] + ChangeFileReader.sections.map(\.name).filter { !$0.hasPrefix("remove_") }))
        #expect(Self.changeFields.count > 30)
    }

    @Test(arguments: typos)
    func aTypoInAnyChangeFileNumberIsLocated(typo: Typo) {
        for (section, key) in Self.changeFields {
            let header = section.isEmpty ? "" : "[[\(section)]]\nid = \"SH-EVN-1\"\n"
            let text = header + "\(key) = \(typo.text)   # a typo\n"
            let line = section.isEmpty ? 1 : 3
            let found: [String]
            do {
                _ = try ChangeFile.variant(Data(text.utf8), file: "typo.toml", base: ChangeFileTests.demo)
                found = []
            } catch let error as ScenarioValidationError {
                found = error.issues.map(\.description)
            } catch {
                found = ["unexpected \(error)"]
            }
            let column = key.count + 4 + typo.offset
            #expect(found == ["typo.toml:\(line):\(column): error: \(typo.message)"], "[[\(section)]] \(key)")
        }
    }
}
