import Foundation
import GLPKBackend
import PassagePlanning
import PassageScenario
import PassageSynthetic
import Testing

@testable import PassageReports

/// Issue 17: a redacted report must not give away exact counts, neither through a quota or a full mark
/// beside a band nor through rows and totals that add up (docs/REPORTS.md, "Redacted reports").
@Suite(.serialized) struct RedactionDisclosureTests {
    static let demoDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/demo", isDirectory: true)

    /// The published JSON and what a reader may rightly guess about `plan`.
    static func published(_ plan: Plan) -> (json: String, guesses: RedactedReader.Guesses) {
        let json = RedactedReport.render(plan, format: .json, options: ReportOptions(format: .json, redacted: true))
        let lodged = plan.capacity.filter { $0.kind == .quota }.reduce(0) { $0 + $1.used }
        let hosted = plan.itineraries.filter { !$0.stay.houseID.isEmpty }.reduce(0) { $0 + $1.size }
        let moved = plan.summary.overall.personsMoved
        let used = { (kind: ResourceKind, ids: Set<String>) in
            plan.capacity.filter { $0.kind == kind && ids.contains($0.resourceID) }.reduce(0) { $0 + $1.used }
        }
        let sharedAddUp = plan.scenario.sharedQuotaProgrammes.allSatisfy { id, programmes in
            abs(used(.sharedQuota, [id]) - used(.quota, Set(programmes))) < 0.5
        }
        return (
            json,
            RedactedReader.Guesses(
                lodgedAddUpToPersonsMoved: Int(lodged.rounded()) == moved, hostedAddUpToPersonsMoved: hosted == moved,
                sharedLodgedAddUpToTheirProgrammes: sharedAddUp)
        )
    }

