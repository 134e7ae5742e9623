/// The changes one what-if change file makes to a scenario (docs/WHATIF.md), as read and type-checked
/// but not yet checked against a scenario: `ChangeApplication` does that when it applies them.
///
/// Each list keeps the file's order. Where each entry and key was written is kept alongside (not part
/// of equality), so problems found when applying are reported at the right line and column.
public struct ScenarioChanges: Sendable, Hashable {
    /// A short name for the variant in reports (the file's `title`), or nil to use the file's name.
    public var title: String?
    /// The new budget, if the file changes it.
    public var budget: BudgetChange?
    /// Changes to existing safe houses.
    public var safeHouses: [SafeHouseChange] { safeHouseEntries.map(\.value) }
    /// Safe houses opened by the change (complete rows, as in `safe_houses.csv`).
    public var addedSafeHouses: [SafeHouse] { addedSafeHouseEntries.map(\.value) }
    /// Ids of safe houses removed from the scenario.
    public var removedSafeHouses: [String] { removedSafeHouseEntries.map(\.value) }
    /// Changes to existing route legs.
    public var legs: [LegChange] { legEntries.map(\.value) }
    /// Route legs added by the change (complete rows, as in `legs.csv`).
    public var addedLegs: [RouteLeg] { addedLegEntries.map(\.value) }
    /// Ids of route legs removed from the scenario.
    public var removedLegs: [String] { removedLegEntries.map(\.value) }
    /// Changes to existing visa programmes.
    public var programmes: [ProgrammeChange] { programmeEntries.map(\.value) }
    /// Programmes added by the change (complete rows, as in `programmes.csv`).
    public var addedProgrammes: [VisaProgramme] { addedProgrammeEntries.map(\.value) }
    /// Ids of programmes removed from the scenario.
    public var removedProgrammes: [String] { removedProgrammeEntries.map(\.value) }
    /// Changes to households' documents and readiness.
    public var households: [HouseholdChange] { householdEntries.map(\.value) }
    /// Changes of shared quotas (`[[shared_quota]]`).
    public var sharedQuotas: [SharedQuotaChange] { sharedQuotaEntries.map(\.value) }
    /// Changes of document services (`[[document_service]]`).
    public var documentServices: [DocumentServiceChange] { documentServiceEntries.map(\.value) }

    var safeHouseEntries: [ChangeEntry<SafeHouseChange>] = []
    var addedSafeHouseEntries: [ChangeEntry<SafeHouse>] = []
    var removedSafeHouseEntries: [ChangeEntry<String>] = []
    var legEntries: [ChangeEntry<LegChange>] = []
    var addedLegEntries: [ChangeEntry<RouteLeg>] = []
    var removedLegEntries: [ChangeEntry<String>] = []
    var programmeEntries: [ChangeEntry<ProgrammeChange>] = []
    var addedProgrammeEntries: [ChangeEntry<VisaProgramme>] = []
    var removedProgrammeEntries: [ChangeEntry<String>] = []
    var householdEntries: [ChangeEntry<HouseholdChange>] = []
    var sharedQuotaEntries: [ChangeEntry<SharedQuotaChange>] = []
    var documentServiceEntries: [ChangeEntry<DocumentServiceChange>] = []

    /// Whether the file changes nothing at all (a title alone).
    public var isEmpty: Bool {
        budget == nil && safeHouseEntries.isEmpty && addedSafeHouseEntries.isEmpty && removedSafeHouseEntries.isEmpty
            && legEntries.isEmpty && addedLegEntries.isEmpty && removedLegEntries.isEmpty && programmeEntries.isEmpty
            && addedProgrammeEntries.isEmpty && removedProgrammeEntries.isEmpty && householdEntries.isEmpty
            && sharedQuotaEntries.isEmpty && documentServiceEntries.isEmpty
    }
}

/// A new budget for the whole horizon.
public enum BudgetChange: Sendable, Hashable {
    /// A budget of this amount (in the scenario's currency).
    case amount(Double)
    /// No budget limit at all (`budget = "unlimited"`).
    case unlimited
}

/// What a change file changes about one existing safe house; nil fields stay as they are.
public struct SafeHouseChange: Sendable, Hashable {
    /// The safe house's id in `safe_houses.csv`.
    public var id: String
    /// New number of beds (persons in any one week).
    public var beds: Int?
    /// New running cost per occupied bed-week.
    public var costPerPersonWeek: Double?
    /// New longest stay in weeks.
    public var maxStayWeeks: Int?
    /// New first open week (the start of the open window).
    public var openFromWeek: Int?
    /// New last open week (the end of the open window).
    public var openUntilWeek: Int?
    /// First and last week (inclusive) of a closure: from `closed_from_week` (week 1 when only the
    /// last is given) to `closed_until_week` (the end of the horizon when only the first is given).
    public var closedFromWeek: Int?
    /// Last week of the closure (see `closedFromWeek`).
    public var closedUntilWeek: Int?
    /// New probability (0–1) per week that the house must close (`passage stress`).
    public var closureRisk: Double?
    /// Whether the house takes transit guests from now on (`transit`, docs/MODEL.md "Transit stays").
    public var takesTransitGuests: Bool?

