/// GLPK backend (placeholder; replaced by the real backend).
public struct GLPKSolver: LinearSolver {
    public init() {}
    public func solve(_ model: LinearModel, options: SolverOptions) throws -> Solution {
        throw SolverError("GLPK backend not built yet")
    }
    public func export(_ model: LinearModel, format: ModelFileFormat) throws -> String {
        throw SolverError("GLPK backend not built yet")
    }
}
