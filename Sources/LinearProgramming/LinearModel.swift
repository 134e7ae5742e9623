/// A variable of a `LinearModel`, identified by its position.
public struct Variable: Hashable, Comparable, Sendable {
    /// Zero-based position of the variable in its model.
    public let index: Int
    public init(index: Int) { self.index = index }
    public static func < (a: Variable, b: Variable) -> Bool { a.index < b.index }
}

/// A constraint (row) of a `LinearModel`, identified by its position.
public struct Constraint: Hashable, Comparable, Sendable {
    /// Zero-based position of the constraint in its model.
    public let index: Int
    public init(index: Int) { self.index = index }
    public static func < (a: Constraint, b: Constraint) -> Bool { a.index < b.index }
}

/// Whether a variable may take fractional values.
public enum VariableKind: String, Sendable {
    case continuous, integer, binary
}

/// Direction of optimisation.
public enum ObjectiveSense: String, Sendable {
    case minimize, maximize
}

/// Relation between a row's expression and its right-hand side.
public enum Relation: String, Sendable {
    case lessOrEqual = "<=", greaterOrEqual = ">=", equal = "="
}

/// A sparse linear expression `Σ coefficient · variable + constant`.
///
/// Terms are kept in insertion order; repeated variables are summed when the row is added to a model.
public struct LinearExpression: Sendable {
    /// The (variable, coefficient) terms, possibly with repeats.
    public var terms: [(variable: Variable, coefficient: Double)] = []
    /// The constant part.
    public var constant: Double = 0

    public init(constant: Double = 0) { self.constant = constant }

    /// Adds `coefficient · variable`.
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        if coefficient != 0 { terms.append((variable, coefficient)) }
    }

    /// Adds `1 · variable`.
    public static func += (expression: inout LinearExpression, variable: Variable) {
        expression.add(1, variable)
    }

    /// Adds a `(coefficient, variable)` term.
    public static func += (expression: inout LinearExpression, term: (Double, Variable)) {
        expression.add(term.0, term.1)
    }

    /// Adds a constant.
    public static func += (expression: inout LinearExpression, constant: Double) {
        expression.constant += constant
    }

    /// Whether the expression has no variable terms.
    public var isEmpty: Bool { terms.isEmpty }
}

/// Description of one column: name, bounds and kind.
public struct VariableInfo: Sendable {
    public var name: String
    public var lowerBound: Double
    public var upperBound: Double
    public var kind: VariableKind
}

/// Description of one row: name, sparse coefficients (sorted, merged) and bounds.
public struct ConstraintInfo: Sendable {
    public var name: String
    /// Column indices, strictly increasing.
    public var columns: [Int32]
    /// Coefficients, parallel to `columns`, none zero.
    public var coefficients: [Double]
    public var relation: Relation
    public var rightHandSide: Double
}

/// A mixed-integer linear program built in memory, independent of any solver.
///
/// Names should say what a variable or row means in the domain (`beds[house,week]`); exported files
/// use them. A large model may be built with empty names, which cost nothing, and named with
/// `setNames(columns:rows:)` only when it is written to a file (an empty name is written as `c12` or
/// `r7`). Rows are stored sparse and merged on insertion.
public struct LinearModel: Sendable {
    /// Name of the model, used in exported files.
    public var name: String
    /// Columns in insertion order.
    public private(set) var variables: [VariableInfo] = []
    /// Rows in insertion order.
    public private(set) var constraints: [ConstraintInfo] = []
    /// Objective sense.
    public private(set) var sense: ObjectiveSense = .minimize
    /// Objective coefficient per column (dense: most columns carry a cost).
    public private(set) var objectiveCoefficients: [Double] = []
    /// Objective constant.
    public private(set) var objectiveConstant: Double = 0

    /// Creates an empty model.
    public init(name: String) { self.name = name }

    /// Number of columns.
    public var variableCount: Int { variables.count }
    /// Number of rows.
    public var constraintCount: Int { constraints.count }
    /// Number of non-zero coefficients in the constraint matrix.
    public var nonzeroCount: Int { constraints.reduce(0) { $0 + $1.columns.count } }
    /// Whether any column is integer or binary.
    public var hasIntegerVariables: Bool { variables.contains { $0.kind != .continuous } }

    /// Adds a column and returns it. Binary columns get bounds [0, 1].
    @discardableResult
    public mutating func addVariable(
        _ name: String, lowerBound: Double = 0, upperBound: Double = .infinity, kind: VariableKind = .continuous
    ) -> Variable {
        let bounds = kind == .binary ? (max(0, lowerBound), min(1, upperBound)) : (lowerBound, upperBound)
        variables.append(VariableInfo(name: name, lowerBound: bounds.0, upperBound: bounds.1, kind: kind))
        objectiveCoefficients.append(0)
        return Variable(index: variables.count - 1)
    }

    /// Names columns and rows after they were added: `column(j)` and `row(i)` give the new name, or
    /// nil to keep the current one.
    public mutating func setNames(columns column: (Int) -> String?, rows row: (Int) -> String? = { _ in nil }) {
        for j in variables.indices { if let name = column(j) { variables[j].name = name } }
        for i in constraints.indices { if let name = row(i) { constraints[i].name = name } }
    }

