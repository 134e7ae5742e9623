// Reads the keys of one table of a change file (an `[[safe_house]]` entry, say), checking each value's
// type and range and locating every problem at its key. Like RowReader for CSV rows: a bad key is
// reported and reads as nil, so one run reports every problem of the entry.

struct ChangeEntryReader {
    let file: String
    let section: String
    let index: Int
    let table: TOMLTable
    let locator: ChangeFileLocator
    private(set) var issues: [ValidationIssue] = []
    /// Where each key of the entry is written.
    private(set) var keys: [String: TextPosition] = [:]

    init(file: String, section: String, index: Int, table: TOMLTable, allowed: [String], locator: ChangeFileLocator) {
        self.file = file
        self.section = section
        self.index = index
        self.table = table
        self.locator = locator
        for key in table.keys {
            keys[key] = locator.position(section: section, index: index, key: key)
        }
        for key in table.keys.sorted() where !allowed.contains(key) {
            fail(key, "unknown key \"\(key)\" in [[\(section)]]; expected one of: \(allowed.joined(separator: ", "))")
        }
    }

    /// Where the entry starts.
    var entry: TextPosition { locator.position(section: section, index: index, key: nil) }

    /// The entry's value with its positions.
    func located<Value>(_ value: Value) -> ChangeEntry<Value> { ChangeEntry(value: value, entry: entry, keys: keys) }

    mutating func fail(_ key: String, _ message: String) {
        let at = keys[key] ?? entry
        issues.append(ValidationIssue(file: file, line: at.line, column: at.column, message: message))
    }

    /// Reports a missing required key at the entry's header.
    mutating func missing(_ key: String, _ expected: String) {
        let at = entry
        issues.append(
            ValidationIssue(
                file: file, line: at.line, column: at.column,
                message: "[[\(section)]] needs the key \(key): expected \(expected)"))
    }

    /// The value of `key` parsed by `parse`, nil (and reported) when present but not what was expected.
    mutating func optional<T>(_ key: String, _ expected: String, _ parse: (TOMLValue) -> T?) -> T? {
        guard let value = table[key] else { return nil }
        guard let parsed = parse(value) else {
            fail(key, "\(key) must be \(expected)")
            return nil
        }
        return parsed
    }

    /// Like `optional`, but a missing key is reported too.
    mutating func required<T>(_ key: String, _ expected: String, _ parse: (TOMLValue) -> T?) -> T? {
        guard table[key] != nil else {
            missing(key, expected)
            return nil
        }
        return optional(key, expected, parse)
    }

    // MARK: Typed keys

    mutating func integer(_ key: String, _ range: ClosedRange<Int>, required: Bool = false) -> Int? {
        read(key, required, Expected.integer(range)) { $0.int.flatMap { range.contains($0) ? $0 : nil } }
    }

    mutating func integer(_ key: String, atLeast minimum: Int, required: Bool = false) -> Int? {
        read(key, required, Expected.integer(atLeast: minimum)) { $0.int.flatMap { $0 >= minimum ? $0 : nil } }
    }

    mutating func number(_ key: String, atLeast minimum: Double, required: Bool = false) -> Double? {
        read(key, required, Expected.number(atLeast: Int(minimum))) {
            Self.number($0).flatMap { $0 >= minimum ? $0 : nil }
        }
    }

    mutating func number(_ key: String, _ range: ClosedRange<Double>, required: Bool = false) -> Double? {
        read(key, required, Expected.number(Int(range.lowerBound)...Int(range.upperBound))) {
            Self.number($0).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    mutating func identifier(_ key: String, required: Bool = true) -> String? {
        read(key, required, "a string holding " + Expected.identifier) { $0.string.flatMap(CellParsing.identifier) }
    }

    mutating func country(_ key: String, required: Bool = true) -> String? {
        read(key, required, "a string holding " + Expected.countryCode) { $0.string.flatMap(CellParsing.countryCode) }
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, required: Bool = false)
        -> E?
    where E.RawValue == String {
        read(key, required, "a string, " + Expected.oneOf(type)) { $0.string.flatMap(E.init(rawValue:)) }
    }

    /// `true`/`false`, or the strings `"yes"`/`"no"` as in `households.csv`.
    mutating func yesNo(_ key: String) -> Bool? {
        read(key, false, "true or false (or \"yes\" or \"no\")") { $0.bool ?? $0.string.flatMap(CellParsing.yesNo) }
    }

    /// An array of strings, each accepted by `item`; sorted and without repeats.
    mutating func list(_ key: String, _ expected: String, item: (String) -> String?) -> [String] {
        read(key, false, "an array of strings, each \(expected)") { value -> [String]? in
            guard let array = value.array else { return nil }
            var items: [String] = []
            for element in array {
                guard let text = element.string, let parsed = item(text) else { return nil }
                items.append(parsed)
            }
            return Array(Set(items)).sorted()
        } ?? []
    }

    private mutating func read<T>(
        _ key: String, _ required: Bool, _ expected: String, _ parse: (TOMLValue) -> T?
    ) -> T? {
        required ? self.required(key, expected, parse) : optional(key, expected, parse)
    }

    /// An integer or a finite float as a Double: integers may be given wherever numbers are expected.
    static func number(_ value: TOMLValue) -> Double? {
        if let int = value.int { return Double(int) }
        if let double = value.double, double.isFinite { return double }
        return nil
    }
}
