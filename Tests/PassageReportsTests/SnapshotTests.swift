import PassageReports
import Testing

/// The text and Markdown reports of the sample plans, compared byte for byte with recorded files.
/// Timings are left out: they vary from run to run.
@Suite struct SnapshotTests {
    static let options = ReportOptions(includeTimings: false)

    @Test func textOptimal() throws {
        try Snapshot.check(ReportRenderer.render(SamplePlan.optimal(), format: .text, options: Self.options), named: "optimal.txt")
    }

    @Test func markdownOptimal() throws {
        try Snapshot.check(ReportRenderer.render(SamplePlan.optimal(), format: .markdown, options: Self.options), named: "optimal.md")
    }

    @Test func textTimeLimited() throws {
        try Snapshot.check(
            ReportRenderer.render(SamplePlan.timeLimited(), format: .text, options: Self.options), named: "time-limit.txt")
    }

    @Test func markdownTimeLimited() throws {
        try Snapshot.check(
            ReportRenderer.render(SamplePlan.timeLimited(), format: .markdown, options: Self.options), named: "time-limit.md")
    }

    @Test func textNoPlan() throws {
        try Snapshot.check(ReportRenderer.render(SamplePlan.noPlan(), format: .text, options: Self.options), named: "no-plan.txt")
    }
}
