import Foundation

/// A generalized assignment problem (GAP) instance in OR-Library format, for testing and tuning
/// solvers on an assignment MIP with published optima.
///
/// Format (whitespace-separated integers): `m n`, then the m×n profit/cost matrix `c`, then the m×n
/// resource matrix `a`, then the m capacities `b`. The model: binary `x(i,j)` for agent i and job j,
/// every job assigned to exactly one agent, `Σ_j a[i][j]·x(i,j) ≤ b[i]` for every agent, and minimise
/// or maximise `Σ c[i][j]·x(i,j)`.
public struct GeneralizedAssignmentInstance: Sendable, Equatable {
    /// Instance name (e.g. the file name without extension).
    public var name: String
    /// Number of agents, m.
    public var agentCount: Int
    /// Number of jobs, n.
    public var jobCount: Int
    /// `costs[i][j]`: profit or cost of giving job j to agent i.
    public var costs: [[Int]]
    /// `resources[i][j]`: capacity of agent i used by job j.
    public var resources: [[Int]]
    /// `capacities[i]`: capacity of agent i.
    public var capacities: [Int]

    /// Parses OR-Library GAP text. Throws `SolverError` when the text is malformed.
    public init(name: String, text: String) throws {
        let numbers = try text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            .map { token -> Int in
                guard let value = Int(token) else { throw SolverError.invalidInput("GAP \(name): not an integer: \(token)") }
                return value
            }
        guard numbers.count >= 2, numbers[0] > 0, numbers[1] > 0 else {
            throw SolverError.invalidInput("GAP \(name): missing or invalid dimensions")
        }
        let m = numbers[0]
        let n = numbers[1]
        guard numbers.count == 2 + 2 * m * n + m else {
            throw SolverError.invalidInput("GAP \(name): expected \(2 + 2 * m * n + m) numbers, found \(numbers.count)")
        }
        func matrix(at offset: Int) -> [[Int]] {
            (0..<m).map { i in Array(numbers[(offset + i * n)..<(offset + (i + 1) * n)]) }
        }
        self.name = name
        agentCount = m
        jobCount = n
        costs = matrix(at: 2)
        resources = matrix(at: 2 + m * n)
        capacities = Array(numbers[(2 + 2 * m * n)...])
    }

    /// Reads and parses an OR-Library GAP file; the name is the file name without extension.
    public init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SolverError.invalidInput("cannot read GAP file \(url.path)")
        }
        try self.init(name: url.deletingPathExtension().lastPathComponent, text: String(decoding: data, as: UTF8.self))
    }

    /// The binary program for this instance; column `x(i,j)` has index `i·n + j` (0-based).
    public func model(_ sense: ObjectiveSense) -> LinearModel {
        var model = LinearModel(name: "gap_\(name)_\(sense == .minimize ? "min" : "max")")
        var objective = LinearExpression()
        for i in 0..<agentCount {
            for j in 0..<jobCount {
                let x = model.addVariable("x(\(i + 1).\(j + 1))", kind: .binary)
                objective.add(Double(costs[i][j]), x)
            }
        }
        for j in 0..<jobCount {
            var assigned = LinearExpression()
            for i in 0..<agentCount { assigned += Variable(index: i * jobCount + j) }
            model.addConstraint("job(\(j + 1))", assigned, .equal, 1)
        }
        for i in 0..<agentCount {
            var used = LinearExpression()
            for j in 0..<jobCount { used.add(Double(resources[i][j]), Variable(index: i * jobCount + j)) }
            model.addConstraint("capacity(\(i + 1))", used, .lessOrEqual, Double(capacities[i]))
        }
        model.setObjective(sense, objective)
        return model
    }
}

/// Published optima of the OR-Library GAP instances, as in `bounds.txt`.
public enum GeneralizedAssignmentBounds {
    /// Lines `name_Max|name_Min  lower  upper` → (lower, upper) keyed by `name_Min` / `name_Max`;
    /// lower = upper is the proven optimum. Lines of any other shape are skipped.
    public static func parse(_ text: String) -> [String: (lower: Double, upper: Double)] {
        var result: [String: (lower: Double, upper: Double)] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.count == 3, let lower = Double(fields[1]), let upper = Double(fields[2]) {
                result[String(fields[0])] = (lower, upper)
            }
        }
        return result
    }
}
