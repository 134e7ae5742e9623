import PassagePlanning

// The what-if comparison as JSON: keys sorted, arrays in a fixed order, no timings, so the same
// scenario, change files and settings give the same bytes. Field by field in docs/WHATIF.md.

struct JSONWhatIf: Encodable, Sendable {
    var reportVersion = 1
    var kind = "whatif"
    var scenario: JSONScenario
    var base: JSONWhatIfPlan
    var variants: [JSONWhatIfVariant]
}

struct JSONWhatIfPlan: Encodable, Sendable {
    var status: String
    var objective: Nullable<Double>
    var bound: Nullable<Double>
    var gap: Nullable<Double>
    var budget: Nullable<Double>
    var summary: JSONSummary
    var householdsMoved: [String]
    var conflicts: [JSONConflict]
}

struct JSONWhatIfVariant: Encodable, Sendable {
    var name: String
    var file: String
    var changes: [String]
    var plan: JSONWhatIfPlan
    var movedOnlyInBase: [String]
    var movedOnlyInVariant: [String]
    var newlyBinding: [JSONBindingDifference]
    var noLongerBinding: [JSONBindingDifference]
}

struct JSONBindingDifference: Encodable, Sendable {
    var kind: String
    var resourceID: String
    var periods: [String]
}

enum WhatIfJSON {
    static func render(_ comparison: WhatIfComparison) -> String {
        let header = comparison.base.scenario
        func plan(_ p: Plan) -> JSONWhatIfPlan {
            JSONWhatIfPlan(
                status: p.solver.status.rawValue, objective: Nullable(p.solver.objective),
                bound: Nullable(p.solver.bound),
                gap: Nullable(p.solver.gap), budget: Nullable(p.scenario.budget), summary: JSONReport.summary(p),
                householdsMoved: p.itineraries.map(\.householdID).sorted(),
                conflicts: p.conflicts.map {
                    JSONConflict(
                        kind: $0.kind.rawValue, householdIDs: $0.householdIDs, problem: $0.problem, action: $0.action)
                })
        }
        func differences(_ list: [BindingDifference]) -> [JSONBindingDifference] {
            list.map {
                JSONBindingDifference(
                    kind: $0.kind.rawValue, resourceID: $0.resourceID, periods: $0.periods.map(\.description))
            }
        }
        let value = JSONWhatIf(
            scenario: JSONScenario(
                title: header.title, startDate: header.startDate.description, endDate: Fmt.endDate(header).description,
                horizonWeeks: header.horizonWeeks, currency: header.currency, budget: Nullable(header.budget)),
            base: plan(comparison.base),
            variants: comparison.variants.map {
                JSONWhatIfVariant(
                    name: $0.name, file: $0.file, changes: $0.changes, plan: plan($0.plan),
                    movedOnlyInBase: $0.movedOnlyInBase, movedOnlyInVariant: $0.movedOnlyInVariant,
                    newlyBinding: differences($0.newlyBinding), noLongerBinding: differences($0.noLongerBinding))
            })
        return JSONReport.encoded(value)
    }
}
