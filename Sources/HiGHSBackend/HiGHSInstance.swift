import LinearProgramming

/// One Highs object, alive for one run on one thread: HiGHS objects are not thread-safe, separate
/// objects on separate threads are. Every call's return status is checked; an error throws a
/// `SolverError` quoting HiGHS's last lines.
final class HiGHSInstance {
    private let library: HiGHSLibrary
    private let pointer: UnsafeMutableRawPointer
    private let output: HiGHSOutput
    private let outputContext: Unmanaged<HiGHSOutput>
    private let rowCount: Int
    private let columnCount: Int

    /// A Highs object holding `model` (integer columns integral unless `relaxed`), its output captured.
    init(
        _ model: LinearModel, relaxed: Bool, library: HiGHSLibrary, log: (@Sendable (String) -> Void)?,
        progress: (@Sendable (SolverProgress) -> Void)?, started: ContinuousClock.Instant
    ) throws {
        guard let pointer = library.create() else { throw SolverError("HiGHS could not create a solver object") }
        self.library = library
        self.pointer = pointer
        self.rowCount = model.constraintCount
        self.columnCount = model.variableCount
        output = HiGHSOutput(library: library, log: log, progress: progress, started: started)
        outputContext = Unmanaged.passRetained(output)
        try check(library.setCallback(pointer, highsCallback, outputContext.toOpaque()), "setting the callback")
        try check(library.startCallback(pointer, HiGHSConstants.callbackLogging), "starting the log callback")
        if progress != nil {
            try check(
                library.startCallback(pointer, HiGHSConstants.callbackMipImprovingSolution), "starting a callback")
            try check(library.startCallback(pointer, HiGHSConstants.callbackMipLogging), "starting a callback")
        }
        // Without a listener HiGHS need not format its log at all; with one, its lines go to the
        // callback only, never to standard output.
        try setOption("output_flag", log != nil || progress != nil)
        try setOption("log_to_console", false)
        // One thread per Highs object: deterministic, and solves on several threads do not compete.
        try setOption("threads", Int32(1))
        try pass(model, relaxed: relaxed)
    }

    deinit {
        library.destroy(pointer)
        outputContext.release()
    }

    /// Throws unless `status` is OK or a warning (HiGHS warns, for instance, when it stops at a limit).
    func check(_ status: Int32, _ step: String) throws {
        guard status == HiGHSConstants.statusOK || status == HiGHSConstants.statusWarning else {
            output.flush()
            let said = output.recentText
            throw SolverError("HiGHS failed while \(step) (status \(status))" + (said.isEmpty ? "" : ": \(said)"))
        }
    }

    func setOption(_ name: String, _ value: Bool) throws {
        try check(library.setBoolOption(pointer, name, value ? 1 : 0), "setting \(name)")
    }

    func setOption(_ name: String, _ value: Int32) throws {
        try check(library.setIntOption(pointer, name, value), "setting \(name)")
    }

    func setOption(_ name: String, _ value: Double) throws {
        try check(library.setDoubleOption(pointer, name, value), "setting \(name)")
    }

    func setOption(_ name: String, _ value: String) throws {
        try check(library.setStringOption(pointer, name, value), "setting \(name)")
    }

    /// Loads the model in one call (`Highs_passMip`), rows in row-wise sparse form. Integer bounds
    /// are rounded inwards, as GLPK needs them too, so both backends solve the same problem.
    private func pass(_ model: LinearModel, relaxed: Bool) throws {
        let integral = !relaxed && model.hasIntegerVariables
        var columnLower = [Double](repeating: 0, count: columnCount)
        var columnUpper = [Double](repeating: 0, count: columnCount)
        var integrality = [Int32](repeating: HiGHSConstants.variableContinuous, count: columnCount)
        for (index, column) in model.variables.enumerated() {
            if integral && column.kind != .continuous {
                (columnLower[index], columnUpper[index]) = column.integralBounds
                integrality[index] = HiGHSConstants.variableInteger
            } else {
                (columnLower[index], columnUpper[index]) = (column.lowerBound, column.upperBound)
            }
        }
        var rowLower = [Double](repeating: 0, count: rowCount)
        var rowUpper = [Double](repeating: 0, count: rowCount)
        var starts = [Int32](repeating: 0, count: rowCount)
        var indices: [Int32] = []
        var values: [Double] = []
        indices.reserveCapacity(model.nonzeroCount)
        values.reserveCapacity(model.nonzeroCount)
        for (index, row) in model.constraints.enumerated() {
            switch row.relation {
            case .lessOrEqual: (rowLower[index], rowUpper[index]) = (-.infinity, row.rightHandSide)
            case .greaterOrEqual: (rowLower[index], rowUpper[index]) = (row.rightHandSide, .infinity)
            case .equal: (rowLower[index], rowUpper[index]) = (row.rightHandSide, row.rightHandSide)
            }
            starts[index] = Int32(indices.count)
            indices.append(contentsOf: row.columns)
            values.append(contentsOf: row.coefficients)
        }
        let status = library.passModel(
            pointer, Int32(columnCount), Int32(rowCount), Int32(indices.count), HiGHSConstants.matrixRowwise,
            model.sense == .maximize ? HiGHSConstants.objectiveMaximize : HiGHSConstants.objectiveMinimize,
            model.objectiveConstant, model.objectiveCoefficients, columnLower, columnUpper, rowLower, rowUpper,
            starts, indices, values, integral ? integrality : nil)
        try check(status, "loading the model")
    }

