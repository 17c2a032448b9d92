/// The 64-bit FNV-1a hash, fed a byte (or a 64-bit word) at a time: the program's one hash for
/// what must give the same value on every run and machine, unlike Swift's seeded `Hasher`.
/// Stored matchers are keyed and checked with it, the built-in knowledge base's version is
/// named by it, and the matcher's word table and character n-gram features are hashed with it,
/// so its values must not change (a stored matcher's features are these hashes).
public struct FNV1a: Sendable {
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    public static let prime: UInt64 = 0x100_0000_01B3

    /// The hash of everything combined so far.
    public private(set) var value: UInt64

    /// A hash starting at `value`: the offset basis, or a hash to go on from.
    @inline(__always)
    public init(value: UInt64 = FNV1a.offsetBasis) { self.value = value }

    @inline(__always)
    public mutating func combine(_ byte: UInt8) { value = (value ^ UInt64(byte)) &* Self.prime }

    @inline(__always)
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { combine(byte) }
    }

    /// Eight bytes in one step, eight times fewer steps than byte by byte (not the same value).
    /// Each step is a bijection of the state, so any one changed word changes the result.
    @inline(__always)
    mutating func combine(word: UInt64) { value = (value ^ word) &* Self.prime }

    /// The hash of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = FNV1a()
        hash.combine(bytes)
        return hash.value
    }
}
