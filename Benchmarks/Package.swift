// swift-tools-version: 6.0
// The benchmark harness for Passage: a separate package so the main package's users never build it.
// Run: swift run -c release --package-path Benchmarks passage-bench gap FILE... [options]
//      Benchmarks/run.sh (make bench): the scale benchmark of issue 3, written to Benchmarks/RESULTS.md.
import PackageDescription

let benchDependencies: [Target.Dependency] = [
    "BenchGLPK",
    .product(name: "LinearProgramming", package: "Passage"),
    .product(name: "GLPKBackend", package: "Passage"),
    .product(name: "HiGHSBackend", package: "Passage"),
    .product(name: "PassagePlanning", package: "Passage"),
    .product(name: "PassageReports", package: "Passage"),
    .product(name: "PassageScenario", package: "Passage"),
    .product(name: "PassageSynthetic", package: "Passage"),
]

let package = Package(
    name: "PassageBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Passage", path: "..")],
    targets: [
        // GLPK's C API, for the baseline that fills GLPK's arrays directly (`passage-bench load-compare`).
        .systemLibrary(name: "BenchGLPK", providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]),
        .executableTarget(name: "passage-bench", dependencies: benchDependencies),
    ]
)
