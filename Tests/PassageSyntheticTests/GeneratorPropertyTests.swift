import Foundation
import PassageScenario
import Testing

@testable import PassageSynthetic

@Suite("Generator properties")
struct GeneratorPropertyTests {
    @Test("the same arguments give identical bytes; another seed or profile gives different ones")
    func deterministic() {
        let first = ScenarioWriter.files(for: SyntheticCaseload.generate(households: 500, seed: 42, profile: .crisis))
        let second = ScenarioWriter.files(for: SyntheticCaseload.generate(households: 500, seed: 42, profile: .crisis))
        #expect(first == second)
        let otherSeed = ScenarioWriter.files(for: SyntheticCaseload.generate(households: 500, seed: 43, profile: .crisis))
        #expect(otherSeed[ScenarioFileName.households] != first[ScenarioFileName.households])
        #expect(otherSeed[ScenarioFileName.legs] != first[ScenarioFileName.legs])
        let otherProfile = ScenarioWriter.files(for: SyntheticCaseload.generate(households: 500, seed: 42, profile: .steady))
        #expect(otherProfile[ScenarioFileName.households] != first[ScenarioFileName.households])
    }

    @Test("a tiny caseload writes one row per household under the documented header")
    func tiny() {
        let scenario = SyntheticCaseload.generate(households: 5, seed: 1, profile: .steady)
        let text = String(decoding: ScenarioWriter.files(for: scenario)[ScenarioFileName.households]!, as: UTF8.self)
        #expect(text.split(separator: "\n").count == 6)
        #expect(text.hasPrefix("id,size,location,urgency,ready_week,nationality,passport,internal_id,needs,"))
    }

    @Test("variety floors at 10,000 households (DESIGN.md)")
    func varietyAtTenThousand() {
        let scenario = Generated.tenThousand
        let variety = ScenarioVariety(scenario)
        #expect(variety.origins >= 15)
        #expect(variety.safeHouses >= 60)
        #expect(variety.legs >= 150)
        #expect(variety.programmes >= 20)
        #expect(variety.nationalities >= 3)
        #expect(variety.strongestDocuments == 3)
        #expect(Set(scenario.households.map(\.passport)).count == 3)
        #expect(variety.needsTags >= 4)
        #expect(variety.horizonWeeks == 26)
        for kind in LocationKind.allCases where kind != .origin {
            #expect(scenario.locations.contains { $0.kind == kind }, "no \(kind) location")
        }
        #expect(Set(scenario.legs.map(\.mode)).isSuperset(of: [.road, .rail, .air]))
        #expect(Set(scenario.households.map(\.size)).count >= 6)
        #expect(Set(scenario.households.map(\.urgency)).count == 4)
        #expect(scenario.households.contains { !$0.excludedCountries.isEmpty })
        #expect(scenario.households.contains { !$0.preferredCountries.isEmpty })
        #expect(scenario.safeHouses.contains { $0.openUntilWeek != nil })
        #expect(Set(scenario.programmes.map(\.quotaPeriod)).count == 2)
        #expect(Set(scenario.programmes.map(\.processingWeeks)).isSubset(of: Set(2...12)))
        // EAEU-style entry on an internal ID for some nationalities, a passport for others.
        #expect(scenario.legs.contains { $0.documents.byNationality.values.contains(.internalID) })
        #expect(scenario.legs.contains { $0.documents.fallback == .internationalPassport })
    }

    @Test("variety floors at 100,000 households (network only grows with N)")
    func varietyAtHundredThousand() {
        let size = NetworkSize(households: 100_000)
        #expect(size.origins >= 30)
        #expect(size.safeHouses >= 200)
        #expect(size.targetLegs >= 400)
        #expect(size.programmes >= 40)
        let small = NetworkSize(households: 10)
        #expect(small.origins <= 3 && small.safeHouses <= 3 && small.programmes <= 3 && small.lodgingPlaces == 1)
    }

    @Test("capacity binds: quotas, bed-weeks and budget fall well short of moving every person")
    func capacityBinds() throws {
        for profile in SyntheticProfile.allCases {
            let scenario = SyntheticCaseload.generate(households: 2_000, seed: 5, profile: profile)
            let persons = Double(scenario.households.reduce(0) { $0 + $1.size })
            let sizing = CapacitySizing(persons: Int(persons), profile: profile, settings: scenario.settings)
            let quotas = scenario.programmes.reduce(0.0) {
                $0 + Double($1.quota) * ($1.quotaPeriod == .month ? Double(sizing.months) : 1)
            }
            #expect(quotas < 0.75 * persons, "quotas for \(quotas) of \(persons) persons")
            #expect(quotas > 0.25 * persons)
            let horizon = scenario.settings.horizonWeeks
            let bedWeeks = scenario.safeHouses.reduce(0.0) {
                $0 + Double($1.beds * (($1.openUntilWeek ?? horizon) - $1.openFromWeek + 1))
            }
            let meanProcessing = scenario.programmes.reduce(0.0) { $0 + Double($1.processingWeeks) }
                / Double(scenario.programmes.count)
            #expect(bedWeeks < 0.8 * persons * meanProcessing, "bed-weeks \(bedWeeks)")
            let meanFee = scenario.programmes.reduce(0.0) { $0 + $1.costPerPerson } / Double(scenario.programmes.count)
            let meanStay = scenario.safeHouses.reduce(0.0) { $0 + $1.costPerPersonWeek } / Double(scenario.safeHouses.count)
            #expect(try #require(scenario.settings.budget) < persons * (meanFee + meanProcessing * meanStay))
        }
    }
}
