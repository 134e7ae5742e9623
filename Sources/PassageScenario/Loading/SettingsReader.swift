import Foundation

/// What could be read from scenario.toml: the settings when all were valid, and the start date and horizon
/// on their own (so week columns can be range-checked, and dates in them converted, even when another
/// setting is wrong).
struct SettingsReading {
    var settings: ScenarioSettings?
    var horizonWeeks: Int?
    var startDate: CalendarDate?

    /// The weeks and dates week columns may name, as far as scenario.toml could be read.
    var weeks: HorizonWeeks { HorizonWeeks(startDate: startDate, horizonWeeks: horizonWeeks) }
}

/// Reads and validates `scenario.toml` with Passage's TOML parser, locating every issue.
struct SettingsReader {
    private let file = ScenarioFileName.settings
    private let locator: TOMLKeyLocator
    private var issues: [ValidationIssue] = []

    private static let rootKeys = ["title", "start_date", "horizon_weeks", "budget", "currency", "objective", "solver"]
    private static let objectiveKeys = [
        "urgency_weights", "waiting_per_week", "cost", "risk", "preferred_country", "lateness_per_week",
        "change_penalty", "transit_waiting_per_week",
    ]
    private static let solverKeys = ["time_limit_seconds", "mip_gap", "backend"]

    /// The file's lines, to quote a start_date value that is not a date.
    private let lines: [Substring]

