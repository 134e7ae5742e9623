import Foundation
import GLPKBackend
import HiGHSBackend
import LinearProgramming
import Testing

/// Fixtures and helpers shared by the LP-layer tests.
enum Fixtures {
    /// `Tests/Fixtures/GAP`, found from this source file's path (no bundle resources needed).
    static let gapDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/GAP", isDirectory: true)

    /// A GAP instance from the fixtures.
    static func gap(_ name: String) throws -> GeneralizedAssignmentInstance {
        try GeneralizedAssignmentInstance(contentsOf: gapDirectory.appendingPathComponent("\(name).txt"))
    }

    /// Published (lower, upper) optimum bounds, keyed `name_Min` / `name_Max`.
    static let publishedOptima: [String: (lower: Double, upper: Double)] = {
        let text = (try? String(contentsOf: gapDirectory.appendingPathComponent("bounds.txt"), encoding: .utf8)) ?? ""
        return GeneralizedAssignmentBounds.parse(text)
    }()
}

/// Runs `glpsol` on a model file and returns the objective value from its `-o` report.
enum Glpsol {
    static func objective(of text: String, format: ModelFileFormat, extraArguments: [String] = []) throws -> Double? {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("passage-glpsol-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent(format == .lp ? "model.lp" : "model.mps")
        let report = directory.appendingPathComponent("report.txt")
        try Data(text.utf8).write(to: model)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["glpsol", format == .lp ? "--lp" : "--freemps", model.path, "-o", report.path] + extraArguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let output = try? String(contentsOf: report, encoding: .utf8)
        else { return nil }
        // "Objective:  obj = 16 (MAXimum)"
        for line in output.split(separator: "\n") where line.hasPrefix("Objective:") {
            if let equals = line.firstIndex(of: "=") {
                let rest = line[line.index(after: equals)...].split(separator: " ")
                return rest.first.flatMap { Double($0) }
            }
        }
        return nil
    }
}

/// A thread-safe box for results produced on other threads.
final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func update(_ change: (inout Value) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&stored)
    }
}

/// The backends every solver test runs on. HiGHS is loaded at run time: where it is missing its
/// cases pass without running, except under `CI=true`, where a missing HiGHS fails them (CI installs
/// it with scripts/install-deps.sh, so a skip there would hide a broken installation).
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case glpk, highs

    var testDescription: String { rawValue }

    /// The solver, or nil when HiGHS is missing outside CI (the case then stops without running).
    func solver() throws -> (any LinearSolver)? {
        switch self {
        case .glpk: return GLPKSolver()
        case .highs:
            if let missing = HiGHSSolver.unavailability {
                if ProcessInfo.processInfo.environment["CI"] == "true" { throw missing }
                return nil
            }
            return try HiGHSSolver()
        }
    }
}
