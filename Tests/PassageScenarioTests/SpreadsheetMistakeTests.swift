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
}
