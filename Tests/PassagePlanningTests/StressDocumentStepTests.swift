import Foundation
import PassageScenario
import Testing

@testable import PassagePlanning

/// `passage stress` and document steps (docs/STRESS.md, "Draws"): a step's refusal and its weeks are
/// drawn from `document_services.csv`'s `refusal_rate` and `weeks_max`; a refused household stays where
/// it is, a slower document pushes its whole journey back.
@Suite struct StressDocumentStepTests {
    /// StressSimulationTests' household H1, but applying at service DS in week 1 for 2 weeks first
    /// (its weeks then start from week 3, as planned); 4 weeks when the service is slowest.
    static func applying(weeksMax: Int = 2, refusal: Double = 0) -> StressInput {
        var input = StressSimulationTests.oneHousehold()
        input.itineraries[0] = StressItinerary(
            householdID: "H1", persons: 2, outbound: [StressDeparture(legID: "L1", week: 3)], houseID: "S1",
            stayFromWeek: 3, stayToWeek: 4, programmeID: "P1", onward: [StressDeparture(legID: "L2", week: 5)],
            arrivalWeek: 5, document: StressDocumentStep(serviceID: "DS", startWeek: 1, weeks: 2))
        input.documentServices = [StressDocumentService(id: "DS", weeks: 2, weeksMax: weeksMax, refusalRate: refusal)]
        return input
    }

    @Test func aStepAsPlannedChangesNothing() {
        let result = StressStudy.run(Self.applying(), seed: 5, trials: 10)
        for outcome in result.outcomes {
            #expect(outcome.personsArrived == 2 && outcome.delayWeeks == 0 && outcome.causes.isEmpty)
            #expect(outcome.householdsDocumentRefused == 0)
        }
    }

    @Test func aSureRefusalKeepsTheHouseholdWhereItIs() throws {
        let result = StressStudy.run(Self.applying(refusal: 1), seed: 5, trials: 10)
        for outcome in result.outcomes {
            #expect(outcome.householdsDocumentRefused == 1 && outcome.personsArrived == 0)
            #expect(outcome.householdsRefused == 0 && outcome.householdsStranded == 0 && outcome.extraCost == 0)
            #expect(outcome.causes == [StressCause(kind: .documentService, id: "DS", households: 1)])
        }
        let summary = StressSummary(result)
        // The refused documents come right after the refused applications.
        #expect(
            summary.statistics.map(\.key) == [
                "persons_arrived", "households_stranded", "households_refused", "households_document_refused",
                "households_late", "delay_weeks", "extra_cost",
            ])
        let refused = try #require(summary.statistics.first { $0.key == "households_document_refused" })
        #expect(refused.minimum == 1 && refused.maximum == 1)
        #expect(
            summary.fragilePoints == [StressFragilePoint(kind: .documentService, id: "DS", trials: 10, households: 10)])
    }

    @Test func aSlowerDocumentPushesTheJourneyBack() {
        let result = StressStudy.run(Self.applying(weeksMax: 4), seed: 7, trials: 60)
        let delays = result.outcomes.map(\.delayWeeks)
        // 0, 1 or 2 weeks later, each drawn in some trial; the household still arrives by week 7 of 10.
        #expect(Set(delays) == [0, 1, 2], "\(delays)")
        for outcome in result.outcomes {
            #expect(outcome.personsArrived == 2 && outcome.extraCost == 0)
            #expect(
                outcome.causes
                    == (outcome.delayWeeks > 0 ? [StressCause(kind: .documentService, id: "DS", households: 1)] : []))
        }
    }

    @Test func studiesWithoutStepsKeepTheirLayout() throws {
        let input = StressSimulationTests.oneHousehold()
        #expect(!input.hasDocumentSteps)
        let json = try String(decoding: JSONEncoder().encode(input), as: UTF8.self)
        #expect(!json.contains("document"), "\(json)")
        let result = StressStudy.run(input, seed: 1, trials: 3)
        #expect(result.outcomes.allSatisfy { $0.householdsDocumentRefused == nil })
        #expect(!StressSummary(result).statistics.contains { $0.key == "households_document_refused" })
        let decoded = try JSONDecoder().decode(StressInput.self, from: JSONEncoder().encode(Self.applying()))
        #expect(decoded == Self.applying())
    }

    @Test func aPlanWithAStepIsStudiedAgainstItsScenario() throws {
        var scenario = DocumentStepScenario.make()
        scenario.documentServices[0].weeksMax = 5
        scenario.documentServices[0].refusalRate = 0.25
        let plan = try Planner(scenario: scenario).plan()
        let input = try StressInput(scenario: scenario, plan: plan)
        #expect(input.itineraries.map(\.document) == [StressDocumentStep(serviceID: "S", startWeek: 1, weeks: 3)])
        #expect(input.documentServices == [StressDocumentService(id: "S", weeks: 3, weeksMax: 5, refusalRate: 0.25)])
        var other = scenario
        other.documentServices[0].id = "T"
        #expect(throws: StressInput.Mismatch.self) { try StressInput(scenario: other, plan: plan) }
    }
}
