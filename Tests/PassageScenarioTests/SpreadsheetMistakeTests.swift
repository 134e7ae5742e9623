import Foundation
import Testing

@testable import PassageScenario

/// Mistakes spreadsheets make, explained (issue 14, item 4).
@Suite struct SpreadsheetMistakeTests {
    @Test func aSemicolonSeparatedFileIsRecognisedAndNamed() {
        let issues = Fixture.issues(
            Fixture.files([
                "safe_houses.csv": """
                id;location;beds;cost_per_person_week
                S1;b;2;50,5

                """
            ]))
        #expect(
            issues == [
                "safe_houses.csv:1:1: error: safe_houses.csv has ';' between its columns, as spreadsheets save CSV in "
                    + "many locales; Passage reads comma-separated files: save safe_houses.csv as comma-separated (in "
                    + "Excel: \"CSV UTF-8 (Comma delimited)\"; in LibreOffice: field delimiter ',') and check that "
                    + "numbers use '.' for decimals"
            ], "\(issues)")
    }

    /// A header with ';' but none of the table's columns is an unknown column, as before.
    @Test func aSemicolonInAnUnknownHeaderIsAnUnknownColumn() {
        let issues = Fixture.issues(Fixture.files(["safe_houses.csv": "colour;shape\nred;round\n"]))
        #expect(
            issues.contains { $0.hasPrefix("safe_houses.csv:1:1: error: unknown column \"colour;shape\"") }, "\(issues)"
        )
        #expect(!issues.contains { $0.contains("comma-separated") })
    }

    /// A start date written the way people write dates is explained at the value, with the Monday it can
    /// only mean when there is one (04/01/2027 day first is Monday 4 January; month first, a Thursday).
    @Test(arguments: [
        ("04/01/2027", 14, "did you mean start_date = 2027-01-04?"),
        ("4.1.2027", 14, "did you mean start_date = 2027-01-04?"),
        ("2027-1-4   # a Monday", 14, "did you mean start_date = 2027-01-04?"),
        ("January 4 2027", 14, "for example start_date = 2027-01-04"),
        // Too many digits to be a date: no day count is attempted (it could overflow).
        ("4/99999999999999999999/2027", 14, "for example start_date = 2027-01-04"),
        ("\"2027-01-04\"", 1, "did you mean start_date = 2027-01-04?"),
        ("20270104", 1, "did you mean start_date = 2027-01-04?"),
    ])
    func aStartDateInAnotherFormNamesTheExpectedForm(value: String, column: Int, hint: String) {
        let toml = "title = \"T\"\nstart_date = \(value)\nhorizon_weeks = 10\n"
        let written = value.split(separator: "#")[0].trimmingCharacters(in: .whitespaces)
        #expect(
            Fixture.issues(Fixture.files(["scenario.toml": toml])) == [
                "scenario.toml:2:\(column): error: start_date must be a date written year first as YYYY-MM-DD without "
                    + "quotes, and a Monday (found \(written)); \(hint)"
            ])
    }

    /// A date that is written year first but is not in the calendar keeps the parser's own explanation.
    @Test func anImpossibleStartDateKeepsTheParsersMessage() {
        let toml = "title = \"T\"\nstart_date = 2027-02-30\r\nhorizon_weeks = 10\n"
        #expect(
            Fixture.issues(Fixture.files(["scenario.toml": toml])) == [
                "scenario.toml:2:14: error: 2027-02-30 is not a date: the day must be from 01 to 28 in that month"
            ])
    }

    /// A misspelt required file is an error at that file; a misspelt optional one, and any other CSV or
    /// TOML file Passage does not read, a warning; hidden files, READMEs, Markdown, reports and sealed
    /// files are not mentioned.
    @Test func filesPassageDoesNotReadAreReported() {
        let present = Set(ScenarioFileName.all).subtracting([ScenarioFileName.safeHouses, ScenarioFileName.households])
        let names =
            Array(present) + [
                "safe_house.csv", "households.xlsx", "commitment.csv", "notes.csv", ".~lock.legs.csv#", ".hidden.toml",
                "README.md", "notes.md", "plan.json", "week1.sealed",
            ]
        #expect(
            StrayFiles.issues(names: names, present: present).sorted().map(\.description) == [
                "commitment.csv:1:1: warning: commitment.csv is not a file Passage reads, so it is ignored; did you "
                    + "mean commitments.csv?",
                "households.xlsx:1:1: error: households.xlsx is not a file Passage reads, and the required "
                    + "households.csv is missing; did you mean households.csv? Save it as households.csv, "
                    + "comma-separated (in Excel: \"CSV UTF-8 (Comma delimited)\").",
                "notes.csv:1:1: warning: notes.csv is not a file Passage reads, so it is ignored (a scenario is "
                    + "scenario.toml, households.csv, locations.csv, safe_houses.csv, legs.csv, programmes.csv and "
                    + "optionally commitments.csv, shared_quotas.csv, document_services.csv)",
                "safe_house.csv:1:1: error: safe_house.csv is not a file Passage reads, and the required "
                    + "safe_houses.csv is missing; did you mean safe_houses.csv? Rename the file.",
            ])
    }

    /// A folder with only warnings loads, and says why.
    @Test func aScenarioWithAStrayFileLoadsWithAWarning() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passage-stray-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, data) in Fixture.files() { try data.write(to: folder.appendingPathComponent(name)) }
        try Data("household,start_week\n".utf8).write(to: folder.appendingPathComponent("commitment.csv"))
        let loaded = try ScenarioLoader.loadWithWarnings(directory: folder)
        #expect(loaded.scenario.households.count == 1)
        #expect(
            loaded.warnings.map(\.description) == [
                "commitment.csv:1:1: warning: commitment.csv is not a file Passage reads, so it is ignored; did you "
                    + "mean commitments.csv?"
            ])
    }
}
