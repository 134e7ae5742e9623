import Foundation
import Testing

@testable import PassageSealing

@Suite struct ArchiveAndPolicyTests {
    @Test func archiveRefusesNamesThatCouldEscapeAFolder() {
        for name in ["../x", "a/b", ".hidden", "", "x\u{0}y", String(repeating: "a", count: 256)] {
            #expect(!SealedArchive.isPlainFileName(name))
            #expect(throws: SealingError.self) { try SealedArchive.encode([name: Data()]) }
        }
        #expect(SealedArchive.isPlainFileName("households.csv"))
    }

    @Test func archiveRefusesHostileLengths() throws {
        let huge = Data([0, 0, 0, 1, 0, 1]) + Data("a".utf8) + Data(repeating: 0xFF, count: 8)
        #expect(throws: SealingError.self) { try SealedArchive.decode(huge) }
        #expect(throws: SealingError.self) { try SealedArchive.decode(Data([0xFF, 0xFF, 0xFF, 0xFF])) }
        #expect(throws: SealingError.self) { try SealedArchive.decode(Data([0, 0, 0, 0, 1])) }
        #expect((try? SealedArchive.decode(Data([0, 0, 0, 0])))?.isEmpty == true)
    }

    @Test func weakPassphrasesAreRefused() throws {
        for weak in ["short1A", "aaaaaaaaaaaaaaaa", "abcdefghijklmnop", "123456789012345", "Password1234", "PASSWORD 1234"] {
            #expect(throws: SealingError.self, "\(weak)") { try PassphrasePolicy.check(try Passphrase(weak)) }
        }
        for strong in ["correct horse battery", "Tbilisi-in-spring", "9 blue kites fly"] {
            try PassphrasePolicy.check(try Passphrase(strong))
        }
        #expect(throws: SealingError.emptyPassphrase) { try Passphrase("\n") }
    }

    @Test func passphraseIsNormalisedAndLoosesOneNewline() throws {
        let composed = try Passphrase("caf\u{E9} au lait 2024\n")
        let decomposed = try Passphrase("cafe\u{301} au lait 2024")
        #expect(composed.bytes == decomposed.bytes)
    }
}
