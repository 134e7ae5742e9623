import Foundation

/// Writes a `Scenario` as the files of a scenario folder (docs/SCENARIO.md), so that loading
/// them gives back an equal scenario.
///
/// The output is deterministic byte for byte: columns in the documented order, rows in the
/// scenario's order, LF line ends, numbers in their shortest exact form (`300`, `0.02`). The scenario
/// should be valid (as loaded or generated): a value the format cannot express, such as a document
/// rule that admits nobody, is written as it is and refused when the folder is loaded.
public enum ScenarioWriter {
    /// The contents of every file of the scenario folder, keyed by `ScenarioFileName`.
    public static func files(for scenario: Scenario) -> [String: Data] {
        var files = [
            ScenarioFileName.settings: Data(SettingsWriting.text(scenario.settings).utf8),
            ScenarioFileName.households: TableWriting.households(scenario.households),
            ScenarioFileName.locations: TableWriting.locations(scenario.locations),
            ScenarioFileName.safeHouses: TableWriting.safeHouses(scenario.safeHouses),
            ScenarioFileName.legs: TableWriting.legs(scenario.legs),
            ScenarioFileName.programmes: TableWriting.programmes(scenario.programmes),
        ]
        // commitments.csv is optional: written only when some household is under way.
        if !scenario.commitments.isEmpty {
            files[ScenarioFileName.commitments] = TableWriting.commitments(scenario.commitments)
        }
        // shared_quotas.csv is optional too: written only when some programmes share a quota.
        if !scenario.sharedQuotas.isEmpty {
            files[ScenarioFileName.sharedQuotas] = TableWriting.sharedQuotas(scenario.sharedQuotas)
        }
        // document_services.csv likewise: only when households can obtain documents.
        if !scenario.documentServices.isEmpty {
            files[ScenarioFileName.documentServices] = TableWriting.documentServices(scenario.documentServices)
        }
        return files
    }

    /// Writes every file of `scenario` into the existing folder `directory`, in the order of
    /// `ScenarioFileName.all`, through `writeFile` (contents, destination path).
    ///
    /// The default writes each file atomically with Foundation; callers that handle caseloads pass
    /// their own owner-only writer (the `passage` command uses `OutputFile.write`).
    public static func write(
        _ scenario: Scenario, into directory: URL,
        using writeFile: (Data, String) throws -> Void = { data, path in
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    ) throws {
        let contents = files(for: scenario)
        for name in ScenarioFileName.all + ScenarioFileName.optional {
            guard let data = contents[name] else { continue }
            try writeFile(data, directory.appendingPathComponent(name, isDirectory: false).path)
        }
    }
}
