import CGLPK
import GLPKGuard
import LinearProgramming

/// One GLPK problem object, alive for one solve on one thread.
///
/// Every GLPK call goes through a guarded C function of `GLPKGuard`. When one reports that GLPK's
/// error hook fired, GLPK has freed every object of this thread (this problem included): the pointer
/// is dropped and a `SolverError` quoting GLPK's message is thrown.
final class GLPKProblem {
    private var pointer: OpaquePointer?
    private let terminal: GLPKTerminal
    /// The GLPK message level for solver calls: progress when someone listens, else errors only.
    let messageLevel: Int32

    /// Loads `model` into a new GLPK problem. With `relaxIntegrality` every column is continuous.
    init(_ model: LinearModel, relaxIntegrality: Bool, terminal: GLPKTerminal, verbose: Bool) throws {
        self.terminal = terminal
        self.messageLevel = verbose ? GLP_MSG_ON : GLP_MSG_ERR
        let rowCount = model.constraintCount
        let columnCount = model.variableCount
        let integral = !relaxIntegrality && model.hasIntegerVariables

        // Plain C arrays for the guarded loader, freed when this initialiser returns.
        let rowTypes = CBuffer<Int32>(rowCount), rowLower = CBuffer<Double>(rowCount)
        let rowUpper = CBuffer<Double>(rowCount)
        let columnTypes = CBuffer<Int32>(columnCount), columnLower = CBuffer<Double>(columnCount)
        let columnUpper = CBuffer<Double>(columnCount), columnKinds = CBuffer<Int32>(columnCount)
        let nonzeroCount = model.nonzeroCount
        let ia = CBuffer<Int32>(nonzeroCount + 1), ja = CBuffer<Int32>(nonzeroCount + 1)
        let ar = CBuffer<Double>(nonzeroCount + 1)

        // Row bounds from relations.
        for (index, row) in model.constraints.enumerated() {
            switch row.relation {
            case .lessOrEqual:
                rowTypes[index] = GLP_UP; rowLower[index] = 0; rowUpper[index] = row.rightHandSide
            case .greaterOrEqual:
                rowTypes[index] = GLP_LO; rowLower[index] = row.rightHandSide; rowUpper[index] = 0
            case .equal:
                rowTypes[index] = GLP_FX; rowLower[index] = row.rightHandSide; rowUpper[index] = row.rightHandSide
            }
        }

        // Column bounds and kinds. Integer bounds are rounded inwards: GLPK's branch-and-cut rejects
        // fractional bounds on integer columns (GLP_EBOUND).
        for (index, column) in model.variables.enumerated() {
            var lower = column.lowerBound
            var upper = column.upperBound
            columnKinds[index] = GLP_CV
            if integral && column.kind != .continuous {
                columnKinds[index] = GLP_IV
                lower = lower.isFinite ? (lower - 1e-9).rounded(.up) : lower
                upper = upper.isFinite ? (upper + 1e-9).rounded(.down) : upper
            }
            columnLower[index] = lower.isFinite ? lower : 0
            columnUpper[index] = upper.isFinite ? upper : 0
            columnTypes[index] = Self.boundType(lower: lower, upper: upper)
        }

        // The matrix in GLPK's 1-based triplet form: the hot path, written straight into C memory.
        var k = 1
        ia[0] = 0; ja[0] = 0; ar[0] = 0
        for (index, row) in model.constraints.enumerated() {
            let rowNumber = Int32(index + 1)
            row.columns.withUnsafeBufferPointer { columns in
                row.coefficients.withUnsafeBufferPointer { coefficients in
                    for position in 0..<columns.count {
                        ia[k] = rowNumber
                        ja[k] = columns[position] + 1
                        ar[k] = coefficients[position]
                        k += 1
                    }
                }
            }
        }

        var problem: OpaquePointer?
        // The buffers must outlive the C call, not just their last use in Swift.
        let buffers: [AnyObject] = [rowTypes, rowLower, rowUpper, columnTypes, columnLower, columnUpper, columnKinds, ia, ja, ar]
        let code: Int32 = withExtendedLifetime(buffers) {
            model.name.withCString { modelName in
                model.objectiveCoefficients.withUnsafeBufferPointer { objective in
                    var description = passage_glpk_model(
                        name: modelName, maximize: model.sense == .maximize ? 1 : 0,
                        objective_constant: model.objectiveConstant,
                        row_count: Int32(rowCount), column_count: Int32(columnCount),
                        names: nil,  // names matter only in model files, which LinearModel writes itself
                        row_types: rowTypes.base, row_lower: rowLower.base, row_upper: rowUpper.base,
                        column_types: columnTypes.base, column_lower: columnLower.base,
                        column_upper: columnUpper.base, column_kinds: columnKinds.base,
                        objective: objective.baseAddress,
                        nonzero_count: Int32(nonzeroCount), ia: ia.base, ja: ja.base, ar: ar.base)
                    terminal.clearRecent()
                    return withUnsafePointer(to: &description) { passage_glpk_build($0, &problem) }
                }
            }
        }
        if code != PASSAGE_GLPK_OK { throw Self.failure("loading the model", terminal) }
        pointer = problem
    }

    deinit {
        if let pointer { passage_glpk_delete(pointer) }
    }

