import PassageScenario

/// The period a capacity counts in: a week (beds, seats), the calendar month of lodging (a monthly
/// quota), or the whole horizon (a horizon quota, the budget).
///
/// Periods compare by value, weeks first in week order, then months in calendar order, then the
/// horizon, so reports sort `W9` before `W10` and never parse a label to sort or to tell a month from
/// a week. The label (`description`) is what reports print and JSON plans carry.
public enum CapacityPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// A week of the horizon (week 1 starts on the scenario's start date).
    case week(Int)
    /// A calendar month of a monthly quota (``QuotaMonth``: the month of each week's Thursday).
    case month(QuotaMonth)
    /// The whole horizon.
    case horizon

    /// The label reports print and JSON plans carry: `W3`, `2026-12` or `horizon`.
    public var description: String {
        switch self {
        case .week(let week): "W\(week)"
        case .month(let month): month.description
        case .horizon: "horizon"
        }
    }

    /// The period a label names (`W3`, `2026-12`, `horizon`), or nil when it names none: for readers
    /// of a JSON plan, at the boundary. Only a label written exactly as Passage writes it is read.
    public init?(label: String) {
        if label == "horizon" {
            self = .horizon
        } else if let month = QuotaMonth(label: label) {
            self = .month(month)
        } else if label.hasPrefix("W"), let week = Int(label.dropFirst()) {
            self = .week(week)
        } else {
            return nil
        }
        // `W+3` or `W03` would read as week 3 and print differently: not a label Passage writes.
        guard description == label else { return nil }
    }

    /// The week of a bed or seat period; nil for a month or the horizon.
    public var week: Int? {
        if case .week(let week) = self { week } else { nil }
    }

    /// Whether this is a calendar month (a monthly quota's period).
    public var isMonth: Bool {
        if case .month = self { true } else { false }
    }
}

/// One capacity over all its periods: a safe house's beds, a leg's seats, a programme's quota, the
/// budget. What reports and the planner group periods by.
public struct CapacityResource: Sendable, Hashable {
    /// Beds, seats, quota or budget.
    public var kind: ResourceKind
    /// House, leg or programme id; `budget` for the budget.
    public var id: String

    /// The capacity `kind` of `id`.
    public init(_ kind: ResourceKind, id: String) {
        self.kind = kind
        self.id = id
    }
}
