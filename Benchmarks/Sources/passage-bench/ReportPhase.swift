import PassagePlanning
import PassageReports

/// The REPORT phase: rendering the plan as text (what a coordinator reads) and as JSON.
enum ReportPhase {
    /// Seconds and bytes of rendering `plan` (the note is kept for records that could not measure it).
    static func run(_ plan: Plan) -> (seconds: Double?, bytes: Int?, note: String?) {
        let (bytes, seconds) = timed {
            ReportRenderer.render(plan, format: .text).utf8.count + ReportRenderer.render(plan, format: .json).utf8.count
        }
        return (seconds, bytes, nil)
    }
}
