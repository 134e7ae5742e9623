// passage-bench: measures Passage's LP layer (GLPKSolver) on public benchmark instances.
//
//   passage-bench gap FILE... [--time-limit S] [--min|--max] [--settings SPEC] [--header]
//   passage-bench load [--rows R] [--columns C] [--per-row K]
//   passage-bench export FILE [--min|--max] [--mps]     (the GAP model as CPLEX LP or free MPS)
//   passage-bench scenario DIR... [--settings SPEC|planning] [--time-limit S] [--repeat N]
//   passage-bench caseload --households N --seed S --json OUT [--time-limit T] [--profile steady|crisis] ...
//   passage-bench load-compare [--rows R] [--columns C] [--per-row K] [--runs N] [--json OUT]
//   passage-bench machine --json OUT [--command TEXT]
//   passage-bench results --machine M.json [--load L.json] CASELOAD.json...   (RESULTS.md on stdout)
//
// The last four make up the scale benchmark of issue 3, run by Benchmarks/run.sh (`make bench`).
//
// Prints one Markdown table row per instance. SPEC is `measured` (the default), `glpk-defaults`, or a
// comma-separated list starting from GLPK's defaults: mir, gmi, cov, clq, fp, ps, bt=dfs|bfs|blb|bph,
// br=ffv|lfv|mfv|dth|pch. Published optima are read from `bounds.txt` next to the first file, if any.
import GLPKBackend
import Foundation
import LinearProgramming
import PassageSynthetic

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("passage-bench: \(message)\n".utf8))
    exit(2)
}

func parseSettings(_ spec: String) -> GLPKMIPSettings {
    if spec == "measured" { return .measured }
    if spec == "glpk-defaults" { return .glpkDefaults }
    var settings = GLPKMIPSettings.glpkDefaults
    for item in spec.split(separator: ",").map(String.init) {
        switch item {
        case "mir": settings.mirCuts = true
        case "gmi": settings.gomoryCuts = true
        case "cov": settings.coverCuts = true
        case "clq": settings.cliqueCuts = true
        case "fp": settings.feasibilityPump = true
        case "ps": settings.proximitySearch = true
        default:
            if item.hasPrefix("bt="), let rule = GLPKMIPSettings.Backtracking(rawValue: String(item.dropFirst(3))) {
                settings.backtracking = rule
            } else if item.hasPrefix("br="), let rule = GLPKMIPSettings.Branching(rawValue: String(item.dropFirst(3))) {
                settings.branching = rule
            } else {
                fail("unknown setting \(item)")
            }
        }
    }
    return settings
}

func publishedOptima(near file: URL) -> [String: (lower: Double, upper: Double)] {
    let boundsFile = file.deletingLastPathComponent().appendingPathComponent("bounds.txt")
    guard let text = try? String(contentsOf: boundsFile, encoding: .utf8) else { return [:] }
    return GeneralizedAssignmentBounds.parse(text)
}

func format(_ value: Double?) -> String {
    guard let value else { return "–" }
    return abs(value - value.rounded()) < 1e-6 ? String(Int(value.rounded())) : String(format: "%.2f", value)
}

/// Loading cost: builds a random sparse LP (fixed seed) and solves it with a zero time limit, so the
/// solve returns right after GLPK has the matrix: µs per non-zero of our loading path, GLPK's included.
func measureLoading(_ arguments: [String]) {
    var rows = 50_000, columns = 100_000, perRow = 20
    var rest = arguments[...]
    while let flag = rest.popFirst() {
        guard let value = rest.popFirst().flatMap({ Int($0) }) else { fail("\(flag) needs a number") }
        switch flag {
        case "--rows": rows = value
        case "--columns": columns = value
        case "--per-row": perRow = value
        default: fail("unknown option \(flag)")
        }
    }
    var generator = SeededRandom(seed: 42)
    var model = LinearModel(name: "load")
    for j in 0..<columns { model.addVariable("x[\(j)]", upperBound: 10) }
    for i in 0..<rows {
        var row = LinearExpression()
        for _ in 0..<perRow {
            row.add(Double(generator.next() % 9 + 1), Variable(index: Int(generator.next() % UInt64(columns))))
        }
        model.addConstraint("row[\(i)]", row, .lessOrEqual, 100)
    }
    var objective = LinearExpression()
    for j in 0..<columns { objective.add(1, Variable(index: j)) }
    model.setObjective(.maximize, objective)
    let nonzeros = model.nonzeroCount
    for run in 1...2 {
        do {
            let solution = try GLPKSolver().solve(model, options: SolverOptions(timeLimit: 0))
            let perNonzero = solution.solveSeconds / Double(nonzeros) * 1e6
            print("run \(run): \(rows) rows, \(columns) columns, \(nonzeros) non-zeros: load \(String(format: "%.3f", solution.solveSeconds)) s = \(String(format: "%.2f", perNonzero)) µs/non-zero (\(solution.status.rawValue))")
        } catch { fail("\(error)") }
    }
}


