/// Everything `passage-bench caseload` measures for one caseload size, written as JSON and read back
/// by `passage-bench results`. Every field comes from the run; nil means "not measured" and the
/// neighbouring `note` says why.
struct CaseloadRecord: Codable {
    /// The command line that produced this record.
    var command: String
    /// When the run started (ISO 8601, UTC).
    var date: String
    var households: Int
    var seed: UInt64
    var profile: String
    /// The solver time limit given to Passage and to every baseline.
    var timeLimitSeconds: Double
    /// The relative MIP gap given to Passage and HiGHS (nil: the scenario's).
    var mipGap: Double?
    var scenario: ScenarioFacts
    var generateSeconds: Double
    var writeSeconds: Double
    /// Passage's own phases; nil for a `--only naive` record.
    var passage: PassageRecord?
    /// Passage again, same caseload and limits, with the HiGHS backend (`--solver highs`); nil when
    /// skipped, `passageHiGHSError` says why when HiGHS could not be loaded or failed.
    var passageHiGHS: PassageRecord?
    var passageHiGHSError: String?
    var greedy: GreedyRecord?
    var naive: NaiveRecord?
    var highs: HiGHSRecord?
    /// Failures of a baseline (not skips or time limits): the run reports them and exits non-zero.
    var errors: [String] = []
}

/// The size and variety of the generated caseload.
struct ScenarioFacts: Codable {
    var households: Int
    var persons: Int
    var locations: Int
    var safeHouses: Int
    var legs: Int
    var programmes: Int
    var horizonWeeks: Int
}

/// Rows, columns and non-zeros of a model.
struct ModelSize: Codable {
    var rows: Int
    var columns: Int
    var nonzeros: Int
}

/// A solver's outcome on one model.
struct SolveRecord: Codable {
    var status: String
    var objective: Double?
    var bound: Double?
    var gap: Double?
    /// Seconds inside the solver (as the solver reports them).
    var solverSeconds: Double
}

/// How many households and persons a plan moves.
struct MovedRecord: Codable {
    var households: Int
    var householdsTotal: Int
    var persons: Int
    var personsTotal: Int
    /// Σ persons moved × urgency weight of their tier (the plan summary's figure).
    var urgencyWeightedPersons: Double
}

/// Passage end to end: load, build, solve, report.
struct PassageRecord: Codable {
    var loadSeconds: Double
    var buildSeconds: Double
    /// Wall-clock seconds of `Planner.plan` (solve and decode).
    var solveSeconds: Double
    /// Rendering the plan as text and JSON; nil when not measured (see `reportNote`).
    var reportSeconds: Double?
    var reportNote: String?
    var reportBytes: Int?
    /// load + build + solve + report (without the report when it was not measured).
    var endToEndSeconds: Double
    var model: ModelSize
    var solve: SolveRecord
    var moved: MovedRecord
    /// Process peak resident memory (getrusage ru_maxrss) right after generating and writing the
    /// caseload, and after Passage's last phase, before any baseline ran.
    var peakBytesAfterGenerate: Int
    var peakBytes: Int
}

/// The urgency-first greedy plan (most urgent, longest waiting, earliest then cheapest pathway).
struct GreedyRecord: Codable {
    var seconds: Double
    /// How it was obtained (which API).
    var method: String
    /// Whether the decoded greedy plan overuses no capacity of the scenario (seats of every leg included).
    var feasible: Bool
    var objective: Double
    var moved: MovedRecord
}

/// The naive per-household model (one binary per household × pathway × start week), same GLPK, same
/// time limit, run in its own process so Passage's peak memory never includes it.
struct NaiveRecord: Codable {
    var built: Bool
    /// Why it was not built or not solved.
    var note: String?
    /// The size estimate used to decide (from a 1,000-household sample, scaled), if one was made.
    var estimatedColumns: Int?
    var estimateBasis: String?
    var buildSeconds: Double?
    var model: ModelSize?
    var solve: SolveRecord?
    var moved: MovedRecord?
    var peakBytes: Int?
}

/// HiGHS (through highspy) on Passage's exported compact model.
struct HiGHSRecord: Codable {
    var available: Bool
    var note: String?
    var version: String?
    var exportSeconds: Double?
    var mpsBytes: Int?
    /// Wall-clock seconds of the Python process (reading the MPS file included).
    var wallSeconds: Double?
    var solve: SolveRecord?
    /// |Passage − HiGHS| / max(1, |HiGHS|) when both have an objective.
    var relativeDifference: Double?
    /// Whether Passage's and HiGHS's objectives and bounds are consistent: equal within 1e-6 when
    /// both proved optimality, else each objective no better than the other's bound.
    var agrees: Bool?
    var agreement: String?
}
