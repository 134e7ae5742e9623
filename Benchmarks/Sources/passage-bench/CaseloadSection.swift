/// The RESULTS.md section of one caseload size: Passage, greedy, naive and HiGHS.
enum CaseloadSection {
    static func markdown(_ record: CaseloadRecord, time: TimeReport?) -> String {
        let facts = record.scenario
        var out = "## \(Fmt.int(record.households)) households\n\n"
        out += "Profile `\(record.profile)`, seed \(record.seed), solver time limit \(Fmt.seconds(record.timeLimitSeconds)), "
        out += "MIP gap \(Fmt.percent(record.mipGap)). Caseload: \(Fmt.int(facts.persons)) persons, \(facts.locations) locations, "
        out += "\(facts.safeHouses) safe houses, \(facts.legs) legs, \(facts.programmes) programmes, \(facts.horizonWeeks) weeks "
        out += "(generated in \(Fmt.seconds(record.generateSeconds)), written in \(Fmt.seconds(record.writeSeconds)); not part of end to end). "
        out += "Command: `\(record.command)`.\n\n"
        if let passage = record.passage {
            out += "### Passage (compact model)\n\n"
            out += ResultsRenderer.table(["", ""], passageRows(passage, time: time, solver: "GLPK"))
        }
        if let highs = record.passageHiGHS {
            out += "### Passage with the HiGHS backend (`--solver highs`), same caseload and limits\n\n"
            out += ResultsRenderer.table(["", ""], passageRows(highs, time: nil, solver: "HiGHS"))
        } else if let error = record.passageHiGHSError {
            out += "### Passage with the HiGHS backend\n\nNot run: \(oneLine(error))\n\n"
        }
        if let greedy = record.greedy, let optimised = record.passage?.moved {
            out += "### Urgency-first greedy vs optimised\n\n"
            let difference = optimised.urgencyWeightedPersons - greedy.moved.urgencyWeightedPersons
            let relative = greedy.moved.urgencyWeightedPersons > 0 ? difference / greedy.moved.urgencyWeightedPersons : nil
            out += ResultsRenderer.table(
                ["", "greedy", "optimised", "difference"],
                [
                    [
                        "urgency-weighted persons moved", Fmt.number(greedy.moved.urgencyWeightedPersons),
                        Fmt.number(optimised.urgencyWeightedPersons), "\(Fmt.number(difference)) (\(Fmt.percent(relative)))",
                    ],
                    ["persons moved", Fmt.int(greedy.moved.persons), Fmt.int(optimised.persons), Fmt.int(optimised.persons - greedy.moved.persons)],
                    ["households moved", Fmt.int(greedy.moved.households), Fmt.int(optimised.households), Fmt.int(optimised.households - greedy.moved.households)],
                    ["objective (lower is better)", Fmt.number(greedy.objective), Fmt.number(record.passage?.solve.objective), ""],
                ])
            out += "Greedy plan in \(Fmt.seconds(greedy.seconds)) via \(greedy.method); within every capacity: \(greedy.feasible ? "yes" : "**no**").\n\n"
        }
        if let naive = record.naive {
            out += "### Naive model (one binary per household × pathway × start week), same GLPK, same time limit\n\n"
            out += ResultsRenderer.table(["", ""], naiveRows(naive))
        }
        if let highs = record.highs {
            out += "### HiGHS on the exported compact model, same time limit and MIP gap\n\n"
            out += ResultsRenderer.table(["", ""], highsRows(highs, passage: record.passage?.solve))
        }
        if !record.errors.isEmpty {
            out += "**Errors:**\n\n" + record.errors.map { "- \(oneLine($0))\n" }.joined() + "\n"
        }
        return out
    }

