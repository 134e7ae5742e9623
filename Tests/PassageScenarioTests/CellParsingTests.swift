import Testing

@testable import PassageScenario

@Suite("Cell parsing")
struct CellParsingTests {
    @Test("numbers: decimal point only, finite, no separators")
    func numbers() {
        #expect(CellParsing.number("12") == 12)
        #expect(CellParsing.number("-0.5") == -0.5)
        #expect(CellParsing.number("1e3") == 1000)
        for bad in ["", "1,5", "1 000", "nan", "inf", "0x10", ".", "1e", "€5"] {
            #expect(CellParsing.number(bad) == nil, "\(bad)")
        }
        #expect(CellParsing.integer("+7") == 7)
        #expect(CellParsing.integer("7.0") == nil)
    }

    @Test("ids, codes and tags")
    func tokens() {
        #expect(CellParsing.identifier("SH-EVN-1.b_2") != nil)
        #expect(CellParsing.identifier("-x") == nil)
        #expect(CellParsing.identifier(String(repeating: "a", count: 65)) == nil)
        #expect(CellParsing.countryCode("RU") != nil && CellParsing.countryCode("Ru") == nil)
        #expect(CellParsing.tag("hiv_care") != nil && CellParsing.tag("HIV") == nil && CellParsing.tag("1a") == nil)
        #expect(CellParsing.list("a;;b", item: CellParsing.tag) == nil)
        #expect(CellParsing.list("", item: CellParsing.tag)! == [])
    }

    @Test("document rules")
    func documentRules() throws {
        let single = try DocumentRuleParsing.parse("internal_id").get()
        #expect(single == DocumentRule(fallback: .internalID))
        let rule = try DocumentRuleParsing.parse("RU:internal_id; KZ:internal_id ;*:international_passport").get()
        #expect(rule == DocumentRule(byNationality: ["RU": .internalID, "KZ": .internalID], fallback: .internationalPassport))
        let closed = try DocumentRuleParsing.parse("RU:international_passport").get()
        #expect(closed.requirement(for: "KZ") == nil)
        for bad in ["visa", "RU:internal_id;RU:none", "*:none;*:none", "ru:none", "RU", "RU:none;", ""] {
            #expect(throws: DocumentRuleError.self, "\(bad)") { try DocumentRuleParsing.parse(bad).get() }
        }
    }
}
