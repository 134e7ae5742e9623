import Foundation

/// Reads a what-if change file (docs/WHATIF.md): TOML with an optional `title` and `budget` and arrays
/// of tables, one per kind of change. Checks syntax, keys, types and ranges and reports every problem
/// at its line and column; references to the scenario (ids, weeks within its horizon) are checked when
/// the changes are applied (`ChangeApplication`).
struct ChangeFileReader {
    /// The sections (arrays of tables) of a change file and the keys each allows, in the order they are
    /// documented.
    static let sections: [(name: String, keys: [String])] = [
        (
            "safe_house",
            [
                "id", "beds", "cost_per_person_week", "max_stay_weeks", "open_from_week", "open_until_week",
                "closed_from_week", "closed_until_week", "closure_risk", "transit",
            ]
        ),
        ("add_safe_house", SafeHouseTable.schema.columns.map(\.name)),
        ("remove_safe_house", ["id"]),
        ("leg", ["id", "seats_per_week", "cost_per_person", "duration_days", "risk", "cancel_rate"]),
        ("add_leg", LegTable.schema.columns.map(\.name)),
        ("remove_leg", ["id"]),
        (
            "programme",
            [
                "id", "quota", "processing_weeks", "cost_per_person", "application_from_week",
                "application_until_week", "processing_weeks_max", "refusal_rate",
            ]
        ),
        ("add_programme", ProgrammeTable.schema.columns.map(\.name)),
        ("remove_programme", ["id"]),
        ("shared_quota", ["id", "quota"]),
        ("document_service", ["id", "capacity", "weeks", "cost_per_person", "weeks_max", "refusal_rate"]),
        ("household", ["id", "passport", "internal_id", "from_week", "ready_week"]),
    ]
    static let rootKeys = ["title", "budget"] + sections.map(\.name)

    let file: String
    let locator: ChangeFileLocator
    var issues: [ValidationIssue] = []

    /// The changes in `data`, named `file` in messages, and every problem found. With problems in some
    /// entries, the changes hold what could be read (so references can still be checked); they are
    /// nil only when the file cannot be parsed at all.
    static func read(_ data: Data, file: String) -> (changes: ScenarioChanges?, issues: [ValidationIssue]) {
        let text: String
        switch TextDecoding.decodeUTF8(data) {
        case .success(let decoded): text = decoded
        case .failure(let failure): return (nil, [failure.issue(file: file)])
        }
        let root: TOMLTable
        switch TOMLParser.parse(text) {
        case .success(let table): root = table
        case .failure(let failure): return (nil, failure.problems.map { $0.issue(file: file) })
        }
        var reader = ChangeFileReader(file: file, locator: ChangeFileLocator(text: text))
        let changes = reader.interpret(root)
        return (changes, reader.issues.sorted())
    }

    private mutating func report(root key: String, _ message: String) {
        let at = locator.position(root: key)
        issues.append(ValidationIssue(file: file, line: at.line, column: at.column, message: message))
    }

    private mutating func interpret(_ root: TOMLTable) -> ScenarioChanges {
        var changes = ScenarioChanges()
        for key in root.keys.sorted() where !Self.rootKeys.contains(key) {
            report(
                root: key,
                "unknown key \"\(key)\"; expected title, budget or one of the sections "
                    + Self.sections.map { "[[\($0.name)]]" }.joined(separator: ", "))
        }
        if let value = root["title"] {
            if let title = value.string, !title.trimmingCharacters(in: .whitespaces).isEmpty {
                changes.title = title
            } else {
                report(root: "title", "title must be a non-empty string")
            }
        }
        if let value = root["budget"] {
            if let amount = ChangeEntryReader.number(value), amount >= 0 {
                changes.budget = .amount(amount)
            } else if value.string == "unlimited" {
                changes.budget = .unlimited
            } else {
                report(root: "budget", "budget must be a number of 0 or more, or \"unlimited\"")
            }
        }
        for (name, keys) in Self.sections {
            for entry in entries(root, name, keys) { read(entry, section: name, into: &changes) }
        }
        if issues.isEmpty && changes.isEmpty {
            issues.append(
                ValidationIssue(
                    file: file, line: 1, column: 1,
                    message: "the file changes nothing; expected budget or at least one section such as [[safe_house]]")
            )
        }
        return changes
    }

    /// A reader for each table of the array of tables `name`; a value of any other shape is reported.
    private mutating func entries(_ root: TOMLTable, _ name: String, _ keys: [String]) -> [ChangeEntryReader] {
        guard let value = root[name] else { return [] }
        guard let array = value.array else {
            report(root: name, "\(name) must be an array of tables: write each entry under its own [[\(name)]] header")
            return []
        }
        var readers: [ChangeEntryReader] = []
        for (index, element) in array.enumerated() {
            guard let table = element.table else {
                let at = locator.position(section: name, index: index, key: nil)
                issues.append(
                    ValidationIssue(
                        file: file, line: at.line, column: at.column,
                        message: "each \(name) entry must be a table under its own [[\(name)]] header"))
                continue
            }
            readers.append(
                ChangeEntryReader(
                    file: file, section: name, index: index, table: table, allowed: keys, locator: locator))
        }
        return readers
    }

    private mutating func read(_ entry: ChangeEntryReader, section: String, into changes: inout ScenarioChanges) {
        var entry = entry
        switch section {
        case "safe_house": ChangeSectionReading.safeHouse(&entry).map { changes.safeHouseEntries.append($0) }
        case "add_safe_house":
            ChangeSectionReading.addedSafeHouse(&entry).map { changes.addedSafeHouseEntries.append($0) }
        case "remove_safe_house":
            ChangeSectionReading.removal(&entry).map { changes.removedSafeHouseEntries.append($0) }
        case "leg": ChangeSectionReading.leg(&entry).map { changes.legEntries.append($0) }
        case "add_leg": ChangeSectionReading.addedLeg(&entry).map { changes.addedLegEntries.append($0) }
        case "remove_leg": ChangeSectionReading.removal(&entry).map { changes.removedLegEntries.append($0) }
        case "programme": ChangeSectionReading.programme(&entry).map { changes.programmeEntries.append($0) }
        case "add_programme":
            ChangeSectionReading.addedProgramme(&entry).map { changes.addedProgrammeEntries.append($0) }
        case "remove_programme": ChangeSectionReading.removal(&entry).map { changes.removedProgrammeEntries.append($0) }
        case "shared_quota":
            ChangeSectionReading.sharedQuota(&entry).map { changes.sharedQuotaEntries.append($0) }
        case "document_service":
            ChangeSectionReading.documentService(&entry).map { changes.documentServiceEntries.append($0) }
        case "household": ChangeSectionReading.household(&entry).map { changes.householdEntries.append($0) }
        default: preconditionFailure("unhandled change section \(section)")
        }
        issues += entry.issues
    }
}
