// swift-tools-version: 6.0
// The benchmark harness for Passage's LP layer: a separate package so the main package's users never
// build it. Run: swift run -c release --package-path Benchmarks passage-bench gap FILE... [options]
import PackageDescription

let package = Package(
    name: "PassageBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Passage", path: "..")],
    targets: [
        .executableTarget(
            name: "passage-bench",
            dependencies: [
                .product(name: "LinearProgramming", package: "Passage"),
                .product(name: "PassagePlanning", package: "Passage"),
                .product(name: "PassageScenario", package: "Passage"),
                .product(name: "PassageSynthetic", package: "Passage"),
            ]
        )
    ]
)
