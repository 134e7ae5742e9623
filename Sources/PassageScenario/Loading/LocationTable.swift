// locations.csv: places of the network.

enum LocationTable {
    static let schema = TableSchema(file: ScenarioFileName.locations, columns: [
        ColumnSpec(name: "id", isRequired: true),
        ColumnSpec(name: "country", isRequired: true),
        ColumnSpec(name: "kind", isRequired: true),
        ColumnSpec(name: "latitude", isRequired: false),
        ColumnSpec(name: "longitude", isRequired: false),
    ])

    static func decode(_ table: CSVTable?, issues: inout [ValidationIssue]) -> DecodedTable<Location> {
        TableDecoding.decode(table, schema: schema, echoValues: true, issues: &issues) { id, row in
            let country = row.requiredCountry("country")
            let kind = row.requiredEnum("kind", LocationKind.self)
            let latitude = row.optionalNumber("latitude", -90...90)
            let longitude = row.optionalNumber("longitude", -180...180)
            guard let id, let country, let kind else { return nil }
            return Location(id: id, country: country, kind: kind, latitude: latitude, longitude: longitude)
        }
    }
}
