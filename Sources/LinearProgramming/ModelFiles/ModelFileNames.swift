/// Turns model names into names that model files keep and every solver reads back.
///
/// The rule, applied to every row and column name (the objective is always `obj`) when a model is
/// written to a file:
/// - `[` becomes `(` and `]` becomes `)`; every byte outside `A–Z a–z 0–9 _ . ( )` becomes `_`
///   (CPLEX-LP readers reject or misread punctuation such as `:` `<` `+` or spaces, and GLPK's own
///   writer silently renamed such names `r_1`/`x_1`);
/// - a name that starts with a digit or `.`, or with `e`/`E` followed by a digit or `e`/`E` (read as
///   a number's exponent), or that is an LP keyword (`st`, `bounds`, `free`, `inf`, …), gets a
///   leading `_`;
/// - names are capped at 255 bytes (GLPK's limit);
/// - an empty name becomes `r<row number>` or `c<column number>` (1-based);
/// - a name already taken in its namespace (rows, including `obj`, or columns) gets `_2`, `_3`, …
///   appended, so two distinct rows never merge into one in another solver.
struct ModelFileNames {
    /// The objective row's name.
    static let objective = "obj"
    /// One name per row, in the model's order.
    let rows: [String]
    /// One name per column, in the model's order.
    let columns: [String]

    private static let keywords: Set<String> = [
        "st", "s.t.", "st.", "subject", "such", "bounds", "bound", "free", "inf", "infinity", "binary",
        "binaries", "bin", "general", "generals", "gen", "integer", "integers", "end", "minimize",
        "minimise", "minimum", "min", "maximize", "maximise", "maximum", "max", "semi", "semis", "sos",
    ]

    /// The file names of `model`'s rows and columns.
    init(_ model: LinearModel) {
        var taken: Set<String> = [Self.objective]
        rows = model.constraints.enumerated().map { index, row in
            Self.unique(Self.sanitized(row.name, fallback: "r\(index + 1)"), in: &taken)
        }
        taken = []
        columns = model.variables.enumerated().map { index, column in
            Self.unique(Self.sanitized(column.name, fallback: "c\(index + 1)"), in: &taken)
        }
    }

    private static func unique(_ candidate: String, in names: inout Set<String>) -> String {
        var name = candidate
        if !names.insert(name).inserted {
            var suffix = 2
            let stem = String(decoding: candidate.utf8.prefix(240), as: UTF8.self)
            repeat {
                name = "\(stem)_\(suffix)"
                suffix += 1
            } while !names.insert(name).inserted
        }
        return name
    }

    /// The name after the character, prefix and length rules (not yet made unique).
    static func sanitized(_ name: String, fallback: String) -> String {
        if name.isEmpty { return fallback }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(name.utf8.count, 255) + 1)
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "("), UInt8(ascii: ")"):
                bytes.append(byte)
            case UInt8(ascii: "["): bytes.append(UInt8(ascii: "("))
            case UInt8(ascii: "]"): bytes.append(UInt8(ascii: ")"))
            default: bytes.append(UInt8(ascii: "_"))
            }
            if bytes.count == 255 { break }
        }
        if needsPrefix(bytes) {
            bytes.insert(UInt8(ascii: "_"), at: 0)
            if bytes.count > 255 { bytes.removeLast() }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsPrefix(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return true }
        if first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) { return true }
        if first == UInt8(ascii: "e") || first == UInt8(ascii: "E"), bytes.count > 1 {
            let second = bytes[1]
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(second) || second == UInt8(ascii: "e")
                || second == UInt8(ascii: "E")
            {
                return true
            }
        }
        if bytes.count <= 9 { return keywords.contains(String(decoding: bytes, as: UTF8.self).lowercased()) }
        return false
    }
}
