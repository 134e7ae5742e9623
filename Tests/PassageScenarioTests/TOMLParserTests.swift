import Foundation
import Testing

@testable import PassageScenario

/// Passage's own TOML parser (issue 17): what scenario.toml and change files use is read, and everything
/// else ends in located problems, never a crash.
@Suite struct TOMLParserTests {
    func parse(_ text: String) throws -> TOMLTable {
        switch TOMLParser.parse(text) {
        case .success(let table): return table
        case .failure(let failure): throw failure
        }
    }

    /// Every problem as `line:column: message`.
    func problems(_ text: String) -> [String] {
        switch TOMLParser.parse(text) {
        case .success: return []
        case .failure(let failure):
            return failure.problems.map { "\($0.position.line):\($0.position.column): \($0.message)" }
        }
    }

    @Test func readsWhatPassageFilesUse() throws {
        let table = try parse(
            """
            # a comment
            title = "Tab\\there \\"quoted\\" \\u00e9\\U0001F600 back\\\\slash" # trailing comment
            literal = 'C:\\no\\escapes'
            "quoted key" = 1
            start_date = 2026-11-30
            plain = 1_000
            negative = -17
            positive = +3
            hex = 0xFF
            octal = 0o17
            binary = 0b101
            float = 2.5
            exponent = 1e-05
            big = -1.5E+3
            infinite = -inf
            yes = true
            no = false
            empty = []
            list = [
              1000, 400,  # comment inside
              150,
              50,   # trailing comma
            ]
            strings = ["a", 'b']

            [objective]
            cost = 0.01
            dotted.inner = "x"

            [[leg]]
            id = "L1"

            [[leg]]
            id = "L2"
            """)
        #expect(table["title"]?.string == "Tab\there \"quoted\" \u{E9}\u{1F600} back\\slash")
        #expect(table["literal"]?.string == "C:\\no\\escapes")
        #expect(table["quoted key"]?.int == 1)
        #expect(table["start_date"]?.date == CalendarDate(year: 2026, month: 11, day: 30))
        #expect(table["plain"]?.int == 1000 && table["negative"]?.int == -17 && table["positive"]?.int == 3)
        #expect(table["hex"]?.int == 255 && table["octal"]?.int == 15 && table["binary"]?.int == 5)
        #expect(table["float"]?.double == 2.5 && table["exponent"]?.double == 1e-05 && table["big"]?.double == -1500)
        #expect(table["infinite"]?.double == -.infinity)
        #expect(table["yes"]?.bool == true && table["no"]?.bool == false)
        #expect(table["empty"]?.array == [])
        #expect(table["list"]?.array?.compactMap(\.int) == [1000, 400, 150, 50])
        #expect(table["strings"]?.array?.compactMap(\.string) == ["a", "b"])
        let objective = try #require(table["objective"]?.table)
        #expect(objective["cost"]?.double == 0.01)
        #expect(objective["dotted"]?.table?["inner"]?.string == "x")
        #expect(table["leg"]?.array?.compactMap { $0.table?["id"]?.string } == ["L1", "L2"])
    }

    @Test func readsCRLFAndAnEmptyText() throws {
        #expect(try parse("a = 1\r\n[t]\r\nb = 'x'\r\n")["t"]?.table?["b"]?.string == "x")
        #expect(try parse("").keys.isEmpty)
        #expect(try parse("\n\n# only a comment").keys.isEmpty)
    }

    /// The crasher of issue 17 and its neighbours: each refused at its line and column.
    @Test(arguments: [
        ("start_date = 2026-11-30 1   # a Monday", "1:25: TOML syntax error: expected the end of the line or a # comment after the value, found '1'"),
        ("start_date = 2026-11-30 10:00", "1:25: a time of day is not accepted here; write a date as 2026-11-30"),
        ("start_date = 2026-11-30T10:00:00", "1:14: a time of day is not accepted here; write a date as 2026-11-30"),
        ("start_date = 2026-11-30T10:00:00+03:00", "1:14: a time of day is not accepted here; write a date as 2026-11-30"),
        ("start_date = 10:00", "1:14: a time of day is not accepted here; write a date as 2026-11-30"),
        ("start_date = 2026-11-30 2026-12-07", "1:25: TOML syntax error: expected the end of the line or a # comment after the value, found '2'"),
        ("start_date = 2026-02-30", "1:14: 2026-02-30 is not a date: the day must be from 01 to 28 in that month"),
        ("start_date = 2026-13-01", "1:14: 2026-13-01 is not a date: the month must be from 01 to 12"),
        ("horizon_weeks = 16 1", "1:20: TOML syntax error: expected the end of the line or a # comment after the value, found '1'"),
    ])
    func datesAndTimesAreRefusedAtTheirPosition(text: String, expected: String) {
        #expect(problems(text) == [expected])
    }

