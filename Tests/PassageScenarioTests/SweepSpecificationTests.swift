import Foundation
import Testing

@testable import PassageScenario

/// `--vary RESOURCE=FROM..TO[:STEP]` (docs/WHATIF.md, "Sweeps"): read, checked, and applied exactly
/// as a change file setting the same value.
@Suite struct SweepSpecificationTests {
    static var demo: Scenario { ChangeFileTests.demo }

    @Test func readsEachKindOfResource() throws {
        let beds = try SweepSpecification.parse("beds:SH-EVN-1=5..15:2")
        #expect(beds.resource == .beds(houseID: "SH-EVN-1"))
        #expect(beds.values == [5, 7, 9, 11, 13, 15])
        #expect(try SweepSpecification.parse("seats:L11=0..20:5").values == [0, 5, 10, 15, 20])
        #expect(try SweepSpecification.parse("quota:P-CA-IST=0..24:4").resource == .quota(programmeID: "P-CA-IST"))
        #expect(try SweepSpecification.parse("quota:P-CA-IST=2..5").values == [2, 3, 4, 5])
        let budget = try SweepSpecification.parse("budget=50000..150000:25000")
        #expect(budget.resource == .budget)
        #expect(budget.values == [50_000, 75_000, 100_000, 125_000, 150_000])
        // The budget's default step is a tenth of the range.
        #expect(try SweepSpecification.parse("budget=0..1000").values.count == 11)
        // Values never pass TO; TO is planned when a whole number of steps reaches it.
        #expect(try SweepSpecification.parse("beds:K=0..20:3").values == [0, 3, 6, 9, 12, 15, 18])
        #expect(try SweepSpecification.parse("budget=0..0.3:0.1").values.count == 4)
        #expect(beds.description == "beds:SH-EVN-1=5..15:2")
    }

    @Test(arguments: [
        ("beds:SH-EVN-1", "has no \"=\""),
        (
            "bed:SH-EVN-1=1..3",
            "is not a resource to vary: expected one of beds:HOUSE, seats:LEG, quota:PROGRAMME, shared_quota:ID,"
                + " document_service:ID or budget"
        ),
        ("beds=1..3", "beds needs the id of a safe house"),
        ("document_service=1..3", "document_service needs the id of a document service"),
        ("document_service:DS-A=0..2.5", "TO 2.5 is not a whole number; document service places count persons"),
        ("budget:X=1..3", "budget takes no id"),
        ("beds:K=1-3", "is not a range"),
        ("beds:K=a..3", "FROM \"a\" is not a number"),
        ("beds:K=5..3", "FROM (5) is larger than TO (3)"),
        ("beds:K=1..3:0", "STEP must be larger than 0"),
        ("beds:K=1.5..3", "not a whole number"),
        ("quota:P=-2..3", "negative"),
        ("budget=0..1000:1", "1001 values is more than the 101 a sweep plans"),
    ])
    func refusesWhatItCannotRead(text: String, message: String) {
        do {
            _ = try SweepSpecification.parse(text)
            Issue.record("\(text) was accepted")
        } catch let error as SweepSpecificationError {
            #expect(error.description.contains(message), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unknownIdsAreNamedWithTheClosestIds() {
        #expect(SweptResource.beds(houseID: "SH-EVN-1").problem(in: Self.demo) == nil)
        #expect(SweptResource.budget.problem(in: Self.demo) == nil)
        #expect(
            SweptResource.beds(houseID: "SH-EVN-3").problem(in: Self.demo)
                == "safe house SH-EVN-3 is not an id in safe_houses.csv; did you mean SH-EVN-1, SH-EVN-2?")
        #expect(
            SweptResource.quota(programmeID: "nothing like it").problem(in: Self.demo)
                == "programme nothing like it is not an id in programmes.csv")
        #expect(SweptResource.seats(legID: "l11").problem(in: Self.demo)?.contains("did you mean L11") == true)
    }

    /// One source of truth: a swept value gives the scenario a change file with that value gives.
    @Test func aValueIsAppliedAsTheSameChangeFileWould() throws {
        let cases: [(SweptResource, Double, String)] = [
            (.beds(houseID: "SH-EVN-1"), 9, "[[safe_house]]\nid = \"SH-EVN-1\"\nbeds = 9\n"),
            (.seats(legID: "L11"), 3, "[[leg]]\nid = \"L11\"\nseats_per_week = 3\n"),
            (.quota(programmeID: "P-CA-IST"), 0, "[[programme]]\nid = \"P-CA-IST\"\nquota = 0\n"),
            (.budget, 75_000.5, "budget = 75000.5\n"),
        ]
        for (resource, value, file) in cases {
            let swept = try resource.applying(value, to: Self.demo)
            let changed = try ChangeFile.variant(Data(file.utf8), file: "c.toml", base: Self.demo).scenario
            #expect(swept == changed, "\(resource)")
            #expect(resource.currentValue(in: swept) == value)
        }
        #expect(SweptResource.beds(houseID: "SH-EVN-1").currentValue(in: Self.demo) == 5)
    }

    /// A document service's places a week (`capacity` in document_services.csv) are swept like seats,
    /// set as a `[[document_service]]` change would set them.
    @Test func aSweepVariesADocumentServicesPlaces() throws {
        let scenario = try ScenarioLoader.load(
            files: Fixture.files(["document_services.csv": DocumentServiceTableTests.services]))
        let sweep = try SweepSpecification.parse("document_service:DS-A=0..6:3")
        #expect(sweep.resource == .documentService(id: "DS-A"))
        #expect(sweep.values == [0, 3, 6])
        #expect(sweep.description == "document_service:DS-A=0..6:3")
        #expect(sweep.resource.label == "places a week at document service DS-A")
        #expect(sweep.resource.currentValue(in: scenario) == 3)
        // DS-B has no limit: no value of its own, and a sweep gives it one.
        #expect(SweptResource.documentService(id: "DS-B").currentValue(in: scenario) == nil)
        let swept = try sweep.resource.applying(6, to: scenario)
        let file = "[[document_service]]\nid = \"DS-A\"\ncapacity = 6\n"
        #expect(swept == (try ChangeFile.variant(Data(file.utf8), file: "c.toml", base: scenario).scenario))
        #expect(swept.documentServices.map(\.capacity) == [6, nil])
        #expect(
            SweptResource.documentService(id: "DS-C").problem(in: scenario)
                == "document service DS-C is not an id in document_services.csv; did you mean DS-A, DS-B?")
        #expect(SweptResource.documentService(id: "DS-A").problem(in: scenario) == nil)
    }
}
