import Foundation
import Testing

@testable import PassageSealing

/// Small scrypt parameters: these tests check the format, not the KDF's cost.
let fastParameters = try! ScryptParameters(log2N: 4, r: 8, p: 1)
let passphrase = try! Passphrase("Invented test passphrase 42")

func sealed(_ files: [String: Data], kind: SealedContentKind = .scenario, log2ChunkSize: UInt8 = 6) throws -> Data {
    try Sealer.seal(
        SealedContents(kind: kind, files: files), passphrase: passphrase, parameters: fastParameters,
        log2ChunkSize: log2ChunkSize)
}

@Suite struct SealerTests {
    let files: [String: Data] = [
        "households.csv": Data("household_id,size\nH-CANARY-1,3\n".utf8),
        "scenario.toml": Data("title = \"invented\"\n".utf8),
        "empty.csv": Data(),
    ]

    @Test func roundTripKeepsEveryFileByteForByte() throws {
        for log2 in [UInt8(6), 7, 16] {
            let data = try sealed(files, log2ChunkSize: log2)
            let opened = try Sealer.unseal(data, passphrase: passphrase)
            #expect(opened == SealedContents(kind: .scenario, files: files))
        }
    }

    @Test func emptyAndChunkMultiplePayloadsRoundTrip() throws {
        for size in [0, 1, 52, 64, 128, 200] {
            let files = ["a.csv": Data(repeating: 7, count: size)]
            #expect(try Sealer.unseal(try sealed(files), passphrase: passphrase).files == files)
        }
        #expect(try Sealer.unseal(try sealed([:]), passphrase: passphrase).files.isEmpty)
    }

    @Test func twoSealsOfTheSameFilesDiffer() throws {
        #expect(try sealed(files) != sealed(files))
    }

    @Test func noPlaintextAppearsInTheSealedFile() throws {
        let data = try sealed(files)
        #expect(data.range(of: Data("CANARY".utf8)) == nil)
        #expect(data.range(of: Data("households".utf8)) == nil)
    }

    @Test func wrongPassphraseIsRejected() throws {
        let data = try sealed(files)
        #expect(throws: SealingError.wrongPassphraseOrDamaged) {
            try Sealer.unseal(data, passphrase: try Passphrase("Another passphrase 43"))
        }
    }

    @Test func everyFlippedByteIsRejected() throws {
        let data = try sealed(files)
        for index in data.indices {
            for mask: UInt8 in [0x01, 0x80] {
                var copy = data
                copy[index] ^= mask
                #expect(throws: SealingError.self) { try Sealer.unseal(copy, passphrase: passphrase) }
            }
        }
    }

    @Test func everyTruncationAndExtensionIsRejected() throws {
        let data = try sealed(files)
        for length in 0..<data.count {
            #expect(throws: SealingError.self) { try Sealer.unseal(data.prefix(length), passphrase: passphrase) }
        }
        #expect(throws: SealingError.self) { try Sealer.unseal(data + Data([0]), passphrase: passphrase) }
        #expect(throws: SealingError.self) { try Sealer.unseal(data + data.suffix(80), passphrase: passphrase) }
    }

    @Test func reorderedOrDroppedChunksAreRejected() throws {
        let data = try sealed(["a.csv": Data(repeating: 1, count: 300)])
        let header = data.prefix(SealedHeader.length)
        let chunks = stride(from: SealedHeader.length, to: data.count, by: 80).map {
            data[$0..<min($0 + 80, data.count)]
        }
        #expect(chunks.count == 5)
        var swapped = chunks
        swapped.swapAt(0, 1)
        var dropped = chunks
        dropped.remove(at: 2)
        let withoutFinal = Array(chunks.dropLast())
        for variant in [swapped, dropped, withoutFinal] {
            let file = variant.reduce(header, +)
            #expect(throws: SealingError.self) { try Sealer.unseal(file, passphrase: passphrase) }
        }
    }

    @Test func headersWithHugeParametersAreRefusedBeforeAnyWork() throws {
        var data = try sealed(files)
        data[11] = 40  // log2 N
        #expect(throws: SealingError.invalidHeader("scrypt log2(N) 40 is not in 1...20")) {
            try Sealer.unseal(data, passphrase: passphrase)
        }
        data = try sealed(files)
        data[53] = 63  // chunk size
        #expect(throws: SealingError.self) { try Sealer.unseal(data, passphrase: passphrase) }
        data = try sealed(files)
        data[12] = 0xFF  // r
        #expect(throws: SealingError.self) { try Sealer.unseal(data, passphrase: passphrase) }
    }

    @Test func magicIsRecognised() throws {
        #expect(SealedHeader.hasMagic(try sealed(files)))
        #expect(!SealedHeader.hasMagic(Data("household_id\n".utf8)))
        #expect(throws: SealingError.notSealed) { try Sealer.unseal(Data("PSG".utf8), passphrase: passphrase) }
    }

    @Test func standardParametersAreAboveTheFloor() throws {
        #expect(ScryptParameters.standard.isStrongEnoughForSealing)
        #expect(!fastParameters.isStrongEnoughForSealing)
        try ScryptParameters.standard.validate()
    }
}
