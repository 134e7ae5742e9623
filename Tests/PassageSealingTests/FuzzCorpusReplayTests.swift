import Foundation
import PassagePlanning
import PassageReports
@_spi(Fuzzing) import PassageScenario
import Testing

@testable import PassageSealing

// Replays the libFuzzer corpus (Tests/Fuzz/Corpus: seeds) and every crasher the fuzzer found
// (Tests/Fuzz/Regressions) through the same splitting as the fuzz target (Fuzz/Sources/PassageFuzz), so a
// fixed crash stays fixed in the ordinary `swift test`. Lives here because it needs the sealed reader
// besides the scenario, change-file and previous-plan readers.

/// The fuzz target's passphrase and scrypt cap; keep in step with Fuzz/Sources/PassageFuzz/FuzzTarget.swift.
private let fuzzPassphrase = try! Passphrase("fuzzing passphrase, not a secret")
private let fuzzScryptMemory = 1 << 20

/// What one input did; the fuzz target discards it, the replay checks the seeds that should load do.
private enum Outcome: Equatable {
    case loaded, rejectedScenario, rejectedSealed, unsealedButRejectedScenario
    case appliedChanges, rejectedChanges, readPreviousPlan, rejectedPreviousPlan, readPassphrase, rejectedPassphrase
    case simulatedStressPlan, rejectedStressPlan, readStressPart, mergedStressParts, rejectedStressPart
}

/// The scenario change files and previous plans are applied to (as in the fuzz target): the demo.
private let demoScenario: Scenario = {
    do { return try ScenarioLoader.load(directory: demoFolder) } catch { fatalError("the demo must load: \(error)") }
}()

/// The fuzz target's body (duplicated: the target is a separate package built with sanitizers).
private func feed(_ bytes: Data) -> Outcome {
    switch FuzzInput(bytes) {
    case .scenario(let files):
        return (try? ScenarioLoader.load(files: files)) == nil ? .rejectedScenario : .loaded
    case .sealed(let data):
        guard let contents = try? Sealer.unseal(data, passphrase: fuzzPassphrase, maximumScryptMemoryBytes: fuzzScryptMemory)
        else { return .rejectedSealed }
        return (try? ScenarioLoader.load(files: contents.files)) == nil ? .unsealedButRejectedScenario : .loaded
    case .changeFile(let data):
        return (try? ChangeFile.variant(data, file: "fuzz.toml", base: demoScenario)) == nil
            ? .rejectedChanges : .appliedChanges
    case .previousPlan(let data):
        guard let previous = try? PreviousPlanReader.read(data) else { return .rejectedPreviousPlan }
        _ = previous.commitments(for: Array(previous.pathways.keys) + ["H001"], countedFrom: demoScenario.settings.startDate)
        _ = try? RollingHorizon.advance(demoScenario, plan: previous, toWeek: 2 + data.count % 15)
        agenda(data, scenario: demoScenario)
        return .readPreviousPlan
    case .passphrase(let data):
        guard let text = try? PassphraseLine.text(of: data), let typed = try? Passphrase(text) else {
            return .rejectedPassphrase
        }
        _ = try? PassphrasePolicy.check(typed)
        return .readPassphrase
    case .stressPlan(let data):
        return stress(data, scenario: demoScenario) ? .simulatedStressPlan : .rejectedStressPlan
    case .stressPart(let data):
        guard let merges = merge(data, with: otherShard) else { return .rejectedStressPart }
        return merges > 0 ? .mergedStressParts : .readStressPart
    }
}

/// The fixed valid part stress-part inputs are merged with (as in the fuzz target): shard 2/2 of the demo study.
private let otherShard: StressResult = {
    do {
        return try StressResult.read(
            Data(contentsOf: fuzzFolder.appendingPathComponent("Corpus/stress-part-demo-2of2")).dropFirst())
    } catch {
        fatalError("the seed stress-part-demo-2of2 must read: \(error)")
    }
}()

