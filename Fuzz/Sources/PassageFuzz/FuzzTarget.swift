// libFuzzer entry point. Built only with `-sanitize=fuzzer,address -parse-as-library` (see the Makefile's
// `fuzz` target): libFuzzer supplies `main`, so this file must not.
import Foundation
import PassagePlanning
import PassageReports
@_spi(Fuzzing) import PassageScenario
import PassageSealing

/// The passphrase every sealed seed was sealed with, so valid seeds unseal and reach the scenario loader.
private let passphrase = try! Passphrase("fuzzing passphrase, not a secret")

/// scrypt may use at most 1 MiB here: a mutated header asking for the reader's full 512 MiB would make
/// each input take seconds. That cap itself is checked by `ScryptParameters.validate()`'s unit tests.
private let fuzzScryptMemory = 1 << 20

/// The scenario change files, previous plans and stress plans are applied to, as `whatif`, `plan --previous`
/// and `stress` do:
/// the demo (Data/demo, four folders above this file). Loaded once; it is not fuzzer input.
private let demo: Scenario = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data/demo")
    do { return try ScenarioLoader.load(directory: folder) } catch { fatalError("the demo must load: \(error)") }
}()

/// Feeds one input to the reader of its kind. Every outcome (a value, a thrown error) is fine; a crash, a
/// hang or runaway memory is what libFuzzer reports. Keep in step with Tests/PassageSealingTests/FuzzCorpusReplayTests.swift.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Data(bytes: $0, count: count) } ?? Data()
    switch FuzzInput(bytes) {
    case .scenario(let files):
        _ = try? ScenarioLoader.load(files: files)
    case .sealed(let data):
        if let contents = try? Sealer.unseal(data, passphrase: passphrase, maximumScryptMemoryBytes: fuzzScryptMemory) {
            _ = try? ScenarioLoader.load(files: contents.files)
        }
    case .changeFile(let data):
        _ = try? ChangeFile.variant(data, file: "fuzz.toml", base: demo)
    case .previousPlan(let data):
        // What `plan --previous` does before solving (count weeks from the scenario's start, pick started
        // households) and what `advance --plan` does, to a week that varies with the input's length.
        if let previous = try? PreviousPlanReader.read(data) {
            _ = previous.commitments(for: Array(previous.pathways.keys) + ["H001"], countedFrom: demo.settings.startDate)
            _ = try? RollingHorizon.advance(demo, plan: previous, toWeek: 2 + data.count % 15)
            agenda(data, scenario: demo)
        }
    case .passphrase(let data):
        if let text = try? PassphraseLine.text(of: data), let typed = try? Passphrase(text) {
            _ = try? PassphrasePolicy.check(typed)
        }
    case .stressPlan(let data):
        stress(data, scenario: demo)
    case .stressPart(let data):
        merge(data, with: otherShard)
    }
    return 0
}

/// The other half of the committed partial-result seeds (`stress-part-demo-2of2`, shard 2/2 of the demo
/// plan's 20-trial study), so that `stress-part-demo-1of2` and its mutations merge into a complete study and
/// reach the report. Loaded once; it is not fuzzer input.
private let otherShard: StressResult = {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fuzz/Corpus/stress-part-demo-2of2")
    do { return try StressResult.read(Data(contentsOf: file).dropFirst()) } catch {
        fatalError("the seed stress-part-demo-2of2 must read: \(error)")
    }
}()

/// What `passage stress --plan` does with a JSON plan: read its moves, match them to the scenario, simulate
/// a few trials (how many, and the seed, vary with the input's length) and render the report in every
/// format; the partial result such a run writes with `--shard` is read back as `stress merge` would.
private func stress(_ data: Data, scenario: Scenario) {
    guard let moves = try? StressPlanReader.itineraries(data),
        let input = try? StressInput(scenario: scenario, itineraries: moves)
    else { return }
    let result = StressStudy.run(input, seed: UInt64(data.count), trials: 1 + data.count % 4)
    for format in ReportFormat.allCases { _ = StressReport.render(StressSummary(result), format: format) }
    _ = try? StressResult.read(Data(result.encoded().utf8))
}

/// What `passage stress merge` does with a partial result: read it, merge it (alone, with itself, and with a
/// fixed valid part of the demo study) and render every merge that is complete, in every format.
private func merge(_ data: Data, with other: StressResult) {
    guard let part = try? StressResult.read(data) else { return }
    for parts in [[part], [part, part], [part, other], [other, part]] {
        guard let merged = try? StressStudy.merge(parts), merged.isComplete else { continue }
        let summary = StressSummary(merged)
        for format in ReportFormat.allCases { _ = StressReport.render(summary, format: format) }
    }
}

/// What `passage agenda` does with a JSON plan: read its itineraries, make the agenda of a week that varies
/// with the input's length, and render it in every format.
private func agenda(_ data: Data, scenario: Scenario) {
    guard let plan = try? PreviousPlanReader.readItineraries(data),
        let agenda = try? Agenda.make(week: 1 + data.count % 17, plan: plan, scenario: scenario)
    else { return }
    for format in AgendaFormat.allCases { _ = AgendaReport.render(agenda, format: format) }
}
