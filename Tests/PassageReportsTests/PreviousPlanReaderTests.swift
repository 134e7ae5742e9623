import Foundation
import Testing
import PassagePlanning
import PassageScenario
@testable import PassageReports

@Suite struct PreviousPlanReaderTests {
    /// A JSON plan read back gives the same pathways and unmoved households as the plan itself.
    @Test func aJSONPlanReadsBackAsThePreviousPlan() throws {
        let plan = SamplePlan.optimal()
        let read = try PreviousPlanReader.read(Data(JSONReport.render(plan).utf8))
        #expect(read == PreviousPlan(plan))
        #expect(!read.pathways.isEmpty && !read.notMoved.isEmpty)
    }

    @Test func somethingElseIsRefusedWithAMessage() {
        #expect(throws: PreviousPlanReader.ReadError.self) { try PreviousPlanReader.read(Data("[1,2]".utf8)) }
    }
}