/// What `passage stress --plan` does (as in the fuzz target); whether the plan was simulated.
private func stress(_ data: Data, scenario: Scenario) -> Bool {
    guard let moves = try? StressPlanReader.itineraries(data),
        let input = try? StressInput(scenario: scenario, itineraries: moves)
    else { return false }
    let result = StressStudy.run(input, seed: UInt64(data.count), trials: 1 + data.count % 4)
    for format in ReportFormat.allCases { _ = StressReport.render(StressSummary(result), format: format) }
    _ = try? StressResult.read(Data(result.encoded().utf8))
    return true
}

/// What `passage stress merge` does (as in the fuzz target): nil when the part is refused, otherwise how many
/// of its merges (alone, with itself, with the fixed part either way round) were complete and rendered.
private func merge(_ data: Data, with other: StressResult) -> Int? {
    guard let part = try? StressResult.read(data) else { return nil }
    var complete = 0
    for parts in [[part], [part, part], [part, other], [other, part]] {
        guard let merged = try? StressStudy.merge(parts), merged.isComplete else { continue }
        let summary = StressSummary(merged)
        for format in ReportFormat.allCases { _ = StressReport.render(summary, format: format) }
        complete += 1
    }
    return complete
}

private let fuzzFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fuzz")
private let demoFolder = fuzzFolder.deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Data/demo")

private func inputs(in folder: String) throws -> [URL] {
    let url = fuzzFolder.appendingPathComponent(folder)
    return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
        .filter { !$0.lastPathComponent.hasPrefix(".") && $0.pathExtension != "md" }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
}

// Serialized: `writeSeeds`, when enabled, must not rewrite files while they are replayed.
@Suite(.serialized) struct FuzzCorpusReplayTests {
    @Test func everySeedAndRegressionReturnsOrThrows() throws {
        let files = try inputs(in: "Corpus") + inputs(in: "Regressions")
        #expect(files.count >= 20)
        var outcomes: [String: Outcome] = [:]
        for url in files {
            // Reaching the next line at all is the check: a crash or trap here fails the whole run.
            let started = ContinuousClock.now
            outcomes[url.lastPathComponent] = feed(try Data(contentsOf: url))
            // Generous for a debug build on a busy machine; the quadratic paths fixed so far took 30 s or more.
            #expect(ContinuousClock.now - started < .seconds(3), "\(url.lastPathComponent) is slow")
        }
        // The seeds must reach deep code: the demo loads, in the clear and sealed.
        #expect(outcomes["scenario-demo"] == .loaded)
        #expect(outcomes["sealed-demo"] == .loaded)
        #expect(outcomes["sealed-truncated"] == .rejectedSealed)
        #expect(outcomes["sealed-huge-scrypt"] == .rejectedSealed)
        #expect(outcomes["sealed-max-scrypt"] == .rejectedSealed)
        // Every other kind of outside input reaches its reader, and the typo of issue 17 is refused.
        #expect(outcomes["change-canada-doubles-quota"] == .appliedChanges)
        #expect(outcomes["change-every-section"] == .appliedChanges)
        #expect(outcomes["change-date-typo"] == .rejectedChanges)
        #expect(outcomes["previous-plan-demo"] == .readPreviousPlan)
        #expect(outcomes["previous-plan-agenda"] == .readPreviousPlan)
        #expect(outcomes["passphrase-line"] == .readPassphrase)
        #expect(outcomes["passphrase-invalid-utf8"] == .rejectedPassphrase)
        // The stress seeds reach the simulation and, merged with the other shard, the report.
        #expect(outcomes["stress-plan-demo"] == .simulatedStressPlan)
        #expect(outcomes["stress-part-demo-1of2"] == .mergedStressParts)
        #expect(outcomes["stress-part-demo-2of2"] == .readStressPart)
        #expect(outcomes["stress-part-version-2"] == .rejectedStressPart)
    }

