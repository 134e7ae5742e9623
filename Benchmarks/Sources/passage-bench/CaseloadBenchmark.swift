import GLPKBackend
import HiGHSBackend
import LinearProgramming
import Foundation
import PassagePlanning
import PassageScenario

/// `passage-bench caseload`: one caseload size end to end (load, build, solve, report), then the
/// baselines (greedy, naive in a child process, HiGHS), written as one `CaseloadRecord` JSON file.
///
/// Exit status 0 when everything ran (a skipped or time-limited baseline included), 3 when a baseline
/// failed (the JSON is still written and lists the failure), 2 when a Passage phase failed.
enum CaseloadBenchmark {
    static func run(_ arguments: [String]) {
        let options = CaseloadOptions(arguments)
        let date = isoNow()
        let folder: CaseloadFolder
        do {
            folder = try CaseloadFolder(households: options.households, seed: options.seed, profile: options.profile)
        } catch { fail("generating the caseload: \(error)") }
        defer { folder.remove() }
        var record = CaseloadRecord(
            command: options.commandLine, date: date, households: options.households, seed: options.seed,
            profile: options.profile.rawValue, timeLimitSeconds: options.timeLimit, mipGap: options.mipGap,
            scenario: folder.facts, generateSeconds: folder.generateSeconds, writeSeconds: folder.writeSeconds)

        if options.onlyNaive {
            do { record.naive = try NaiveBaseline.measure(options, folder: folder) } catch { fail("naive baseline: \(error)") }
            write(record, options)
            return
        }

        let (planner, formulation, passage) = measurePassage(options, folder: folder, solver: GLPKSolver())
        record.passage = passage
        progress("\(options.households) households: end to end \(format(passage.endToEndSeconds)) s, \(passage.solve.status)")
        let gap = options.mipGap ?? planner.scenario.settings.solver.mipGap ?? 0
        record.mipGap = gap

        if !options.skipped.contains("passage-highs") {
            // The same product path with the other backend, in the same run (docs/SOLVER.md).
            do {
                let highs = try HiGHSSolver()
                progress("Passage with HiGHS (time limit \(options.timeLimit) s)")
                let (_, _, record2) = measurePassage(options, folder: folder, solver: highs)
                record.passageHiGHS = record2
                progress("\(options.households) households with HiGHS: end to end \(format(record2.endToEndSeconds)) s, \(record2.solve.status)")
            } catch {
                record.passageHiGHSError = "\(error)"
            }
        }
        if !options.skipped.contains("greedy") {
            do { record.greedy = try GreedyBaseline.run(scenarioPlanner: planner, formulation: formulation) } catch {
                record.errors.append("greedy baseline failed: \(error)")
            }
        }
        if !options.skipped.contains("highs") {
            progress("HiGHS baseline (time limit \(options.timeLimit) s)")
            do {
                record.highs = try HiGHSBaseline.run(
                    planner: planner, formulation: formulation, passage: passage.solve, timeLimit: options.timeLimit,
                    mipGap: gap, guardSeconds: options.childGuardSeconds)
            } catch { record.errors.append("HiGHS baseline failed: \(error)") }
        }
        if !options.skipped.contains("naive") {
            progress("naive baseline (own process, time limit \(options.timeLimit) s)")
            let (naive, error) = NaiveBaseline.runInChild(options)
            record.naive = naive
            if let error { record.errors.append(error) }
        }
        write(record, options)
        if !record.errors.isEmpty {
            for error in record.errors { progress("error: \(error)") }
            exit(3)
        }
    }

    /// Load, build, solve and report, each timed; the peak memory right after them.
    private static func measurePassage(
        _ options: CaseloadOptions, folder: CaseloadFolder, solver: any LinearSolver
    ) -> (Planner, Formulation, PassageRecord) {
        let peakAfterGenerate = peakResidentBytes()
        let scenario: Scenario
        let loadSeconds: Double
        do { (scenario, loadSeconds) = try timed { try ScenarioLoader.load(directory: folder.url) } } catch {
            fail("loading the caseload: \(error)")
        }
        let planner = Planner(scenario: scenario, solver: solver)
        let (formulation, buildSeconds) = timed { planner.formulation() }
        progress("\(options.households) households: model \(formulation.model.constraintCount) rows × \(formulation.model.variableCount) columns")
        let plan: Plan
        let solveSeconds: Double
        let solved: Formulation
        do {
            // The product's path: solve, adding seat rows for any leg a plan would overfill.
            ((solved, plan), solveSeconds) = try timed {
                try planner.solve(
                    starting: formulation,
                    options: PlanningOptions(timeLimitSeconds: options.timeLimit, mipGap: options.mipGap))
            }
        } catch { fail("solving: \(error)") }
        let report = ReportPhase.run(plan)
        let endToEnd = loadSeconds + buildSeconds + solveSeconds + (report.seconds ?? 0)
        let record = PassageRecord(
            loadSeconds: loadSeconds, buildSeconds: buildSeconds, solveSeconds: solveSeconds,
            reportSeconds: report.seconds, reportNote: report.note, reportBytes: report.bytes,
            endToEndSeconds: endToEnd, model: ModelSize(solved.model), solve: SolveRecord(plan.solver),
            moved: MovedRecord(plan.summary), peakBytesAfterGenerate: peakAfterGenerate, peakBytes: peakResidentBytes())
        return (planner, solved, record)
    }

    private static func write(_ record: CaseloadRecord, _ options: CaseloadOptions) {
        do { try writeJSON(record, to: options.jsonPath) } catch { fail("writing \(options.jsonPath): \(error)") }
    }

    /// One progress line on standard error.
    static func progress(_ line: String) {
        FileHandle.standardError.write(Data("passage-bench: \(line)\n".utf8))
    }
}
