import Foundation

/// `passage-bench results --machine M.json [--load L.json] CASELOAD.json...`: renders one run's JSON
/// records as the Markdown of `Benchmarks/RESULTS.md` on standard output. Every number comes from the
/// files; `/usr/bin/time -v` output is read from `CASELOAD.time.txt` next to each record, if present.
enum ResultsRenderer {
    /// The sizes issue 3 asks for.
    static let issueSizes = [1_000, 10_000, 100_000]

    static func run(_ arguments: [String]) {
        var machinePath: String?, loadPath: String?
        var caseloadPaths: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--machine": machinePath = rest.popFirst()
            case "--load": loadPath = rest.popFirst()
            default: caseloadPaths.append(argument)
            }
        }
        guard let machinePath else { fail("results needs --machine M.json") }
        do {
            let machine = try readJSON(MachineInfo.self, from: machinePath)
            let load = try loadPath.map { try readJSON(LoadComparison.Record.self, from: $0) }
            let caseloads = try caseloadPaths.map { path in
                (try readJSON(CaseloadRecord.self, from: path), TimeReport(path: timeFile(for: path)))
            }.sorted { $0.0.households < $1.0.households }
            let folder = URL(fileURLWithPath: machinePath).deletingLastPathComponent().relativePath
            print(markdown(machine: machine, load: load, caseloads: caseloads, folder: folder), terminator: "")
        } catch { fail("reading results: \(error)") }
    }

    /// `X.json` → `X.time.txt`.
    static func timeFile(for path: String) -> String {
        (path.hasSuffix(".json") ? String(path.dropLast(5)) : path) + ".time.txt"
    }

    static func markdown(
        machine: MachineInfo, load: LoadComparison.Record?, caseloads: [(CaseloadRecord, TimeReport?)], folder: String
    ) -> String {
        let sizes = caseloads.map(\.0.households)
        let missing = issueSizes.filter { !sizes.contains($0) }
        var out = "# Benchmark results\n\n"
        out += "Written by `Benchmarks/run.sh` (`make bench`) from the JSON records in `\(folder)/`; do not edit by hand.\n\n"
        out += "- Sizes run: \(sizes.map(Fmt.int).joined(separator: ", ")) households"
        out += missing.isEmpty ? ".\n" : " — **partial run**: no record of \(missing.map(Fmt.int).joined(separator: ", ")) (failed, see the end, or not run).\n"
        out += "- Date: \(machine.date)\n- Command: `\(machine.command)`\n"
        out += "- Noise: other processes may have been running (load average at the start: \(machine.loadAverage)); "
        out += "each size ran once, so single timings can be off by a few tens of per cent.\n\n"
        out += "## Machine\n\n"
        out += table(
            ["", ""],
            [
                ["CPU", machine.cpuModel], ["cores", "\(machine.cores)"], ["memory", Fmt.bytes(Int(machine.memoryBytes))],
                ["OS", "\(machine.operatingSystem) (\(machine.kernel))"], ["Swift", machine.swiftVersion],
                ["GLPK", machine.glpkVersion], ["HiGHS", machine.highsVersion],
            ])
        out += "## Targets of issue 3\n\n"
        out += table(["target", "measured", "verdict"], TargetChecks.rows(caseloads: caseloads.map(\.0), load: load))
        for (record, time) in caseloads { out += CaseloadSection.markdown(record, time: time) }
        out += "## Model building: Swift layer vs GLPK's C API\n\n"
        if let load {
            out += "`passage-bench load-compare`: the same random sparse matrix built through `LinearModel` and loaded by "
            let names = load.named ?? true ? "names and bounds included" : "bounds included, names on neither side (as the planner builds its models)"
            out += "`GLPKSolver`, and written straight into GLPK's arrays (`glp_load_matrix`), \(names); best of \(load.runs).\n\n"
            let perNonzero = { (seconds: Double) in String(format: "%.2f µs", seconds / Double(load.nonzeros) * 1e6) }
            out += table(
                ["path", "seconds", "per non-zero"],
                [
                    ["Swift: build `LinearModel`", Fmt.seconds(load.swiftBuildSeconds), perNonzero(load.swiftBuildSeconds)],
                    ["Swift: load through `GLPKSolver`", Fmt.seconds(load.swiftLoadSeconds), perNonzero(load.swiftLoadSeconds)],
                    ["Swift layer, total", Fmt.seconds(load.swiftSeconds), perNonzero(load.swiftSeconds)],
                    ["GLPK's C API directly", Fmt.seconds(load.directSeconds), perNonzero(load.directSeconds)],
                    ["ratio", String(format: "%.2f×", load.ratio), ""],
                ])
            out += "Matrix: \(Fmt.int(load.rows)) rows, \(Fmt.int(load.columns)) columns, \(Fmt.int(load.nonzeros)) non-zeros; GLPK \(load.glpkVersion).\n"
        } else {
            out += "Not run.\n"
        }
        return out
    }

    /// A Markdown table followed by a blank line.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var text = "| " + header.joined(separator: " | ") + " |\n"
        text += "|" + String(repeating: "---|", count: header.count) + "\n"
        for row in rows { text += "| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
        return text + "\n"
    }
}