    /// `previous-plan-agenda` (eight households and nine capacity rows of `passage plan Data/demo --format
    /// json`, with the keys `passage agenda` reads, committed by hand) takes the fuzzer all the way to an agenda.
    @Test func theAgendaSeedReachesAnAgenda() throws {
        let seed = try Data(contentsOf: fuzzFolder.appendingPathComponent("Corpus/previous-plan-agenda"))
        guard case .previousPlan(let data) = FuzzInput(seed) else {
            Issue.record("previous-plan-agenda is not a previous-plan input")
            return
        }
        let plan = try PreviousPlanReader.readItineraries(data)
        let agenda = try Agenda.make(week: 1, plan: plan, scenario: demoScenario)
        #expect(!agenda.actions.isEmpty && !agenda.warnings.isEmpty)
    }

    @Test func splittingRoundTrips() {
        let files = ["scenario.toml": Data("a = 1".utf8), "households.csv": Data(), "locations.csv": Data("x".utf8)]
        let input = FuzzInput.scenario(files)
        #expect(FuzzInput(input.bytes) == input)
        #expect(FuzzInput(FuzzInput.sealed(Data([1, 2])).bytes) == .sealed(Data([1, 2])))
        #expect(FuzzInput(FuzzInput.stressPlan(Data([3])).bytes) == .stressPlan(Data([3])))
        #expect(FuzzInput(FuzzInput.stressPart(Data([4])).bytes) == .stressPart(Data([4])))
        #expect(FuzzInput(Data()) == .scenario([:]))
    }

