import ArgumentParser
import PassagePlanning

/// `--time-limit` and `--mip-gap`, shared by every command that plans, with their validation.
struct SolveLimitOptions: ParsableArguments {
    @Option(help: "Stop each solve after this many seconds and use the best plan found (its status says so).")
    var timeLimit: Double?

    @Option(help: "Let each solve stop once the plan is within this fraction of the best bound (e.g. 0.005).")
    var mipGap: Double?

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let mipGap, !(mipGap >= 0 && mipGap < 1) {
            throw ValidationError("--mip-gap must be a fraction from 0 to below 1")
        }
    }

    /// Planning options with these limits (the scenario's `[solver]` table where not given).
    var planningOptions: PlanningOptions { PlanningOptions(timeLimitSeconds: timeLimit, mipGap: mipGap) }
}
