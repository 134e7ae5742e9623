import GLPKBackend
import Foundation
import LinearProgramming
import PassageSynthetic

/// `passage-bench load-compare [--rows R] [--columns C] [--per-row K] [--runs N] [--without-names] [--json OUT]`:
/// the issue's "Swift model-building layer within 1.5× of filling GLPK's arrays directly".
///
/// One random sparse matrix (the same seed and shape as `passage-bench load`) is generated once, as
/// plain rows of (column, coefficient); then, timed separately and best of `runs`:
/// - Swift layer: building a `LinearModel` (named columns and rows, bounds, objective) and loading it
///   into GLPK through `GLPKSolver` (a solve with a zero time limit stops right after loading);
/// - direct: the same matrix, bounds, objective and names written straight into GLPK's C API
///   (`glp_add_rows`/`cols`, `glp_set_*`, `glp_load_matrix`), as a C program would.
/// Both include creating and deleting GLPK's problem object. With `--without-names` neither side
/// names columns or rows, as the planner builds its models (names are made only for a model file).
enum LoadComparison {
    /// The measured comparison.
    struct Record: Codable {
        var rows: Int
        var columns: Int
        var nonzeros: Int
        var runs: Int
        var named: Bool?
        var swiftBuildSeconds: Double
        var swiftLoadSeconds: Double
        var swiftSeconds: Double
        var directSeconds: Double
        /// swiftSeconds / directSeconds.
        var ratio: Double
        var glpkVersion: String
    }

    static func run(_ arguments: [String]) {
        var rows = 50_000, columns = 100_000, perRow = 20, runs = 3
        var jsonPath: String?
        var named = true
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "--without-names" {
                named = false
                continue
            }
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            switch flag {
            case "--rows": rows = Int(value) ?? rows
            case "--columns": columns = Int(value) ?? columns
            case "--per-row": perRow = Int(value) ?? perRow
            case "--runs": runs = max(1, Int(value) ?? runs)
            case "--json": jsonPath = value
            default: fail("unknown option \(flag)")
            }
        }
        let matrix = RandomMatrix(rows: rows, columns: columns, perRow: perRow)
        var best = (build: Double.infinity, load: Double.infinity, direct: Double.infinity)
        for _ in 1...runs {
            let (model, build) = timed { matrix.linearModel(named: named) }
            let load: Double
            do {
                load = try timed { try GLPKSolver().solve(model, options: SolverOptions(timeLimit: 0)) }.seconds
            } catch { fail("loading through GLPKSolver: \(error)") }
            if build + load < best.build + best.load { (best.build, best.load) = (build, load) }
            best.direct = min(best.direct, timed { DirectGLPKLoader.load(matrix, named: named) }.seconds)
        }
        let record = Record(
            rows: rows, columns: columns, nonzeros: matrix.nonzeroCount, runs: runs, named: named, swiftBuildSeconds: best.build,
            swiftLoadSeconds: best.load, swiftSeconds: best.build + best.load, directSeconds: best.direct,
            ratio: (best.build + best.load) / best.direct, glpkVersion: DirectGLPKLoader.version)
        let perNonzero = { (seconds: Double) in String(format: "%.2f", seconds / Double(matrix.nonzeroCount) * 1e6) }
        print(
            "\(rows) rows, \(columns) columns, \(matrix.nonzeroCount) non-zeros, \(named ? "named" : "without names"), best of \(runs): Swift layer \(format(record.swiftSeconds)) s (\(perNonzero(record.swiftSeconds)) µs/nz), direct \(format(record.directSeconds)) s (\(perNonzero(record.directSeconds)) µs/nz), ratio \(String(format: "%.2f", record.ratio))"
        )
        if let jsonPath {
            do { try writeJSON(record, to: jsonPath) } catch { fail("writing \(jsonPath): \(error)") }
        }
    }
}

/// A random sparse LP's data in plain arrays: each row's distinct columns (ascending) and coefficients.
struct RandomMatrix {
    let rows: Int
    let columns: Int
    let rowColumns: [[Int32]]
    let rowCoefficients: [[Double]]
    var nonzeroCount: Int { rowColumns.reduce(0) { $0 + $1.count } }

    /// The matrix of `passage-bench load` (seed 42, coefficients 1…9, right-hand sides 100, column
    /// bounds [0, 10], maximise the sum), with repeated columns of a row merged.
    init(rows: Int, columns: Int, perRow: Int) {
        var generator = SeededRandom(seed: 42)
        var allColumns: [[Int32]] = [], allCoefficients: [[Double]] = []
        for _ in 0..<rows {
            var merged: [Int32: Double] = [:]
            for _ in 0..<perRow {
                let coefficient = Double(generator.next() % 9 + 1)
                merged[Int32(generator.next() % UInt64(columns)), default: 0] += coefficient
            }
            let sorted = merged.sorted { $0.key < $1.key }
            allColumns.append(sorted.map(\.key))
            allCoefficients.append(sorted.map(\.value))
        }
        self.rows = rows
        self.columns = columns
        rowColumns = allColumns
        rowCoefficients = allCoefficients
    }

    /// The matrix built through Passage's Swift layer, with or without names.
    func linearModel(named: Bool) -> LinearModel {
        var model = LinearModel(name: "load")
        for j in 0..<columns { model.addVariable(named ? "x[\(j)]" : "", upperBound: 10) }
        for i in 0..<rows {
            var row = LinearExpression()
            for (column, coefficient) in zip(rowColumns[i], rowCoefficients[i]) {
                row.add(coefficient, Variable(index: Int(column)))
            }
            model.addConstraint(named ? "row[\(i)]" : "", row, .lessOrEqual, 100)
        }
        var objective = LinearExpression()
        for j in 0..<columns { objective.add(1, Variable(index: j)) }
        model.setObjective(.maximize, objective)
        return model
    }
}
