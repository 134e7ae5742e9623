extension LinearModel {
    /// The model as text in `format`, written by this library (no solver involved). Row and column
    /// names follow `ModelFileNames`'s rule; a nonzero objective constant becomes a column
    /// `objective_constant` fixed at 1 (see docs/SOLVER.md, "Model files").
    public func fileText(_ format: ModelFileFormat) -> String {
        switch format {
        case .mps: return FreeMPSWriter.text(of: self)
        case .lp: return CPLEXLPWriter.text(of: self)
        }
    }
}

extension LinearSolver {
    /// The model as text in `format`: every backend exports through the model's own writer.
    public func export(_ model: LinearModel, format: ModelFileFormat) throws -> String {
        model.fileText(format)
    }
}
