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
        #expect(issues.contains { $0.hasPrefix("safe_houses.csv:1:1: error: unknown column \"colour;shape\"") }, "\(issues)")
        #expect(!issues.contains { $0.contains("comma-separated") })
    }

    /// A start date written the way people write dates is explained at the value, with the Monday it can
    /// only mean when there is one (04/01/2027 day first is Monday 4 January; month first, a Thursday).
    @Test(arguments: [
        ("04/01/2027", 14, "did you mean start_date = 2027-01-04?"),
        ("4.1.2027", 14, "did you mean start_date = 2027-01-04?"),
        ("2027-1-4   # a Monday", 14, "did you mean start_date = 2027-01-04?"),
        ("January 4 2027", 14, "for example start_date = 2027-01-04"),
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
}
