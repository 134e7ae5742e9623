import Foundation

/// A scenario as what-if change files make it: the base scenario with the files' changes applied.
public struct ScenarioVariant: Sendable {
    /// The variant's name in reports: the file's `title`, else its file name without `.toml`
    /// (`A + B` when files are combined).
    public var name: String
    /// The change file, as named in messages (the path given on the command line); `a.toml + b.toml`
    /// when files are combined.
    public var file: String
    /// The changes applied, one per change file, in the order applied.
    public var changes: [ScenarioChanges]
    /// The changed scenario, valid like a loaded one.
    public var scenario: Scenario

    /// A variant named `name` from `file`.
    public init(name: String, file: String, changes: [ScenarioChanges], scenario: Scenario) {
        self.name = name
        self.file = file
        self.changes = changes
        self.scenario = scenario
    }

    /// What the variant changes, one line per change, in words (for reports).
    public var descriptions: [String] { changes.flatMap(\.descriptions) }
}

/// What-if change files (docs/WHATIF.md): small TOML files describing changes to a scenario — close or
/// open a safe house for some weeks, change beds, seats, quotas, processing times, costs or the budget,
/// add or remove a leg, house or programme, change a household's documents.
///
/// Reading and applying are checked as strictly as scenario files: every problem is reported at once as
/// a ``ValidationIssue`` naming the change file, its line and column, and what was expected. Nothing is
/// printed; the caller decides what to show.
public enum ChangeFile {
    /// Reads and type-checks the change file `data`, named `file` in messages.
    ///
    /// - Throws: ``ScenarioValidationError`` with every problem found, sorted.
    public static func read(_ data: Data, file: String) throws -> ScenarioChanges {
        let (changes, issues) = ChangeFileReader.read(data, file: file)
        guard let changes, issues.isEmpty else { throw ScenarioValidationError(issues: issues) }
        return changes
    }

    /// `base` with `changes` (read from `file`) applied. The result must still be a valid scenario:
    /// referenced ids exist, weeks lie within the horizon, added rows reference real locations,
    /// nothing a commitment uses is removed; every problem is reported against the change file.
    ///
    /// - Throws: ``ScenarioValidationError`` with every problem found, sorted.
    public static func apply(_ changes: ScenarioChanges, file: String, to base: Scenario) throws -> Scenario {
        try apply(changes, file: file, to: base, problemsSoFar: [])
    }

    /// Applies `changes` and throws every problem found, together with `problemsSoFar` (found when reading).
    private static func apply(
        _ changes: ScenarioChanges, file: String, to base: Scenario, problemsSoFar: [ValidationIssue]
    ) throws -> Scenario {
        var application = ChangeApplication(file: file, base: base)
        let changed = application.apply(changes)
        let issues = problemsSoFar + application.issues
        guard let changed, issues.isEmpty else { throw ScenarioValidationError(issues: issues) }
        // The scenario's own validation, as a safety net for anything the checks above do not cover: the
        // changed scenario is written as files in memory and loaded again. Closed weeks have no column in
        // those files and are not checked here (ChangeApplication checked them).
        let remaining = ScenarioLoader.validate(files: ScenarioWriter.files(for: changed))
        guard remaining.isEmpty else {
            throw ScenarioValidationError(
                issues: remaining.map {
                    ValidationIssue(
                        file: file, line: 1, column: 1,
                        message: "the changed scenario is not valid: \($0.file) \($0.message)")
                })
        }
        return changed
    }

    /// Reads the change file `data` (named `file`) and applies it to `base`.
    ///
    /// - Throws: ``ScenarioValidationError`` with every problem found, sorted.
    public static func variant(_ data: Data, file: String, base: Scenario) throws -> ScenarioVariant {
        // Problems in some entries do not stop the others from being checked against the scenario.
        let (read, problems) = ChangeFileReader.read(data, file: file)
        guard let changes = read else { throw ScenarioValidationError(issues: problems) }
        let scenario = try apply(changes, file: file, to: base, problemsSoFar: problems)
        return ScenarioVariant(name: name(changes, file: file), file: file, changes: [changes], scenario: scenario)
    }

    /// All of `variants`' changes applied to `base` one file after another, in the order given, as one
    /// variant named `A + B + …`: a later file changes what the earlier ones left (its checks run
    /// against that), so a file may not change what an earlier one removed.
    ///
    /// - Throws: ``ScenarioValidationError`` with every problem found, against the file that has it.
    public static func combining(_ variants: [ScenarioVariant], base: Scenario) throws -> ScenarioVariant {
        var scenario = base
        for variant in variants {
            for changes in variant.changes { scenario = try apply(changes, file: variant.file, to: scenario) }
        }
        return ScenarioVariant(
            name: variants.map(\.name).joined(separator: " + "), file: variants.map(\.file).joined(separator: " + "),
            changes: variants.flatMap(\.changes), scenario: scenario)
    }

    /// The file's title, else its file name without the `.toml` extension.
    public static func name(_ changes: ScenarioChanges, file: String) -> String {
        if let title = changes.title { return title }
        let last = URL(fileURLWithPath: file).lastPathComponent
        return last.hasSuffix(".toml") ? String(last.dropLast(5)) : last
    }
}
