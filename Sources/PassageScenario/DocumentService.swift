// A place where a household can obtain a stronger document (docs/SCENARIO.md, `document_services.csv`).

/// A service that issues a document: an international passport from a regional passport office, say.
///
/// A pathway may begin with one such step at the household's location: the household waits `weeks`
/// weeks there, then holds `obtains` for the rest of its pathway (docs/MODEL.md, "Document steps").
public struct DocumentService: Sendable, Hashable {
    public var id: String
    /// Location id where the document is applied for and collected.
    public var location: String
    /// The document it issues.
    public var obtains: DocumentKind
    /// The document an applicant must already hold.
    public var requires: DocumentKind
    /// Nationality codes it serves (sorted, unique); empty means any.
    public var nationalities: [String]
    /// Weeks from applying to holding the document (≥ 1).
    public var weeks: Int
    public var costPerPerson: Double
    /// Risk points per person of applying (0 = negligible … 10 = severe), as for a leg.
    public var risk: Double
    /// Persons who may start per week, or nil for no limit.
    public var capacity: Int?
    /// The slowest waiting time in weeks (≥ `weeks`), for `passage stress`; nil means always `weeks`.
    public var weeksMax: Int?
    /// The fraction (0–1) of applications refused, for `passage stress`; nil means none.
    public var refusalRate: Double?

    public init(
        id: String, location: String, obtains: DocumentKind, requires: DocumentKind, nationalities: [String] = [],
        weeks: Int, costPerPerson: Double, risk: Double, capacity: Int? = nil, weeksMax: Int? = nil,
        refusalRate: Double? = nil
    ) {
        self.id = id
        self.location = location
        self.obtains = obtains
        self.requires = requires
        self.nationalities = Array(Set(nationalities)).sorted()
        self.weeks = weeks
        self.costPerPerson = costPerPerson
        self.risk = risk
        self.capacity = capacity
        self.weeksMax = weeksMax
        self.refusalRate = refusalRate
    }

    /// Whether a holder of `document` of `nationality` may apply, and gains by it.
    public func serves(nationality: String, holding document: DocumentKind) -> Bool {
        (nationalities.isEmpty || nationalities.contains(nationality)) && requires <= document && obtains > document
    }
}
