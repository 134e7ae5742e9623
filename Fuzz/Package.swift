// swift-tools-version: 6.0
// The libFuzzer target over every reader of outside input: scenario folders, sealed files, change files,
// previous plans, passphrase file descriptors, and the plans and partial results `passage stress` reads.
// A separate package so the sanitizer build never touches the main build or `swift test`. Run it with `make fuzz` (docs/FUZZING.md).
import PackageDescription

let package = Package(
    name: "PassageFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Passage", path: ".."),
    ],
    targets: [
        // `main` for SwiftPM's renamed executable entry point, handing over to libFuzzer's driver.
        .target(name: "FuzzMain"),
        .executableTarget(
            name: "PassageFuzz",
            dependencies: [
                "FuzzMain",
                .product(name: "PassageScenario", package: "Passage"),
                .product(name: "PassageSealing", package: "Passage"),
                .product(name: "PassageReports", package: "Passage"),
                .product(name: "PassagePlanning", package: "Passage"),
            ]
        ),
    ]
)
