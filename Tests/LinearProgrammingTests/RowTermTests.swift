import LinearProgramming
import Testing

/// How a row's terms are stored: ascending columns, repeats summed in the order they were added,
/// zeros dropped, whether the expression was built in column order or not.
@Suite struct RowTermTests {
    @Test func termsInColumnOrderAreKeptAsTheyAre() {
        var model = LinearModel(name: "rows")
        let x = (0..<4).map { model.addVariable("x\($0)") }
        var row = LinearExpression()
        for (i, variable) in x.enumerated() { row.add(Double(i + 1), variable) }
        let constraint = model.addConstraint("r", row, .lessOrEqual, 5)
        let stored = model.constraints[constraint.index]
        #expect(stored.columns == [0, 1, 2, 3])
        #expect(stored.coefficients == [1, 2, 3, 4])
    }

    @Test func repeatsAreSummedInTheOrderAddedAndZerosDropped() {
        var model = LinearModel(name: "rows")
        let x = (0..<4).map { model.addVariable("x\($0)") }
        var row = LinearExpression(constant: 2)
        row.add(0.1, x[3])
        row.add(1, x[1])
        row.add(0.2, x[3])
        row.add(-1, x[1])  // cancels: no entry for x1
        row.add(5, x[0])
        row.add(0.3, x[3])
        let constraint = model.addConstraint("r", row, .equal, 7)
        let stored = model.constraints[constraint.index]
        #expect(stored.columns == [0, 3])
        // Summed left to right as added: (0.1 + 0.2) + 0.3, which is not 0.1 + (0.2 + 0.3) in binary.
        #expect(stored.coefficients == [5, 0.1 + 0.2 + 0.3])
        #expect(stored.rightHandSide == 5)  // the constant moves to the right
    }

    @Test func aRepeatInColumnOrderIsStillMerged() {
        var model = LinearModel(name: "rows")
        let x = (0..<2).map { model.addVariable("x\($0)") }
        var row = LinearExpression()
        row.add(1, x[0])
        row.add(2, x[1])
        row.add(3, x[1])
        let constraint = model.addConstraint("r", row, .greaterOrEqual, 0)
        let stored = model.constraints[constraint.index]
        #expect(stored.columns == [0, 1])
        #expect(stored.coefficients == [1, 5])
    }
}
