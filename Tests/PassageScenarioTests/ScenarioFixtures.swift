import Foundation

@testable import PassageScenario

/// Small in-memory scenarios for tests, built from text so positions can be read off the literals.
enum Fixture {
    /// A minimal valid scenario; each test replaces the files it breaks.
    static let valid: [String: String] = [
        "scenario.toml": """
            title = "Fixture"
            start_date = 2026-11-30
            horizon_weeks = 10

            """,
        "locations.csv": """
            id,country,kind
            a,RU,origin
            b,AM,city
            c,DE,destination

            """,
        "households.csv": """
            id,size,location,urgency,nationality,passport,internal_id
            H1,1,a,1,RU,none,yes

            """,
        "safe_houses.csv": """
            id,location,beds,cost_per_person_week
            S1,b,2,50

            """,
        "legs.csv": """
            id,from,to,mode,duration_days,cost_per_person,seats_per_week,documents,risk
            L1,a,b,road,1,10,5,RU:internal_id;*:international_passport,2
            L2,b,c,air,0,100,5,none,1

            """,
        "programmes.csv": """
            id,destination_country,lodged_at,arrival,quota,quota_period,processing_weeks,documents,cost_per_person
            P1,DE,b,c,3,month,4,internal_id,200

            """,
    ]

    /// `valid` with `replacements` applied (a nil value removes the file), as UTF-8 data.
    static func files(_ replacements: [String: String?] = [:]) -> [String: Data] {
        var texts = valid
        for (name, text) in replacements { texts[name] = text }
        return texts.mapValues { Data($0.utf8) }
    }

    /// The issues of `files`, rendered as `FILE:LINE:COLUMN: error: message`.
    static func issues(_ files: [String: Data]) -> [String] {
        ScenarioLoader.validate(files: files).map(\.description)
    }
}
