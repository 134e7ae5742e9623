// shared_quotas.csv: one quota shared by several programmes (a scheme lodged at several embassies, or
// a country's cap over several schemes). Optional file.

enum SharedQuotaTable {
    static let schema = TableSchema(
        file: ScenarioFileName.sharedQuotas,
        columns: [
            ColumnSpec(name: "id", isRequired: true),
            ColumnSpec(name: "quota", isRequired: true),
            ColumnSpec(name: "quota_period", isRequired: true),
            ColumnSpec(name: "programmes", isRequired: true),
        ])

    static let programmeList = "a list of programme ids separated by ';' (e.g. P-DE-EVN;P-DE-TBS)"

    /// Decodes shared quotas. Programme ids are checked against `programmes` (when it has ids to check
    /// against) on every row, complete or not, as location references are.
    static func decode(
        _ table: CSVTable?, programmes: DecodedTable<VisaProgramme>, issues: inout [ValidationIssue]
    ) -> DecodedTable<SharedQuota> {
        // Nil when programmes.csv has no ids to check against (its own issue says why).
        let known: Set<String>? = programmes.isAvailable ? programmes.ids : nil
        return TableDecoding.decode(table, schema: schema, echoValues: true, issues: &issues) { id, row in
            let quota = row.requiredInteger("quota", atLeast: 0)
            let period = row.requiredEnum("quota_period", QuotaPeriod.self)
            let listed = row.required("programmes", programmeList) {
                CellParsing.list($0, item: CellParsing.identifier)
            }
            var seen: Set<String> = []
            var repeated: Set<String> = []
            var unknown: [String] = []
            for programme in listed ?? [] {
                if !seen.insert(programme).inserted { repeated.insert(programme) }
                if let known, !known.contains(programme) { unknown.append(programme) }
            }
            if !repeated.isEmpty {
                row.fail(
                    "programmes",
                    "programmes lists \(repeated.sorted().joined(separator: ", ")) more than once; "
                        + "list each programme once")
            }
            for programme in unknown {
                row.fail(
                    "programmes",
                    "programme \(programme) is not an id in \(ScenarioFileName.programmes)"
                        + ClosestNames.suggestion(for: programme, among: known ?? []))
            }
            guard let id, let quota, let period, let listed else { return nil }
            return SharedQuota(id: id, quota: quota, quotaPeriod: period, programmeIDs: listed)
        }
    }
}
