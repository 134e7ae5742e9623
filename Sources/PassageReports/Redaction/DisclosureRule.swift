/// The one rule that decides what a redacted report may show beyond its bands (docs/REPORTS.md,
/// "Redacted reports"): if a reader could combine the report's counts into one exact non-zero count
/// (`DisclosureAudit`), whole sections are withheld, least needed first, until no count can be pinned.
enum DisclosureRule {
    /// Sections in the order they are given up; the urgency tiers go before the `all` row, which goes last.
    static let withholdingOrder: [RedactedPlan.Section] = [
        .destinations, .notMoved, .safeHouses, .sharedQuotas, .programmes, .urgencyTiers, .overall,
    ]

    /// The sections to withhold from `plan` (which still holds every row) so that nothing is disclosed.
    static func sectionsToWithhold(_ plan: RedactedPlan) -> Set<RedactedPlan.Section> {
        var withheld: Set<RedactedPlan.Section> = []
        while true {
            let disclosed = audit(plan, withholding: withheld).disclosed()
            if disclosed.isEmpty { return withheld }
            let involved = Set(disclosed.map(\.section))
            // A section that shows a pinned count goes first; a pin in the summary may come from another
            // section's rows (many `<5` destinations add up past a band), so those go before the summary.
            guard
                let next = withholdingOrder.first(where: {
                    !withheld.contains($0) && involved.contains($0) && $0 != .overall && $0 != .urgencyTiers
                })
                    ?? withholdingOrder.first(where: { !withheld.contains($0) })
            else { return withheld }
            withheld.insert(next)
        }
    }

    /// The counts `plan` shows, with `withheld` sections unknown to the reader, and every relation between
    /// them that a reader could assume and that holds.
    static func audit(_ plan: RedactedPlan, withholding withheld: Set<RedactedPlan.Section>) -> DisclosureAudit {
        var audit = DisclosureAudit()
        func add(_ count: SuppressedCount, _ section: RedactedPlan.Section) -> Int {
            audit.add(count, in: section, withheld: withheld.contains(section))
        }
        typealias Counts = (hm: Int, ht: Int, pm: Int, pt: Int)
        func tier(_ row: RedactedPlan.TierRow, _ section: RedactedPlan.Section) -> Counts {
            let c = (
                add(row.householdsMoved, section), add(row.householdsTotal, section),
                add(row.personsMoved, section), add(row.personsTotal, section)
            )
            // Moved within the total; every household is at least one person, moved or not.
            audit.relate(plus: [c.0], minus: [c.1], equality: false)
            audit.relate(plus: [c.2], minus: [c.3], equality: false)
            audit.relate(plus: [c.0], minus: [c.2], equality: false)
            audit.relate(plus: [c.1], minus: [c.3], equality: false)
            audit.relate(plus: [c.1, c.2], minus: [c.0, c.3], equality: false)
            return c
        }
        guard let allRow = plan.tiers.last else { return audit }
        let all = tier(allRow, .overall)
        let tiers = plan.tiers.dropLast().map { tier($0, .urgencyTiers) }
        audit.relate(plus: tiers.map(\.hm), minus: [all.hm], equality: true)
        audit.relate(plus: tiers.map(\.ht), minus: [all.ht], equality: true)
        audit.relate(plus: tiers.map(\.pm), minus: [all.pm], equality: true)
        audit.relate(plus: tiers.map(\.pt), minus: [all.pt], equality: true)

        // Groups: households ≤ persons in each; moved by destination and not moved by reason add up.
        func groups(_ rows: [RedactedPlan.GroupRow], _ section: RedactedPlan.Section) -> (h: [Int], p: [Int]) {
            let cells = rows.map { (add($0.households, section), add($0.persons, section)) }
            for c in cells { audit.relate(plus: [c.0], minus: [c.1], equality: false) }
            return (cells.map(\.0), cells.map(\.1))
        }
        let destinations = groups(plan.destinations, .destinations)
        audit.relate(plus: destinations.h, minus: [all.hm], equality: true)
        audit.relate(plus: destinations.p, minus: [all.pm], equality: true)
        let notMoved = groups(plan.notMoved, .notMoved)
        audit.relate(plus: notMoved.h + [all.hm], minus: [all.ht], equality: true)
        audit.relate(plus: notMoved.p + [all.pm], minus: [all.pt], equality: true)

        // Persons hosted and lodged come from persons moved; lodged ones within each (banded) quota.
        let hosted = plan.houses.map { add($0.personsHosted, .safeHouses) }
        audit.relate(plus: hosted, minus: [all.pm], equality: true)
        audit.relate(plus: hosted, minus: [all.pm], equality: false)
        let lodged = plan.programmes.map { programme in
            let count = add(programme.personsLodged, .programmes)
            audit.relate(plus: [count], minus: [add(programme.quota, .programmes)], equality: false)
            return count
        }
        audit.relate(plus: lodged, minus: [all.pm], equality: true)
        audit.relate(plus: lodged, minus: [all.pm], equality: false)

        // Persons lodged within a shared quota: within its (banded) places and the persons moved, and
        // the sum of its programmes' persons lodged, which a reader who knows its programmes can add up
        // (equal when its periods cover every lodging; each direction kept only where it holds).
        let lodgedByProgramme = Dictionary(
            zip(plan.programmes.map(\.programmeID), lodged), uniquingKeysWith: { first, _ in first })
        for shared in plan.sharedQuotas {
            let count = add(shared.personsLodged, .sharedQuotas)
            audit.relate(plus: [count], minus: [add(shared.quota, .sharedQuotas)], equality: false)
            audit.relate(plus: [count], minus: [all.pm], equality: false)
            let members = shared.programmeIDs.compactMap { lodgedByProgramme[$0] }
            guard members.count == shared.programmeIDs.count, !members.isEmpty else { continue }
            audit.relate(plus: [count], minus: members, equality: true)
            audit.relate(plus: [count], minus: members, equality: false)
            audit.relate(plus: members, minus: [count], equality: false)
        }
        return audit
    }
}
