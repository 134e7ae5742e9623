import Foundation
import Testing

@testable import PassageScenario

/// Inputs that crashed or fooled toml++ under TOMLKit (docs/FUZZING.md) are refused by Passage's own
/// parser like any other syntax error, located. These were TOMLPreflight's cases before it was removed.
@Suite struct TOMLHostileInputTests {
    func firstProblem(_ text: String) -> TOMLProblem? {
        if case .failure(let failure) = TOMLParser.parse(text) { return failure.problems.first }
        return nil
    }

    @Test(arguments: ["[é]\n", "x = 1\n  [.]\n", "[;x]\n", "[[[\n", "[ [x]]\n", "[\u{4}]\n", "["])
    func badHeaderStartsAreRefused(_ text: String) throws {
        let problem = try #require(firstProblem(text))
        #expect(problem.message.hasPrefix("TOML syntax error: "))
        #expect(problem.message.contains("expected a key") || problem.message.contains("control character"))
    }

    @Test func controlCharactersAreRefusedWhereTheyAre() throws {
        let problem = try #require(firstProblem("title = \"a\"\nb = 1\u{0}\n"))
        #expect(problem.position == TextPosition(line: 2, column: 6))
        #expect(problem.message.contains("U+0000"))
    }

    /// A NUL no longer cuts the text short (TOMLKit handed it to C as a NUL-terminated string).
    @Test func aNulByteIsAProblemNotTheEndOfTheText() throws {
        let problem = try #require(firstProblem("title = \"De\u{0}mo\"\nhorizon_weeks = 16\n"))
        #expect(problem.position == TextPosition(line: 1, column: 12))
    }

    @Test func deepDottedKeysAreRefused() {
        let deep = Array(repeating: "a", count: 100).joined(separator: ".")
        #expect(firstProblem(deep + " = 1\n") != nil)
        #expect(firstProblem("[" + deep + "]\n") != nil)
        #expect(firstProblem("x = [1.5, 2.5]\na.b = 0.1\n") == nil)
    }

    @Test func ordinarySettingsPass() {
        let text = "title = \"t\"\n[objective]\ncost = 0.01\n[[x]]\n[ \"quoted\" ]\nw = [\n  [1, 2],\n  [],\n]\n\ty = 'a'\r\n"
        #expect(firstProblem(text) == nil)
    }
}
