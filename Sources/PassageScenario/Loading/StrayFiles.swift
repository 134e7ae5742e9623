import Foundation

// Files in a scenario folder that Passage does not read. A misspelt `safe_house.csv` would otherwise be
// ignored in silence while `safe_houses.csv` is reported missing, or — for the optional commitments.csv —
// households under way would be planned from scratch without a word.

enum StrayFiles {
    /// The names of the regular files in `directory` (none when it cannot be listed).
    static func names(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            let path = directory.appendingPathComponent(name).path
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    /// Issues for the files in a folder holding `names` that Passage does not read, and for the required
    /// files missing from `present`:
    /// - a missing required file with a close unread name is an error at that file, "did you mean …";
    /// - another missing required file is the usual missing-file error;
    /// - an unread `.csv` or `.toml` file is a warning (hidden files, READMEs, Markdown, spreadsheets,
    ///   reports and sealed files are ignored: a folder may hold them beside the scenario).
    static func issues(names: [String], present: Set<String>) -> [ValidationIssue] {
        let known = ScenarioFileName.all + ScenarioFileName.optional
        // On a case-insensitive file system (macOS) `Households.csv` is read as households.csv: not stray.
        let read = Set(present.map { $0.lowercased() })
        let unread = names.filter { !$0.hasPrefix(".") && !known.contains($0) && !read.contains($0.lowercased()) }
            .sorted()
        var issues: [ValidationIssue] = []
        var explained: Set<String> = []
        for name in ScenarioFileName.all where !present.contains(name) {
            if let stray = ClosestNames.matching(name, among: unread.filter { !explained.contains($0) }).first {
                explained.insert(stray)
                issues.append(
                    ValidationIssue(
                        file: stray, line: 1, column: 1,
                        message: "\(stray) is not a file Passage reads, and the required \(name) is missing"
                            + ClosestNames.suggestion(for: stray, among: [name]) + " " + remedy(stray, name)))
            } else {
                issues.append(
                    ValidationIssue(
                        file: name, line: 1, column: 1,
                        message: "the file \(name) is missing (or cannot be read); a scenario needs "
                            + ScenarioFileName.all.joined(separator: ", ")))
            }
        }
        for stray in unread where !explained.contains(stray) && looksLikeScenarioData(stray) {
            let suggestion = ClosestNames.suggestion(for: stray, among: known)
            issues.append(
                ValidationIssue(
                    file: stray, line: 1, column: 1,
                    message: "\(stray) is not a file Passage reads, so it is ignored"
                        + (suggestion.isEmpty
                            ? " (a scenario is \(ScenarioFileName.all.joined(separator: ", ")) and optionally "
                                + "\(ScenarioFileName.optional.joined(separator: ", ")))"
                            : suggestion),
                    severity: .warning))
        }
        return issues
    }

    /// What to do with `stray` so that it becomes `name`: rename it, or (another kind of file, such as a
    /// spreadsheet) save it in the right format.
    private static func remedy(_ stray: String, _ name: String) -> String {
        let suffix = name.split(separator: ".").last.map { "." + $0 } ?? ""
        if stray.lowercased().hasSuffix(suffix) { return "Rename the file." }
        return suffix == ".csv"
            ? "Save it as \(name), comma-separated (in Excel: \"CSV UTF-8 (Comma delimited)\")."
            : "Save it as \(name), plain text."
    }

    /// A `.csv` or `.toml` file: what a misspelt or misplaced scenario file would be.
    private static func looksLikeScenarioData(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".toml")
    }
}
