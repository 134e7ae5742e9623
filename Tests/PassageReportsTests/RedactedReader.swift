import Foundation
import GLPKBackend
import LinearProgramming

/// A reader of a published redacted JSON report who wants exact counts: every count string becomes an
/// integer unknown within its band, every relation the report's structure implies becomes a row, and an
/// integer program finds the least and greatest value each unknown can take. Written from the JSON
/// alone, apart from `DisclosureAudit`, so it checks the rule rather than repeating it.
struct RedactedReader {
    /// A count the reader could pin: where it is shown and the one value it must have.
    struct Finding: CustomStringConvertible {
        var name: String
        var value: Int
        var description: String { "\(name) = \(value)" }
    }

    /// Relations that hold for some plans only; the test says which hold for the plan at hand, as a
    /// reader might guess them.
    struct Guesses {
        /// Persons lodged with programmes add up to the persons moved.
        var lodgedAddUpToPersonsMoved: Bool
        /// Persons hosted in safe houses add up to the persons moved.
        var hostedAddUpToPersonsMoved: Bool
        /// Persons lodged within each shared quota add up to those lodged with its programmes (its
        /// periods cover every lodging).
        var sharedLodgedAddUpToTheirProgrammes = true
    }

    private var model = LinearModel(name: "reader")
    private var names: [String] = []

    /// The counts in `json` that a reader can work out exactly (zero counts are shown as `0` by design).
    static func exactCounts(in json: String, guesses: Guesses) throws -> [Finding] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        var reader = RedactedReader()
        return try reader.read(object, guesses: guesses)
    }

    private mutating func unknown(_ name: String, _ shown: Any?) -> Variable {
        let text = shown as! String
        let range: (Double, Double)
        if text == "0" {
            range = (0, 0)
        } else if text == "<5" {
            range = (1, 4)
        } else {
            let parts = text.split(separator: "–").map { Double($0)! }
            range = (parts[0], parts[1])
        }
        names.append(name)
        return model.addVariable(name, lowerBound: range.0, upperBound: range.1, kind: .integer)
    }

    private mutating func row(_ plus: [Variable], _ minus: [Variable], _ relation: Relation) {
        var e = LinearExpression()
        for v in plus { e += v }
        for v in minus { e += (-1, v) }
        model.addConstraint("r\(model.constraintCount)", e, relation, 0)
    }

    private mutating func read(_ report: [String: Any], guesses: Guesses) throws -> [Finding] {
        typealias Row = (hm: Variable, ht: Variable, pm: Variable, pt: Variable)
        let summary = (report["summary"] as! [[String: Any]]).map { t -> Row in
            let label = t["label"] as! String
            let r = (
                unknown("\(label) households moved", t["householdsMoved"]),
                unknown("\(label) households", t["householdsTotal"]),
                unknown("\(label) persons moved", t["personsMoved"]), unknown("\(label) persons", t["personsTotal"])
            )
            row([r.0], [r.1], .lessOrEqual)
            row([r.2], [r.3], .lessOrEqual)
            row([r.0], [r.2], .lessOrEqual)
            row([r.1], [r.3], .lessOrEqual)
            row([r.1, r.2], [r.0, r.3], .lessOrEqual)
            return r
        }
        let labels = (report["summary"] as! [[String: Any]]).map { $0["label"] as! String }
        let all = labels.last == "all" ? summary.last : nil
        let tiers = all == nil ? summary : Array(summary.dropLast())
        if let all, !tiers.isEmpty {
            row(tiers.map(\.hm), [all.hm], .equal)
            row(tiers.map(\.ht), [all.ht], .equal)
            row(tiers.map(\.pm), [all.pm], .equal)
            row(tiers.map(\.pt), [all.pt], .equal)
        }
        func groups(_ key: String) -> (h: [Variable], p: [Variable]) {
            let rows = (report[key] as! [[String: Any]]).map { g in
                (
                    unknown("\(key) \(g["label"]!) households", g["households"]),
                    unknown("\(key) \(g["label"]!) persons", g["persons"])
                )
            }
            for r in rows { row([r.0], [r.1], .lessOrEqual) }
            return (rows.map(\.0), rows.map(\.1))
        }
        let withheld = Set(report["withheld"] as! [String])
        let destinations = groups("destinations")
        let notMoved = groups("notMoved")
        let hosted = (report["safeHouses"] as! [[String: Any]]).map {
            unknown("\($0["code"]!) hosted", $0["personsHosted"])
        }
        var lodgedWith: [String: Variable] = [:]
        let lodged = (report["programmes"] as! [[String: Any]]).map { p -> Variable in
            let lodged = unknown("\(p["programmeID"]!) lodged", p["personsLodged"])
            row([lodged], [unknown("\(p["programmeID"]!) quota", p["quota"])], .lessOrEqual)
            lodgedWith[p["programmeID"] as! String] = lodged
            return lodged
        }
        // Shared quotas name their programmes, so a reader can add those programmes' counts up.
        for shared in report["sharedQuotas"] as? [[String: Any]] ?? [] {
            let id = shared["sharedQuotaID"] as! String
            let count = unknown("\(id) lodged (shared)", shared["personsLodged"])
            row([count], [unknown("\(id) quota (shared)", shared["quota"])], .lessOrEqual)
            if let all { row([count], [all.pm], .lessOrEqual) }
            let members = (shared["programmeIDs"] as! [String]).compactMap { lodgedWith[$0] }
            guard !members.isEmpty, members.count == (shared["programmeIDs"] as! [String]).count else { continue }
            if guesses.sharedLodgedAddUpToTheirProgrammes {
                row([count], members, .equal)
            } else {
                row([count], members, .lessOrEqual)
            }
        }
        if let all {
            if !withheld.contains("destinations") {
                row(destinations.h, [all.hm], .equal)
                row(destinations.p, [all.pm], .equal)
            }
            if !withheld.contains("not_moved") {
                row(notMoved.h + [all.hm], [all.ht], .equal)
                row(notMoved.p + [all.pm], [all.pt], .equal)
            }
            if !withheld.contains("safe_houses") {
                row(hosted, [all.pm], guesses.hostedAddUpToPersonsMoved ? .equal : .lessOrEqual)
            }
            if !withheld.contains("programmes") {
                row(lodged, [all.pm], guesses.lodgedAddUpToPersonsMoved ? .equal : .lessOrEqual)
            }
        }

        var findings: [Finding] = []
        for index in names.indices {
            let v = Variable(index: index)
            var expression = LinearExpression()
            expression += v
            var values: [Double] = []
            for sense in [ObjectiveSense.minimize, .maximize] {
                model.setObjective(sense, expression)
                let solution = try GLPKSolver().solve(model, options: SolverOptions())
                guard solution.status == .optimal, let value = solution.objectiveValue else {
                    throw ReaderError.noSolution(names[index], solution.status)
                }
                values.append(value.rounded())
            }
            if values[0] == values[1] && values[0] > 0 {
                findings.append(Finding(name: names[index], value: Int(values[0])))
            }
        }
        return findings
    }

    enum ReaderError: Error { case noSolution(String, SolveStatus) }
}
