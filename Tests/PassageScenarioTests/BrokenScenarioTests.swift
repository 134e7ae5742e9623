import Foundation
import Testing

@testable import PassageScenario

@Suite("Broken scenarios")
struct BrokenScenarioTests {
    /// Many problems in several files at once: every one is reported, located and explained.
    static let broken: [String: String?] = [
        "scenario.toml": """
            title = "Broken"
            start_date = 2026-12-01
            horizon_weeks = 200
            colour = "red"

            [objective]
              urgency_weights = [1000, 400, 150]

            """,
        "households.csv": """
            id,size,location,urgency,ready_week,nationality,passport,internal_id,needs,Full-Name
            H1,1,a,1,1,RU,none,yes,,x
            H2,CANARY-7731,a,9,1,RU,none,yes,,x
            H1,2,zz,1,12,RU,bogus,yes,Medical,x
            H4,1,a,1,1,RU,none,yes

            """,
        "locations.csv": """
            id,country,kind
            a,RU,origin
            b,AM,city
            c,DE,destination
            d,ru,city

            """,
        "safe_houses.csv": """
            id,location,cost_per_person_week,colour
            S1,b,50,red
            S2,nowhere,-5,blue

            """,
        "legs.csv": """
            id,from,to,mode,duration_days,cost_per_person,seats_per_week,documents,risk
            L1,a,b,road,1,10,5,RU:internal_id;XX:visa,2
            L2,a,a,boat,31,10,5,none,11

            """,
        "programmes.csv": """
            id,destination_country,lodged_at,arrival,quota,quota_period,processing_weeks,documents,cost_per_person
            P1,CA,b,c,3,month,4,internal_id,200
            P2,DE,nowhere,c,3,week,4,internal_id,200

            """,
    ]