var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "export", arguments.count >= 2 {
    do {
        let instance = try GeneralizedAssignmentInstance(contentsOf: URL(fileURLWithPath: arguments[1]))
        let sense: ObjectiveSense = arguments.contains("--max") ? .maximize : .minimize
        print(try GLPKSolver().export(instance.model(sense), format: arguments.contains("--mps") ? .mps : .lp), terminator: "")
    } catch { fail("\(error)") }
    exit(0)
}
if arguments.first == "scenario" {
    benchmarkScenarios(Array(arguments.dropFirst()))
    exit(0)
}
let scaleCommands: [String: ([String]) -> Void] = [
    "caseload": CaseloadBenchmark.run, "lagrangian": LagrangianBenchmark.run, "load-compare": LoadComparison.run, "machine": MachineInfo.run,
    "master": MasterBenchmark.run,
    "colgen": ColumnGenerationBenchmark.run,
    "results": ResultsRenderer.run,
]
if let first = arguments.first, let command = scaleCommands[first] {
    command(Array(arguments.dropFirst()))
    exit(0)
}
if arguments.first == "load" {
    measureLoading(Array(arguments.dropFirst()))
    exit(0)
}
guard arguments.first == "gap" else { fail("usage: passage-bench gap FILE... [--time-limit S] [--min|--max] [--settings SPEC] [--header]") }
arguments.removeFirst()
var files: [URL] = []
var timeLimit: Double?
var senses: [ObjectiveSense] = [.minimize, .maximize]
var spec = "measured"
var header = false
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--time-limit":
        guard let value = arguments.first.flatMap(Double.init) else { fail("--time-limit needs seconds") }
        timeLimit = value
        arguments.removeFirst()
    case "--min": senses = [.minimize]
    case "--max": senses = [.maximize]
    case "--settings":
        guard let value = arguments.first else { fail("--settings needs a value") }
        spec = value
        arguments.removeFirst()
    case "--header": header = true
    default: files.append(URL(fileURLWithPath: argument))
    }
}
let solver = GLPKSolver(mipSettings: parseSettings(spec))
if header {
    print("| instance | sense | settings | status | objective | published | bound | gap % | time s |")
    print("|---|---|---|---|---:|---:|---:|---:|---:|")
}
for file in files {
    let instance: GeneralizedAssignmentInstance
    do { instance = try GeneralizedAssignmentInstance(contentsOf: file) } catch { fail("\(error)") }
    let published = publishedOptima(near: file)
    for sense in senses {
        let model = instance.model(sense)
        let key = "\(instance.name)_\(sense == .minimize ? "Min" : "Max")"
        do {
            let solution = try solver.solve(model, options: SolverOptions(timeLimit: timeLimit))
            let known = published[key].map { $0.lower == $0.upper ? format($0.lower) : "\(format($0.lower))–\(format($0.upper))" } ?? "?"
            let gap = solution.relativeGap.map { String(format: "%.2f", $0 * 100) } ?? "–"
            print("| \(instance.name) | \(sense == .minimize ? "min" : "max") | \(spec) | \(solution.status.rawValue) | \(format(solution.objectiveValue)) | \(known) | \(format(solution.bestBound)) | \(gap) | \(String(format: "%.2f", solution.solveSeconds)) |")
        } catch {
            print("| \(instance.name) | \(sense == .minimize ? "min" : "max") | \(spec) | error: \(error) | | | | | |")
        }
    }
}
