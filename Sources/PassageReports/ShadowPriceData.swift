import PassagePlanning

// Shadow prices in the machine-readable formats: the JSON report's `shadowPrices` object and the
// CSV report's second table. Field by field in docs/REPORTS.md.

struct JSONShadowPrices: Encodable, Sendable {
    var source: String
    var status: String
    var caveat: String
    var relaxationObjective: Nullable<Double>
    var tierOneWeight: Double
    var prices: [JSONShadowPrice]
    var bottlenecks: [JSONBottleneck]
    var legsWithoutSeatRows: [String]

    init(_ prices: ShadowPrices) {
        source = prices.source.rawValue
        status = prices.status.rawValue
        caveat = ShadowPriceDocument.caveat
        relaxationObjective = Nullable(prices.relaxationObjective)
        tierOneWeight = prices.tierOneWeight
        self.prices = prices.prices.map(JSONShadowPrice.init)
        bottlenecks = prices.bottlenecks.enumerated().map { JSONBottleneck(rank: $0 + 1, $1) }
        legsWithoutSeatRows = prices.legsWithoutSeatRows
    }
}

struct JSONShadowPrice: Encodable, Sendable {
    var kind: String
    var resourceID: String
    var week: Nullable<Int>
    var period: String
    var capacity: Double
    var used: Double
    var value: Double
    var tierOnePersons: Nullable<Double>
    var validRange: Nullable<JSONRange>
    var holdsForMore: Bool

    init(_ price: ShadowPrice) {
        kind = price.kind.rawValue
        resourceID = price.resourceID
        week = Nullable(price.week)
        period = price.period.description
        capacity = price.capacity
        used = price.used
        value = price.value
        tierOnePersons = Nullable(price.tierOnePersons)
        validRange = Nullable(price.validRange.map(JSONRange.init))
        holdsForMore = price.holdsForMore
    }
}

/// A range of capacity; `to` is null for no upper limit (JSON has no infinity).
struct JSONRange: Encodable, Sendable {
    var from: Double
    var to: Nullable<Double>

    init(_ range: ClosedRange<Double>) {
        from = range.lowerBound
        to = Nullable(range.upperBound.isFinite ? range.upperBound : nil)
    }
}

struct JSONBottleneck: Encodable, Sendable {
    var rank: Int
    var kind: String
    var resourceID: String
    var periods: [String]
    var value: Double
    var tierOnePersons: Nullable<Double>
    var largestPeriodValue: Double
    var integerCheck: Nullable<JSONIntegerCheck>

    init(rank: Int, _ bottleneck: Bottleneck) {
        self.rank = rank
        kind = bottleneck.kind.rawValue
        resourceID = bottleneck.resourceID
        periods = bottleneck.periods.map(\.description)
        value = bottleneck.value
        tierOnePersons = Nullable(bottleneck.tierOnePersons)
        largestPeriodValue = bottleneck.largestPeriodValue
        integerCheck = Nullable(bottleneck.integerCheck.map(JSONIntegerCheck.init))
    }
}

struct JSONIntegerCheck: Encodable, Sendable {
    var status: String
    var objectiveFall: Nullable<Double>
    var tierOnePersons: Nullable<Double>

    init(_ check: IntegerCheck) {
        status = check.status.rawValue
        objectiveFall = Nullable(check.objectiveFall)
        tierOnePersons = Nullable(check.tierOnePersons)
    }
}

/// The CSV table of shadow prices: one row per capacity row, in the order of `ShadowPrices.prices`.
enum ShadowPriceCSV {
    /// The header row, in column order.
    static let columns = [
        "kind", "resource_id", "week", "period", "capacity", "used", "value", "tier_one_persons", "valid_from",
        "valid_to", "holds_for_more", "bottleneck_rank",
    ]

    static func rows(_ prices: ShadowPrices) -> [[String]] {
        var rank: [CapacityResource: Int] = [:]
        for (index, bottleneck) in prices.bottlenecks.enumerated() {
            rank[CapacityResource(bottleneck.kind, id: bottleneck.resourceID)] = index + 1
        }
        return prices.prices.map { p in
            [
                p.kind.rawValue, CSVReport.text(p.resourceID), p.week.map(String.init) ?? "",
                CSVReport.text(p.period.description),
                Fmt.plain(p.capacity), Fmt.plain(p.used), Fmt.plain(p.value, maxDecimals: 6),
                p.tierOnePersons.map { Fmt.plain($0, maxDecimals: 6) } ?? "",
                p.validRange.map { Fmt.plain($0.lowerBound) } ?? "",
                // Empty: no upper limit (or no analysis, when valid_from is empty too).
                p.validRange.map { Fmt.plain($0.upperBound) } ?? "", p.holdsForMore ? "true" : "false",
                p.value > ShadowPrices.tolerance
                    ? rank[CapacityResource(p.kind, id: p.resourceID)].map(String.init) ?? "" : "",
            ]
        }
    }
}
