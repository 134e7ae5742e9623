/// The targets of issue 3, part 3, checked against one run's records.
enum TargetChecks {
    /// Markdown table rows: target, measured, verdict.
    static func rows(caseloads: [CaseloadRecord], load: LoadComparison.Record?) -> [[String]] {
        func record(_ households: Int) -> CaseloadRecord? {
            caseloads.first { $0.households == households && $0.passage != nil }
        }
        var rows: [[String]] = []
        for (size, seconds, gapLimit) in [(10_000, 10.0, 0.005), (100_000, 60.0, 0.01)] {
            let label = "\(Fmt.int(size)) households"
            guard let passage = record(size)?.passage else {
                rows.append(["\(label): end to end ≤ \(Int(seconds)) s, gap ≤ \(gapLimit * 100) %", "no result", "MISSED unless not run: no record (a size that failed is listed under “Sizes that did not finish”)"])
                continue
            }
            let caveat = passage.reportSeconds == nil ? " (report phase not measured)" : ""
            rows.append([
                "\(label): end to end ≤ \(Int(seconds)) s", Fmt.seconds(passage.endToEndSeconds) + caveat,
                verdict(passage.endToEndSeconds, limit: seconds, unit: { Fmt.seconds($0) }),
            ])
            let gap = passage.solve.status == "optimal" ? 0 : passage.solve.gap
            rows.append([
                "\(label): gap ≤ \(gapLimit * 100) %", Fmt.percent(gap) + " (\(passage.solve.status))",
                gap.map { verdict($0, limit: gapLimit, unit: { Fmt.percent($0) }) } ?? "missed: no proven gap",
            ])
            if size == 100_000 {
                let limit = 4 * 1_073_741_824
                rows.append([
                    "\(label): peak memory ≤ 4 GiB", Fmt.bytes(passage.peakBytes),
                    verdict(Double(passage.peakBytes), limit: Double(limit), unit: { Fmt.bytes(Int($0)) }),
                ])
            }
        }
        if let load {
            rows.append([
                "Swift model-building layer ≤ 1.5× filling GLPK's arrays directly",
                String(format: "%.2f×", load.ratio), verdict(load.ratio, limit: 1.5, unit: { String(format: "%.2f", $0) }),
            ])
        } else {
            rows.append(["Swift model-building layer ≤ 1.5× filling GLPK's arrays directly", "not run", "not run in this benchmark"])
        }
        for caseload in caseloads {
            guard let highs = caseload.highs else { continue }
            let verdict: String
            switch highs.agrees {
            case true?: verdict = "met"
            case false?: verdict = "MISSED"
            case nil: verdict = highs.available ? "not comparable" : "not run: \(highs.note ?? "HiGHS unavailable")"
            }
            rows.append([
                "\(Fmt.int(caseload.households)) households: Passage's objective agrees with HiGHS",
                highs.agreement ?? highs.note ?? "–", verdict,
            ])
        }
        return rows
    }

    /// "met (…)" or "MISSED by …, ×ratio" for a value that must stay at or below `limit`.
    static func verdict(_ value: Double, limit: Double, unit: (Double) -> String) -> String {
        if value <= limit { return "met" }
        let ratio = limit > 0 ? String(format: " (%.2f× the target)", value / limit) : ""
        return "MISSED by \(unit(value - limit))\(ratio)"
    }
}