    private init(text: String) {
        locator = TOMLKeyLocator(text: text)
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    static func read(_ data: Data, issues: inout [ValidationIssue]) -> SettingsReading {
        let text: String
        switch TextDecoding.decodeUTF8(data) {
        case .success(let decoded): text = decoded
        case .failure(let failure):
            issues.append(failure.issue(file: ScenarioFileName.settings))
            return SettingsReading()
        }
        let root: TOMLTable
        switch TOMLParser.parse(text) {
        case .success(let table): root = table
        case .failure(let failure):
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            issues += failure.problems.map {
                StartDateHint.explain($0, lines: lines).issue(file: ScenarioFileName.settings)
            }
            return SettingsReading()
        }
        var reader = SettingsReader(text: text)
        let reading = reader.interpret(root)
        issues.append(contentsOf: reader.issues)
        return reading
    }

    // MARK: Interpretation

    private mutating func interpret(_ root: TOMLTable) -> SettingsReading {
        refuseUnknownKeys(in: root, path: [], allowed: Self.rootKeys)
        let title = requiredValue(root, ["title"], "a non-empty string") { $0.string.flatMap { $0.isEmpty ? nil : $0 } }
        let startDate = readStartDate(root)
        let horizon = requiredValue(root, ["horizon_weeks"], Expected.integer(1...104)) {
            $0.int.flatMap { (1...104).contains($0) ? $0 : nil }
        }
        let budget = optionalValue(root, ["budget"], "a number of 0 or more") {
            Self.number($0).flatMap { $0 >= 0 ? $0 : nil }
        }
        let currency =
            optionalValue(root, ["currency"], "three capital letters (e.g. EUR)") { value in
                value.string.flatMap { s in
                    s.unicodeScalars.count == 3 && s.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) } ? s : nil
                }
            } ?? "EUR"
        let objective = readObjective(root)
        let solver = readSolver(root)
        var reading = SettingsReading(horizonWeeks: horizon, startDate: startDate)
        if let title, let startDate, let horizon, let objective, let solver, issues.isEmpty {
            reading.settings = ScenarioSettings(
                title: title, startDate: startDate, horizonWeeks: horizon, budget: budget,
                currency: currency, objective: objective, solver: solver)
        }
        return reading
    }

    private mutating func readStartDate(_ root: TOMLTable) -> CalendarDate? {
        guard root["start_date"] != nil else {
            report(
                ["start_date"],
                "missing required key start_date: expected a Monday written YYYY-MM-DD without quotes (e.g. \(StartDateHint.example))"
            )
            return nil
        }
        guard let calendarDate = root["start_date"]?.date else {
            // A string or a number: quote what was written, and the Monday it most likely means.
            let line = locator.position(of: ["start_date"]).line
            let written = line <= lines.count ? StartDateHint.value(onLine: lines[line - 1])?.text : nil
            report(["start_date"], StartDateHint.message(for: written ?? "a value that is not a date"))
            return nil
        }
        // 1970-01-01 (day 0) was a Thursday, so Monday is day 4 modulo 7.
        let weekday = ((calendarDate.dayNumber + 3) % 7 + 7) % 7  // 0 = Monday … 6 = Sunday
        guard weekday == 0 else {
            let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
            report(
                ["start_date"],
                "start_date must be a Monday, because week 1 starts then; \(calendarDate) is a \(names[weekday])")
            return nil
        }
        return calendarDate
    }

    private mutating func readObjective(_ root: TOMLTable) -> ObjectiveWeights? {
        let defaults = ObjectiveWeights()
        guard let table = subtable(root, "objective", allowed: Self.objectiveKeys) else {
            return root["objective"] == nil ? defaults : nil
        }
        let before = issues.count
        let weights = readUrgencyWeights(table) ?? defaults.urgencyWeights
        func nonNegative(_ key: String, _ fallback: Double) -> Double {
            optionalValue(table, ["objective", key], "a number of 0 or more") {
                Self.number($0).flatMap { $0 >= 0 ? $0 : nil }
            } ?? fallback
        }
        let waiting = nonNegative("waiting_per_week", defaults.waitingPerWeek)
        let cost = nonNegative("cost", defaults.cost)
        let risk = nonNegative("risk", defaults.risk)
        let preferred = nonNegative("preferred_country", defaults.preferredCountry)
        let lateness = nonNegative("lateness_per_week", defaults.latenessPerWeek)
        let change = nonNegative("change_penalty", defaults.changePenalty)
        // Absent: half of waiting_per_week (ObjectiveWeights.transitWaiting).
        let transit: Double? = optionalValue(table, ["objective", "transit_waiting_per_week"], "a number of 0 or more")
        {
            Self.number($0).flatMap { $0 >= 0 ? $0 : nil }
        }
        guard issues.count == before else { return nil }
        return ObjectiveWeights(
            urgencyWeights: weights, waitingPerWeek: waiting, cost: cost, risk: risk, preferredCountry: preferred,
            latenessPerWeek: lateness, changePenalty: change, transitWaitingPerWeek: transit)
    }

    private mutating func readUrgencyWeights(_ table: TOMLTable) -> [Double]? {
        let path = ["objective", "urgency_weights"]
        let expected = "an array of exactly 4 numbers greater than 0, for urgency tiers 1 to 4, not increasing"
        return optionalValue(table, path, expected) { value in
            guard let array = value.array, array.count == 4 else { return nil }
            let numbers = array.compactMap { Self.number($0) }
            guard numbers.count == 4, numbers.allSatisfy({ $0 > 0 }),
                zip(numbers, numbers.dropFirst()).allSatisfy({ $0 >= $1 })
            else { return nil }
            return numbers
        }
    }

    private mutating func readSolver(_ root: TOMLTable) -> SolverLimits? {
        let defaults = SolverLimits()
        guard let table = subtable(root, "solver", allowed: Self.solverKeys) else {
            return root["solver"] == nil ? defaults : nil
        }
        let before = issues.count
        let time =
            optionalValue(table, ["solver", "time_limit_seconds"], "a number greater than 0") {
                Self.number($0).flatMap { $0 > 0 ? $0 : nil }
            } ?? defaults.timeLimitSeconds
        let gap =
            optionalValue(table, ["solver", "mip_gap"], "a number from 0 up to (not including) 1") {
                Self.number($0).flatMap { $0 >= 0 && $0 < 1 ? $0 : nil }
            } ?? defaults.mipGap
        let names = SolverBackendName.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
        let backend = optionalValue(table, ["solver", "backend"], names) { $0.string.flatMap(SolverBackendName.init) }
        guard issues.count == before else { return nil }
        return SolverLimits(timeLimitSeconds: time, mipGap: gap, backend: backend)
    }

    // MARK: Helpers

    /// An integer or a finite float as a Double: integers may be given wherever numbers are expected.
    private static func number(_ value: TOMLValue) -> Double? {
        if let int = value.int { return Double(int) }
        if let double = value.double, double.isFinite { return double }
        return nil
    }

    private mutating func report(_ path: [String], _ message: String) {
        let at = locator.position(of: path)
        issues.append(ValidationIssue(file: file, line: at.line, column: at.column, message: message))
    }

    /// Refuses every key of `table` not in `allowed`, each at its own line.
    private mutating func refuseUnknownKeys(in table: TOMLTable, path: [String], allowed: [String]) {
        let place = path.isEmpty ? "" : " in [\(path.joined(separator: "."))]"
        for key in table.keys.sorted() where !allowed.contains(key) {
            report(path + [key], "unknown key \"\(key)\"\(place); expected one of: \(allowed.joined(separator: ", "))")
        }
    }

    /// The table under `key`, checked for unknown keys; nil (reported) when it is not a table.
    private mutating func subtable(_ root: TOMLTable, _ key: String, allowed: [String]) -> TOMLTable? {
        guard let value = root[key] else { return nil }
        guard let table = value.table else {
            report([key], "\(key) must be a table ([\(key)]) with keys: \(allowed.joined(separator: ", "))")
            return nil
        }
        refuseUnknownKeys(in: table, path: [key], allowed: allowed)
        return table
    }

    private mutating func requiredValue<T>(
        _ table: TOMLTable, _ path: [String], _ expected: String, _ parse: (TOMLValue) -> T?
    ) -> T? {
        guard table[path.last!] != nil else {
            report(path, "missing required key \(path.joined(separator: ".")): expected \(expected)")
            return nil
        }
        return optionalValue(table, path, expected, parse)
    }

    private mutating func optionalValue<T>(
        _ table: TOMLTable, _ path: [String], _ expected: String, _ parse: (TOMLValue) -> T?
    ) -> T? {
        guard let value = table[path.last!] else { return nil }
        guard let parsed = parse(value) else {
            report(path, "\(path.joined(separator: ".")) must be \(expected)")
            return nil
        }
        return parsed
    }
}
