import LinearProgramming

/// Reads GLPK's own progress lines as `SolverProgress`: costs nothing extra, GLPK prints them anyway.
enum GLPKProgressLine {
    /// Branch-and-cut for a MIP line (`+ 1706: mip = 1.579e+04 >= 1.574e+04 0.3% (51; 1)`, or with
    /// `>>>>>` when a better solution was just found, or `not found yet`), the LP relaxation for a
    /// simplex line (`*   452: obj = 9.349e+03 inf = …`), nil for anything else.
    static func parse(_ line: String, elapsedSeconds: Double) -> SolverProgress? {
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("+"), let range = trimmed.range(of: ">=") {
            let before = trimmed[..<range.lowerBound].split(separator: " ").last.flatMap { Double($0) }
            let after = trimmed[range.upperBound...].split(separator: " ").first.flatMap { Double($0) }
            return SolverProgress(
                phase: .branchAndCut, elapsedSeconds: elapsedSeconds, incumbent: before,
                bound: after.flatMap { $0.isFinite ? $0 : nil })
        }
        if trimmed.contains("obj =") && (trimmed.hasPrefix("*") || trimmed.first?.isNumber == true) {
            return SolverProgress(phase: .linearRelaxation, elapsedSeconds: elapsedSeconds)
        }
        return nil
    }
}
