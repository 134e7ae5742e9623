import PassageScenario

/// A document rule built from ordered pairs, so it is constructed deterministically.
struct DocumentRuleSpec {
    var pairs: [(String, DocumentKind)]
    var fallback: DocumentKind?

    var rule: DocumentRule {
        var map: [String: DocumentKind] = [:]
        for (nationality, kind) in pairs { map[nationality] = kind }
        return DocumentRule(byNationality: map, fallback: fallback)
    }

    /// No document of one's own (local transport that checks nothing, or travel on a programme's visa).
    static let nothing = DocumentRuleSpec(pairs: [], fallback: DocumentKind.none)
}
