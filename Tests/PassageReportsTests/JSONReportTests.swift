import Foundation
import PassagePlanning
import Testing

@testable import PassageReports

/// The machine-readable report: parseable, complete, exact and byte-stable.
@Suite struct JSONReportTests {
    func parse(_ json: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func topLevelKeysAndExactObjective() throws {
        let json = ReportRenderer.render(SamplePlan.optimal(), format: .json)
        let root = try parse(json)
        for key in ["status", "objective", "bound", "gap", "summary", "households", "scenario", "solver", "capacity"] {
            #expect(root[key] != nil, "missing \(key)")
        }
        #expect(root["status"] as? String == "optimal")
        // JSONDecoder parses numbers exactly (Linux JSONSerialization can be one ulp off, so it is not the judge).
        struct Numbers: Decodable { var objective: Double; var bound: Double }
        let numbers = try JSONDecoder().decode(Numbers.self, from: Data(json.utf8))
        #expect(numbers.objective.bitPattern == SamplePlan.objective.bitPattern)
        #expect(numbers.bound == SamplePlan.bound)
        // The text itself is the shortest round-trip form, so any parser recovers the same Double.
        #expect(json.contains("\"objective\" : \(SamplePlan.objective)"))
        #expect(Double("\(SamplePlan.objective)") == SamplePlan.objective)
    }

    @Test func solverScenarioSummaryAndCapacity() throws {
        let root = try parse(ReportRenderer.render(SamplePlan.optimal(), format: .json))
        let solver = try #require(root["solver"] as? [String: Any])
        #expect(solver["objectiveSense"] as? String == "minimize")
        #expect(solver["rows"] as? Int == 1234)
        #expect(solver["nonzeros"] as? Int == 23456)
        #expect(solver["provenOptimal"] as? Bool == true)
        #expect(solver["solveSeconds"] == nil)  // no timings by default: byte-stable
        let scenario = try #require(root["scenario"] as? [String: Any])
        #expect(scenario["startDate"] as? String == "2026-11-30")
        #expect(scenario["endDate"] as? String == "2027-02-21")
        let summary = try #require(root["summary"] as? [String: Any])
        let tiers = try #require(summary["byUrgency"] as? [[String: Any]])
        #expect(tiers.map { $0["urgency"] as? Int } == [1, 2, 3, 4])
        let capacity = try #require(root["capacity"] as? [[String: Any]])
        #expect(capacity.count == SamplePlan.capacity().count)
        #expect(capacity.contains { $0["resourceID"] as? String == "tb-1" && $0["week"] as? Int == 3 && $0["binding"] as? Bool == true })
        #expect(capacity.contains { $0["kind"] as? String == "budget" && $0["week"] is NSNull })
    }

    @Test func householdsMovedAndUnmoved() throws {
        let root = try parse(ReportRenderer.render(SamplePlan.optimal(), format: .json))
        let households = try #require(root["households"] as? [[String: Any]])
        #expect(households.compactMap { $0["id"] as? String } == ["H002", "H007", "H010", "H011", "H012"])
        let moved = households.filter { $0["moved"] as? Bool == true }
        #expect(moved.compactMap { $0["id"] as? String } == SamplePlan.movedIDs)
        let h002 = try #require(moved.first?["itinerary"] as? [String: Any])
        #expect((h002["outbound"] as? [[String: Any]])?.compactMap { $0["legID"] as? String } == ["gz-vk", "vk-tb"])
        #expect((h002["stay"] as? [String: Any])?["houseID"] as? String == "tb-1")
        #expect(moved.first?["reason"] is NSNull)

        let reasons = households.filter { $0["moved"] as? Bool == false }.compactMap { $0["reason"] as? [String: Any] }
        #expect(reasons.compactMap { $0["kind"] as? String } == ["no_eligible_pathway", "capacity", "solver_tolerance"])
        let blockers = try #require(reasons[0]["blockers"] as? [[String: Any]])
        #expect(blockers.first?["programmeID"] is NSNull)  // all programmes, listed first
        #expect(blockers.first?["explanation"] as? String == SamplePlan.blockerWithQuoteAndComma)
        let shortages = try #require(reasons[1]["shortages"] as? [[String: Any]])
        #expect(shortages.compactMap { $0["description"] as? String } == ["beds at tb-1 in W3–W7", "quota de-hap 2026-12", "budget"])
    }

    @Test func nullsForNoPlan() throws {
        let root = try parse(ReportRenderer.render(SamplePlan.noPlan(), format: .json))
        #expect(root["objective"] is NSNull)
        #expect(root["bound"] is NSNull)
        #expect(root["gap"] is NSNull)
        #expect(root["status"] as? String == "time_limit_no_solution")
    }

    @Test func sameBytesEveryTimeAndWithoutTimingNoise() {
        let plan = SamplePlan.timeLimited()
        var slower = plan
        slower.solver.solveSeconds = 42
        // Capacity rows in another order must not change the bytes either.
        slower.capacity.reverse()
        let first = ReportRenderer.render(plan, format: .json)
        #expect(first == ReportRenderer.render(plan, format: .json))
        #expect(first == ReportRenderer.render(slower, format: .json))
        #expect(ReportRenderer.render(plan, format: .csv) == ReportRenderer.render(slower, format: .csv))
    }

    @Test func timingsOnRequest() throws {
        let json = ReportRenderer.render(SamplePlan.optimal(), format: .json, options: ReportOptions(includeTimings: true))
        let solver = try #require(try parse(json)["solver"] as? [String: Any])
        #expect(solver["solveSeconds"] as? Double == 1.234)
    }
}
