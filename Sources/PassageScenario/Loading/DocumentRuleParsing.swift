// The `documents` cell of legs.csv: one document kind for everyone, or per-nationality entry rules.

enum DocumentRuleParsing {
    static let expected =
        "a document kind (none, internal_id, international_passport) or NAT:kind pairs separated by ';' "
        + "with *:kind for other nationalities (e.g. RU:internal_id;*:international_passport)"

    /// Parses `text`, or explains the first problem (the message never needs more than the rule's own text).
    static func parse(_ text: String) -> Result<DocumentRule, DocumentRuleError> {
        if let single = DocumentKind(rawValue: text) {
            return .success(DocumentRule(fallback: single))
        }
        var byNationality: [String: DocumentKind] = [:]
        var fallback: DocumentKind?
        for piece in text.split(separator: ";", omittingEmptySubsequences: false) {
            let entry = piece.trimmingCharacters(in: CSVTableReader.padding)
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CSVTableReader.padding) }
            guard parts.count == 2 else { return .failure(.init("entry \"\(entry)\" is not NAT:kind")) }
            guard let kind = DocumentKind(rawValue: parts[1]) else {
                return .failure(.init(
                    "in \"\(entry)\" the document must be \(Expected.oneOf(DocumentKind.self))"))
            }
            if parts[0] == "*" {
                guard fallback == nil else { return .failure(.init("* appears more than once")) }
                fallback = kind
            } else {
                guard let nationality = CellParsing.countryCode(parts[0]) else {
                    return .failure(.init("in \"\(entry)\" the nationality must be \(Expected.countryCode) or *"))
                }
                guard byNationality[nationality] == nil else {
                    return .failure(.init("\(nationality) appears more than once"))
                }
                byNationality[nationality] = kind
            }
        }
        return .success(DocumentRule(byNationality: byNationality, fallback: fallback))
    }
}

/// Why a document rule could not be read.
struct DocumentRuleError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
