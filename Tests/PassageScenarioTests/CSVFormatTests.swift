import Foundation
import Testing

@testable import PassageScenario

@Suite("CSV format")
struct CSVFormatTests {
    @Test("CRLF line ends and a byte-order mark load")
    func crlfAndBOM() throws {
        var files = Fixture.files()
        for name in ScenarioFileName.all {
            let text = Fixture.valid[name]!.replacingOccurrences(of: "\n", with: "\r\n")
            files[name] = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        }
        let scenario = try ScenarioLoader.load(files: files)
        #expect(scenario.households.map(\.id) == ["H1"])
        #expect(scenario.locations.map(\.id) == ["a", "b", "c"])
        #expect(scenario.legs[0].documents.requirement(for: "RU") == .internalID)
    }

    @Test("CRLF + BOM keep positions exact")
    func crlfPositions() {
        let text = "\u{FEFF}id,country,kind\r\na,RU,origin\r\nb,AM,town\r\nc,DE,destination\r\n"
        #expect(Fixture.issues(Fixture.files(["locations.csv": text])) == [
            "locations.csv:3:6: error: kind must be one of origin, city, border, hub, destination (got \"town\")"
        ])
    }

    @Test("a quoted field spanning two lines keeps later line numbers exact")
    func multilineField() throws {
        let households = """
            id,size,location,urgency,nationality,passport,internal_id,needs
            H1,1,a,1,RU,none,yes,"medical;
            minor"
            H2,1,a,7,RU,none,yes,

            "H3",1,a,1,RU,none,yes,"minor"

            """
        let files = Fixture.files(["households.csv": households])
        #expect(Fixture.issues(files) == ["households.csv:4:8: error: urgency must be an integer from 1 to 4"])
        let fixed = households.replacingOccurrences(of: "H2,1,a,7", with: "H2,1,a,2")
        let scenario = try ScenarioLoader.load(files: Fixture.files(["households.csv": fixed]))
        #expect(scenario.households.map(\.id) == ["H1", "H2", "H3"])
        #expect(scenario.households[0].needs == ["medical", "minor"])
    }

    @Test("columns in any order, optional columns absent or empty, lists trimmed")
    func columnOrderAndDefaults() throws {
        let households = """
            internal_id,passport,nationality,urgency,location,size,id,needs,excluded_countries,ready_week
            no,valid,KZ,4,a,2,H1, minor ; medical ,KZ;TR,
            yes,expired,RU,2,a,1,H2,,,3

            """
        let scenario = try ScenarioLoader.load(files: Fixture.files(["households.csv": households]))
        let h1 = scenario.households[0]
        #expect(h1 == Household(
            id: "H1", size: 2, location: "a", urgency: 4, readyWeek: 1, nationality: "KZ", passport: .valid,
            hasInternalID: false, needs: ["minor", "medical"], excludedCountries: ["TR", "KZ"]))
        #expect(scenario.households[1].readyWeek == 3 && scenario.households[1].needs.isEmpty)
    }

    @Test("malformed CSV is located; well-formed rows around it are still checked")
    func malformed() {
        let locations = """
            id,country,kind
            a,RU,origin
            b,A"M,city
            c,"DE"x,destination
            d,XX,nowhere
            "e,RU,city

            """
        #expect(Fixture.issues(Fixture.files(["locations.csv": locations])) == [
            "locations.csv:3:4: error: malformed CSV: a quote inside an unquoted field: enclose the whole field in quotes and double any quote inside it",
            "locations.csv:4:7: error: malformed CSV: unexpected text after a closing quote: a quoted field must end at a comma or the end of the line",
            "locations.csv:5:6: error: kind must be one of origin, city, border, hub, destination (got \"nowhere\")",
            "locations.csv:6:1: error: malformed CSV: a quoted field is not closed: the closing \" is missing",
            // b and c were malformed rows, so the references to them dangle.
            "programmes.csv:2:9: error: arrival \"c\" is not an id in locations.csv",
            "programmes.csv:2:7: error: lodged_at \"b\" is not an id in locations.csv",
            "safe_houses.csv:2:4: error: location \"b\" is not an id in locations.csv",
            "legs.csv:2:6: error: to \"b\" is not an id in locations.csv",
            "legs.csv:3:4: error: from \"b\" is not an id in locations.csv",
            "legs.csv:3:6: error: to \"c\" is not an id in locations.csv",
        ].sorted { ValidationIssueOrder.less($0, $1) })
    }

    @Test("an empty file has no header row")
    func emptyFile() {
        #expect(Fixture.issues(Fixture.files(["programmes.csv": "\n\n"])) == [
            "programmes.csv:1:1: error: the header row is missing: the file is empty"
        ])
    }

    @Test("invalid UTF-8 is located at the bad byte")
    func invalidUTF8() {
        var files = Fixture.files()
        files["locations.csv"] = Data("id,country,kind\na,RU,origin\nb,AM,ci".utf8) + Data([0xE9]) + Data("ty\n".utf8)
        #expect(Fixture.issues(files) == [
            "locations.csv:3:8: error: the file is not valid UTF-8 text; save it as UTF-8 (CSV UTF-8 in spreadsheet programs)"
        ])
    }

    @Test("identifier-like columns are refused in every table, whatever their spelling")
    func identifierColumns() {
        for name in ["name", "E-Mail", "phone number", "Passport_No", "DATE OF BIRTH", "surname", "street"] {
            #expect(IdentifierColumnPolicy.isIdentifierLike(name), "\(name)")
        }
        for name in ["id", "internal_id", "nationality", "location", "needs"] {
            #expect(!IdentifierColumnPolicy.isIdentifierLike(name), "\(name)")
        }
        let legs = Fixture.valid["legs.csv"]!.replacingOccurrences(of: "risk\n", with: "risk,Address\n")
            .replacingOccurrences(of: ",2\n", with: ",2,x\n").replacingOccurrences(of: ",1\n", with: ",1,y\n")
        #expect(Fixture.issues(Fixture.files(["legs.csv": legs])) == [
            "legs.csv:1:77: error: column \"Address\" looks like a direct personal identifier and is refused: Passage keeps pseudonymous ids only; remove the column (keep such details outside Passage)"
        ])
    }
}

/// Issues sort by file, line, column, message; the same order on their rendered form for expectations.
enum ValidationIssueOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        func key(_ s: String) -> (String, Int, Int, String) {
            let parts = s.split(separator: ":", maxSplits: 3)
            return (String(parts[0]), Int(parts[1])!, Int(parts[2])!, String(parts[3]))
        }
        return key(a) < key(b)
    }
}
