/// Writes a model as CPLEX LP, the dialect `glpsol --lp`, HiGHS, CBC and CPLEX read.
///
/// Lines are broken before they grow past about 200 characters (CPLEX refuses lines over 510).
/// Columns that appear in no row are listed in the objective with coefficient 0 so that every reader
/// declares them; integer and binary columns are `General`, with their bounds in `Bounds`.
enum CPLEXLPWriter {
    static func text(of original: LinearModel) -> String {
        let content = ModelFileContent(original)
        let model = content.model
        let names = content.names
        var out = ""
        out.reserveCapacity(24 * (model.nonzeroCount + model.variableCount) + 64 * model.constraintCount + 256)
        out += "\\* Problem: \(ModelFileNames.sanitized(model.name, fallback: "model")) *\\\n\n"
        out += model.sense == .maximize ? "Maximize\n" : "Minimize\n"

        var objectiveTerms: [(Double, Int)] = []
        for index in 0..<model.variableCount
        where model.objectiveCoefficients[index] != 0 || !content.appearsInRows[index] {
            objectiveTerms.append((model.objectiveCoefficients[index], index))
        }
        appendExpression(label: ModelFileNames.objective, terms: objectiveTerms, names: names, to: &out)
        out += "\n"

        out += "Subject To\n"
        for (index, row) in model.constraints.enumerated() {
            var terms = zip(row.coefficients, row.columns.lazy.map { Int($0) }).map { ($0, $1) }
            // An empty row still needs one term to be a row at all.
            if terms.isEmpty, model.variableCount > 0 { terms = [(0, 0)] }
            appendExpression(label: names.rows[index], terms: terms, names: names, to: &out)
            let relation: String
            switch row.relation {
            case .lessOrEqual: relation = "<="
            case .greaterOrEqual: relation = ">="
            case .equal: relation = "="
            }
            out += " \(relation) \(ModelFileContent.number(row.rightHandSide))\n"
        }

        out += "\nBounds\n"
        for (index, column) in model.variables.enumerated() {
            let name = names.columns[index]
            let (lower, upper) = (column.lowerBound, column.upperBound)
            switch (lower.isFinite, upper.isFinite) {
            case (true, true) where lower == upper:
                out += " \(name) = \(ModelFileContent.number(lower))\n"
            case (false, false):
                out += " \(name) free\n"
            case (false, true):
                out += " -inf <= \(name) <= \(ModelFileContent.number(upper))\n"
            case (true, false):
                if lower != 0 { out += " \(name) >= \(ModelFileContent.number(lower))\n" }
            case (true, true):
                out += " \(ModelFileContent.number(lower)) <= \(name) <= \(ModelFileContent.number(upper))\n"
            }
        }

        let integers = model.variables.indices.filter { model.variables[$0].kind != .continuous }
        if !integers.isEmpty {
            out += "\nGeneral\n"
            var line = ""
            for index in integers {
                line += " " + names.columns[index]
                if line.utf8.count > 200 {
                    out += line + "\n"
                    line = ""
                }
            }
            if !line.isEmpty { out += line + "\n" }
        }
        out += "\nEnd\n"
        return out
    }

    /// ` label: + 3 x - 2 y …`, broken into lines of about 200 characters; no newline at the end.
    private static func appendExpression(
        label: String, terms: [(Double, Int)], names: ModelFileNames, to out: inout String
    ) {
        var line = " \(label):"
        for (coefficient, column) in terms {
            let sign = coefficient < 0 ? "-" : "+"
            let term = " \(sign) \(ModelFileContent.number(abs(coefficient))) \(names.columns[column])"
            if line.utf8.count + term.utf8.count > 200 {
                out += line + "\n"
                line = ""
            }
            line += term
        }
        out += line
    }
}