    /// Adds the row `expression relation rightHandSide`; the expression's constant moves to the right.
    @discardableResult
    public mutating func addConstraint(
        _ name: String, _ expression: LinearExpression, _ relation: Relation, _ rightHandSide: Double
    ) -> Constraint {
        let (columns, coefficients) = Self.mergedTerms(expression.terms, variableCount: variables.count, row: name)
        constraints.append(
            ConstraintInfo(
                name: name, columns: columns, coefficients: coefficients, relation: relation,
                rightHandSide: rightHandSide - expression.constant))
        return Constraint(index: constraints.count - 1)
    }

    /// A row's terms as ascending columns with their coefficients, repeats summed in the order they
    /// were added and zeros dropped. Rows built column by column are ascending already and are only
    /// copied; others are sorted (no dictionary per row: building large models is dominated by this).
    private static func mergedTerms(
        _ terms: [(variable: Variable, coefficient: Double)], variableCount: Int, row name: String
    ) -> ([Int32], [Double]) {
        var ascending = true
        var previous = -1
        for term in terms {
            precondition(term.variable.index < variableCount, "unknown variable in row \(name)")
            if term.variable.index <= previous { ascending = false }
            previous = term.variable.index
        }
        var columns: [Int32] = []
        var coefficients: [Double] = []
        columns.reserveCapacity(terms.count)
        coefficients.reserveCapacity(terms.count)
        if ascending {
            for term in terms where term.coefficient != 0 {
                columns.append(Int32(term.variable.index))
                coefficients.append(term.coefficient)
            }
            return (columns, coefficients)
        }
        // Positions sorted by column, then by position: repeats are summed in insertion order.
        let order = terms.indices.sorted { (terms[$0].variable.index, $0) < (terms[$1].variable.index, $1) }
        var position = 0
        while position < order.count {
            let column = terms[order[position]].variable.index
            var sum = 0.0
            while position < order.count, terms[order[position]].variable.index == column {
                sum += terms[order[position]].coefficient
                position += 1
            }
            if sum != 0 {
                columns.append(Int32(column))
                coefficients.append(sum)
            }
        }
        return (columns, coefficients)
    }

    /// Sets the objective `sense expression` (repeated variables are summed).
    public mutating func setObjective(_ sense: ObjectiveSense, _ expression: LinearExpression) {
        self.sense = sense
        objectiveCoefficients = Array(repeating: 0, count: variables.count)
        for term in expression.terms { objectiveCoefficients[term.variable.index] += term.coefficient }
        objectiveConstant = expression.constant
    }

    /// Changes the bounds of a column (e.g. to fix integer decisions before a sensitivity solve).
    public mutating func setBounds(_ variable: Variable, lower: Double, upper: Double) {
        variables[variable.index].lowerBound = lower
        variables[variable.index].upperBound = upper
    }

    /// Changes the right-hand side of a row (e.g. to measure a dual by finite differences).
    public mutating func setRightHandSide(_ constraint: Constraint, _ value: Double) {
        constraints[constraint.index].rightHandSide = value
    }

    /// Changes the kind of a column.
    public mutating func setKind(_ variable: Variable, _ kind: VariableKind) {
        variables[variable.index].kind = kind
    }

    /// Value of the objective for a vector of column values.
    public func objectiveValue(of values: [Double]) -> Double {
        var total = objectiveConstant
        for (index, coefficient) in objectiveCoefficients.enumerated() where coefficient != 0 {
            total += coefficient * values[index]
        }
        return total
    }

    /// Activity (left-hand side) of a row for a vector of column values.
    public func activity(of constraint: Constraint, values: [Double]) -> Double {
        let row = constraints[constraint.index]
        var total = 0.0
        for (column, coefficient) in zip(row.columns, row.coefficients) { total += coefficient * values[Int(column)] }
        return total
    }
}

extension LinearModel {
    /// Whether `values` (one per column) satisfy every bound, integrality requirement and row to within
    /// `tolerance`: how a backend checks a start solution before offering it to its solver.
    public func isFeasible(_ values: [Double], tolerance: Double = 1e-6) -> Bool {
        guard values.count == variableCount else { return false }
        for (value, column) in zip(values, variables) {
            guard value >= column.lowerBound - tolerance, value <= column.upperBound + tolerance else { return false }
            if column.kind != .continuous, abs(value - value.rounded()) > tolerance { return false }
        }
        for (index, row) in constraints.enumerated() {
            let activity = activity(of: Constraint(index: index), values: values)
            switch row.relation {
            case .lessOrEqual: if activity > row.rightHandSide + tolerance { return false }
            case .greaterOrEqual: if activity < row.rightHandSide - tolerance { return false }
            case .equal: if abs(activity - row.rightHandSide) > tolerance { return false }
            }
        }
        return true
    }
}

extension LinearModel {
    /// The LP left when every integer and binary column is fixed at its rounded value in `values`:
    /// the "fixed-integer LP" whose duals a backend reports for a MIP solution.
    public func fixingIntegerColumns(at values: [Double]) -> LinearModel {
        var fixed = self
        for (index, column) in variables.enumerated() where column.kind != .continuous {
            let value = values[index].rounded()
            fixed.setBounds(Variable(index: index), lower: value, upper: value)
            fixed.setKind(Variable(index: index), .continuous)
        }
        return fixed
    }
}
