import Foundation
import GLPKBackend
import PassagePlanning
import PassageScenario
import PassageSynthetic
import Testing

@testable import PassageReports

/// The JSON report encodes a large plan's households in pieces side by side and splices them into the
/// rest: the bytes must be exactly those of encoding the whole plan in one go.
@Suite struct JSONSplicingTests {
    /// A plan of a generated caseload, with households moved and left unmoved.
    static let plan: Plan = {
        let scenario = SyntheticCaseload.generate(households: 300, seed: 4242, profile: .crisis, documentServices: true)
        // Any plan will do: both encodings read the same one.
        return try! Planner(scenario: scenario, solver: GLPKSolver()).plan(
            options: PlanningOptions(timeLimitSeconds: 5))
    }()

    @Test(arguments: [(2, 1), (3, 16), (4, 64), (7, 1), (4, 512)])
    func splicedPiecesGiveTheBytesOfOneEncoding(pieces: Int, smallestPiece: Int) {
        for options in [ReportOptions(format: .json), ReportOptions(includeTimings: true)] {
            let model = JSONReport.model(Self.plan, options: options)
            let whole = JSONReport.encoded(model)
            let spliced = JSONReport.encodedSplicingHouseholds(model, pieces: pieces, smallestPiece: smallestPiece)
            #expect(spliced == whole)
            #expect(Array(spliced.utf8) == Array(whole.utf8))
        }
    }

    @Test func thePlanHasMovedAndUnmovedHouseholds() {
        #expect(!Self.plan.itineraries.isEmpty)
        #expect(!Self.plan.unmoved.isEmpty)
        #expect(
            JSONReport.render(Self.plan)
                == JSONReport.encoded(JSONReport.model(Self.plan, options: ReportOptions(format: .json))))
    }

    @Test func aPlanWithFewerHouseholdsThanPiecesIsEncodedWhole() {
        let plan = SamplePlan.optimal()
        let model = JSONReport.model(plan, options: ReportOptions(format: .json))
        #expect(JSONReport.encodedSplicingHouseholds(model, pieces: 8, smallestPiece: 1) == JSONReport.encoded(model))
        var empty = model
        empty.households.list = []
        #expect(JSONReport.encodedSplicingHouseholds(empty, pieces: 4, smallestPiece: 1) == JSONReport.encoded(empty))
    }
}
