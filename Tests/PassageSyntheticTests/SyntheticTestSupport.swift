import PassageScenario

@testable import PassageSynthetic

/// Generated scenarios shared by the tests (generation is deterministic, so caching is safe).
enum Generated {
    static let tenThousand = SyntheticCaseload.generate(households: 10_000, seed: 7, profile: .steady)
}
