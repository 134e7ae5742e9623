/// Writes a model as free MPS, the dialect `glpsol --freemps` and HiGHS read.
///
/// Integer columns sit between `MARKER` lines and always carry explicit bounds (readers differ on
/// the default upper bound of an integer column). Free MPS as GLPK reads it has no objective-sense
/// section, so readers assume minimisation: a maximisation file says so in a comment, and
/// `glpsol --freemps FILE --max` solves it. Prefer CPLEX LP for maximisation.
enum FreeMPSWriter {
    static func text(of original: LinearModel) -> String {
        let content = ModelFileContent(original)
        let model = content.model
        let names = content.names
        let objective = ModelFileNames.objective
        var out = ""
        out.reserveCapacity(64 * (model.nonzeroCount + model.variableCount + model.constraintCount) + 256)
        out += "* Problem: \(ModelFileNames.sanitized(model.name, fallback: "model"))\n"
        if model.sense == .maximize {
            out += "* Objective sense: MAXIMIZE (not expressible in this MPS dialect; glpsol: --max)\n"
        }
        out += "NAME \(ModelFileNames.sanitized(model.name, fallback: "model"))\nROWS\n N \(objective)\n"
        for (index, row) in model.constraints.enumerated() {
            let type: String
            switch row.relation {
            case .lessOrEqual: type = "L"
            case .greaterOrEqual: type = "G"
            case .equal: type = "E"
            }
            out += " \(type) \(names.rows[index])\n"
        }

        // MPS lists the matrix by column: transpose the rows once.
        var starts = [Int](repeating: 0, count: model.variableCount + 1)
        for row in model.constraints { for column in row.columns { starts[Int(column) + 1] += 1 } }
        for column in 0..<model.variableCount { starts[column + 1] += starts[column] }
        var next = starts
        var entryRows = [Int](repeating: 0, count: model.nonzeroCount)
        var entryValues = [Double](repeating: 0, count: model.nonzeroCount)
        for (rowIndex, row) in model.constraints.enumerated() {
            for (column, coefficient) in zip(row.columns, row.coefficients) {
                let slot = next[Int(column)]
                entryRows[slot] = rowIndex
                entryValues[slot] = coefficient
                next[Int(column)] += 1
            }
        }

        out += "COLUMNS\n"
        var inIntegerBlock = false
        var markers = 0
        for (index, column) in model.variables.enumerated() {
            let isInteger = column.kind != .continuous
            if isInteger != inIntegerBlock {
                markers += 1
                out += " M\(markers) 'MARKER' '\(isInteger ? "INTORG" : "INTEND")'\n"
                inIntegerBlock = isInteger
            }
            let name = names.columns[index]
            let cost = model.objectiveCoefficients[index]
            let hasEntries = starts[index] < starts[index + 1]
            if cost != 0 || !hasEntries { out += " \(name) \(objective) \(ModelFileContent.number(cost))\n" }
            for slot in starts[index]..<starts[index + 1] {
                out += " \(name) \(names.rows[entryRows[slot]]) \(ModelFileContent.number(entryValues[slot]))\n"
            }
        }
        if inIntegerBlock { out += " M\(markers + 1) 'MARKER' 'INTEND'\n" }

        out += "RHS\n"
        for (index, row) in model.constraints.enumerated() where row.rightHandSide != 0 {
            out += " RHS \(names.rows[index]) \(ModelFileContent.number(row.rightHandSide))\n"
        }

        out += "BOUNDS\n"
        for (index, column) in model.variables.enumerated() {
            let name = names.columns[index]
            let (lower, upper) = (column.lowerBound, column.upperBound)
            let isInteger = column.kind != .continuous
            switch (lower.isFinite, upper.isFinite) {
            case (true, true) where lower == upper:
                out += " FX BND \(name) \(ModelFileContent.number(lower))\n"
            case (false, false):
                out += " FR BND \(name)\n"
            case (false, true):
                out += " MI BND \(name)\n UP BND \(name) \(ModelFileContent.number(upper))\n"
            case (true, false):
                if lower != 0 || isInteger { out += " LO BND \(name) \(ModelFileContent.number(lower))\n" }
                if isInteger { out += " PL BND \(name)\n" }
            case (true, true):
                out += " LO BND \(name) \(ModelFileContent.number(lower))\n"
                out += " UP BND \(name) \(ModelFileContent.number(upper))\n"
            }
        }
        out += "ENDATA\n"
        return out
    }
}
