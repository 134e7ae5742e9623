// swift-tools-version: 6.0
// Passage: an offline relocation logistics planner. See README.md and docs/.
import PackageDescription

let package = Package(
    name: "Passage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "passage", targets: ["passage"]),
        .library(name: "PassagePlanning", targets: ["PassagePlanning"]),
        .library(name: "PassageScenario", targets: ["PassageScenario"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "GLPKBackend", targets: ["GLPKBackend"]),
        .library(name: "HiGHSBackend", targets: ["HiGHSBackend"]),
        .library(name: "PassageSynthetic", targets: ["PassageSynthetic"]),
        .library(name: "PassageSealing", targets: ["PassageSealing"]),
        .library(name: "PassageReports", targets: ["PassageReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // GLPK's C header and library (Debian: libglpk-dev; no pkg-config file there).
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
        ),
        // The setjmp/longjmp guard around GLPK calls: Swift frames must never be jumped over.
        .target(name: "GLPKGuard", dependencies: ["CGLPK"]),
        // Solver-independent linear/mixed-integer programming: models, solutions, statuses, options,
        // progress, MPS and CPLEX-LP writing. Imports no solver.
        .target(name: "LinearProgramming"),
        // The GLPK backend of LinearProgramming: the only Swift module that imports CGLPK.
        .target(name: "GLPKBackend", dependencies: ["LinearProgramming", "CGLPK", "GLPKGuard"]),
        // The HiGHS backend: HiGHS's C API loaded at run time (dlopen), so nothing links against HiGHS.
        .target(name: "HiGHSBackend", dependencies: ["LinearProgramming"]),
        // ScriptedSolver: canned answers for testing code that drives a solver. Tests only.
        .target(name: "LinearProgrammingTesting", dependencies: ["LinearProgramming"]),
        // Scenario types, loading from files, strict validation.
        .target(
            name: "PassageScenario",
            dependencies: [
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Synthetic scenarios as varied as real caseloads, for tests and benchmarks at scale.
        .target(name: "PassageSynthetic", dependencies: ["PassageScenario"]),
        // Pathways, the mixed-integer formulation, plan decoding and reasons.
        .target(name: "PassagePlanning", dependencies: ["PassageScenario", "LinearProgramming"]),
        // Rendering plans as text, Markdown, JSON and CSV; atomic owner-only output.
        .target(
            name: "PassageReports",
            dependencies: ["PassagePlanning", .product(name: "CSV", package: "CSV.swift")]
        ),
        // Sealed (encrypted, authenticated) scenarios and reports: format, passphrases, KDF. docs/SEALED.md.
        .target(
            name: "PassageSealing",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // The command-line commands, as a library so tests run them in-process.
        .target(
            name: "PassageCommands",
            dependencies: [
                "PassageReports",
                "PassageSynthetic",
                "PassageSealing",
                "GLPKBackend",
                "HiGHSBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "passage", dependencies: ["PassageCommands"]),

        .testTarget(
            name: "LinearProgrammingTests",
            dependencies: ["LinearProgramming", "GLPKBackend", "HiGHSBackend", "LinearProgrammingTesting"]),
        .testTarget(name: "PassageScenarioTests", dependencies: ["PassageScenario"]),
        .testTarget(
            name: "PassagePlanningTests",
            dependencies: [
                "PassagePlanning", "PassageSynthetic", "GLPKBackend", "HiGHSBackend", "LinearProgrammingTesting",
            ]),
        // Snapshots are read through #filePath, not bundled as resources.
        .testTarget(name: "PassageReportsTests", dependencies: ["PassageReports", "GLPKBackend", "PassageSynthetic"], exclude: ["Snapshots"]),
        .testTarget(name: "PassageCommandsTests", dependencies: ["PassageCommands", "PassageSealing", "HiGHSBackend"]),
        .testTarget(name: "PassageSyntheticTests", dependencies: ["PassageSynthetic", "PassagePlanning", "GLPKBackend"]),
        // Also replays the fuzz corpus (Tests/Fuzz) through every reader of outside input.
        .testTarget(
            name: "PassageSealingTests",
            dependencies: ["PassageSealing", "PassageScenario", "PassagePlanning", "PassageReports"]),
    ]
)
