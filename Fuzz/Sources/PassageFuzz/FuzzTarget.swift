// libFuzzer entry point. Built only with `-sanitize=fuzzer,address -parse-as-library` (see the Makefile's
// `fuzz` target): libFuzzer supplies `main`, so this file must not.
import Foundation
@_spi(Fuzzing) import PassageScenario
import PassageSealing

/// The passphrase every sealed seed was sealed with, so valid seeds unseal and reach the scenario loader.
private let passphrase = try! Passphrase("fuzzing passphrase, not a secret")

/// scrypt may use at most 1 MiB here: a mutated header asking for the reader's full 512 MiB would make
/// each input take seconds. That cap itself is checked by `ScryptParameters.validate()`'s unit tests.
private let fuzzScryptMemory = 1 << 20

/// Feeds one input to the loaders. Every outcome (a scenario, a thrown error) is fine; a crash, a hang or
/// runaway memory is what libFuzzer reports.
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
    }
    return 0
}