    /// GLPK's bound type for a column or row with these bounds.
    static func boundType(lower: Double, upper: Double) -> Int32 {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return GLP_FR
        case (true, false): return GLP_LO
        case (false, true): return GLP_UP
        case (true, true): return lower == upper ? GLP_FX : GLP_DB
        }
    }

    private static func failure(_ step: String, _ terminal: GLPKTerminal) -> SolverError {
        let text = terminal.recentText
        return SolverError("GLPK failed while \(step)" + (text.isEmpty ? "" : ": \(text)"))
    }

    /// Runs one guarded C call; on a GLPK error forgets the (already freed) problem and throws.
    func guarded(_ step: String, _ call: (OpaquePointer) -> Int32) throws {
        guard let pointer else { throw SolverError("GLPK problem used after a GLPK error") }
        terminal.clearRecent()
        if call(pointer) != PASSAGE_GLPK_OK {
            self.pointer = nil  // freed by glp_free_env inside the guard
            throw Self.failure(step, terminal)
        }
    }

    /// Outcome of a primal simplex run.
    struct SimplexOutcome {
        var glpkReturn: Int32 = 0
        var status: Int32 = 0
        var primalStatus: Int32 = 0
        var objective: Double = 0
    }

    /// Primal simplex, presolver off, with an optional limit in milliseconds.
    func simplex(timeLimitMilliseconds: Int32?) throws -> SimplexOutcome {
        var outcome = SimplexOutcome()
        try guarded("solving the LP") {
            passage_glpk_simplex(
                $0, timeLimitMilliseconds ?? 0, messageLevel, &outcome.glpkReturn, &outcome.status,
                &outcome.primalStatus, &outcome.objective)
        }
        return outcome
    }

    /// Outcome of a branch-and-cut run.
    struct IntoptOutcome {
        var glpkReturn: Int32 = 0
        var mipStatus: Int32 = 0
        var objective: Double = 0
        var trackedBound: Double?
    }

    /// Branch-and-cut from the optimal LP basis.
    /// Branch-and-cut; `start` (one value per column) is offered to GLPK as a first incumbent.
    func intopt(_ settings: passage_glpk_mip_settings, start: [Double]? = nil) throws -> IntoptOutcome {
        var outcome = IntoptOutcome()
        var bound = 0.0
        var hasBound: Int32 = 0
        var settings = settings
        // GLPK numbers columns from 1.
        let oneBased = start.map { [0] + $0 }
        try guarded("solving the MIP") { problem in
            if let oneBased {
                return oneBased.withUnsafeBufferPointer { values in
                    passage_glpk_intopt(
                        problem, &settings, values.baseAddress, &outcome.glpkReturn, &outcome.mipStatus,
                        &outcome.objective, &bound, &hasBound)
                }
            }
            return passage_glpk_intopt(
                problem, &settings, nil, &outcome.glpkReturn, &outcome.mipStatus, &outcome.objective, &bound,
                &hasBound)
        }
        if hasBound != 0 { outcome.trackedBound = bound }
        return outcome
    }

    /// Fixes the integer columns at their rounded MIP values and re-solves the LP.
    func fixIntegersAndResolve(timeLimitMilliseconds: Int32?) throws -> SimplexOutcome {
        var outcome = SimplexOutcome()
        try guarded("solving the fixed-integer LP") {
            passage_glpk_fix_integers_and_resolve(
                $0, timeLimitMilliseconds ?? 0, messageLevel, &outcome.glpkReturn, &outcome.status,
                &outcome.primalStatus, &outcome.objective)
        }
        return outcome
    }

    /// Column values and row activities of the MIP incumbent or the LP basis, with LP duals if asked.
    func read(mip: Bool, rowCount: Int, columnCount: Int, duals: Bool) throws -> (
        values: [Double], activities: [Double], rowDuals: [Double], reducedCosts: [Double]
    ) {
        var values = [Double](repeating: 0, count: columnCount)
        var activities = [Double](repeating: 0, count: rowCount)
        var rowDuals = [Double](repeating: 0, count: duals ? rowCount : 0)
        var reducedCosts = [Double](repeating: 0, count: duals ? columnCount : 0)
        try guarded("reading the solution") { problem in
            rowDuals.withUnsafeMutableBufferPointer { rowDuals in
                reducedCosts.withUnsafeMutableBufferPointer { reducedCosts in
                    passage_glpk_read(
                        problem, mip ? 1 : 0, &values, &activities,
                        duals ? rowDuals.baseAddress : nil, duals ? reducedCosts.baseAddress : nil)
                }
            }
        }
        return (values, activities, rowDuals, reducedCosts)
    }

    /// The range of each row's right-hand side over which the current optimal basis (and so every
    /// dual) stays optimal, from GLPK's sensitivity analysis; nil when GLPK has no optimal basis to
    /// analyse.
    func rightHandSideRanges(rowCount: Int) throws -> [ClosedRange<Double>]? {
        var lower = [Double](repeating: 0, count: rowCount)
        var upper = [Double](repeating: 0, count: rowCount)
        var available: Int32 = 0
        try guarded("analysing the right-hand sides") { passage_glpk_rhs_ranges($0, &lower, &upper, &available) }
        guard available != 0 else { return nil }
        // GLPK's own limits never cross; `min` keeps a rounding artefact from trapping ClosedRange.
        return zip(lower, upper).map { min($0, $1)...$1 }
    }
}

/// A C array owned by Swift for the duration of one call into the guard (no bounds checks in release
/// builds: the loader fills hundreds of thousands of entries).
private final class CBuffer<Element> {
    let base: UnsafeMutablePointer<Element>
    init(_ count: Int) {
        base = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
    }

    deinit { base.deallocate() }

    subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }
}
