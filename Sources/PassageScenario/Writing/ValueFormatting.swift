// How values are spelled when a scenario is written, chosen so that loading the text gives back the
// exact same value (docs/SCENARIO.md, "Writing scenarios").

/// Text forms of scenario values that the loader reads back exactly.
enum ValueFormatting {
    /// A number in the shortest form that reads back to the same `Double`.
    ///
    /// Whole numbers below 2^53 are written without a fraction (`300`, not `300.0`), because
    /// spreadsheets and people write them that way and the loader reads integers wherever numbers are
    /// expected. Everything else uses Swift's shortest round-tripping representation (`0.02`,
    /// `1e-05`, `1e+20`), which both the CSV number rule and TOML floats accept.
    static func number(_ value: Double) -> String {
        precondition(value.isFinite, "scenario numbers are finite")
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            return String(Int64(value))  // -0.0 becomes "0", which loads as a value equal to it.
        }
        return value.description
    }

    /// An optional number: empty when absent (an empty optional cell means the default).
    static func number(_ value: Double?) -> String { value.map { number($0) } ?? "" }

    /// An optional integer: empty when absent.
    static func integer(_ value: Int?) -> String { value.map { String($0) } ?? "" }

    /// A list cell: items joined by `;` (the loader sorts and merges repeats, so callers pass them sorted).
    static func list(_ items: [String]) -> String { items.joined(separator: ";") }

    /// A document rule: the single kind when it applies to everyone, else `NAT:kind` pairs sorted by
    /// nationality with `*:kind` last. A rule admitting nobody has no text form and is written empty,
    /// which the loader refuses.
    static func documentRule(_ rule: DocumentRule) -> String {
        if rule.byNationality.isEmpty { return rule.fallback?.rawValue ?? "" }
        var pairs = rule.byNationality.keys.sorted().map { "\($0):\(rule.byNationality[$0]!.rawValue)" }
        if let fallback = rule.fallback { pairs.append("*:\(fallback.rawValue)") }
        return pairs.joined(separator: ";")
    }

    /// A TOML basic string, quoted, with the escapes TOML 1.0 requires.
    static func tomlString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
