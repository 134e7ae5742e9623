import Foundation

/// How one fuzzer input (or one committed corpus file) is turned into loader input.
///
/// Shared by the libFuzzer target in `Fuzz/` and the corpus replay test, so a crasher saved by the
/// fuzzer replays exactly as it was found. Not part of the planner's API: it is published as SPI only.
///
/// Layout: the first byte selects the mode. `E` (0x45) means the rest is a sealed file; any other byte
/// means the rest is a scenario, its files separated by ``separator`` in the order of ``fileOrder``.
/// Parts beyond the last name are ignored; names without a part are absent (a missing file).
@_spi(Fuzzing)
public enum FuzzInput: Sendable, Equatable {
    /// Scenario files keyed by name, for `ScenarioLoader.load(files:)`.
    case scenario([String: Data])
    /// The bytes of a would-be sealed file, for the sealed reader.
    case sealed(Data)

    /// The mode byte that selects a sealed file.
    public static let sealedMode: UInt8 = 0x45  // "E"
    /// The mode byte the seed generator writes for scenarios (any byte but ``sealedMode`` works).
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
        if mode == Self.sealedMode {
            self = .sealed(Data(rest))
            return
        }
        var files: [String: Data] = [:]
        var start = rest.startIndex
        for name in Self.fileOrder {
            // `range(of:in:)` scans forward once from `start`, so splitting stays linear in the input.
            if let found = rest.range(of: Self.separator, in: start..<rest.endIndex) {
                files[name] = Data(rest[start..<found.lowerBound])
                start = found.upperBound
            } else {
                files[name] = Data(rest[start..<rest.endIndex])
                break
            }
        }
        self = .scenario(files)
    }

    /// The bytes that split into `self` (for writing seeds). Scenario files missing from the dictionary
    /// end the list, so only a trailing run of missing files can be expressed.
    public var bytes: Data {
        switch self {
        case .sealed(let data):
            return Data([Self.sealedMode]) + data
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
