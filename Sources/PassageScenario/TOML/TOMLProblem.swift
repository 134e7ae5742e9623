// A problem the TOML parser found, located. Kept apart from ValidationIssue so the parser knows nothing of
// file names; the readers turn each into an issue of their file.

/// Where the text is not TOML Passage accepts, and what was expected there.
struct TOMLProblem: Error, Sendable, Equatable {
    var position: TextPosition
    /// A complete sentence for the user, e.g. "TOML syntax error: expected = after the key budget".
    var message: String

    /// The problem as an issue of `file`.
    func issue(file: String) -> ValidationIssue {
        ValidationIssue(file: file, line: position.line, column: position.column, message: message)
    }
}
