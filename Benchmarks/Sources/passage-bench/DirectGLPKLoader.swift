import BenchGLPK

/// Loads a `RandomMatrix` straight through GLPK's C API, without Passage's model layer: the
/// baseline of `passage-bench load-compare`.
enum DirectGLPKLoader {
    /// GLPK's version string (`glp_version`).
    static var version: String { String(cString: glp_version()) }

    /// Creates a GLPK problem with the matrix's rows, columns, bounds, names (if `named`) and
    /// objective, loads the triplets with `glp_load_matrix`, and deletes the problem.
    static func load(_ matrix: RandomMatrix, named: Bool) {
        let nonzeros = matrix.nonzeroCount
        let ia = UnsafeMutablePointer<Int32>.allocate(capacity: nonzeros + 1)
        let ja = UnsafeMutablePointer<Int32>.allocate(capacity: nonzeros + 1)
        let ar = UnsafeMutablePointer<Double>.allocate(capacity: nonzeros + 1)
        defer { ia.deallocate(); ja.deallocate(); ar.deallocate() }
        let problem = glp_create_prob()
        glp_set_prob_name(problem, "load")
        glp_set_obj_dir(problem, GLP_MAX)
        glp_add_rows(problem, Int32(matrix.rows))
        glp_add_cols(problem, Int32(matrix.columns))
        var k = 1
        for i in 0..<matrix.rows {
            let row = Int32(i + 1)
            if named { glp_set_row_name(problem, row, "row(\(i))") }
            glp_set_row_bnds(problem, row, GLP_UP, 0, 100)
            for (column, coefficient) in zip(matrix.rowColumns[i], matrix.rowCoefficients[i]) {
                ia[k] = row
                ja[k] = column + 1
                ar[k] = coefficient
                k += 1
            }
        }
        for j in 0..<matrix.columns {
            let column = Int32(j + 1)
            if named { glp_set_col_name(problem, column, "x(\(j))") }
            glp_set_col_bnds(problem, column, GLP_DB, 0, 10)
            glp_set_obj_coef(problem, column, 1)
        }
        glp_load_matrix(problem, Int32(nonzeros), ia, ja, ar)
        glp_delete_prob(problem)
    }
}
