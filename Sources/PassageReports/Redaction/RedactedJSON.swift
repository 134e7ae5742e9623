/// The redacted plan's JSON layout (docs/REPORTS.md); keys in camelCase like the full JSON report. Counts are strings: `0`, `<5`, `5–9`, ….
struct RedactedJSON: Encodable, Sendable {
    struct Tier: Encodable, Sendable {
        var label, householdsMoved, householdsTotal, personsMoved, personsTotal: String
    }
    struct House: Encodable, Sendable {
        var code, beds, personsHosted: String
    }
    struct Programme: Encodable, Sendable {
        var programmeID, personsLodged, quota: String
    }
    struct SharedQuota: Encodable, Sendable {
        var sharedQuotaID: String
        var programmeIDs: [String]
        var personsLodged, quota: String
    }
    struct Group: Encodable, Sendable {
        var label, households, persons: String
    }

    var reportVersion = 2
    var redacted = true
    var status: String
    var gap: Nullable<Double>
    var startDate: String
    var horizonWeeks: Int
    var currency: String
    var budget: Nullable<Double>
    var budgetLeft: Nullable<Double>
    var totalCost: Double
    var costBeforeWeekOne: Double
    var costFromWeekOne: Double
    var averageWeeksWaited: Nullable<Double>
    var summary: [Tier]
    var safeHouses: [House]
    var programmes: [Programme]
    /// Left out for scenarios without shared quotas, so their reports read as before.
    var sharedQuotas: [SharedQuota]?
    var destinations: [Group]
    var notMoved: [Group]
    var withheld: [String]

    init(_ r: RedactedPlan) {
        status = r.status.rawValue
        gap = Nullable(r.gap)
        startDate = r.startDate
        horizonWeeks = r.horizonWeeks
        currency = r.currency
        budget = Nullable(r.budget)
        budgetLeft = Nullable(r.budget.map { $0 - r.costFromWeekOne })
        totalCost = r.totalCost
        costBeforeWeekOne = r.costBeforeWeekOne
        costFromWeekOne = r.costFromWeekOne
        averageWeeksWaited = Nullable(r.averageWeeksWaited)
        summary = r.tiers.map {
            Tier(
                label: $0.label, householdsMoved: "\($0.householdsMoved)", householdsTotal: "\($0.householdsTotal)",
                personsMoved: "\($0.personsMoved)", personsTotal: "\($0.personsTotal)")
        }
        safeHouses = r.houses.map { House(code: $0.code, beds: "\($0.beds)", personsHosted: "\($0.personsHosted)") }
        programmes = r.programmes.map {
            Programme(programmeID: $0.programmeID, personsLodged: "\($0.personsLodged)", quota: "\($0.quota)")
        }
        sharedQuotas =
            r.sharedQuotas.isEmpty
            ? nil
            : r.sharedQuotas.map {
                SharedQuota(
                    sharedQuotaID: $0.sharedQuotaID, programmeIDs: $0.programmeIDs,
                    personsLodged: "\($0.personsLodged)", quota: "\($0.quota)")
            }
        destinations = r.destinations.map {
            Group(label: $0.label, households: "\($0.households)", persons: "\($0.persons)")
        }
        notMoved = r.notMoved.map { Group(label: $0.label, households: "\($0.households)", persons: "\($0.persons)") }
        withheld = r.withheld.map(\.rawValue)
    }

}
