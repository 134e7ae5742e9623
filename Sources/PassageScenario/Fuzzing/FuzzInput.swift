import Foundation

/// How one fuzzer input (or one committed corpus file) is turned into loader input.
///
/// Shared by the libFuzzer target in `Fuzz/` and the corpus replay test, so a crasher saved by the
/// fuzzer replays exactly as it was found. Not part of the planner's API: it is published as SPI only.
///
/// Layout: the first byte selects the kind of outside input the rest is:
/// - `E` (0x45): a sealed file;
/// - `C` (0x43): a what-if change file (applied to the demo scenario);
/// - `J` (0x4A): a previous plan's JSON (`plan --previous`);
/// - `K` (0x4B): what `--passphrase-fd` reads;
/// - `P` (0x50): a JSON plan as `passage stress --plan` reads it (simulated against the demo scenario);
/// - `M` (0x4D): a partial result of `passage stress --shard`, as `passage stress merge` reads it;
/// - any other byte: a scenario folder, its files separated by ``separator`` in the order of
///   ``fileOrder``. Parts beyond the last name are ignored; names without a part are absent.
@_spi(Fuzzing)
public enum FuzzInput: Sendable, Equatable {
    /// Scenario files keyed by name, for `ScenarioLoader.load(files:)`.
    case scenario([String: Data])
    /// The bytes of a would-be sealed file, for the sealed reader.
    case sealed(Data)
    /// The bytes of a would-be change file, for `ChangeFile.variant`.
    case changeFile(Data)
    /// The bytes of a would-be JSON plan, for `PreviousPlanReader.read`.
    case previousPlan(Data)
    /// The bytes a passphrase file descriptor gives, for `PassphraseLine` and `Passphrase`.
    case passphrase(Data)
    /// The bytes of a would-be JSON plan, for `StressPlanReader.itineraries` (`passage stress --plan`).
    case stressPlan(Data)
    /// The bytes of a would-be partial stress result, for `StressResult.read` and `StressStudy.merge`.
    case stressPart(Data)

    /// The mode byte that selects a sealed file.
    public static let sealedMode: UInt8 = 0x45  // "E"
    /// The mode byte that selects a change file.
    public static let changeFileMode: UInt8 = 0x43  // "C"
    /// The mode byte that selects a previous plan.
    public static let previousPlanMode: UInt8 = 0x4A  // "J"
    /// The mode byte that selects a passphrase file descriptor's contents.
    public static let passphraseMode: UInt8 = 0x4B  // "K"
    /// The mode byte that selects a plan for `passage stress --plan`.
    public static let stressPlanMode: UInt8 = 0x50  // "P"
    /// The mode byte that selects a partial result for `passage stress merge`.
    public static let stressPartMode: UInt8 = 0x4D  // "M"
    /// The mode byte the seed generator writes for scenarios (any byte but the others works).
    public static let scenarioMode: UInt8 = 0x53  // "S"
    /// Between two scenario files: a line that no scenario file plausibly contains.
    public static let separator = Data("\n--8<--\n".utf8)
    /// The order in which scenario files follow the mode byte.
    public static let fileOrder = ScenarioFileName.all + ScenarioFileName.optional

    /// Splits `bytes` (what libFuzzer hands the target) into loader input.
    public init(_ bytes: Data) {
        guard let mode = bytes.first else {
            self = .scenario([:])
            return
        }
        let rest = bytes.dropFirst()
        switch mode {
        case Self.sealedMode: self = .sealed(Data(rest))
        case Self.changeFileMode: self = .changeFile(Data(rest))
        case Self.previousPlanMode: self = .previousPlan(Data(rest))
        case Self.passphraseMode: self = .passphrase(Data(rest))
        case Self.stressPlanMode: self = .stressPlan(Data(rest))
        case Self.stressPartMode: self = .stressPart(Data(rest))
        default: self = .scenario(Self.scenarioFiles(rest))
        }
    }

    /// `bytes` split into scenario files, in the order of ``fileOrder``.
    private static func scenarioFiles(_ rest: Data) -> [String: Data] {
        var files: [String: Data] = [:]
        var start = rest.startIndex
        for name in fileOrder {
            // `range(of:in:)` scans forward once from `start`, so splitting stays linear in the input.
            if let found = rest.range(of: separator, in: start..<rest.endIndex) {
                files[name] = Data(rest[start..<found.lowerBound])
                start = found.upperBound
            } else {
                files[name] = Data(rest[start..<rest.endIndex])
                break
            }
        }
        return files
    }

    /// The bytes that split into `self` (for writing seeds). Scenario files missing from the dictionary
    /// end the list, so only a trailing run of missing files can be expressed.
    public var bytes: Data {
        switch self {
        case .sealed(let data):
            return Data([Self.sealedMode]) + data
        case .changeFile(let data):
            return Data([Self.changeFileMode]) + data
        case .previousPlan(let data):
            return Data([Self.previousPlanMode]) + data
        case .passphrase(let data):
            return Data([Self.passphraseMode]) + data
        case .stressPlan(let data):
            return Data([Self.stressPlanMode]) + data
        case .stressPart(let data):
            return Data([Self.stressPartMode]) + data
        case .scenario(let files):
            var out = Data([Self.scenarioMode])
            var first = true
            for name in Self.fileOrder {
                guard let data = files[name] else { break }
                if !first { out.append(Self.separator) }
                out.append(data)
                first = false
            }
            return out
        }
    }
}
