import Foundation
import Testing

@testable import PassageSealing

/// What `--passphrase-fd` reads: the first line, at most 4 KiB, as UTF-8 (fuzzed in mode `K`).
@Suite struct PassphraseLineTests {
    @Test func theFirstLineIsThePassphrase() throws {
        #expect(try PassphraseLine.text(of: Array("invented passphrase\nsecond line\n".utf8)) == "invented passphrase")
        #expect(try PassphraseLine.text(of: Array("no line end".utf8)) == "no line end")
        #expect(try PassphraseLine.text(of: []) == "")
    }

    @Test func aLineIsCutOffAfter4KiB() throws {
        let long = [UInt8](repeating: 0x78, count: 10_000)
        #expect(PassphraseLine.firstLineBytes(of: long).count == PassphraseLine.maximumBytes)
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: PassphraseLine.Problem.notUTF8) { try PassphraseLine.text(of: [0x61, 0xC3, 0x28, 0x0A]) }
        // Invalid bytes after the line end are never read.
        #expect((try? PassphraseLine.text(of: [0x61, 0x0A, 0xFF])) == "a")
    }
}
