import Foundation
import Testing

@testable import PassagePlanning
@testable import PassageReports

/// `passage why-not`'s report: every format says the reason, the changes found (verified) and those
/// tried without success, deterministically.
@Suite struct WhyNotReportTests {
    static func explanations() throws -> (plan: Plan, explanations: [NotMovedExplanation]) {
        let plan = SamplePlan.optimal()
        var result: [NotMovedExplanation] = []
        for household in plan.unmoved {
            var explanation = NotMovedExplanation(household: household, changes: [], notEnough: [], replans: 0)
            if case .capacity = household.reason {
                explanation.changes = [CapacityChange(kind: .beds, resourceID: "SH-1", from: 5, to: 7)]
                explanation.notEnough = [CapacityChange(kind: .quota, resourceID: "P-1", from: 4, to: 6)]
                explanation.replans = 9
            }
            result.append(explanation)
        }
        try #require(result.contains { !$0.changes.isEmpty }, "the sample plan has a household short of capacity")
        return (plan, result)
    }

    @Test func textSaysTheReasonAndTheChanges() throws {
        let (plan, explanations) = try Self.explanations()
        let text = WhyNotReport.render(explanations, plan: plan, format: .text)
        #expect(text.contains("Smallest single changes that move it:\n      beds of SH-1: 5 → 7"))
        #expect(text.contains("Not enough alone, even raised as far as it could use:\n      quota of P-1: 4 → 6"))
        #expect(text.contains("Planned again 9 times."))
        #expect(text.contains("No pathway is open to this household"))
        #expect(WhyNotReport.render(explanations, plan: plan, format: .markdown).contains("beds of SH-1: 5 → 7"))
    }

    @Test func notEvenTogetherIsSaidAsSuch() throws {
        let (plan, explanations) = try Self.explanations()
        var together = try #require(explanations.first { !$0.changes.isEmpty })
        together.changes = []
        together.notEvenTogether = true
        let text = WhyNotReport.render([together], plan: plan, format: .text)
        #expect(text.contains("No single change of a reasonable size moves it; not even these together do:"))
        #expect(WhyNotReport.render([together], plan: plan, format: .csv).contains(",not_enough_together"))
    }

    /// When every capacity was tried alone without success, the report says plainly that no single change
    /// of a reasonable size moves the household, and lists what was tried.
    @Test func noSingleChangeIsSaidPlainly() throws {
        let (plan, explanations) = try Self.explanations()
        var none = try #require(explanations.first { !$0.changes.isEmpty })
        none.changes = []
        let text = WhyNotReport.render([none], plan: plan, format: .text)
        #expect(text.contains("No single change of a reasonable size moves it: no capacity it lacks, raised alone"))
        #expect(text.contains("Not enough alone, even raised as far as it could use:\n      quota of P-1: 4 → 6"))
        #expect(!text.contains("Smallest single changes"))
    }

    /// An answer that rests on plans stopped by their node limit says so, and one that rests on plans
    /// the time limit (the safety net) cut says that it may differ between runs.
    @Test func plansStoppedByALimitAreSaid() throws {
        let (plan, explanations) = try Self.explanations()
        var limited = try #require(explanations.first { !$0.changes.isEmpty })
        limited.unprovenReplans = 2
        var text = WhyNotReport.render([limited], plan: plan, format: .text)
        #expect(text.contains("2 of these plans stopped at the node limit before proving optimality: the same answer"))
        #expect(!text.contains("cut by the time limit"))
        limited.timeLimitedReplans = 1
        text = WhyNotReport.render([limited], plan: plan, format: .text)
        #expect(text.contains("1 of these plans stopped at the node limit"))
        #expect(text.contains("1 of these plans was cut by the time limit, a safety net: this answer may differ"))
        let json = WhyNotReport.render([limited], plan: plan, format: .json)
        #expect(json.contains("\"unprovenReplans\" : 2") && json.contains("\"timeLimitedReplans\" : 1"))
        limited.unprovenReplans = 0
        limited.timeLimitedReplans = 0
        text = WhyNotReport.render([limited], plan: plan, format: .text)
        #expect(!text.contains("node limit") && !text.contains("time limit"))
    }

