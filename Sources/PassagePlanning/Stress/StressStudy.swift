import Foundation

// Running a study's trials (all, or one shard's share), on any number of threads, and merging the
// partial results of shards. The result is the list of trial outcomes in trial order, so it is the same
// whatever the threads or shards (docs/STRESS.md, "Shards").

/// Which trials a shard runs: shard K of N runs trials t (0-based) with t mod N = K − 1.
public struct StressShard: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 1-based index of the shard.
    public var index: Int
    /// Number of shards.
    public var count: Int

    /// All trials (shard 1 of 1).
    public static let whole = StressShard(index: 1, count: 1)

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (1...count).contains(index), "shard index out of range")
        self.index = index
        self.count = count
    }

    /// `K/N` with 1 ≤ K ≤ N, or nil.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
            return nil
        }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// The trials of this shard out of `trials`, in order.
    public func trials(of trials: Int) -> [Int] { Array(stride(from: index - 1, to: trials, by: count)) }
}

/// The outcomes of some or all trials of one study: what a shard writes and `stress merge` reads.
public struct StressResult: Sendable, Hashable, Codable {
    /// Version of this layout.
    public var formatVersion = 1
    /// FNV-1a of the study's input (plan moves and scenario uncertainty), hexadecimal.
    public var fingerprint: String
    /// The seed, as decimal text (a JSON number cannot hold every 64-bit value exactly).
    public var seed: String
    public var trials: Int
    /// What the report says about the plan, so that merging needs only the parts.
    public var horizonWeeks: Int
    public var householdsPlanned: Int
    /// Persons the plan moves to their destination within the horizon.
    public var personsPlanned: Int
    public var currency: String
    /// The shards this result holds, e.g. `["1/4", "3/4"]`; `["1/1"]` for a whole run.
    public var shards: [String]
    /// Outcomes in trial order.
    public var outcomes: [StressTrialOutcome]

    /// Reads a result written by `passage stress --shard` (JSON).
    public static func read(_ data: Data) throws -> StressResult {
        let result: StressResult
        do {
            result = try JSONDecoder().decode(StressResult.self, from: data)
        } catch {
            throw StressMergeError(description: "not a partial result of passage stress --shard: \(error)")
        }
        guard result.formatVersion == 1 else {
            throw StressMergeError(description: "partial result format \(result.formatVersion); this Passage reads 1")
        }
        guard (1...StressStudy.maximumTrials).contains(result.trials), UInt64(result.seed) != nil,
            (1...1_000).contains(result.horizonWeeks), (0...100_000_000).contains(result.householdsPlanned),
            (0...1_000_000_000).contains(result.personsPlanned), result.outcomes.count <= result.trials,
            result.outcomes.allSatisfy({ result.isPlausible($0) })
        else {
            throw StressMergeError(description: "the partial result is damaged: a count is out of range")
        }
        return result
    }

    /// The result as JSON (sorted keys), as `passage stress --shard` writes it.
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { preconditionFailure("a stress result encodes") }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Whether an outcome's counts could come from this study (a damaged or hand-edited file must not
    /// reach the report, whose chart spans the counts).
    func isPlausible(_ o: StressTrialOutcome) -> Bool {
        let households = 0...householdsPlanned
        return (0..<trials).contains(o.trial) && (0...personsPlanned).contains(o.personsArrived)
            && [
                o.householdsArrived, o.householdsLate, o.householdsStranded, o.householdsRefused,
                o.householdsDocumentRefused ?? 0,
            ].allSatisfy(households.contains)
            && o.householdsArrived + o.householdsLate + o.householdsStranded + o.householdsRefused
                + (o.householdsDocumentRefused ?? 0) <= householdsPlanned
            && o.delayWeeks >= 0 && o.extraCost.isFinite && o.extraCost >= 0
            && o.causes.allSatisfy { households.contains($0.households) }
    }

    /// Whether every trial 0..<trials is here once.
    public var isComplete: Bool { outcomes.map(\.trial) == Array(0..<trials) }
}