    /// `text` with its line breaks replaced, so it fits a Markdown list item or table cell.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " / ")
    }

    private static func passageRows(_ passage: PassageRecord, time: TimeReport?, solver: String) -> [[String]] {
        [
            ["model", "\(Fmt.int(passage.model.rows)) rows, \(Fmt.int(passage.model.columns)) columns, \(Fmt.int(passage.model.nonzeros)) non-zeros"],
            ["load", Fmt.seconds(passage.loadSeconds)], ["build", Fmt.seconds(passage.buildSeconds)],
            ["solve (and decode)", Fmt.seconds(passage.solveSeconds) + " (solver: \(Fmt.seconds(passage.solve.solverSeconds)), \(solver) and, for large models, the Lagrangian bound)"],
            ["report (text + JSON)", passage.reportSeconds.map(Fmt.seconds) ?? (passage.reportNote ?? "not measured")],
            ["**end to end**", "**\(Fmt.seconds(passage.endToEndSeconds))**" + (passage.reportSeconds == nil ? " (without report)" : "")],
            ["peak memory, Passage (ru_maxrss before any baseline)", Fmt.bytes(passage.peakBytes) + " (after generating the caseload: \(Fmt.bytes(passage.peakBytesAfterGenerate)))"],
            ["peak memory, whole process tree (`/usr/bin/time -v`, baselines included)", time == nil ? "as above" : Fmt.bytes(time?.maximumResidentBytes) + (time?.elapsed.map { ", wall \($0)" } ?? "")],
            ["status", passage.solve.status], ["objective", Fmt.number(passage.solve.objective)],
            ["bound", Fmt.number(passage.solve.bound)], ["gap", Fmt.percent(passage.solve.gap)],
            ["moved", "\(Fmt.int(passage.moved.households)) of \(Fmt.int(passage.moved.householdsTotal)) households, \(Fmt.int(passage.moved.persons)) of \(Fmt.int(passage.moved.personsTotal)) persons"],
        ]
    }

    private static func naiveRows(_ naive: NaiveRecord) -> [[String]] {
        var rows: [[String]] = []
        if let estimate = naive.estimatedColumns {
            rows.append(["estimated size", "≈ \(Fmt.int(estimate)) columns (\(naive.estimateBasis ?? ""))"])
        }
        guard naive.built, let model = naive.model else {
            rows.append(["outcome", oneLine(naive.note ?? "not built")])
            return rows
        }
        rows.append(["model", "\(Fmt.int(model.rows)) rows, \(Fmt.int(model.columns)) columns, \(Fmt.int(model.nonzeros)) non-zeros"])
        rows.append(["build", Fmt.seconds(naive.buildSeconds)])
        if let solve = naive.solve {
            rows += [
                ["solve (inside GLPK)", Fmt.seconds(solve.solverSeconds)], ["status", solve.status],
                ["objective", Fmt.number(solve.objective)], ["bound", Fmt.number(solve.bound)], ["gap", Fmt.percent(solve.gap)],
            ]
        }
        if let moved = naive.moved { rows.append(["urgency-weighted persons moved", Fmt.number(moved.urgencyWeightedPersons)]) }
        rows.append(["peak memory (own process)", Fmt.bytes(naive.peakBytes)])
        if let note = naive.note { rows.append(["note", note]) }
        return rows
    }

    private static func highsRows(_ highs: HiGHSRecord, passage: SolveRecord?) -> [[String]] {
        guard highs.available, let solve = highs.solve else {
            return [["outcome", highs.note ?? "not run"]]
        }
        return [
            ["HiGHS", highs.version ?? "–"],
            ["export (free MPS)", "\(Fmt.seconds(highs.exportSeconds)), \(Fmt.bytes(highs.mpsBytes))"],
            ["solve (inside HiGHS)", Fmt.seconds(solve.solverSeconds) + " (process wall: \(Fmt.seconds(highs.wallSeconds)))"],
            ["status", "\(solve.status) (Passage: \(passage?.status ?? "–"))"],
            ["objective", "\(Fmt.number(solve.objective)) (Passage: \(Fmt.number(passage?.objective)))"],
            ["bound", "\(Fmt.number(solve.bound)) (Passage: \(Fmt.number(passage?.bound)))"],
            ["gap", "\(Fmt.percent(solve.gap)) (Passage: \(Fmt.percent(passage?.gap)))"],
            ["relative difference of objectives", highs.relativeDifference.map { String(format: "%.2e", $0) } ?? "–"],
            ["agreement", highs.agreement ?? "–"],
        ]
    }
}
