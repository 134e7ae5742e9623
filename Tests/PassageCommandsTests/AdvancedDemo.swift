import Testing

extension Passage {
    /// Plans the demo as JSON into `folder`, then advances it to `week` with that plan, as a
    /// coordinator does at the start of a new week: the first plan's path and the advanced folder.
    static func advancedDemo(toWeek week: Int, in folder: borrowing TemporaryFolder) throws -> (plan: String, scenario: String) {
        let first = folder.path("w1.json")
        #expect(try run(["plan", demo, "--format", "json", "-o", first, "--quiet"]).status == 0)
        let next = folder.path("w\(week)")
        let advanced = try run(["advance", demo, "--to-week", "\(week)", "--plan", first, "-o", next])
        #expect(advanced.status == 0, "\(advanced.standardError)")
        return (first, next)
    }
}
