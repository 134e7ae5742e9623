import PassagePlanning

// The JSON report's shape, as Codable values. Field by field in docs/REPORTS.md; keys are written in
// sorted order, so the declaration order here is only for reading.

/// An optional that is written as `null` rather than left out, so every documented key is always present.
struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    var value: Value?
    init(_ value: Value?) { self.value = value }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

struct JSONPlan: Encodable, Sendable {
    /// Version of this layout; bumped when a key changes meaning or disappears.
    var reportVersion = 1
    var status: String
    var objective: Nullable<Double>
    var bound: Nullable<Double>
    var gap: Nullable<Double>
    var scenario: JSONScenario
    var solver: JSONSolver
    var summary: JSONSummary
    var households: JSONHouseholds
    var capacity: [JSONCapacity]
    var conflicts: [JSONConflict]
    var changes: Nullable<[JSONChange]>
    var shadowPrices: Nullable<JSONShadowPrices>
    /// Only in a robust plan (`passage plan --robust`); absent otherwise, so other plans keep their bytes.
    var robustness: JSONRobustness? = nil
}

struct JSONChange: Encodable, Sendable {
    var householdID: String
    var kinds: [String]
    var previousStartWeek: Nullable<Int>
    var newStartWeek: Nullable<Int>
    var reason: String
}

struct JSONConflict: Encodable, Sendable {
    var kind: String
    var householdIDs: [String]
    var problem: String
    var action: String
}

struct JSONScenario: Encodable, Sendable {
    var title: String
    var startDate: String
    var endDate: String
    var horizonWeeks: Int
    var currency: String
    var budget: Nullable<Double>
}

struct JSONSolver: Encodable, Sendable {
    var status: String
    var provenOptimal: Bool
    var hasPlan: Bool
    var objectiveSense = "minimize"
    var rows: Int
    var columns: Int
    var nonzeros: Int
    var timeLimitSeconds: Nullable<Double>
    var mipGapTolerance: Nullable<Double>
    /// Left out entirely (not null) unless timings were asked for: it differs from run to run.
    var solveSeconds: Double?
    /// The planning run's stages with their times; left out unless timings were asked for.
    var stages: [JSONStage]?
}

/// One stage of the planning run (`SolveStage`).
struct JSONStage: Encodable, Sendable {
    var stage: String
    var seconds: Double
    var objective: Nullable<Double>
    var bound: Nullable<Double>
}

struct JSONCount: Encodable, Sendable {
    var householdsMoved: Int
    var householdsTotal: Int
    var personsMoved: Int
    var personsTotal: Int
}

struct JSONTierCount: Encodable, Sendable {
    var urgency: Int
    var householdsMoved: Int
    var householdsTotal: Int
    var personsMoved: Int
    var personsTotal: Int
}

struct JSONSummary: Encodable, Sendable {
    var overall: JSONCount
    var byUrgency: [JSONTierCount]
    var urgencyWeightedPersonsMoved: Double
    var totalCost: Double
    var costBeforeWeekOne: Double
    var costFromWeekOne: Double
    var budget: Nullable<Double>
    var budgetLeft: Nullable<Double>
    var averageWeeksWaited: Double
    var householdsWithDeadline: Int
    var deadlinesMissed: Int
}

struct JSONLeg: Encodable, Sendable {
    var legID: String
    var from: String
    var to: String
    var mode: String
    var week: Int
    var weekStart: String
    /// The day it departs: `weekStart` plus the days travelled before it on its route.
    var departureDate: String
    var durationDays: Int
    var cost: Double
}

struct JSONStay: Encodable, Sendable {
    var houseID: String
    var location: String
    var fromWeek: Int
    var toWeek: Int
    var fromDate: String
    /// The day the household reaches the house (the end of its outbound legs).
    var arrivalDate: String
    var cost: Double
}

struct JSONItinerary: Encodable, Sendable {
    var committed: Bool
    var startWeek: Int
    var weeksWaited: Int
    var weeksLate: Int
    var outbound: [JSONLeg]
    var stay: JSONStay
    var programmeID: String
    var destinationCountry: String
    var lodgedWeek: Int
    var onward: [JSONLeg]
    var arrivalWeek: Int
    var arrivalWeekStart: String
    /// The day the household reaches its destination (the end of its onward legs).
    var arrivalDate: String
    var cost: Double
    var risk: Double
    /// The document step the itinerary begins with; absent (not null) when there is none, so plans
    /// without one are written exactly as before document steps existed.
    var documentStep: JSONDocumentStep?
    /// The transit stay on the way (docs/MODEL.md, "Transit stays"); absent (not null) when there is
    /// none, so plans without one are written exactly as before transit stays existed.
    var transitStay: JSONStay?
}

/// When and where to apply for a document, and when it is held (docs/REPORTS.md).
struct JSONDocumentStep: Encodable, Sendable {
    var serviceID: String
    var location: String
    var obtains: String
    /// The week to apply in, and its Monday.
    var startWeek: Int
    var startDate: String
    var weeks: Int
    /// The week the document is held and the household leaves.
    var heldWeek: Int
    var cost: Double
    var risk: Double
}

struct JSONBlocker: Encodable, Sendable {
    var kind: String
    var programmeID: Nullable<String>
    var explanation: String
}

struct JSONShortage: Encodable, Sendable {
    var kind: String
    var resourceID: String
    var periods: [String]
    var description: String
    /// How many of the household's options (pathway and start week) it blocks; 0 when too small.
    var blockedOptions: Int
    /// Whether the capacity is smaller than the household (not used up: it could never hold it).
    var tooSmall: Bool
    /// The capacity itself when too small; null otherwise.
    var capacity: Nullable<Double>
}

struct JSONReason: Encodable, Sendable {
    /// `no_eligible_pathway`, `capacity`, `solver_tolerance`, `no_plan`.
    var kind: String
    var label: String
    var explanation: String
    var blockers: [JSONBlocker]
    var shortages: [JSONShortage]
}

struct JSONHousehold: Encodable, Sendable {
    var id: String
    var size: Int
    var urgency: Int
    var readyWeek: Int
    var latestDepartureWeek: Nullable<Int>
    var moved: Bool
    var itinerary: Nullable<JSONItinerary>
    var reason: Nullable<JSONReason>
}

/// The households array: written as itself, or as a placeholder string for an encoder whose user info
/// has `placeholderKey` (the rest of the plan, into which `JSONReport.encodedSplicingHouseholds` splices
/// the households encoded in pieces).
struct JSONHouseholds: Encodable, Sendable {
    static let placeholderKey = CodingUserInfoKey(rawValue: "passage.householdsPlaceholder")!
    static let placeholder = "passage-households-placeholder"

    var list: [JSONHousehold]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if encoder.userInfo[Self.placeholderKey] != nil {
            try container.encode(Self.placeholder)
        } else {
            try container.encode(list)
        }
    }
}

struct JSONCapacity: Encodable, Sendable {
    var kind: String
    var resourceID: String
    var week: Nullable<Int>
    var period: String
    var used: Double
    var capacity: Double
    var binding: Bool
    /// True only for the beds of a safe house in a week it is closed (capacity 0, send nobody).
    var closed: Bool
}
