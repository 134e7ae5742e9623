import PassagePlanning

/// The urgency-first greedy baseline: the plan coordinators would make by hand (most urgent, longest
/// waiting first, earliest then cheapest pathway with room), from `Planner.greedyPlan`.
enum GreedyBaseline {
    /// Plans `formulation` greedily and records the outcome.
    static func run(scenarioPlanner planner: Planner, formulation: Formulation) throws -> GreedyRecord {
        let (plan, seconds) = timed { planner.greedyPlan(formulation) }
        guard let objective = plan.solver.objective else { throw BenchmarkError("the greedy plan has no objective") }
        // Feasible for the full model: no capacity of the scenario (seats of every leg included) overused.
        let feasible = plan.capacity.allSatisfy { $0.used <= $0.capacity + 1e-6 }
        return GreedyRecord(
            seconds: seconds, method: "Planner.greedyPlan", feasible: feasible, objective: objective,
            moved: MovedRecord(plan.summary))
    }
}
