import Foundation

/// Loads a scenario folder and validates it strictly, reporting every problem in every file at once.
///
/// Nothing is printed and no file is written: the caller decides what to show. Messages about
/// `households.csv` name the column, the row (by line, and by household id where useful) and what was
/// expected, but never a household's cell values.
public enum ScenarioLoader {
    /// Loads the scenario in `directory` (see docs/SCENARIO.md for the format).
    ///
    /// - Throws: ``ScenarioValidationError`` with every issue found across all files, sorted.
    public static func load(directory: URL) throws -> Scenario {
        try load(files: readFiles(in: directory))
    }

    /// Loads a scenario from file contents keyed by file name (e.g. `households.csv`), so a scenario
    /// decrypted in memory never touches the disk. Other keys are ignored.
    ///
    /// - Throws: ``ScenarioValidationError`` with every issue found across all files, sorted.
    public static func load(files: [String: Data]) throws -> Scenario {
        try loadWithWarnings(files: files).scenario
    }

    /// Loads a scenario from file contents like ``load(files:)``, and also returns the warnings: things
    /// that do not stop planning but that a coordinator should know (see ``HouseholdFitCheck``), sorted.
    ///
    /// - Throws: ``ScenarioValidationError`` with every error found across all files, sorted.
    public static func loadWithWarnings(files: [String: Data]) throws -> (
        scenario: Scenario, warnings: [ValidationIssue]
    ) {
        let (scenario, issues, warnings) = run(files)
        guard let scenario, issues.isEmpty else { throw ScenarioValidationError(issues: issues) }
        return (scenario, warnings.sorted())
    }

    /// Loads the scenario in `directory` like ``loadWithWarnings(files:)``, and also warns about `.csv` and
    /// `.toml` files in the folder that Passage does not read (see ``StrayFiles``).
    ///
    /// - Throws: ``ScenarioValidationError`` with every error found across all files, sorted.
    public static func loadWithWarnings(directory: URL) throws -> (scenario: Scenario, warnings: [ValidationIssue]) {
        let (scenario, issues, warnings) = run(readFiles(in: directory), folder: StrayFiles.names(in: directory))
        guard let scenario, issues.isEmpty else { throw ScenarioValidationError(issues: issues) }
        return (scenario, warnings.sorted())
    }

    /// Every issue in the scenario in `directory`, sorted; empty when it loads.
    public static func validate(directory: URL) -> [ValidationIssue] {
        run(readFiles(in: directory), folder: StrayFiles.names(in: directory)).errors.sorted()
    }

    /// Every issue in the in-memory scenario `files`, sorted; empty when it loads.
    public static func validate(files: [String: Data]) -> [ValidationIssue] {
        run(files).errors.sorted()
    }

    // MARK: Implementation

    /// The scenario's files in `directory` that exist and can be read, keyed by name (other files are
    /// not read); missing ones are simply absent from the result.
    public static func readFiles(in directory: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for name in ScenarioFileName.all + ScenarioFileName.optional {
            let url = directory.appendingPathComponent(name, isDirectory: false)
            if let data = try? Data(contentsOf: url) { files[name] = data }
        }
        return files
    }

    /// Loads `files`; `folder` lists the names in the scenario's folder, when it has one, so that files
    /// Passage does not read are reported too (in-memory contents hold only the files Passage reads).
    private static func run(_ files: [String: Data], folder: [String] = [])
        -> (scenario: Scenario?, errors: [ValidationIssue], warnings: [ValidationIssue])
    {
        // Missing required files (with a close name in the folder, "did you mean"), and unread data files.
        let fileIssues = StrayFiles.issues(names: folder, present: Set(files.keys))
        var issues = fileIssues.filter { $0.severity == .error }

        let settings = files[ScenarioFileName.settings].map { SettingsReader.read($0, issues: &issues) }
        func table(_ name: String) -> CSVTable? {
            files[name].flatMap { CSVTableReader.read(file: name, data: $0, issues: &issues) }
        }
        let weeks = settings?.weeks ?? HorizonWeeks()
        let locations = LocationTable.decode(table(ScenarioFileName.locations), issues: &issues)
        let households = HouseholdTable.decode(
            table(ScenarioFileName.households), weeks: weeks, issues: &issues)
        let safeHouses = SafeHouseTable.decode(table(ScenarioFileName.safeHouses), issues: &issues)
        let legs = LegTable.decode(table(ScenarioFileName.legs), issues: &issues)
        let programmes = ProgrammeTable.decode(table(ScenarioFileName.programmes), weeks: weeks, issues: &issues)
        let commitments = CommitmentTable.decode(
            table(ScenarioFileName.commitments), horizonWeeks: settings?.horizonWeeks, issues: &issues)
        let sharedQuotas = SharedQuotaTable.decode(
            table(ScenarioFileName.sharedQuotas), programmes: programmes, issues: &issues)
        let documentServices = DocumentServiceTable.decode(
            table(ScenarioFileName.documentServices), issues: &issues)
        issues += CrossReferenceCheck.check(
            households: households, locations: locations, safeHouses: safeHouses, legs: legs,
            programmes: programmes, documentServices: documentServices)
        issues += CommitmentCheck.check(
            commitments, households: households, safeHouses: safeHouses, legs: legs, programmes: programmes,
            documentServices: documentServices)

        guard issues.isEmpty, let settings = settings?.settings else { return (nil, issues, []) }
        let warnings =
            fileIssues.filter { $0.severity == .warning }
            + HouseholdFitCheck.check(
                households: households, locations: locations, safeHouses: safeHouses, programmes: programmes)
        let scenario = Scenario(
            settings: settings, households: households.rows.map(\.value), locations: locations.rows.map(\.value),
            safeHouses: safeHouses.rows.map(\.value), legs: legs.rows.map(\.value),
            programmes: programmes.rows.map(\.value), commitments: commitments.rows.map(\.value),
            sharedQuotas: sharedQuotas.rows.map(\.value), documentServices: documentServices.rows.map(\.value))
        return (scenario, issues, warnings)
    }
}