    /// Offers a feasible solution (one value per column) as the first incumbent.
    func setStart(_ values: [Double]) throws {
        try check(library.setSolution(pointer, values, nil, nil, nil), "setting the start solution")
    }

    /// Runs HiGHS and returns its `kHighsModelStatus`.
    func run() throws -> Int32 {
        let status = library.run(pointer)
        output.flush()
        try check(status, "solving")
        return library.getModelStatus(pointer)
    }

    func doubleInfo(_ name: String) throws -> Double {
        var value = 0.0
        try check(library.getDoubleInfo(pointer, name, &value), "reading \(name)")
        return value
    }

    func intInfo(_ name: String) throws -> Int32 {
        var value: Int32 = 0
        try check(library.getIntInfo(pointer, name, &value), "reading \(name)")
        return value
    }

    /// Whether HiGHS holds a feasible primal solution.
    func hasFeasibleSolution() throws -> Bool {
        try intInfo("primal_solution_status") == HiGHSConstants.solutionFeasible
    }

    /// Column values, row activities, and (for an LP) row duals and reduced costs.
    func solution() throws -> (values: [Double], activities: [Double], rowDuals: [Double], reducedCosts: [Double]) {
        var values = [Double](repeating: 0, count: columnCount)
        var reducedCosts = [Double](repeating: 0, count: columnCount)
        var activities = [Double](repeating: 0, count: rowCount)
        var rowDuals = [Double](repeating: 0, count: rowCount)
        try check(library.getSolution(pointer, &values, &reducedCosts, &activities, &rowDuals), "reading the solution")
        return (values, activities, rowDuals, reducedCosts)
    }

    /// Whether each row is basic in the final LP basis.
    func basicRows() throws -> [Bool] {
        var columns = [Int32](repeating: 0, count: columnCount)
        var rows = [Int32](repeating: 0, count: rowCount)
        try check(library.getBasis(pointer, &columns, &rows), "reading the basis")
        return rows.map { $0 == HiGHSConstants.basisBasic }
    }

    /// HiGHS's ranging of each row's bound: the values down to and up to which it can move with the
    /// basis staying optimal. Nil when HiGHS has no ranging to give (no optimal basis).
    func rowBoundRanging() -> (down: [Double], up: [Double])? {
        // Column ranging is computed too (HiGHS fills every array); one scratch block holds it.
        let n = max(columnCount, 1), m = max(rowCount, 1)
        let doubles = UnsafeMutablePointer<Double>.allocate(capacity: 8 * n + 4 * m)
        let ints = UnsafeMutablePointer<Int32>.allocate(capacity: 8 * n + 4 * m)
        defer {
            doubles.deallocate()
            ints.deallocate()
        }
        func d(_ k: Int) -> UnsafeMutablePointer<Double> { doubles + k * n }
        func i(_ k: Int) -> UnsafeMutablePointer<Int32> { ints + k * n }
        let upValue = doubles + 8 * n, upObjective = doubles + 8 * n + m
        let downValue = doubles + 8 * n + 2 * m, downObjective = doubles + 8 * n + 3 * m
        let rowInts = ints + 8 * n
        let status = library.getRanging(
            pointer,
            d(0), d(1), i(0), i(1), d(2), d(3), i(2), i(3), d(4), d(5), i(4), i(5), d(6), d(7), i(6), i(7),
            upValue, upObjective, rowInts, rowInts + m, downValue, downObjective, rowInts + 2 * m, rowInts + 3 * m)
        guard status == HiGHSConstants.statusOK || status == HiGHSConstants.statusWarning else { return nil }
        return (
            Array(UnsafeBufferPointer(start: downValue, count: rowCount)),
            Array(UnsafeBufferPointer(start: upValue, count: rowCount))
        )
    }
}