    @Test("every problem in every file is reported in one run, located and explained")
    func everythingAtOnce() {
        #expect(Fixture.issues(Fixture.files(Self.broken)) == [
            "households.csv:1:76: error: column \"Full-Name\" looks like a direct personal identifier and is refused: Passage keeps pseudonymous ids only; remove the column (keep such details outside Passage)",
            "households.csv:3:4: error: size must be an integer from 1 to 30",
            "households.csv:3:18: error: urgency must be an integer from 1 to 4",
            "households.csv:4:1: error: duplicate id H1: first defined on line 2",
            "households.csv:4:6: error: location is not an id in locations.csv",
            "households.csv:4:17: error: passport must be one of valid, expired, none",
            "households.csv:4:27: error: needs must be a list of tags separated by ';', each lower-case letters, digits or '_' starting with a letter",
            "households.csv:5:1: error: the row has 8 fields but the header has 10",
            "legs.csv:2:20: error: documents must be a document kind (none, internal_id, international_passport) or NAT:kind pairs separated by ';' with *:kind for other nationalities (e.g. RU:internal_id;*:international_passport): in \"XX:visa\" the document must be one of none, internal_id, international_passport",
            "legs.csv:3:6: error: to must differ from from (both are \"a\")",
            "legs.csv:3:8: error: mode must be one of road, rail, air, sea (got \"boat\")",
            "legs.csv:3:13: error: duration_days must be an integer from 0 to 30 (got \"31\")",
            "legs.csv:3:26: error: risk must be a number from 0 to 10 (got \"11\")",
            "locations.csv:5:3: error: country must be a two-letter country code in capitals (e.g. RU) (got \"ru\")",
            "programmes.csv:2:9: error: arrival \"c\" is in country DE but destination_country is CA; the arrival must be in the destination country",
            "programmes.csv:3:7: error: lodged_at \"nowhere\" is not an id in locations.csv",
            "programmes.csv:3:19: error: quota_period must be one of horizon, month (got \"week\")",
            "safe_houses.csv:1:1: error: required column \"beds\" is missing from the header",
            "safe_houses.csv:1:34: error: unknown column \"colour\"; expected columns: id, location, beds, open_from_week, open_until_week, cost_per_person_week, max_stay_weeks, needs_supported, closure_risk, transit",
            "safe_houses.csv:3:4: error: location \"nowhere\" is not an id in locations.csv",
            "safe_houses.csv:3:12: error: cost_per_person_week must be a number of 0 or more (got \"-5\")",
            "scenario.toml:2:1: error: start_date must be a Monday, because week 1 starts then; 2026-12-01 is a Tuesday",
            "scenario.toml:3:1: error: horizon_weeks must be an integer from 1 to 104",
            "scenario.toml:4:1: error: unknown key \"colour\"; expected one of: title, start_date, horizon_weeks, budget, currency, objective, solver",
            "scenario.toml:7:3: error: objective.urgency_weights must be an array of exactly 4 numbers greater than 0, for urgency tiers 1 to 4, not increasing",
        ])
    }

    @Test("load(files:) throws every issue, sorted")
    func loadThrows() {
        do {
            _ = try ScenarioLoader.load(files: Fixture.files(Self.broken))
            Issue.record("a broken scenario loaded")
        } catch let error as ScenarioValidationError {
            #expect(error.issues.count == 25)
            #expect(error.issues == error.issues.sorted())
            #expect(error.description.split(separator: "\n").count == 25)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("household messages never contain a household's cell values")
    func householdMessagesAreRedacted() {
        let households = ScenarioLoader.validate(files: Fixture.files(Self.broken)).filter { $0.file == "households.csv" }
        #expect(households.count == 8)
        for issue in households {
            for value in ["CANARY-7731", "CANARY", "bogus", "Medical", "zz", "12"] {
                #expect(!issue.message.contains(value), "\(issue) echoes a cell value")
            }
        }
    }

    @Test("a missing file is reported at its line 1, column 1")
    func missingFile() {
        #expect(Fixture.issues(Fixture.files(["legs.csv": nil])) == [
            "legs.csv:1:1: error: the file legs.csv is missing (or cannot be read); a scenario needs scenario.toml, households.csv, locations.csv, safe_houses.csv, legs.csv, programmes.csv"
        ])
    }

    @Test("a missing folder reports every file")
    func missingFolder() {
        let issues = ScenarioLoader.validate(directory: URL(fileURLWithPath: "/nonexistent/passage-scenario"))
        #expect(issues.map(\.file) == ScenarioFileName.all.sorted())
    }

    @Test("TOML syntax errors carry their line and column")
    func tomlSyntax() {
        let issues = ScenarioLoader.validate(files: Fixture.files([
            "scenario.toml": "title = \"T\"\nstart_date = 2026-11-30\nhorizon_weeks = = 3\n"
        ]))
        #expect(issues.count == 1)
        let issue = issues[0]
        #expect(issue.file == "scenario.toml" && issue.line == 3 && issue.column == 17)
        #expect(issue.message.hasPrefix("TOML syntax error: "))
    }

    @Test("TOML semantics: missing keys, wrong types, unknown tables and keys in tables")
    func tomlSemantics() {
        let toml = """
            title = ""
            start_date = "2026-11-30"
            budget = -1
            currency = "eur"

            [solver]
            mip_gap = 1
            threads = 2

            [extras]
            a = 1

            """
        #expect(Fixture.issues(Fixture.files(["scenario.toml": toml])) == [
            "scenario.toml:1:1: error: missing required key horizon_weeks: expected an integer from 1 to 104",
            "scenario.toml:1:1: error: title must be a non-empty string",
            "scenario.toml:2:1: error: start_date must be a date written year first as YYYY-MM-DD without quotes, and a Monday (found \"2026-11-30\"); did you mean start_date = 2026-11-30?",
            "scenario.toml:3:1: error: budget must be a number of 0 or more",
            "scenario.toml:4:1: error: currency must be three capital letters (e.g. EUR)",
            "scenario.toml:7:1: error: solver.mip_gap must be a number from 0 up to (not including) 1",
            "scenario.toml:8:1: error: unknown key \"threads\" in [solver]; expected one of: time_limit_seconds, mip_gap, backend",
            "scenario.toml:10:1: error: unknown key \"extras\"; expected one of: title, start_date, horizon_weeks, budget, currency, objective, solver",
        ])
    }

    @Test("TOML accepts integers for numbers and reads every setting")
    func tomlFull() throws {
        let toml = """
            title = "Full"
            start_date = 2026-11-30
            horizon_weeks = 26
            budget = 1000
            currency = "USD"
            [objective]
            urgency_weights = [5, 5, 2.5, 1]
            waiting_per_week = 0
            cost = 1
            risk = 0.5
            preferred_country = 0
            [solver]
            time_limit_seconds = 5
            mip_gap = 0.01

            """
        let settings = try ScenarioLoader.load(files: Fixture.files(["scenario.toml": toml])).settings
        #expect(settings.budget == 1000 && settings.currency == "USD" && settings.horizonWeeks == 26)
        #expect(settings.objective == ObjectiveWeights(
            urgencyWeights: [5, 5, 2.5, 1], waitingPerWeek: 0, cost: 1, risk: 0.5, preferredCountry: 0))
        #expect(settings.solver == SolverLimits(timeLimitSeconds: 5, mipGap: 0.01))
        let defaults = try ScenarioLoader.load(files: Fixture.files()).settings
        #expect(defaults.budget == nil && defaults.currency == "EUR")
        #expect(defaults.objective == ObjectiveWeights() && defaults.solver == SolverLimits())
    }
}
