import PassagePlanning

#if PASSAGE_REPORTS
    import PassageReports
#endif

/// The REPORT phase: rendering the plan as text (what a coordinator reads) and as JSON.
enum ReportPhase {
    /// Seconds and bytes of rendering `plan`, or nil with the reason when reports cannot be rendered
    /// from this package (the main package does not export `PassageReports` yet; see Package.swift).
    static func run(_ plan: Plan) -> (seconds: Double?, bytes: Int?, note: String?) {
        #if PASSAGE_REPORTS
            let (bytes, seconds) = timed {
                ReportRenderer.render(plan, format: .text).utf8.count + ReportRenderer.render(plan, format: .json).utf8.count
            }
            return (seconds, bytes, nil)
        #else
            return (nil, nil, "not measured: the main package does not export PassageReports as a library product")
        #endif
    }
}
