import LinearProgramming
import PassagePlanning

/// A plan reduced to aggregates that can be shared outside the organisation (docs/REPORTS.md, "Redacted
/// reports"). It keeps no household id, no per-household row, no exact family size or ready week, no
/// safe-house id or location, no route leg, no per-week figure; every count of households or persons is a
/// `SuppressedCount`, and `DisclosureRule` withholds any section whose counts would add up to an exact one
/// with the rest. The text, Markdown, HTML, JSON and CSV redacted reports all render this one value.
public struct RedactedPlan: Sendable, Hashable {
    /// Counts for one urgency tier (or `all`).
    public struct TierRow: Sendable, Hashable {
        /// `1 immediate threat to life`, …, or `all`.
        public var label: String
        /// Households moved.
        public var householdsMoved: SuppressedCount
        /// Households in the tier.
        public var householdsTotal: SuppressedCount
        /// Persons moved.
        public var personsMoved: SuppressedCount
        /// Persons in the tier.
        public var personsTotal: SuppressedCount
    }

    /// A safe house under its code: capacity and persons hosted over the horizon, both banded.
    public struct HouseRow: Sendable, Hashable {
        /// `House A`, `House B`, … in the order of the houses' ids (see `houseCodes`).
        public var code: String
        /// The largest weekly bed capacity, banded like a count.
        public var beds: SuppressedCount
        /// Persons who stay there at some time in the plan.
        public var personsHosted: SuppressedCount
    }

    /// A visa programme: persons lodged over the horizon and its quota, both banded: an exact quota beside
    /// a band can pin the count (quota 5, `5–9` lodged: exactly 5).
    public struct ProgrammeRow: Sendable, Hashable {
        /// The programme's id (programmes are public schemes, not people).
        public var programmeID: String
        /// Persons whose applications are lodged with it.
        public var personsLodged: SuppressedCount
        /// Its quotas summed over the periods in the horizon, banded like a count.
        public var quota: SuppressedCount
    }

    /// A shared quota (`shared_quotas.csv`): persons lodged with its programmes and its places over the
    /// horizon, both banded like a programme's.
    public struct SharedQuotaRow: Sendable, Hashable {
        /// The shared quota's id (a public scheme's quota, not people).
        public var sharedQuotaID: String
        /// The programmes that count toward it, in id order.
        public var programmeIDs: [String]
        /// Persons lodged with any of its programmes.
        public var personsLodged: SuppressedCount
        /// Its places summed over the periods in the horizon, banded like a count.
        public var quota: SuppressedCount
    }

    /// A part of the report that `DisclosureRule` may withhold as a whole.
    public enum Section: String, Sendable, Hashable, CaseIterable, Comparable {
        /// The summary rows of each urgency tier.
        case urgencyTiers = "urgency_tiers"
        /// The summary row `all`.
        case overall
        /// Safe houses.
        case safeHouses = "safe_houses"
        /// Visa programmes.
        case programmes
        /// Shared quotas.
        case sharedQuotas = "shared_quotas"
        /// Arrivals by destination country.
        case destinations
        /// Households not moved, by reason.
        case notMoved = "not_moved"

        /// In the order the report shows them.
        public static func < (a: Section, b: Section) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// A group (destination country, or reason not moved) with household and person counts.
    public struct GroupRow: Sendable, Hashable {
        /// The country or the reason.
        public var label: String
        /// Households in the group.
        public var households: SuppressedCount
        /// Persons in the group.
        public var persons: SuppressedCount
    }

    /// The solver's status.
    public var status: SolveStatus
    /// The warning shown when the plan is not proven optimal.
    public var solverWarning: String?
    /// The relative gap. The objective and bound themselves are left out: the objective is mostly persons
    /// not moved times the urgency weights (1000, 400, 150, 50 by default, and documented), which gives
    /// a weighted count of persons not moved far finer than the bands.
    public var gap: Double?
    /// The scenario's first day (week 1). The scenario title is left out: it is free text.
    public var startDate: String
    /// Weeks planned.
    public var horizonWeeks: Int
    /// The currency of costs.
    public var currency: String
    /// The budget, if any.
    public var budget: Double?
    /// The total cost, rounded to whole units: `costBeforeWeekOne + costFromWeekOne`.
    public var totalCost: Double { costBeforeWeekOne + costFromWeekOne }
    /// What households under way spent before week 1 (outside the budget), rounded to whole units.
    public var costBeforeWeekOne: Double
    /// What the plan costs from week 1, against the budget, rounded to whole units.
    public var costFromWeekOne: Double
    /// Average weeks waited from ready week to departure, in whole weeks (a decimal, divided into a banded
    /// count of households, can leave one count that fits); nil when this plan moves fewer than 5 households
    /// that were not already under way.
    public var averageWeeksWaited: Double?
    /// Counts by urgency tier, then `all`.
    public var tiers: [TierRow]
    /// Safe houses under codes.
    public var houses: [HouseRow]
    /// Visa programmes.
    public var programmes: [ProgrammeRow]
    /// Shared quotas, in id order (none when the scenario has none).
    public var sharedQuotas: [SharedQuotaRow]
    /// Moved households by destination country.
    public var destinations: [GroupRow]
    /// Households not moved, by reason.
    public var notMoved: [GroupRow]
    /// Sections left out because, with the rest of the report, their counts would give an exact count
    /// (`DisclosureRule`); their rows above are empty.
    public var withheld: [Section]

    /// The redacted aggregates of `plan`.
    public init(_ plan: Plan) {
        self.init(plan, applyingRule: true)
    }

