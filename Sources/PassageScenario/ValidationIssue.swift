/// One problem found in a scenario's files, located by file, line and column (1-based).
public struct ValidationIssue: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// File name relative to the scenario folder (e.g. `households.csv`).
    public var file: String
    public var line: Int
    public var column: Int
    /// What is wrong and what was expected. Never contains household field values beyond what is needed.
    public var message: String
    /// An error stops the scenario from loading; a warning does not, but says something a coordinator
    /// should know before planning (a household that no safe house can hold).
    public var severity: Severity

    /// How serious an issue is.
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public init(file: String, line: Int, column: Int, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    public static func < (a: ValidationIssue, b: ValidationIssue) -> Bool {
        (a.file, a.line, a.column, a.message) < (b.file, b.line, b.column, b.message)
    }

    /// The compiler's shape: `FILE:LINE:COLUMN: error: message` (or `warning:`).
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}

/// A scenario could not be loaded: every problem found, sorted by position.
public struct ScenarioValidationError: Error, Sendable, CustomStringConvertible {
    public var issues: [ValidationIssue]
    public init(issues: [ValidationIssue]) { self.issues = issues.sorted() }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
