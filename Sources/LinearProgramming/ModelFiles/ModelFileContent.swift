/// What a model file holds for a model: the model as solvers see it, with file names.
///
/// - A nonzero objective constant becomes an extra column `objective_constant` fixed at 1 whose
///   objective coefficient is the constant: CPLEX LP has no constant term every reader accepts, and
///   MPS readers disagree on the sign of a right-hand side on the objective row, so this is the one
///   form every solver reads back to the same objective value.
/// - Integer bounds are rounded inwards, as the backends solve them.
struct ModelFileContent {
    /// The model to write (constant column added, integer bounds rounded).
    let model: LinearModel
    /// File names of its rows and columns.
    let names: ModelFileNames
    /// Whether each column appears in some row (a column in none must still be declared).
    let appearsInRows: [Bool]

    init(_ original: LinearModel) {
        var model = original
        if original.objectiveConstant != 0 {
            let constant = model.addVariable("objective_constant", lowerBound: 1, upperBound: 1)
            var objective = LinearExpression()
            objective.terms.reserveCapacity(original.variableCount + 1)
            for (index, coefficient) in original.objectiveCoefficients.enumerated() where coefficient != 0 {
                objective.add(coefficient, Variable(index: index))
            }
            objective.add(original.objectiveConstant, constant)
            model.setObjective(original.sense, objective)
        }
        for (index, column) in original.variables.enumerated() where column.kind != .continuous {
            let bounds = column.integralBounds
            model.setBounds(Variable(index: index), lower: bounds.lower, upper: bounds.upper)
        }
        var appears = [Bool](repeating: false, count: model.variableCount)
        for row in model.constraints { for column in row.columns { appears[Int(column)] = true } }
        self.model = model
        self.names = ModelFileNames(model)
        self.appearsInRows = appears
    }

    /// A coefficient, bound or right-hand side as text every reader parses exactly: integers without
    /// a decimal point, anything else in Swift's shortest round-trip form (`0.1`, `1e-07`).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

extension VariableInfo {
    /// The bounds rounded inwards to integers (for integer and binary columns; a tolerance of 1e-9
    /// keeps `2.9999999999` at 3).
    package var integralBounds: (lower: Double, upper: Double) {
        (
            lowerBound.isFinite ? (lowerBound - 1e-9).rounded(.up) : lowerBound,
            upperBound.isFinite ? (upperBound + 1e-9).rounded(.down) : upperBound
        )
    }
}
