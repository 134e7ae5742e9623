// The capacity a sweep varies (docs/WHATIF.md, "Sweeps"), and how one of its values is put into a
// scenario. A value is applied as a one-entry what-if change (`ScenarioChanges`, `ChangeFile.apply`),
// so a swept value and the same value in a change file give the same scenario: one place in Passage
// says what "beds of a house = 7" means.

import Foundation

/// A capacity a sweep varies: the beds of a safe house, the seats a week of a route leg, a programme's
/// quota, the places a week of a document service, or the budget.
public enum SweptResource: Sendable, Hashable, CustomStringConvertible {
    /// Beds of the safe house with this id (persons in any one week).
    case beds(houseID: String)
    /// Seats a week of the route leg with this id.
    case seats(legID: String)
    /// Quota of the programme with this id (persons per quota period).
    case quota(programmeID: String)
    /// Quota of the shared quota with this id (persons per quota period, all its programmes together).
    case sharedQuota(id: String)
    /// Places a week of the document service with this id (persons who may start its step in any one
    /// week).
    case documentService(id: String)
    /// The budget for the whole horizon.
    case budget

    /// The kinds as written on the command line, in the order the documentation lists them.
    public static let kinds = ["beds", "seats", "quota", "shared_quota", "document_service", "budget"]

    /// `beds`, `seats`, `quota`, `shared_quota`, `document_service` or `budget`.
    public var kind: String {
        switch self {
        case .beds: "beds"
        case .seats: "seats"
        case .quota: "quota"
        case .sharedQuota: "shared_quota"
        case .documentService: "document_service"
        case .budget: "budget"
        }
    }

    /// The house, leg, programme, shared quota or document service id; nil for the budget.
    public var id: String? {
        switch self {
        case .beds(let id), .seats(let id), .quota(let id), .sharedQuota(let id), .documentService(let id): id
        case .budget: nil
        }
    }

    /// As written on the command line: `beds:SH-EVN-1`, `budget`.
    public var description: String { id.map { "\(kind):\($0)" } ?? kind }

    /// In words for reports and chart axes: `beds of SH-EVN-1`, `seats a week on L11`,
    /// `quota of P-CA-IST`, `places a week at document service DS-1`, `budget`.
    public var label: String {
        switch self {
        case .beds(let id): "beds of \(id)"
        case .seats(let id): "seats a week on \(id)"
        case .quota(let id): "quota of \(id)"
        case .sharedQuota(let id): "shared quota of \(id)"
        case .documentService(let id): "places a week at document service \(id)"
        case .budget: "budget"
        }
    }

    /// Whether values must be whole numbers (everything but the budget counts persons).
    public var takesWholeNumbers: Bool { self != .budget }

    /// The value `scenario` has now; nil for an unknown id, an unlimited budget or a document service
    /// without a capacity (no limit).
    public func currentValue(in scenario: Scenario) -> Double? {
        switch self {
        case .beds(let id): scenario.safeHouses.first { $0.id == id }.map { Double($0.beds) }
        case .seats(let id): scenario.legs.first { $0.id == id }.map { Double($0.seatsPerWeek) }
        case .quota(let id): scenario.programmes.first { $0.id == id }.map { Double($0.quota) }
        case .sharedQuota(let id): scenario.sharedQuotas.first { $0.id == id }.map { Double($0.quota) }
        case .documentService(let id): scenario.documentServices.first { $0.id == id }?.capacity.map(Double.init)
        case .budget: scenario.settings.budget
        }
    }

    /// Why this resource cannot be swept in `scenario` (an id it does not have, with the closest ids
    /// it does have), or nil when it can.
    public func problem(in scenario: Scenario) -> String? {
        let (what, table, ids): (String, String, [String])
        switch self {
        case .beds(let id):
            (what, table, ids) = ("safe house \(id)", ScenarioFileName.safeHouses, scenario.safeHouses.map(\.id))
        case .seats(let id): (what, table, ids) = ("leg \(id)", ScenarioFileName.legs, scenario.legs.map(\.id))
        case .quota(let id):
            (what, table, ids) = ("programme \(id)", ScenarioFileName.programmes, scenario.programmes.map(\.id))
        case .sharedQuota(let id):
            (what, table, ids) = (
                "shared quota \(id)", ScenarioFileName.sharedQuotas, scenario.sharedQuotas.map(\.id)
            )
        case .documentService(let id):
            (what, table, ids) = (
                "document service \(id)", ScenarioFileName.documentServices, scenario.documentServices.map(\.id)
            )
        case .budget: return nil
        }
        guard let id, !ids.contains(id) else { return nil }
        return "\(what) is not an id in \(table)" + ClosestNames.suggestion(for: id, among: ids)
    }

    /// The what-if change setting this resource to `value` (a whole number except for the budget).
    public func change(to value: Double) -> ScenarioChanges {
        var changes = ScenarioChanges()
        let whole = Int(value.rounded())
        // Positions are those of a one-line change file: the sweep has no file of its own.
        func entry<V>(_ value: V) -> ChangeEntry<V> {
            ChangeEntry(value: value, entry: TextPosition(line: 1, column: 1), keys: [:])
        }
        switch self {
        case .beds(let id):
            var house = SafeHouseChange(id: id)
            house.beds = whole
            changes.safeHouseEntries = [entry(house)]
        case .seats(let id):
            var leg = LegChange(id: id)
            leg.seatsPerWeek = whole
            changes.legEntries = [entry(leg)]
        case .quota(let id):
            var programme = ProgrammeChange(id: id)
            programme.quota = whole
            changes.programmeEntries = [entry(programme)]
        case .sharedQuota(let id):
            var shared = SharedQuotaChange(id: id)
            shared.quota = whole
            changes.sharedQuotaEntries = [entry(shared)]
        case .documentService(let id):
            var service = DocumentServiceChange(id: id)
            service.capacity = whole
            changes.documentServiceEntries = [entry(service)]
        case .budget:
            changes.budget = .amount(value)
        }
        return changes
    }

    /// `scenario` with this resource set to `value`, applied and checked as a change file would be.
    ///
    /// - Throws: ``ScenarioValidationError`` naming `--vary` when the changed scenario is not valid.
    public func applying(_ value: Double, to scenario: Scenario) throws -> Scenario {
        try ChangeFile.apply(change(to: value), file: "--vary \(description)", to: scenario)
    }
}