    @Test func jsonAndCSVCarryEveryChange() throws {
        let (plan, explanations) = try Self.explanations()
        let json = WhyNotReport.render(explanations, plan: plan, format: .json)
        let root = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["kind"] as? String == "why_not")
        let households = try #require(root["households"] as? [[String: Any]])
        #expect(households.count == explanations.count)
        let short = try #require(households.first { ($0["changes"] as? [Any])?.isEmpty == false })
        let change = try #require((short["changes"] as? [[String: Any]])?.first)
        #expect(change["kind"] as? String == "beds" && change["to"] as? Double == 7)
        let csv = WhyNotReport.render(explanations, plan: plan, format: .csv)
        #expect(csv.hasPrefix("household_id,reason,capacity,resource_id,from,to,outcome\n"))
        #expect(csv.contains(",beds,SH-1,5,7,moves\n") && csv.contains(",quota,P-1,4,6,not_enough\n"))
    }

    /// A stronger document that would open programmes is a line in every human format, a field in
    /// JSON and rows in CSV; a household without one gets none of these.
    @Test func documentOpeningsAreSaidInEveryFormat() throws {
        let (plan, explanations) = try Self.explanations()
        var opened = explanations
        opened[0].documentOpenings = [
            DocumentOpening(
                held: .internalID, document: .internationalPassport, programmes: ["P-DE-TBS", "P-FR-EVN"],
                morePathways: ["P-DE-EVN"], moves: true)
        ]
        opened[0].replans += 1
        let line =
            "A valid international passport would open P-DE-TBS and P-FR-EVN, and more pathways to P-DE-EVN,"
        for format in [ReportFormat.text, .markdown, .html] {
            let report = WhyNotReport.render(opened, plan: plan, format: format)
            #expect(report.replacingOccurrences(of: "\n      ", with: " ").contains(line), "\(format)")
            #expect(report.contains("the plan would then move it"), "\(format)")
        }
        #expect(!WhyNotReport.render(explanations, plan: plan, format: .text).contains("would open P-"))

        let json = WhyNotReport.render(opened, plan: plan, format: .json)
        let root = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let households = try #require(root["households"] as? [[String: Any]])
        let openings = try #require(households.first?["documentOpenings"] as? [[String: Any]])
        #expect(openings.count == 1)
        // The household's own documents stay out of the report.
        #expect(openings.first?["from"] == nil && !json.contains("internal_id"))
        #expect(openings.first?["document"] as? String == "international_passport")
        #expect(openings.first?["programmes"] as? [String] == ["P-DE-TBS", "P-FR-EVN"])
        #expect(openings.first?["morePathways"] as? [String] == ["P-DE-EVN"])
        #expect(openings.first?["moves"] as? Bool == true)
        #expect((households.dropFirst().first?["documentOpenings"] as? [Any])?.isEmpty == true)

        let csv = WhyNotReport.render(opened, plan: plan, format: .csv)
        let id = opened[0].household.householdID
        for row in [
            "document,P-DE-TBS,,international_passport,opens_and_moves",
            "document,P-FR-EVN,,international_passport,opens_and_moves",
            "document,P-DE-EVN,,international_passport,more_pathways_and_moves",
        ] {
            #expect(csv.split(separator: "\n").contains { $0.hasPrefix(id) && $0.hasSuffix(row) })
        }
        opened[0].documentOpenings[0].moves = false
        #expect(
            WhyNotReport.render(opened, plan: plan, format: .text).contains("but the plan would still not move it"))
        #expect(WhyNotReport.render(opened, plan: plan, format: .csv).contains(",international_passport,opens\n"))
    }

    @Test func everyFormatIsDeterministic() throws {
        let (plan, explanations) = try Self.explanations()
        for format in [ReportFormat.text, .markdown, .json, .csv] {
            #expect(
                WhyNotReport.render(explanations, plan: plan, format: format)
                    == WhyNotReport.render(explanations, plan: plan, format: format))
        }
    }
}
