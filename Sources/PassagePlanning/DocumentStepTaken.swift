import PassageScenario

/// The document step an itinerary begins with: where and when the household applies for a stronger
/// document, and how long it waits for it before it leaves (docs/MODEL.md, "Document steps").
public struct DocumentStepTaken: Sendable, Hashable {
    /// The service's id in `document_services.csv`.
    public var serviceID: String
    /// Where the household applies: its own location.
    public var location: String
    /// The document it obtains.
    public var obtains: DocumentKind
    /// Week (1-based) in which it applies; it leaves in `startWeek + weeks`.
    public var startWeek: Int
    /// Weeks it waits for the document.
    public var weeks: Int
    /// Cost for the whole household.
    public var cost: Double
    /// Risk points per person.
    public var risk: Double

    public init(
        serviceID: String, location: String, obtains: DocumentKind, startWeek: Int, weeks: Int, cost: Double,
        risk: Double
    ) {
        self.serviceID = serviceID
        self.location = location
        self.obtains = obtains
        self.startWeek = startWeek
        self.weeks = weeks
        self.cost = cost
        self.risk = risk
    }

    /// The week the document is held and the household may leave.
    public var readyWeek: Int { startWeek + weeks }
}
