/// The redacted plan's JSON layout (docs/REPORTS.md); keys in camelCase like the full JSON report. Counts are strings: `0`, `<5`, `5–9`, ….
struct RedactedJSON: Encodable, Sendable {
    struct Tier: Encodable, Sendable {
        var label, householdsMoved, householdsTotal, personsMoved, personsTotal: String
    }
    struct House: Encodable, Sendable {
        var code: String
        var beds: Int
        var personsHosted: String
        var weeksFull: Nullable<Int>
    }
    struct Programme: Encodable, Sendable {
        var programmeID, personsLodged: String
        var quota: Int
        var periodsFull: Nullable<Int>
    }
    struct Group: Encodable, Sendable {
        var label, households, persons: String
    }

    var reportVersion = 1
    var redacted = true
    var status: String
    var objective: Nullable<Double>
    var bound: Nullable<Double>
    var gap: Nullable<Double>
    var startDate: String
    var horizonWeeks: Int
    var currency: String
    var budget: Nullable<Double>
    var totalCost: Double
    var averageWeeksWaited: Nullable<Double>
    var summary: [Tier]
    var safeHouses: [House]
    var programmes: [Programme]
    var destinations: [Group]
    var notMoved: [Group]

    init(_ r: RedactedPlan) {
        status = r.status.rawValue
        objective = Nullable(r.objective)
        bound = Nullable(r.bound)
        gap = Nullable(r.gap)
        startDate = r.startDate
        horizonWeeks = r.horizonWeeks
        currency = r.currency
        budget = Nullable(r.budget)
        totalCost = r.totalCost
        averageWeeksWaited = Nullable(r.averageWeeksWaited)
        summary = r.tiers.map {
            Tier(
                label: $0.label, householdsMoved: "\($0.householdsMoved)", householdsTotal: "\($0.householdsTotal)",
                personsMoved: "\($0.personsMoved)", personsTotal: "\($0.personsTotal)")
        }
        safeHouses = r.houses.map { House(code: $0.code, beds: $0.beds, personsHosted: "\($0.personsHosted)", weeksFull: Nullable($0.weeksFull)) }
        programmes = r.programmes.map {
            Programme(programmeID: $0.programmeID, personsLodged: "\($0.personsLodged)", quota: $0.quota, periodsFull: Nullable($0.periodsFull))
        }
        destinations = r.destinations.map { Group(label: $0.label, households: "\($0.households)", persons: "\($0.persons)") }
        notMoved = r.notMoved.map { Group(label: $0.label, households: "\($0.households)", persons: "\($0.persons)") }
    }

}
