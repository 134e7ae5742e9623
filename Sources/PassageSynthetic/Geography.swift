// Invented but plausible geography: which countries people flee from, where they can lodge
// applications, where programmes admit them, and which document each border asks for. Country codes
// are ISO 3166-1 alpha-2; every place id is synthetic (`ru-origin-03`), never a real address.

enum Geography {
    /// Countries households come from (and their nationalities), most frequent first.
    static let originCountries = ["RU", "BY", "TJ", "UZ", "TM", "IR"]

    /// A nationality of people living in the origin countries without being citizens (labour migrants).
    static let migrantNationality = "KG"

    /// Transit countries with embassies where applications are lodged, in the order they are used.
    static let transitCountries = ["AM", "GE", "KZ", "TR", "KG", "RS", "AE", "MN", "AZ", "ME"]

    /// Countries whose programmes admit households, in the order they are used.
    static let destinationCountries = [
        "DE", "FR", "LT", "CA", "PL", "NL", "FI", "ES", "IT", "SE", "NO", "IE", "CZ", "EE", "LV", "AT", "BE",
        "PT", "DK", "CH", "IS", "LU",
    ]

    /// Eurasian Economic Union members: their citizens enter each other's countries on an internal ID.
    static let eaeu: Set<String> = ["RU", "BY", "KZ", "KG", "AM"]

    /// Transit countries that admit only some nationalities without a visa (others may not enter).
    static let selectiveEntry: [String: [String]] = ["RS": ["BY", "RU"], "ME": ["BY", "RU", "TJ"]]

    /// Transit countries reachable overland from each origin country (a border crossing each).
    static let landNeighbours: [String: [String]] = [
        "RU": ["GE", "KZ", "MN", "AZ"],
        "BY": [],
        "TJ": ["KG"],
        "UZ": ["KZ", "KG"],
        "TM": ["KZ"],
        "IR": ["TR", "AM", "AZ"],
    ]

    /// Needs tags with the share of households having each (among those it can apply to).
    static let needsTags = ["medical", "minor", "wheelchair", "hiv_care", "elderly", "pregnancy"]

    /// Entry rule for crossing into `country`, for a scenario whose nationalities are `nationalities`.
    ///
    /// Within the EAEU citizens travel on an internal ID and everyone else needs an international
    /// passport; selective countries admit only the listed nationalities; elsewhere everyone needs an
    /// international passport.
    static func entryRule(into country: String, nationalities: [String]) -> DocumentRuleSpec {
        if let admitted = selectiveEntry[country] {
            let present = admitted.filter { nationalities.contains($0) }
            if !present.isEmpty {
                return DocumentRuleSpec(pairs: present.map { ($0, .internationalPassport) }, fallback: nil)
            }
            return DocumentRuleSpec(pairs: [], fallback: .internationalPassport)
        }
        if eaeu.contains(country) {
            let members = nationalities.filter { eaeu.contains($0) }
            return DocumentRuleSpec(pairs: members.map { ($0, .internalID) }, fallback: .internationalPassport)
        }
        return DocumentRuleSpec(pairs: [], fallback: .internationalPassport)
    }

    /// Rule for travel inside origin country `country`: its citizens (and, in the EAEU, other members'
    /// citizens) on an internal ID, foreigners on an international passport.
    static func domesticRule(in country: String, nationalities: [String]) -> DocumentRuleSpec {
        let local = nationalities.filter { $0 == country || (eaeu.contains(country) && eaeu.contains($0)) }
        return DocumentRuleSpec(pairs: local.map { ($0, .internalID) }, fallback: .internationalPassport)
    }
}
