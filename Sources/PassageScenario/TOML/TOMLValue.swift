// The values Passage's own TOML parser (TOMLParser) produces: the part of TOML 1.0 that scenario.toml and
// change files use. Plain values, so readers can be tested without any parser state.

/// A parsed TOML value.
enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A local date (`2026-11-30`); times and date-times are refused by the parser.
    case date(CalendarDate)
    /// An inline array (`[1, 2]`) or an array of tables (`[[x]]`, whose elements are `.table`).
    case array([TOMLValue])
    case table(TOMLTable)

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var int: Int? { if case .integer(let value) = self { value } else { nil } }
    /// Floats only; readers that accept an integer for a number ask `int` first.
    var double: Double? { if case .float(let value) = self { value } else { nil } }
    var bool: Bool? { if case .boolean(let value) = self { value } else { nil } }
    var date: CalendarDate? { if case .date(let value) = self { value } else { nil } }
    var array: [TOMLValue]? { if case .array(let value) = self { value } else { nil } }
    var table: TOMLTable? { if case .table(let value) = self { value } else { nil } }
}

/// A parsed TOML table: keys to values, in no particular order (readers sort what they report).
struct TOMLTable: Sendable, Equatable {
    var entries: [String: TOMLValue] = [:]

    var keys: Dictionary<String, TOMLValue>.Keys { entries.keys }

    subscript(key: String) -> TOMLValue? { entries[key] }
}