    @Test func integersOutOfRangeAreProblemsNotTraps() throws {
        #expect(problems("a = 99999999999999999999").first?.contains("out of range") == true)
        #expect(problems("a = 9223372036854775808").first?.contains("out of range") == true)
        #expect(problems("a = -9223372036854775809").first?.contains("out of range") == true)
        #expect(problems("a = 0xFFFFFFFFFFFFFFFFF").first?.contains("out of range") == true)
        #expect(try parse("a = -9223372036854775808")["a"]?.int == Int.min)
        #expect(try parse("a = 9223372036854775807")["a"]?.int == Int.max)
        #expect(try parse("a = 1e400")["a"]?.double?.isFinite == false)  // readers refuse non-finite numbers
    }

    @Test(arguments: [":", "-:1", "012", "1__0", "_1", "1_", "1.", ".5", "1e", "1.e3", "0x", "+0x1", "1.2.3", "--1", "1-2", "0b102"])
    func malformedNumbersAreRefused(number: String) {
        let found = problems("a = \(number)")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("1:5: TOML syntax error: ") == true, "\(found)")
    }

    @Test func syntaxProblemsAreLocatedAndExplained() {
        let cases: [(String, String)] = [
            ("a = = 3", "1:5: TOML syntax error: expected a value (a string in quotes, a number, true or false, a date such as 2026-11-30, or an array), found '='"),
            ("a 3", "1:3: TOML syntax error: expected = after the key a, found '3'"),
            ("currency = EUR", "1:12: TOML syntax error: expected a value (a string in quotes, a number, true or false, a date such as 2026-11-30, or an array), found EUR; text is written in quotes (\"…\")"),
            ("a = \"open", "1:10: TOML syntax error: expected \" to close the string that starts at column 5, found the end of the file"),
            ("a = 'open\nb = 1", "1:10: TOML syntax error: expected ' to close the string that starts at column 5, found the end of the line"),
            ("a = \"\\q\"", "1:6: TOML syntax error: unknown escape \\q; write \\\\ for a backslash"),
            ("a = \"\\uD800\"", "1:6: TOML syntax error: \\uD800 is not a Unicode character"),
            ("a = \"\\u12\"", "1:10: TOML syntax error: expected 4 hexadecimal digits after \\u, found '\"'"),
            ("a = \"x\u{0}y\"", "1:7: TOML syntax error: control character U+0000 is not allowed"),
            ("a = 1 # bell \u{7}", "1:14: TOML syntax error: control character U+0007 is not allowed"),
            ("a = 1\rb = 2", "1:6: TOML syntax error: control character U+000D is not allowed"),
            ("a = \"\"\"x\"\"\"", "1:5: a multi-line string (\"\"\") is not accepted here; write the string on one line"),
            ("a = { b = 1 }", "1:5: an inline table ({ … }) is not accepted here; write the table under its own [name] or [[name]] header"),
            ("[a\nb = 1", "1:3: TOML syntax error: expected ] to close the header, found the end of the line"),
            ("[[a]\nb = 1", "1:5: TOML syntax error: expected ]] to close the header (no space between), found the end of the line"),
            ("[\u{E9}]", "1:2: TOML syntax error: expected a key (letters, digits, _ or -, or a quoted key), found 'é'"),
            ("[[[a]]]", "1:3: TOML syntax error: expected a key (letters, digits, _ or -, or a quoted key), found '['"),
            ("[.]", "1:2: TOML syntax error: expected a key (letters, digits, _ or -, or a quoted key), found '.'"),
            ("[a] x", "1:5: TOML syntax error: expected the end of the line or a # comment after the header, found 'x'"),
            ("a = [1, 2", "1:10: TOML syntax error: expected , or ] in the array that starts at line 1, column 5, found the end of the file"),
            ("a = [1 2]", "1:8: TOML syntax error: expected , or ] in the array that starts at line 1, column 5, found '2'"),
            ("a = [,]", "1:6: TOML syntax error: expected a value (a string in quotes, a number, true or false, a date such as 2026-11-30, or an array), found ','"),
            ("a = 1\na = 2", "2:1: TOML syntax error: duplicate key a: first defined on line 1"),
            ("[t]\n[t]", "2:1: TOML syntax error: table [t] is defined twice (first on line 1)"),
            ("[t]\n[[t]]", "2:1: TOML syntax error: t is already a table (line 1), so [[t]] cannot add an entry to it"),
            ("[[t]]\n[t]", "2:1: TOML syntax error: t is already an array of tables ([[t]], line 1)"),
            ("t = 1\n[t]", "2:1: TOML syntax error: t is already a value (line 1), so it cannot be a table"),
            ("t.a = 1\n[t]", "2:1: TOML syntax error: table [t] was already made by a dotted key on line 1"),
            ("a = 1\n\u{FEFF}b = 2", "2:1: TOML syntax error: expected a key (letters, digits, _ or -, or a quoted key), found U+FEFF"),
        ]
        for (text, expected) in cases {
            #expect(problems(text) == [expected], "\(text.debugDescription)")
        }
    }

    @Test func aHeaderReachesIntoTheLastTableOfAnArrayAndDottedKeysExtendTheirOwnTables() throws {
        let table = try parse("[[leg]]\nid = 1\n[leg.extra]\nx = 1\n[t]\na.b = 1\na.c = 2\n[t.a.d]\ny = 2\n")
        #expect(table["leg"]?.array?.first?.table?["extra"]?.table?["x"]?.int == 1)
        #expect(table["t"]?.table?["a"]?.table?.keys.sorted() == ["b", "c", "d"])
        #expect(problems("[t]\nx = 1\n[u]\n[t.x]").first?.hasPrefix("4:1: TOML syntax error: t.x is already a value") == true)
        #expect(problems("[a.b]\n[a]\nb.c = 1").first?.hasPrefix("3:1: TOML syntax error: b is a table with its own header") == true)
    }

    /// One run reports every broken line, so a coordinator fixes them all at once.
    @Test func everyBrokenLineIsReported() {
        let found = problems("title = \"x\nstart_date = 2026-11-30 1\nhorizon_weeks = 16\nbudget = 1__0\n[objective\n")
        #expect(found.map { $0.prefix(2) } == ["1:", "2:", "4:", "5:"])
    }

    /// After a problem inside an array spanning lines, the lines that follow cannot be read as statements.
    @Test func aProblemInsideAMultiLineArrayEndsParsing() {
        let found = problems("a = [\n  1,\n  2 3,\n  4,\n]\nb = = 1\n")
        #expect(found == ["3:5: TOML syntax error: expected , or ] in the array that starts at line 1, column 5, found '3'"])
    }

    /// Hostile shapes end in a problem, quickly, without deep recursion.
    @Test func deepAndLongInputsAreRefusedWithoutRecursing() {
        let started = ContinuousClock.now
        let deepArray = "a = " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(problems(deepArray) == ["1:37: arrays nested more than 32 deep are not accepted"])
        let deepKey = Array(repeating: "a", count: 50_000).joined(separator: ".") + " = 1"
        #expect(problems(deepKey) == ["1:1: TOML syntax error: a key may have at most 65 dotted parts"])
        let deepHeader = "[" + Array(repeating: "a", count: 50_000).joined(separator: ".") + "]"
        #expect(problems(deepHeader) == ["1:2: TOML syntax error: a key may have at most 65 dotted parts"])
        let nested = "a = " + String(repeating: "{b=", count: 5_000) + "1" + String(repeating: "}", count: 5_000)
        #expect(problems(nested).count == 1)
        let manyHeaders = String(repeating: "[[x]]\n", count: 20_000)
        #expect((try? parse(manyHeaders))?["x"]?.array?.count == 20_000)
        let longNumber = "a = " + String(repeating: "9", count: 60_000)
        #expect(problems(longNumber).first?.contains("out of range") == true)
        #expect(problems(longNumber).first!.count < 200)
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    /// What the writers produce reads back: settings and change files round-trip through the parser.
    @Test func writtenSettingsReadBack() throws {
        let settings = ScenarioSettings(
            title: "Quote \" backslash \\ tab \t bell \u{7}", startDate: CalendarDate(year: 2026, month: 11, day: 30),
            horizonWeeks: 16, budget: 1e-05, currency: "EUR", objective: ObjectiveWeights(), solver: SolverLimits())
        let table = try parse(SettingsWriting.text(settings))
        #expect(table["title"]?.string == settings.title)
        #expect(table["budget"]?.double == 1e-05)
        #expect(table["start_date"]?.date == settings.startDate)
    }
}