    /// A change of house `id` that changes nothing yet.
    public init(id: String) { self.id = id }
}

/// What a change file changes about one existing route leg; nil fields stay as they are.
public struct LegChange: Sendable, Hashable {
    /// The leg's id in `legs.csv`.
    public var id: String
    /// New capacity in persons per week.
    public var seatsPerWeek: Int?
    /// New fare per person.
    public var costPerPerson: Double?
    /// New travel time in days.
    public var durationDays: Int?
    /// New risk score (0…10).
    public var risk: Double?
    /// New probability (0–1) that a week's departures do not run (`passage stress`).
    public var cancelRate: Double?

    /// A change of leg `id` that changes nothing yet.
    public init(id: String) { self.id = id }
}

/// What a change file changes about one existing programme; nil fields stay as they are.
public struct ProgrammeChange: Sendable, Hashable {
    /// The programme's id in `programmes.csv`.
    public var id: String
    /// New quota in persons per quota period.
    public var quota: Int?
    /// New processing time in weeks.
    public var processingWeeks: Int?
    /// New cost per person.
    public var costPerPerson: Double?
    /// New first week in which applications may be lodged.
    public var applicationFromWeek: Int?
    /// New last week in which applications may be lodged.
    public var applicationUntilWeek: Int?
    /// New slowest processing in weeks (`passage stress`).
    public var processingWeeksMax: Int?
    /// New fraction (0–1) of applications refused (`passage stress`).
    public var refusalRate: Double?

    /// A change of programme `id` that changes nothing yet.
    public init(id: String) { self.id = id }
}

/// What a change file changes about one document service of `document_services.csv`; nil fields stay
/// as they are.
public struct DocumentServiceChange: Sendable, Hashable {
    /// The service's id in `document_services.csv`.
    public var id: String
    /// New number of persons who may apply in any one week.
    public var capacity: Int?
    /// New waiting time in weeks.
    public var weeks: Int?
    /// New cost per person.
    public var costPerPerson: Double?
    /// New slowest waiting time in weeks (`passage stress`).
    public var weeksMax: Int?
    /// New fraction (0–1) of applications refused (`passage stress`).
    public var refusalRate: Double?

    /// A change of service `id` that changes nothing yet.
    public init(id: String) { self.id = id }
}

/// A new quota for one shared quota of `shared_quotas.csv`; a nil quota stays as it is.
public struct SharedQuotaChange: Sendable, Hashable {
    /// The shared quota's id in `shared_quotas.csv`.
    public var id: String
    /// New quota in persons per quota period, for all its programmes together.
    public var quota: Int?

    /// A change of shared quota `id` that changes nothing yet.
    public init(id: String) { self.id = id }
}

/// New documents or readiness for one household; nil fields stay as they are.
///
/// Documents that change "from week W" are modelled as: the household holds the new documents and is
/// ready no earlier than week W. Passage's households hold one set of documents for the whole horizon,
/// so this is exact when the household would wait for the new documents anyway, and conservative when
/// it could have left earlier on its old ones (docs/WHATIF.md, "Documents from a week").
public struct HouseholdChange: Sendable, Hashable {
    /// The household's pseudonymous id in `households.csv`.
    public var id: String
    /// New state of the international passport.
    public var passport: PassportStatus?
    /// Whether it now holds a valid internal ID.
    public var hasInternalID: Bool?
    /// The week from which the new documents are held.
    public var fromWeek: Int?
    /// New first week the household can travel.
    public var readyWeek: Int?

    /// A change of household `id` that changes nothing yet.
    public init(id: String) { self.id = id }
}

/// A value read from a change file, with where its entry and each of its keys were written.
struct ChangeEntry<Value: Sendable & Hashable>: Sendable, Hashable {
    var value: Value
    /// Where the entry starts (its `[[section]]` header).
    var entry: TextPosition
    /// Where each key of the entry is written.
    var keys: [String: TextPosition]

    /// Where `key` is written, else where the entry starts.
    func position(_ key: String) -> TextPosition { keys[key] ?? entry }

    // Positions are not part of what a change is: two files with the same changes are equal.
    static func == (a: ChangeEntry, b: ChangeEntry) -> Bool { a.value == b.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
