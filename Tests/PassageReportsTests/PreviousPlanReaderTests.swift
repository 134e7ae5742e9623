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

    /// Found by fuzzing: a start date with a huge year trapped when weeks were counted from it, and a huge
    /// start week would overflow when shifted. Both are refused when read.
    @Test(arguments: [
        (#""startDate":"2026-11-30""#, #""startDate":"9223372036854775807-12-31""#),
        (#""startDate":"2026-11-30""#, #""startDate":"2026-02-30""#),
        (#""startDate":"2026-11-30""#, #""startDate":"+2026-11-30""#),
        (#""startDate":"2026-11-30""#, #""startDate":"2026-11""#),
        (#""startWeek":1,"#, #""startWeek":-9223372036854775808,"#),
        (#""startWeek":1,"#, #""startWeek":105,"#),
    ])
    func valuesOutOfRangeAreRefusedNotTrappedOn(original: String, damaged: String) throws {
        let minimal = try String(contentsOf: Self.minimalDemoPlan, encoding: .utf8).dropFirst()  // the mode byte
        #expect(minimal.contains(original))
        let data = Data(minimal.replacingOccurrences(of: original, with: damaged).utf8)
        #expect(throws: PreviousPlanReader.ReadError.self) { try PreviousPlanReader.read(data) }
        let read = try PreviousPlanReader.read(Data(minimal.utf8))
        #expect(read.startDate == CalendarDate(year: 2026, month: 11, day: 30))
    }

    /// A capacity row's period is read into its type where the plan is read: the periods read back as
    /// the plan had them, and a period no plan has is refused with a message naming it.
    @Test func capacityPeriodsReadBackAsValuesAndOthersAreRefused() throws {
        let plan = SamplePlan.optimal()
        let json = JSONReport.render(plan)
        let read = try PreviousPlanReader.readItineraries(Data(json.utf8))
        #expect(read.capacity.map(\.period).sorted() == plan.capacity.map(\.period).sorted())
        let damaged = json.replacingOccurrences(of: #""period" : "2026-12""#, with: #""period" : "2026-13""#)
        #expect(damaged != json)
        let error = #expect(throws: PreviousPlanReader.ReadError.self) {
            try PreviousPlanReader.readItineraries(Data(damaged.utf8))
        }
        #expect(error?.description.contains(#"period "2026-13""#) == true, "\(String(describing: error))")
    }

    /// The fields `--previous` reads of `passage plan Data/demo --format json` (a fuzz seed).
    static let minimalDemoPlan = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Corpus/previous-plan-demo")

    @Test func somethingElseIsRefusedWithAMessage() {
        #expect(throws: PreviousPlanReader.ReadError.self) { try PreviousPlanReader.read(Data("[1,2]".utf8)) }
    }
}
