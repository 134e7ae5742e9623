import Foundation

/// `passage-bench machine --json OUT [--command TEXT]`: what the benchmark ran on, recorded at the
/// start of a run so RESULTS.md describes the machine that produced its numbers.
struct MachineInfo: Codable {
    var date: String
    /// The command that started the run (as the driver script passes it).
    var command: String
    var cpuModel: String
    var cores: Int
    var memoryBytes: UInt64
    var operatingSystem: String
    var kernel: String
    var swiftVersion: String
    var glpkVersion: String
    var highsVersion: String
    /// /proc/loadavg at the start: a hint of other work on the machine.
    var loadAverage: String

    static func run(_ arguments: [String]) {
        var jsonPath: String?
        var command = "passage-bench machine"
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            switch flag {
            case "--json": jsonPath = value
            case "--command": command = value
            default: fail("unknown option \(flag)")
            }
        }
        guard let jsonPath else { fail("machine needs --json OUT") }
        do { try writeJSON(collect(command: command), to: jsonPath) } catch { fail("writing \(jsonPath): \(error)") }
    }

    /// Reads the machine's description from /proc, /etc/os-release and the tools' version commands.
    static func collect(command: String) -> MachineInfo {
        let cpuinfo = readText("/proc/cpuinfo")
        let cpu = field("model name", in: cpuinfo, separator: ":") ?? "unknown (no /proc/cpuinfo)"
        let os = field("PRETTY_NAME", in: readText("/etc/os-release"), separator: "=")?
            .trimmingCharacters(in: CharacterSet(charactersIn: "\"")) ?? ProcessInfo.processInfo.operatingSystemVersionString
        return MachineInfo(
            date: isoNow(), command: command, cpuModel: cpu, cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryBytes: ProcessInfo.processInfo.physicalMemory, operatingSystem: os,
            kernel: firstLine(of: "uname", ["-sr"]) ?? "unknown",
            swiftVersion: firstLine(of: "swift", ["--version"]) ?? "unknown (swift not on PATH)",
            glpkVersion: "GLPK \(DirectGLPKLoader.version)",
            highsVersion: firstLine(
                of: "python3", ["-c", "import importlib.metadata as m; print('HiGHS through highspy', m.version('highspy'))"])
                ?? "not installed (pip install highspy)",
            loadAverage: readText("/proc/loadavg").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func readText(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// The value of the first `key SEPARATOR value` line of `text`.
    private static func field(_ key: String, in text: String, separator: Character) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix(key) {
            guard let cut = line.firstIndex(of: separator) else { continue }
            return line[line.index(after: cut)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The first non-empty output line of a command on PATH, or nil when it cannot run or fails.
    private static func firstLine(of name: String, _ arguments: [String]) -> String? {
        guard let executable = findExecutable(name),
            let output = try? runProcess(executable, arguments), output.status == 0
        else { return nil }
        let text = String(decoding: output.standardOutput, as: UTF8.self)
        return (text.isEmpty ? output.standardError : text).split(separator: "\n").first
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
