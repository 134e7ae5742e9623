import Foundation
import Testing

/// The budget after `advance` (issue 14, bug 2): the budget is what was left at week 1, so every report
/// sets the cost from week 1 against it and says what households under way spent before, apart. The
/// demo plan advanced to week 9 once read "39,570 EUR of budget 24,230 EUR (163.31 %)".
@Suite struct BudgetAfterAdvanceTests {
    static func json(_ path: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    static func money(_ x: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US")
        formatter.maximumFractionDigits = 0
        return formatter.string(from: NSNumber(value: x))! + " EUR"
    }

    @Test(arguments: [2, 9])
    func everyReportSetsTheCostFromWeekOneAgainstTheBudget(week: Int) throws {
        let folder = try TemporaryFolder()
        let (_, next) = try Passage.advancedDemo(toWeek: week, in: folder)
        let planPath = folder.path("plan.json")
        #expect(try Passage.run(["plan", next, "--format", "json", "-o", planPath, "--quiet"]).status == 0)

        let plan = try Self.json(planPath)
        let summary = try #require(plan["summary"] as? [String: Any])
        let total = try #require(summary["totalCost"] as? Double)
        let before = try #require(summary["costBeforeWeekOne"] as? Double)
        let fromWeekOne = try #require(summary["costFromWeekOne"] as? Double)
        let budget = try #require(summary["budget"] as? Double)
        let left = try #require(summary["budgetLeft"] as? Double)
        #expect(before > 0, "households are under way")
        #expect(abs(before + fromWeekOne - total) < 0.005)
        #expect(abs(budget - fromWeekOne - left) < 0.005)
        #expect(fromWeekOne <= budget + 0.005, "the plan keeps to its budget")
        // The budget row of the capacity table counts the same money.
        let rows = try #require(plan["capacity"] as? [[String: Any]])
        let budgetRow = try #require(rows.first { $0["kind"] as? String == "budget" })
        #expect(abs((budgetRow["used"] as? Double ?? -1) - fromWeekOne) < 0.005)

        let text = try Passage.run(["plan", next, "--quiet"]).standardOutput
        let share = String(format: "%.2f %%", fromWeekOne / budget * 100)
        #expect(
            text.contains(
                "Cost from week 1: \(Self.money(fromWeekOne)) of the week-1 budget \(Self.money(budget)) (\(share)); \(Self.money(left)) left."
            ))
        #expect(text.contains("Spent before week 1 by households under way: \(Self.money(before))"))
        #expect(text.contains("\(Self.money(fromWeekOne)) used of \(Self.money(budget)) (\(share))"))
        #expect(!text.contains("Total cost:"))

        for format in ["text", "markdown", "html"] {
            let redacted = try Passage.run(["plan", next, "--redact", "--format", format, "--quiet"]).standardOutput
            #expect(
                redacted.contains("Cost from week 1: \(Self.money(fromWeekOne.rounded())) of the week-1 budget"),
                "\(format)")
            #expect(redacted.contains("(\(share))"), "\(format)")
        }
        let redactedJSON =
            try JSONSerialization.jsonObject(
                with: Data(
                    try Passage.run(["plan", next, "--redact", "--format", "json", "--quiet"]).standardOutput.utf8))
            as? [String: Any]
        #expect(redactedJSON?["costFromWeekOne"] as? Double == fromWeekOne.rounded())
        #expect(redactedJSON?["costBeforeWeekOne"] as? Double == before.rounded())
        #expect(redactedJSON?["budgetLeft"] as? Double == budget - fromWeekOne.rounded())
    }

    @Test func aPlanWithNobodyUnderWayKeepsItsTotalCostLine() throws {
        let text = try Passage.run(["plan", Passage.demo, "--quiet"]).standardOutput
        #expect(text.contains("Total cost: 48,980 EUR of budget 60,000 EUR (81.63 %); 11,020 EUR left."))
        #expect(!text.contains("Spent before week 1"))
    }
}
