// How big the network is for a caseload of N households. Model size grows with variety, so the
// network grows with N, but sub-linearly (a real organisation with ten times the cases does not have
// ten times the embassies). Powers of N are built from square roots only: IEEE 754 rounds `sqrt`
// exactly on every machine, unlike `pow`, so the counts are the same everywhere.

/// Counts of each kind of place and service for a caseload size.
struct NetworkSize {
    var origins: Int
    var originCountries: Int
    var lodgingPlaces: Int
    var safeHouses: Int
    var programmes: Int
    var destinationCountries: Int
    /// Legs to reach by adding alternatives once the structural legs exist.
    var targetLegs: Int
    var horizonWeeks: Int

    init(households: Int) {
        let n = Double(max(households, 1))
        let r2 = n.squareRoot(), r4 = r2.squareRoot(), r8 = r4.squareRoot(), r16 = r8.squareRoot()
        func scaled(_ factor: Double, _ power: Double, minimum: Int) -> Int {
            max(minimum, Int((factor * power).rounded()))
        }
        // 10 → 2, 1k → 8, 10k → 19, 100k → 45 (floors: 15 at 10k, 30 at 100k).
        origins = scaled(0.6, r4 * r8, minimum: 2)  // N^0.375
        // 10 → 2, 1k → 22, 10k → 80, 100k → 292 (floors: 60, 200).
        safeHouses = scaled(0.45, r2 * r16, minimum: 2)  // N^0.5625
        // 10 → 2, 1k → 12, 10k → 28, 100k → 67 (floors: 20, 40).
        programmes = scaled(0.9, r4 * r8, minimum: 2)  // N^0.375
        // 10 → 1, 1k → 4, 10k → 9, 100k → 18.
        lodgingPlaces = min(scaled(0.5, r4 * r16, minimum: 1), 2 * Geography.transitCountries.count)  // N^0.3125
        // 10 → 8, 1k → 61, 10k → 169, 100k → 462 (floors: 150, 400).
        targetLegs = scaled(3, r4 * r8 * r16, minimum: 4)  // N^0.4375
        originCountries = switch households {
        case ..<20: 1
        case ..<200: 2
        case ..<2_000: 3
        case ..<20_000: 4
        case ..<100_000: 5
        default: 6
        }
        destinationCountries = min(Geography.destinationCountries.count, max(2, (programmes + 1) / 2))
        horizonWeeks = 26
    }
}