    /// The sealed reader refuses a header asking for more scrypt memory than the caller allows.
    @Test func scryptCapIsEnforcedBeforeDerivingTheKey() throws {
        let big = try Sealer.seal(
            SealedContents(kind: .scenario, files: [:]), passphrase: fuzzPassphrase,
            parameters: try ScryptParameters(log2N: 14, r: 1, p: 1))
        #expect(throws: SealingError.self) {
            try Sealer.unseal(big, passphrase: fuzzPassphrase, maximumScryptMemoryBytes: 1 << 20)
        }
    }

    /// A change file with every section, for the change-file seed (like ChangeFileTests.everything).
    static let everyChangeSection = """
        title = "Every section"
        budget = 80000

        [[safe_house]]
        id = "SH-EVN-1"
        beds = 7
        cost_per_person_week = 95.5
        closed_from_week = 4
        closed_until_week = 6

        [[add_safe_house]]
        id = "SH-EVN-3"
        location = "yerevan"
        beds = 2
        cost_per_person_week = 60
        needs_supported = ["medical", "minor"]

        [[remove_safe_house]]
        id = "SH-BEG-1"

        [[leg]]
        id = "L11"
        seats_per_week = 40
        risk = 4.5

        [[add_leg]]
        id = "L40"
        from = "tbilisi"
        to = "istanbul"
        mode = "air"
        duration_days = 0
        cost_per_person = 120
        seats_per_week = 10
        documents = "RU:international_passport;*:international_passport"
        risk = 3

        [[remove_leg]]
        id = "L21"

        [[programme]]
        id = "P-CA-IST"
        quota = 12
        application_from_week = 2

        [[add_programme]]
        id = "P-SE-TBS"
        destination_country = "FR"
        lodged_at = "tbilisi"
        arrival = "paris"
        quota = 3
        quota_period = "horizon"
        processing_weeks = 5
        nationalities = ["RU"]
        documents = "international_passport"
        needs_served = ["medical"]
        cost_per_person = 200

        [[remove_programme]]
        id = "P-FR-BEG"

        [[household]]
        id = "H001"
        passport = "valid"
        from_week = 6

        """

    /// Rewrites the seed corpus. Off unless PASSAGE_WRITE_FUZZ_SEEDS is set: sealed seeds get a fresh
    /// random salt every time, so regenerating changes committed bytes.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PASSAGE_WRITE_FUZZ_SEEDS"] != nil))
    func writeSeeds() throws {
        let corpus = fuzzFolder.appendingPathComponent("Corpus")
        let demo = ScenarioLoader.readFiles(in: demoFolder)
        #expect(demo.count == 6)
        func text(_ name: String) -> String { String(decoding: demo[name]!, as: UTF8.self) }
        func scenario(_ changes: [String: String]) -> [String: Data] {
            var files = demo
            for (name, contents) in changes { files[name] = Data(contents.utf8) }
            return files
        }
        func write(_ name: String, _ input: FuzzInput) throws {
            try input.bytes.write(to: corpus.appendingPathComponent(name))
        }
        func writeRaw(_ name: String, _ bytes: Data) throws {
            try bytes.write(to: corpus.appendingPathComponent(name))
        }

        try write("scenario-demo", .scenario(demo))
        var bomCRLF: [String: Data] = [:]
        for (name, data) in demo {
            bomCRLF[name] = Data([0xEF, 0xBB, 0xBF]) + Data(String(decoding: data, as: UTF8.self)
                .replacingOccurrences(of: "\n", with: "\r\n").utf8)
        }
        try write("scenario-bom-crlf", .scenario(bomCRLF))
        var loneCR = demo
        loneCR["households.csv"] = Data(text("households.csv").replacingOccurrences(of: "\n", with: "\r").utf8)
        try write("scenario-lone-cr", .scenario(loneCR))
        try write("scenario-unbalanced-quotes", .scenario(scenario([
            "households.csv": text("households.csv").replacingOccurrences(of: "H002,3", with: "\"H002,3")
                .replacingOccurrences(of: "H001,1", with: "H0\"01,1"),
            "legs.csv": text("legs.csv") + "\"L99\"x,a,b,road,0,1,1,,1\n\"unclosed,",
        ])))
        var nul = demo
        nul["households.csv"] = Data(text("households.csv").replacingOccurrences(of: "grozny", with: "groz\0ny").utf8)
        nul["scenario.toml"] = Data(text("scenario.toml").replacingOccurrences(of: "Demo", with: "De\0mo").utf8)
        try write("scenario-nul-bytes", .scenario(nul))
        var invalid = demo
        invalid["households.csv"] = demo["households.csv"]! + Data([0x48, 0xFF, 0xC3, 0x28, 0x0A])
        invalid["scenario.toml"] = Data([0xC0, 0xAF]) + demo["scenario.toml"]!
        invalid["locations.csv"] = demo["locations.csv"]! + Data([0xED, 0xA0, 0x80, 0x0A])  // a surrogate
        try write("scenario-invalid-utf8", .scenario(invalid))
        let hugeCell = String(repeating: "x", count: 55_000)
        try write("scenario-huge-cell", .scenario(scenario([
            "households.csv": text("households.csv") + "H999,1,grozny,1,1,RU,none,yes,\(hugeCell),,,\n",
        ])))
        try write("scenario-huge-numbers", .scenario(scenario([
            "scenario.toml": text("scenario.toml")
                .replacingOccurrences(of: "budget = 60000", with: "budget = 1e308")
                .replacingOccurrences(of: "horizon_weeks = 16", with: "horizon_weeks = 1234567890123456789012345678901234567890")
                .replacingOccurrences(of: "cost = 0.01", with: "cost = -0.0\nrisk2 = inf\nlateness_per_week = nan"),
            "households.csv": text("households.csv")
                .replacingOccurrences(of: "H001,1,grozny,1,1", with: "H001,1234567890123456789012345678901234567890,grozny,-0,1e308")
                .replacingOccurrences(of: "H002,3,grozny,1,1", with: "H002,-0,grozny,9223372036854775808,-9223372036854775809"),
            "legs.csv": text("legs.csv").replacingOccurrences(of: "road,0,15,30", with: "road,1e308,-0,1e-400"),
        ])))
        let depth = 10_000
        try write("scenario-deep-arrays", .scenario(scenario([
            "scenario.toml": "a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n",
        ])))
        try write("scenario-deep-inline-tables", .scenario(scenario([
            "scenario.toml": "a = " + String(repeating: "{b=", count: 5_000) + "1" + String(repeating: "}", count: 5_000) + "\n",
        ])))
        try write("scenario-deep-dotted-keys", .scenario(scenario([
            "scenario.toml": Array(repeating: "a", count: 15_000).joined(separator: ".") + " = 1\n",
        ])))
        try write("scenario-deep-table-headers", .scenario(scenario([
            "scenario.toml": "[" + Array(repeating: "t", count: 15_000).joined(separator: ".") + "]\nx = 1\n"
                + String(repeating: "[[x]]\n", count: 2_000),
        ])))
        // As deep as 64 KiB allows (TOMLKit recursed per part; the parser refuses more than 65 parts).
        let parts = Array(repeating: "a", count: 32_000).joined(separator: ".")
        try write("scenario-dotted-key-32000-parts", .scenario([
            ScenarioFileName.settings: Data((parts + " = 1\n").utf8), ScenarioFileName.households: Data("id\n".utf8),
        ]))
        try write("scenario-table-header-32000-parts", .scenario([
            ScenarioFileName.settings: Data(("[" + parts + "]\n").utf8), ScenarioFileName.households: Data("id\n".utf8),
        ]))
        let manyColumns = (0..<4_000).map { "c\($0)" }.joined(separator: ",")
        try write("scenario-many-columns", .scenario(scenario([
            "households.csv": manyColumns + "\n" + String(repeating: ",", count: 4_000) + "\n"
                + text("households.csv"),
        ])))
        try write("scenario-many-rows", .scenario(scenario([
            "legs.csv": text("legs.csv") + String(repeating: "L01,grozny,vladikavkaz,road,0,15,30,,3\n", count: 1_200),
        ])))
        try write("scenario-all-empty", .scenario(Dictionary(uniqueKeysWithValues: FuzzInput.fileOrder.map { ($0, Data()) })))
        try write("scenario-only-settings", .scenario([ScenarioFileName.settings: demo[ScenarioFileName.settings]!]))
        try writeRaw("empty-input", Data())
        try write("scenario-with-commitments", .scenario(scenario([
            "commitments.csv": "household,pathway,week\nH001,x,1\n\"H002\",,\n",
        ])))

        // Change files: the demo's examples, every section at once, and the typos of issue 17.
        let changesFolder = demoFolder.deletingLastPathComponent().appendingPathComponent("demo-changes")
        for name in ["canada-doubles-quota", "close-yerevan-house-week-4"] {
            try write("change-\(name)", .changeFile(try Data(contentsOf: changesFolder.appendingPathComponent(name + ".toml"))))
        }
        try write("change-every-section", .changeFile(Data(Self.everyChangeSection.utf8)))
        try write("change-date-typo", .changeFile(Data("[[safe_house]]\nid = \"SH-EVN-1\"\nclosed_from_week = 2026-11-30 1\n".utf8)))
        try write("change-deep-array", .changeFile(Data(("[[add_safe_house]]\nneeds_supported = " + String(repeating: "[", count: 5_000) + "\n").utf8)))

        // Previous plans: `previous-plan-demo` (the reader's fields of `passage plan Data/demo --format json`,
        // committed by hand since this test target cannot plan) and damaged copies of it. (The copies that
        // trapped, with a huge year or a week that overflowed when shifted, are in Regressions.)
        if let plan = try? Data(contentsOf: corpus.appendingPathComponent("previous-plan-demo")).dropFirst() {
            let json = String(decoding: plan, as: UTF8.self)
            try write("previous-plan-huge-week", .previousPlan(Data(json.replacingOccurrences(of: "\"startWeek\":1,", with: "\"startWeek\":-9223372036854775808,").utf8)))
            try write("previous-plan-version-2", .previousPlan(Data(json.replacingOccurrences(of: "\"reportVersion\":1", with: "\"reportVersion\":2").utf8)))
            try write("previous-plan-truncated", .previousPlan(Data(plan.prefix(plan.count / 2))))
        }
        // Stress inputs: `stress-plan-demo` (`passage plan Data/demo --format json`, without its `capacity`
        // rows and whitespace so that it fits the fuzzer's 64 KiB) and the two shards of `passage stress
        // Data/demo --plan p.json --trials 20 --shard K/2`, written with the CLI and committed (this test
        // target cannot plan), then damaged copies of them.
        if let plan = try? Data(contentsOf: corpus.appendingPathComponent("stress-plan-demo")).dropFirst() {
            let json = String(decoding: plan, as: UTF8.self)
            try write("stress-plan-truncated", .stressPlan(Data(plan.prefix(plan.count / 2))))
            try write("stress-plan-huge-week", .stressPlan(Data(json.replacingOccurrences(of: "\"arrivalWeek\":7,", with: "\"arrivalWeek\":9223372036854775807,").utf8)))
        }
        if let part = try? Data(contentsOf: corpus.appendingPathComponent("stress-part-demo-1of2")).dropFirst() {
            let json = String(decoding: part, as: UTF8.self)
            try write("stress-part-truncated", .stressPart(Data(part.prefix(part.count / 2))))
            try write("stress-part-version-2", .stressPart(Data(json.replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 2").utf8)))
            try write("stress-part-huge-trials", .stressPart(Data(json.replacingOccurrences(of: "\"trials\" : 20", with: "\"trials\" : 9223372036854775807").utf8)))
        }
        try write("previous-plan-deep", .previousPlan(Data((String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)).utf8)))

        // What --passphrase-fd might read.
        try write("passphrase-line", .passphrase(Data("an invented passphrase for fuzzing\nsecond line\n".utf8)))
        try write("passphrase-crlf-combining", .passphrase(Data("cafe\u{301} invented passphrase\r\n".utf8)))
        try write("passphrase-invalid-utf8", .passphrase(Data([0x61, 0xC3, 0x28, 0xFF, 0x0A])))
        try write("passphrase-long", .passphrase(Data(String(repeating: "x", count: 5_000).utf8)))

        // Sealed seeds: the demo sealed with tiny scrypt parameters and 64-byte chunks, then damaged.
        let sealedDemo = try Sealer.seal(
            SealedContents(kind: .scenario, files: demo), passphrase: fuzzPassphrase,
            parameters: try ScryptParameters(log2N: 4, r: 1, p: 1), log2ChunkSize: 6)
        try write("sealed-demo", .sealed(sealedDemo))
        try write("sealed-truncated", .sealed(sealedDemo.prefix(sealedDemo.count - 40)))
        try write("sealed-header-only", .sealed(sealedDemo.prefix(SealedHeader.length)))
        var flippedBody = sealedDemo
        flippedBody[flippedBody.startIndex + SealedHeader.length + 100] ^= 0x01
        try write("sealed-flipped-body", .sealed(flippedBody))
        var flippedHeader = sealedDemo
        flippedHeader[flippedHeader.startIndex + 30] ^= 0x80  // in the salt
        try write("sealed-flipped-header", .sealed(flippedHeader))
        var hugeScrypt = sealedDemo
        hugeScrypt[hugeScrypt.startIndex + 11] = 20  // log2 N
        hugeScrypt.replaceSubrange(hugeScrypt.startIndex + 12..<hugeScrypt.startIndex + 20, with: [0, 0, 0, 16, 0, 0, 0, 4])
        try write("sealed-huge-scrypt", .sealed(hugeScrypt))  // 4 GiB: over every reader's cap
        var maxScrypt = sealedDemo
        maxScrypt[maxScrypt.startIndex + 11] = 20
        maxScrypt.replaceSubrange(maxScrypt.startIndex + 12..<maxScrypt.startIndex + 20, with: [0, 0, 0, 4, 0, 0, 0, 1])
        try write("sealed-max-scrypt", .sealed(maxScrypt))  // 512 MiB: the file cap, over the fuzz cap
        let sealedEmpty = try Sealer.seal(
            SealedContents(kind: .report, files: [:]), passphrase: fuzzPassphrase,
            parameters: try ScryptParameters(log2N: 1, r: 1, p: 1), log2ChunkSize: 6)
        try write("sealed-empty-report", .sealed(sealedEmpty))
    }
}

/// What `passage agenda` does with a JSON plan (as in the fuzz target): read its itineraries, make the
/// agenda of a week that varies with the input's length, and render it in every format.
private func agenda(_ data: Data, scenario: Scenario) {
    guard let plan = try? PreviousPlanReader.readItineraries(data),
        let agenda = try? Agenda.make(week: 1 + data.count % 17, plan: plan, scenario: scenario)
    else { return }
    for format in AgendaFormat.allCases { _ = AgendaReport.render(agenda, format: format) }
}
