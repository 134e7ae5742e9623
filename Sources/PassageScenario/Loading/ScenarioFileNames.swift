// The fixed file names of a scenario folder.

/// The files that make up a scenario folder, in the order they are described in docs/SCENARIO.md.
public enum ScenarioFileName {
    /// Settings: title, dates, horizon, budget, objective weights, solver limits.
    public static let settings = "scenario.toml"
    /// The caseload: one row per household.
    public static let households = "households.csv"
    /// Places: origins, cities, border points, hubs, destinations.
    public static let locations = "locations.csv"
    /// Safe houses where households wait while their application is processed.
    public static let safeHouses = "safe_houses.csv"
    /// Route legs between locations.
    public static let legs = "legs.csv"
    /// Humanitarian visa programmes.
    public static let programmes = "programmes.csv"

    /// Households already under way, whose pathways are fixed (optional file).
    public static let commitments = "commitments.csv"
    /// Quotas several programmes share (optional file).
    public static let sharedQuotas = "shared_quotas.csv"
    /// Where households can obtain a stronger document (optional file).
    public static let documentServices = "document_services.csv"

    /// Every file a scenario needs; a missing one is an error.
    public static let all = [settings, households, locations, safeHouses, legs, programmes]
    /// Files a scenario may have; an absent one means an empty table.
    public static let optional = [commitments, sharedQuotas, documentServices]
}
