// Statistics over the trials of a study (docs/STRESS.md, "Statistics"): nearest-rank percentiles,
// means summed in trial order, the distribution of persons moved, and the fragile points.

/// Nearest-rank statistics of one quantity over the trials.
public struct StressStatistic: Sendable, Hashable {
    /// Machine name (JSON, CSV), e.g. `persons_arrived`.
    public var key: String
    /// What it counts, in words.
    public var name: String
    public var minimum: Double
    /// The 5th, 50th and 95th percentiles by nearest rank: the ⌈p × n / 100⌉-th smallest value.
    public var p5: Double
    public var median: Double
    public var p95: Double
    public var maximum: Double
    /// Sum in trial order divided by the number of trials.
    public var mean: Double

    /// The statistics of `values` (at least one).
    public init(key: String, name: String, values: [Double]) {
        precondition(!values.isEmpty, "statistics of no trials")
        let sorted = values.sorted()
        self.key = key
        self.name = name
        minimum = sorted.first!
        maximum = sorted.last!
        p5 = Self.percentile(5, of: sorted)
        median = Self.percentile(50, of: sorted)
        p95 = Self.percentile(95, of: sorted)
        mean = values.reduce(0, +) / Double(values.count)
    }

    /// The nearest-rank `p`-th percentile (0 < p ≤ 100) of `sorted`: its ⌈p·n/100⌉-th value.
    public static func percentile(_ p: Int, of sorted: [Double]) -> Double {
        let rank = max(1, (p * sorted.count + 99) / 100)
        return sorted[rank - 1]
    }
}

/// A house, leg or programme and how often it caused trouble.
public struct StressFragilePoint: Sendable, Hashable {
    public var kind: StressCause.Kind
    public var id: String
    /// Trials in which it delayed, stranded or refused at least one household.
    public var trials: Int
    /// Households it troubled, summed over all trials.
    public var households: Int
}

/// What a whole study found.
public struct StressSummary: Sendable, Hashable {
    public var seed: String
    public var trials: Int
    public var horizonWeeks: Int
    public var currency: String
    public var householdsPlanned: Int
    /// Persons the plan moves to their destination within the horizon.
    public var personsPlanned: Int
    /// Persons reaching their destination within the horizon, households stranded, refused, refused
    /// their document (only for a plan with document steps) and late, weeks of delay and extra cost: in
    /// that order.
    public var statistics: [StressStatistic]
    /// Persons reaching their destination within the horizon: (value, number of trials), by value.
    public var personsMovedDistribution: [(persons: Int, trials: Int)]
    /// Sorted by trials, then households (both descending), then kind and id.
    public var fragilePoints: [StressFragilePoint]

    public static func == (a: StressSummary, b: StressSummary) -> Bool {
        a.seed == b.seed && a.trials == b.trials && a.horizonWeeks == b.horizonWeeks
            && a.householdsPlanned == b.householdsPlanned && a.personsPlanned == b.personsPlanned
            && a.statistics == b.statistics && a.fragilePoints == b.fragilePoints
            && a.personsMovedDistribution.elementsEqual(b.personsMovedDistribution, by: { $0 == $1 })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(seed)
        hasher.combine(trials)
        hasher.combine(statistics)
    }

    /// The summary of a complete `result` (every trial).
    public init(_ result: StressResult) {
        precondition(result.isComplete && result.trials > 0, "a summary needs every trial")
        let outcomes = result.outcomes
        seed = result.seed
        trials = result.trials
        horizonWeeks = result.horizonWeeks
        currency = result.currency
        householdsPlanned = result.householdsPlanned
        personsPlanned = result.personsPlanned
        func stat(_ key: String, _ name: String, _ value: (StressTrialOutcome) -> Double) -> StressStatistic {
            StressStatistic(key: key, name: name, values: outcomes.map(value))
        }
        // Refused documents only for plans with document steps, so other studies report as before.
        let documentRefusals =
            outcomes.contains { $0.householdsDocumentRefused != nil }
            ? [
                stat("households_document_refused", "households refused their document") {
                    Double($0.householdsDocumentRefused ?? 0)
                }
            ] : []
        statistics =
            [
                stat("persons_arrived", "persons reaching their destination in the horizon") {
                    Double($0.personsArrived)
                },
                stat("households_stranded", "households stranded") { Double($0.householdsStranded) },
                stat("households_refused", "households refused") { Double($0.householdsRefused) },
            ] + documentRefusals + [
                stat("households_late", "households arriving after the horizon") { Double($0.householdsLate) },
                stat("delay_weeks", "weeks of delay, summed over households") { Double($0.delayWeeks) },
                stat("extra_cost", "extra cost of longer stays") { $0.extraCost },
            ]
        var distribution: [Int: Int] = [:]
        for outcome in outcomes { distribution[outcome.personsArrived, default: 0] += 1 }
        personsMovedDistribution = distribution.keys.sorted().map { ($0, distribution[$0]!) }
        var points: [StressCause: StressFragilePoint] = [:]
        for outcome in outcomes {
            for cause in outcome.causes {
                let key = StressCause(kind: cause.kind, id: cause.id, households: 0)
                points[key, default: StressFragilePoint(kind: cause.kind, id: cause.id, trials: 0, households: 0)]
                    .trials += 1
                points[key]!.households += cause.households
            }
        }
        fragilePoints = points.values.sorted {
            ($1.trials, $1.households, $0.kind.rawValue, $0.id) < ($0.trials, $0.households, $1.kind.rawValue, $1.id)
        }
    }
}
