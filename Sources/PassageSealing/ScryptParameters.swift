/// The cost parameters of scrypt (RFC 7914), stored in every sealed file's header.
///
/// Sealing from the command line always uses ``standard``. Smaller values exist for tests (scrypt at
/// 128 MiB takes a second); a file sealed with them is still read, because the parameters of a file
/// being opened only bound how much memory and time opening it may cost, not how safe it is.
public struct ScryptParameters: Sendable, Hashable {
    /// log2 of the CPU/memory cost N.
    public let log2N: UInt8
    /// The block size r.
    public let r: UInt32
    /// The parallelisation p.
    public let p: UInt32

    /// N = 2^17, r = 8, p = 1: 128 MiB and about half a second per key on a laptop.
    public static let standard = ScryptParameters(uncheckedLog2N: 17, r: 8, p: 1)

    /// The weakest parameters `isStrongEnoughForSealing` accepts: N = 2^15, r = 8 (32 MiB).
    public static let sealingFloor = ScryptParameters(uncheckedLog2N: 15, r: 8, p: 1)

    /// Memory scrypt may need to open a file: 512 MiB, so a crafted header cannot exhaust memory.
    public static let maximumMemoryBytes = 1 << 29

    /// Work (128·N·r·p) opening a file may cost: the same as 1 GiB of memory passes, a few seconds.
    public static let maximumWork = 1 << 30

    /// Parameters within the bounds any reader accepts (see `validate()`).
    ///
    /// - Throws: ``SealingError/invalidHeader(_:)`` when out of bounds.
    public init(log2N: UInt8, r: UInt32, p: UInt32) throws {
        self.init(uncheckedLog2N: log2N, r: r, p: p)
        try validate()
    }

    private init(uncheckedLog2N: UInt8, r: UInt32, p: UInt32) {
        self.log2N = uncheckedLog2N
        self.r = r
        self.p = p
    }

    /// Whether these parameters are at least ``sealingFloor`` in memory and work.
    public var isStrongEnoughForSealing: Bool {
        memoryBytes >= Self.sealingFloor.memoryBytes && r >= Self.sealingFloor.r
    }

    /// 128·N·r bytes: what scrypt allocates.
    var memoryBytes: Int { 128 << Int(log2N) * Int(r) }

    /// Checks the bounds: 1 ≤ log2 N ≤ 20, 1 ≤ r ≤ 16, 1 ≤ p ≤ 4, N < 2^(16r) (RFC 7914), memory ≤ 512 MiB,
    /// work ≤ 2^30. Every value is small enough that no arithmetic here can overflow.
    func validate() throws {
        guard (1...20).contains(log2N) else { throw SealingError.invalidHeader("scrypt log2(N) \(log2N) is not in 1...20") }
        guard (1...16).contains(r) else { throw SealingError.invalidHeader("scrypt r \(r) is not in 1...16") }
        guard (1...4).contains(p) else { throw SealingError.invalidHeader("scrypt p \(p) is not in 1...4") }
        guard Int(log2N) < 16 * Int(r) else { throw SealingError.invalidHeader("scrypt N must be below 2^(16r)") }
        guard memoryBytes <= Self.maximumMemoryBytes, memoryBytes * Int(p) <= Self.maximumWork else {
            throw SealingError.invalidHeader("scrypt parameters need more memory or time than allowed")
        }
    }
}
