import PassageSynthetic

/// The options of `passage-bench caseload`:
///
///     caseload --households N --seed S --json OUT [--time-limit T] [--mip-gap G]
///              [--profile steady|crisis] [--naive-limit-columns C] [--naive-memory-gib G]
///              [--skip naive,highs,greedy,passage-highs]
///              [--only naive]
///
/// `--only naive` runs just the naive baseline (the parent run starts it as a child process, so the
/// naive model never counts towards Passage's peak memory).
struct CaseloadOptions {
    var households = 0
    var seed: UInt64 = 1
    var timeLimit = 10.0
    var mipGap: Double?
    var profile = SyntheticProfile.steady
    var naiveColumnLimit = 3_000_000
    /// The naive child's address-space cap in GiB (setrlimit RLIMIT_AS).
    var naiveMemoryGiB = 8
    var skipped: Set<String> = []
    var onlyNaive = false
    var jsonPath = ""
    /// The arguments as given, to rebuild the child's command line and to record the command.
    var arguments: [String] = []

    /// The baselines `--skip` accepts.
    static let baselines: Set<String> = ["naive", "highs", "greedy", "passage-highs"]

    /// Parses `arguments` (after the subcommand); calls `fail` on anything unknown or missing.
    init(_ arguments: [String]) {
        self.arguments = arguments
        var rest = arguments[...]
        func value(_ flag: String) -> String {
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            return value
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--households":
                guard let count = Int(value(flag)), count > 0 else { fail("--households needs a positive number") }
                households = count
            case "--seed":
                guard let number = UInt64(value(flag)) else { fail("--seed needs a non-negative number") }
                seed = number
            case "--time-limit":
                guard let seconds = Double(value(flag)), seconds >= 0 else { fail("--time-limit needs seconds") }
                timeLimit = seconds
            case "--mip-gap":
                guard let gap = Double(value(flag)), gap >= 0 else { fail("--mip-gap needs a fraction") }
                mipGap = gap
            case "--profile":
                guard let named = SyntheticProfile(rawValue: value(flag)) else { fail("--profile is steady or crisis") }
                profile = named
            case "--naive-limit-columns":
                guard let limit = Int(value(flag)), limit > 0 else { fail("--naive-limit-columns needs a number") }
                naiveColumnLimit = limit
            case "--naive-memory-gib":
                guard let limit = Int(value(flag)), limit > 0 else { fail("--naive-memory-gib needs a number") }
                naiveMemoryGiB = limit
            case "--skip":
                let names = Set(value(flag).split(separator: ",").map(String.init))
                guard names.isSubset(of: Self.baselines) else { fail("--skip takes naive, highs, greedy, passage-highs") }
                skipped.formUnion(names)
            case "--only":
                guard value(flag) == "naive" else { fail("--only takes naive") }
                onlyNaive = true
            case "--json": jsonPath = value(flag)
            default: fail("unknown option \(flag)")
            }
        }
        if households == 0 { fail("caseload needs --households N") }
        if jsonPath.isEmpty { fail("caseload needs --json OUT") }
    }

    /// How long a baseline's child process (naive, HiGHS) may run before it is stopped: GLPK and HiGHS
    /// check their time limits only now and then, and loading a huge model is not covered by them.
    var childGuardSeconds: Double { 3 * timeLimit + 60 }

    /// The command line of this run, for the record.
    var commandLine: String { (["passage-bench", "caseload"] + arguments).joined(separator: " ") }
}