    /// The redacted aggregates of `plan`; without `applyingRule`, every section is kept (for tests of the rule).
    init(_ plan: Plan, applyingRule: Bool) {
        let solver = plan.solver
        status = solver.status
        solverWarning = Fmt.statusWarning(solver)
        gap = solver.gap
        startDate = plan.scenario.startDate.description
        horizonWeeks = plan.scenario.horizonWeeks
        currency = plan.scenario.currency
        budget = plan.scenario.budget
        costBeforeWeekOne = plan.summary.costBeforeWeekOne.rounded()
        costFromWeekOne = plan.summary.costFromWeekOne.rounded()
        // The average is over the households this plan decided to move (not those already under way):
        // over fewer than 5 it would be close to one household's own wait.
        let averaged = SuppressedCount(plan.itineraries.filter { !$0.isCommitted }.count)
        averageWeeksWaited = averaged.isLargeEnough ? plan.summary.averageWeeksWaited.rounded() : nil

        func tier(_ label: String, _ c: MoveCount) -> TierRow {
            TierRow(
                label: label, householdsMoved: SuppressedCount(c.householdsMoved),
                householdsTotal: SuppressedCount(c.householdsTotal), personsMoved: SuppressedCount(c.personsMoved),
                personsTotal: SuppressedCount(c.personsTotal))
        }
        tiers =
            plan.summary.byUrgency.enumerated().map { tier("\($0 + 1) \(Fmt.tierName($0 + 1))", $1) }
            + [tier("all", plan.summary.overall)]

        houses = Self.houseCodes(plan).map { id, code in
            let beds = plan.capacity.filter { $0.kind == .beds && $0.resourceID == id }
            // Lodging and transit guests alike (a household staying in both counts once).
            let hosted = plan.itineraries.filter { $0.stay.houseID == id || $0.transitStay?.houseID == id }
                .reduce(0) { $0 + $1.size }
            let count = SuppressedCount(hosted)
            return HouseRow(
                code: code, beds: SuppressedCount(Int((beds.map(\.capacity).max() ?? 0).rounded())),
                personsHosted: count)
        }

        let quotas = plan.capacity.filter { $0.kind == .quota }
        programmes = Set(quotas.map(\.resourceID)).sorted().map { id in
            let rows = quotas.filter { $0.resourceID == id }
            let count = SuppressedCount(Int(rows.reduce(0) { $0 + $1.used }.rounded()))
            return ProgrammeRow(
                programmeID: id, personsLodged: count,
                quota: SuppressedCount(Int(rows.reduce(0) { $0 + $1.capacity }.rounded())))
        }

        // Shown like programme quotas: what they share is as public as what each has.
        let shared = plan.capacity.filter { $0.kind == .sharedQuota }
        sharedQuotas = Set(shared.map(\.resourceID)).sorted().map { id in
            let rows = shared.filter { $0.resourceID == id }
            return SharedQuotaRow(
                sharedQuotaID: id, programmeIDs: (plan.scenario.sharedQuotaProgrammes[id] ?? []).sorted(),
                personsLodged: SuppressedCount(Int(rows.reduce(0) { $0 + $1.used }.rounded())),
                quota: SuppressedCount(Int(rows.reduce(0) { $0 + $1.capacity }.rounded())))
        }

        destinations = Self.groups(plan.itineraries.map { ($0.destinationCountry, $0.size) })
        notMoved = Self.groups(plan.unmoved.map { ($0.reason.label, $0.size) })
        // Which capacities were full is left out altogether: a full mark beside a quota or a house's beds
        // gives the count exactly to whoever knows that capacity (the quota 5, full, `5–9`).
        withheld = []
        if applyingRule { withhold(DisclosureRule.sectionsToWithhold(self)) }
    }

    /// Empties `sections` and records them as withheld.
    mutating func withhold(_ sections: Set<Section>) {
        withheld = sections.sorted()
        if sections.contains(.urgencyTiers) { tiers = tiers.suffix(1) }
        if sections.contains(.overall) { tiers = [] }
        if sections.contains(.safeHouses) { houses = [] }
        if sections.contains(.programmes) { programmes = [] }
        if sections.contains(.sharedQuotas) { sharedQuotas = [] }
        if sections.contains(.destinations) { destinations = [] }
        if sections.contains(.notMoved) { notMoved = [] }
    }

    /// Safe-house ids in sorted order paired with `House A`, `House B`, … `House Z`, `House AA`, …: the
    /// same scenario always gives the same codes; adding a house may shift the codes after it.
    static func houseCodes(_ plan: Plan) -> [(id: String, code: String)] {
        let ids = Set(
            plan.capacity.filter { $0.kind == .beds }.map(\.resourceID)
                + plan.itineraries.map(\.stay.houseID) + plan.itineraries.compactMap(\.transitStay?.houseID)
        ).sorted()
        return ids.enumerated().map { ($1, "House " + letters($0)) }
    }

    /// 0 → A, 25 → Z, 26 → AA, like spreadsheet columns.
    static func letters(_ index: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var n = index
        var out = ""
        repeat {
            out = String(alphabet[n % 26]) + out
            n = n / 26 - 1
        } while n >= 0
        return out
    }

    /// Households and persons per label, sorted by label.
    static func groups(_ members: [(label: String, size: Int)]) -> [GroupRow] {
        var byLabel: [String: (households: Int, persons: Int)] = [:]
        for member in members {
            byLabel[member.label, default: (0, 0)].households += 1
            byLabel[member.label, default: (0, 0)].persons += member.size
        }
        return byLabel.keys.sorted().map {
            GroupRow(
                label: $0, households: SuppressedCount(byLabel[$0]!.households),
                persons: SuppressedCount(byLabel[$0]!.persons))
        }
    }
}