/// Why partial results cannot be merged.
public struct StressMergeError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Runs studies and merges their parts.
public enum StressStudy {
    /// The most trials a study may have.
    public static let maximumTrials = 10_000_000

    /// A fingerprint of `input`: FNV-1a of its JSON with sorted keys, as 16 hexadecimal digits.
    public static func fingerprint(_ input: StressInput) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(input)) ?? Data()
        let hash = StressDraws.fnv1a(String(decoding: data, as: UTF8.self))
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The trials of `shard` out of `trials`, on at most `jobs` threads; `progress` is told how many
    /// trials are done, one call at a time.
    public static func run(
        _ input: StressInput, seed: UInt64, trials: Int, shard: StressShard = .whole, jobs: Int = 1,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> StressResult {
        let simulation = StressSimulation(input: input, seed: seed)
        let mine = shard.trials(of: trials)
        // Blocks of trials, so that threads take turns on a lock rarely; outcomes come back in order.
        let block = 16
        let blocks = (mine.count + block - 1) / block
        let done = ProgressCount(report: progress, blockSize: block, total: mine.count)
        let outcomes = ParallelWork.map(blocks, width: jobs, completed: { done.blocksDone($0) }) { b in
            mine[(b * block)..<min(mine.count, (b + 1) * block)].map { simulation.run(trial: $0) }
        }.flatMap { $0 }
        return StressResult(
            fingerprint: fingerprint(input), seed: String(seed), trials: trials, horizonWeeks: input.horizonWeeks,
            householdsPlanned: input.householdsPlanned, personsPlanned: input.personsPlannedWithinHorizon,
            currency: input.currency, shards: [shard.description], outcomes: outcomes)
    }

    /// `parts` of one study merged: they must share fingerprint, seed and trial count and hold no trial
    /// twice. The result is complete when the parts cover every trial.
    public static func merge(_ parts: [StressResult]) throws -> StressResult {
        guard let first = parts.first else { throw StressMergeError(description: "nothing to merge") }
        for part in parts.dropFirst() {
            guard part.fingerprint == first.fingerprint else {
                throw StressMergeError(
                    description:
                        "the parts come from different plans or scenarios (fingerprints \(first.fingerprint) and \(part.fingerprint))"
                )
            }
            guard part.seed == first.seed, part.trials == first.trials else {
                throw StressMergeError(
                    description:
                        "the parts come from different runs (seed \(first.seed), \(first.trials) trials against seed \(part.seed), \(part.trials) trials)"
                )
            }
            // The fingerprint covers the plan, so these follow from it; a part that differs was damaged or
            // edited while keeping the fingerprint, and `read` checked its outcomes against its own counts only.
            guard part.horizonWeeks == first.horizonWeeks, part.householdsPlanned == first.householdsPlanned,
                part.personsPlanned == first.personsPlanned, part.currency == first.currency
            else {
                throw StressMergeError(
                    description:
                        "the parts share fingerprint \(first.fingerprint) but not the plan's horizon, households, persons or currency: one of them is damaged"
                )
            }
        }
        let outcomes = parts.flatMap(\.outcomes).sorted { $0.trial < $1.trial }
        for (a, b) in zip(outcomes, outcomes.dropFirst()) where a.trial == b.trial {
            throw StressMergeError(description: "trial \(a.trial) is in more than one part (the same shard twice?)")
        }
        guard outcomes.allSatisfy({ (0..<first.trials).contains($0.trial) }) else {
            throw StressMergeError(description: "a part holds a trial outside 0..<\(first.trials)")
        }
        var merged = first
        merged.shards = parts.flatMap(\.shards).sorted()
        merged.outcomes = outcomes
        return merged
    }
}

/// Turns the count of finished blocks into a count of finished trials for a progress callback.
private struct ProgressCount: Sendable {
    let report: (@Sendable (Int) -> Void)?
    let blockSize: Int
    let total: Int

    func blocksDone(_ blocks: Int) { report?(min(total, blocks * blockSize)) }
}
