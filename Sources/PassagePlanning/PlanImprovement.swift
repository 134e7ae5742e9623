/// The improvement stage: the local search (`PlanLocalSearch`), then fix-and-optimise
/// (`FixAndOptimise`) from its plan with the time left (docs/MODEL.md, "Improvement: local search").
/// The local search makes most of the gain in a fraction of the time; fix-and-optimise's MIPs then
/// find what moving one or two households at a time cannot.
struct PlanImprovement: Sendable {
    var localSearch: PlanLocalSearch
    var fixAndOptimise: FixAndOptimise

    /// What the stage did.
    struct Outcome: Sendable {
        /// The local search's result and its seconds.
        var localSearch: PlanLocalSearch.Outcome
        var localSearchSeconds: Double
        /// Fix-and-optimise's result, from the local search's plan: the stage's plan.
        var fixAndOptimise: FixAndOptimise.Outcome
    }

    /// Improves `values` (a plan respecting every capacity, seats of every leg included) until
    /// `deadline`; `prices` (one reduced cost per column) decide the ways each class may try.
    func improve(_ values: [Double], prices: [Double]?, deadline: ContinuousClock.Instant?) -> Outcome {
        let started = ContinuousClock.now
        let searched = localSearch.improve(values, prices: prices, deadline: deadline)
        let seconds = started.duration(to: .now).seconds
        let improved = fixAndOptimise.improve(searched.values, prices: prices, deadline: deadline)
        return Outcome(
            localSearch: searched,
            localSearchSeconds: seconds,
            fixAndOptimise: improved)
    }
}
