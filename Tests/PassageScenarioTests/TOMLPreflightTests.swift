import Foundation
import Testing

@testable import PassageScenario

/// Inputs that crashed or fooled toml++ (docs/FUZZING.md) are refused, located, before it sees them.
@Suite struct TOMLPreflightTests {
    @Test(arguments: ["[é]\n", "x = 1\n  [.]\n", "[;x]\n", "[[[\n", "[ [x]]\n", "[\u{4}]\n", "["])
    func badHeaderStartsAreRefused(_ text: String) throws {
        let problem = try #require(TOMLPreflight.check(text))
        #expect(problem.message.contains("table header"))
    }

    @Test func controlCharactersAreRefusedWhereTheyAre() throws {
        let problem = try #require(TOMLPreflight.check("title = \"a\"\nb = 1\u{0}\n"))
        #expect(problem.position == TextPosition(line: 2, column: 6))
        #expect(problem.message.contains("U+0"))
    }

    @Test func deepDottedKeysAreRefused() {
        let deep = Array(repeating: "a", count: 100).joined(separator: ".")
        #expect(TOMLPreflight.check(deep + " = 1\n") != nil)
        #expect(TOMLPreflight.check("[" + deep + "]\n") != nil)
        #expect(TOMLPreflight.check("x = [1.5, 2.5]\na.b = 0.1\n") == nil)
    }

    @Test func ordinarySettingsPass() {
        let text = "title = \"t\"\n[objective]\ncost = 0.01\n[[x]]\n[ \"quoted\" ]\nw = [\n  [1, 2],\n  [],\n]\n\ty = 'a'\r\n"
        #expect(TOMLPreflight.check(text) == nil)
    }
}
