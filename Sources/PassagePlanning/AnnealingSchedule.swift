import Foundation

/// How much worse a ruin-and-recreate trial may leave the plan and still be kept: simulated
/// annealing's acceptance (Kirkpatrick et al.), as Schrimpf et al. and Christiaens and Vanden Berghe
/// use it with ruin and recreate. A trial that makes the plan dearer by less than a threshold drawn
/// as −T·ln U (U uniform in (0, 1]) is kept, so the search can leave a plan no single trial improves;
/// the temperature T falls geometrically from `start` to `start × finalRatio` over the trials, and the
/// search returns the best plan it met (docs/MODEL.md, "Improvement: local search").
struct AnnealingSchedule: Sendable {
    /// The first temperature, in objective units.
    var start: Double
    /// The last temperature as a fraction of the first.
    var finalRatio: Double

    /// The temperature at `progress` (0 at the first trial, 1 at the end of the trials or their time).
    func temperature(at progress: Double) -> Double {
        start * pow(finalRatio, min(1, max(0, progress)))
    }

    /// A threshold to accept a worse plan by at `progress`, drawn from `random`: −T·ln U. Draws
    /// nothing when the temperature is zero, so a search without annealing makes the same trials.
    func threshold(at progress: Double, random: inout SplitMix64) -> Double {
        let temperature = temperature(at: progress)
        guard temperature > 0 else { return 0 }
        return -temperature * log(1 - random.nextUnit())
    }
}