    @Test func theDemoGivesNoExactCountAndNoQuotaOrFullMark() throws {
        // The issue's example is the demo before Germany's shared quota, which left P-DE-TBS full.
        var scenario = try ScenarioLoader.load(directory: Self.demoDirectory)
        scenario.sharedQuotas = []
        let plan = try Planner(scenario: scenario, solver: GLPKSolver())
            .plan(options: PlanningOptions(timeLimitSeconds: 60))
        let (json, guesses) = Self.published(plan)
        #expect(try RedactedReader.exactCounts(in: json, guesses: guesses).isEmpty)
        // The issue's example: P-DE-TBS, quota 5, one period full, 5–9 lodged gave exactly 5.
        let text = RedactedReport.render(plan, format: .text, options: ReportOptions(format: .text, redacted: true))
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("P-DE-TBS") })
        #expect(row.split(separator: " ").map(String.init) == ["P-DE-TBS", "5–9", "5–9"])
        for format in [ReportFormat.text, .markdown, .json, .csv] {
            let report = RedactedReport.render(
                plan, format: format, options: ReportOptions(format: format, redacted: true))
            for word in ["full", "Full", "binding"] { #expect(!report.contains(word), "\(format) says \(word)") }
            // The objective weighs persons not moved by documented urgency weights: a count in disguise.
            for value in [plan.solver.objective, plan.solver.bound].compactMap({ $0 }) {
                #expect(
                    !report.contains(Fmt.objective(value)) && !report.contains(Fmt.plain(value, maxDecimals: 6)),
                    "\(format)")
            }
            #expect(
                !report.contains("Objective ") && !report.contains("\"objective\"") && !report.contains(",objective,"),
                "\(format)")
        }
    }

    /// Issue 15, section 1: shared quotas are shown like programme quotas, persons lodged and places
    /// both banded, with their programmes, and a reader who adds the programmes up pins no count.
    @Test func theDemoShowsItsSharedQuotaAsAggregates() throws {
        let scenario = try ScenarioLoader.load(directory: Self.demoDirectory)
        try #require(scenario.sharedQuotas.map(\.id) == ["DE-CAUCASUS"])
        let plan = try Planner(scenario: scenario, solver: GLPKSolver())
            .plan(options: PlanningOptions(timeLimitSeconds: 60))
        let (json, guesses) = Self.published(plan)
        #expect(try RedactedReader.exactCounts(in: json, guesses: guesses).isEmpty)
        let redacted = RedactedPlan(plan)
        #expect(!redacted.withheld.contains(.sharedQuotas))
        let row = try #require(redacted.sharedQuotas.first)
        #expect(row.sharedQuotaID == "DE-CAUCASUS" && row.programmeIDs == ["P-DE-EVN", "P-DE-TBS"])
        let lodged = plan.capacity.filter { $0.kind == .sharedQuota }.reduce(0) { $0 + $1.used }
        #expect(row.personsLodged == SuppressedCount(Int(lodged.rounded())))
        #expect(row.quota == SuppressedCount(15))

        let text = RedactedReport.render(plan, format: .text, options: ReportOptions(format: .text, redacted: true))
        #expect(text.contains("Shared quotas"))
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("DE-CAUCASUS") })
        #expect(line.contains("P-DE-EVN, P-DE-TBS") && line.hasSuffix("15–19"), "\(line)")
        let root = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let shared = try #require(root["sharedQuotas"] as? [[String: Any]])
        #expect(shared.first?["quota"] as? String == "15–19")
        #expect(shared.first?["personsLodged"] as? String == "\(row.personsLodged)")
        let csv = RedactedReport.render(plan, format: .csv, options: ReportOptions(format: .csv, redacted: true))
        #expect(csv.contains("shared_quota,DE-CAUCASUS,quota,15–19"))
        #expect(csv.contains("shared_quota,DE-CAUCASUS,programmes,P-DE-EVN;P-DE-TBS"))
        // Aggregates only: no household id anywhere.
        for format in [ReportFormat.text, .markdown, .json, .csv, .html] {
            let report = RedactedReport.render(
                plan, format: format, options: ReportOptions(format: format, redacted: true))
            #expect(!scenario.households.contains { report.contains($0.id) }, "\(format)")
        }
        // Without shared quotas the report reads as before: no section, no key.
        var without = scenario
        without.sharedQuotas = []
        let before = try Planner(scenario: without, solver: GLPKSolver())
            .plan(options: PlanningOptions(timeLimitSeconds: 60))
        let plain = RedactedReport.render(before, format: .json, options: ReportOptions(format: .json, redacted: true))
        #expect(!plain.contains("sharedQuotas"))
    }

    @Test(
        "generated scenarios give no exact count",
        arguments: [
            (8, UInt64(1), SyntheticProfile.steady), (12, 2, .crisis), (16, 3, .steady), (20, 4, .crisis),
            (25, 5, .steady), (30, 6, .crisis), (40, 7, .steady),
        ])
    func generatedScenariosGiveNoExactCount(households: Int, seed: UInt64, profile: SyntheticProfile) throws {
        let scenario = SyntheticCaseload.generate(households: households, seed: seed, profile: profile)
        // Any plan the solver returns is published alike, so a short limit is enough.
        let plan = try Planner(scenario: scenario, solver: GLPKSolver()).plan(
            options: PlanningOptions(timeLimitSeconds: 10))
        let (json, guesses) = Self.published(plan)
        let found = try RedactedReader.exactCounts(in: json, guesses: guesses)
        #expect(found.isEmpty, "\(found) in \(json)")
    }

    @Test("random small caseloads give no exact count", arguments: UInt64(1)...200)
    func randomCaseloadsGiveNoExactCount(seed: UInt64) throws {
        let plan = RandomRedactedPlans.plan(seed: seed)
        let (json, guesses) = Self.published(plan)
        let found = try RedactedReader.exactCounts(in: json, guesses: guesses)
        #expect(found.isEmpty, "seed \(seed): \(found) in \(json)")
    }

    @Test func withoutTheRuleSomeRandomCaseloadsWouldDiscloseCounts() throws {
        var disclosing = 0
        var withheld = 0
        for seed in UInt64(1)...200 {
            let plan = RandomRedactedPlans.plan(seed: seed)
            let unchecked = RedactedPlan(plan, applyingRule: false)
            let found = try RedactedReader.exactCounts(
                in: JSONReport.encoded(RedactedJSON(unchecked)), guesses: Self.published(plan).guesses)
            if !found.isEmpty { disclosing += 1 }
            if !RedactedPlan(plan).withheld.isEmpty { withheld += 1 }
            // The audit withholds whenever the reader could pin a count (it may withhold more).
            #expect(found.isEmpty || !RedactedPlan(plan).withheld.isEmpty, "seed \(seed)")
        }
        // 7 of these 200 would disclose, and the rule withholds a section in exactly those 7 (2026-12-02).
        #expect(disclosing > 0)
        #expect(withheld == disclosing)
    }

    @Test func rowsThatAddUpPastTheirTotalsBandArePinned() {
        // 5 + 1 + 1 + 1 + 1 = 9: shown as 5–9 and four <5 adding up to a total of 5–9, all five are exact.
        var audit = DisclosureAudit()
        let rows = [5, 1, 1, 1, 1].map { audit.add(SuppressedCount($0), in: .destinations, withheld: false) }
        let total = audit.add(SuppressedCount(9), in: .overall, withheld: false)
        audit.relate(plus: rows, minus: [total], equality: true)
        #expect(audit.disclosed().count == 6)
        // One row fewer (total 8) leaves every count uncertain.
        var fewer = DisclosureAudit()
        let four = [5, 1, 1, 1].map { fewer.add(SuppressedCount($0), in: .destinations, withheld: false) }
        fewer.relate(plus: four, minus: [fewer.add(SuppressedCount(8), in: .overall, withheld: false)], equality: true)
        #expect(fewer.disclosed().isEmpty)
        // Withholding the rows leaves nothing to add up.
        var withheld = DisclosureAudit()
        let hidden = [5, 1, 1, 1, 1].map { withheld.add(SuppressedCount($0), in: .destinations, withheld: true) }
        withheld.relate(
            plus: hidden, minus: [withheld.add(SuppressedCount(9), in: .overall, withheld: false)], equality: true)
        #expect(withheld.disclosed().isEmpty)
    }

    /// Nine households of one person, five to DE and one each to four other countries: `5–9` and four
    /// `<5` add up to at least 9, the total's band allows at most 9, so every destination count is exact.
    static func nineHouseholdsToFiveCountries() -> Plan {
        var plan = SamplePlan.optimal()
        let template = plan.itineraries[0]
        plan.itineraries = ["DE", "DE", "DE", "DE", "DE", "FR", "NL", "LT", "CA"].enumerated().map { index, country in
            var itinerary = template
            itinerary.householdID = "H\(100 + index)"
            itinerary.destinationCountry = country
            return itinerary
        }
        plan.unmoved = []
        let nine = MoveCount(householdsMoved: 9, householdsTotal: 9, personsMoved: 9, personsTotal: 9)
        let none = MoveCount(householdsMoved: 0, householdsTotal: 0, personsMoved: 0, personsTotal: 0)
        plan.summary.overall = nine
        plan.summary.byUrgency = [none, none, nine, none]
        plan.capacity = []
        return plan
    }

    @Test func destinationsThatWouldAddUpToExactCountsAreWithheld() throws {
        let plan = Self.nineHouseholdsToFiveCountries()
        // Without the rule, the reader pins them, and with them the total (9), so the tier and `all` rows
        // and the one house's guests: 19 counts. The audit finds the same.
        let unchecked = RedactedPlan(plan, applyingRule: false)
        #expect(unchecked.withheld.isEmpty && unchecked.destinations.count == 5)
        #expect(DisclosureRule.audit(unchecked, withholding: []).disclosed().count == 19)
        let pinned = try RedactedReader.exactCounts(
            in: JSONReport.encoded(RedactedJSON(unchecked)), guesses: Self.published(plan).guesses)
        #expect(pinned.count == 19, "\(pinned)")
        let redacted = RedactedPlan(plan)
        #expect(redacted.withheld == [.destinations])
        #expect(redacted.destinations.isEmpty)
        let (json, guesses) = Self.published(plan)
        #expect(try RedactedReader.exactCounts(in: json, guesses: guesses).isEmpty)
        for format in [ReportFormat.text, .markdown, .html] {
            let report = RedactedReport.render(
                plan, format: format, options: ReportOptions(format: format, redacted: true))
            #expect(report.contains("Withheld"), "\(format)")
            #expect(!report.contains("NL"), "\(format)")
        }
        #expect(json.contains("\"destinations\""))
    }

    @Test func theAverageWaitNeedsFiveHouseholdsThisPlanMoved() {
        var plan = Self.nineHouseholdsToFiveCountries()
        #expect(RedactedPlan(plan).averageWeeksWaited != nil)
        // Five of the nine already under way: the average would be over four households' waits.
        for index in 0..<5 { plan.itineraries[index].isCommitted = true }
        #expect(RedactedPlan(plan).averageWeeksWaited == nil)
    }

    @Test func theReaderFindsTheIssuesLeak() throws {
        // What the old report said, in the new layout: quota exactly 5 beside 5–9 lodged.
        let json = """
            {"summary": [{"label": "all", "householdsMoved": "<5", "householdsTotal": "<5", "personsMoved": "5–9", "personsTotal": "5–9"}],
             "destinations": [], "notMoved": [], "safeHouses": [], "withheld": ["destinations", "not_moved", "safe_houses"],
             "programmes": [{"programmeID": "P", "personsLodged": "5–9", "quota": "5"}]}
            """.replacingOccurrences(of: #""quota": "5""#, with: #""quota": "5–5""#)
        let found = try RedactedReader.exactCounts(
            in: json, guesses: .init(lodgedAddUpToPersonsMoved: true, hostedAddUpToPersonsMoved: false))
        #expect(found.map(\.value).contains(5))
    }
}
