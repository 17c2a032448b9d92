import Foundation

/// The misspelling search's answers, remembered for the run: the same unknown word (a product
/// name, a typo people often make, a word of another language) comes back again and again in a
/// batch, and looking it up costs far less than searching its deletions again. Shared by every
/// thread answering; split into shards, each with its own lock, so threads seldom wait, and each
/// emptied when full, so memory stays bounded whatever comes in.
final class CorrectionCache: @unchecked Sendable {
    typealias Correction = (term: TermID, distance: Int)?

    /// A word of up to 32 bytes, held inline (no allocation to look one up), and which search.
    struct Key: Hashable {
        var bytes: (UInt64, UInt64, UInt64, UInt64)
        var length: UInt8
        var conceptsOnly: Bool

        init?(_ word: UnsafeBufferPointer<UInt8>, conceptsOnly: Bool) {
            guard word.count <= 32 else { return nil }
            var packed: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &packed) { raw in raw.copyMemory(from: UnsafeRawBufferPointer(word)) }
            bytes = packed
            length = UInt8(word.count)
            self.conceptsOnly = conceptsOnly
        }

        static func == (a: Key, b: Key) -> Bool {
            a.bytes == b.bytes && a.length == b.length && a.conceptsOnly == b.conceptsOnly
        }

        /// The hasher gets one word, a mix of all of the key: feeding it the four words, the
        /// length and the flag one by one made hashing most of a look-up.
        func hash(into hasher: inout Hasher) { hasher.combine(mixed) }

        private var mixed: UInt64 {
            var value = bytes.0 &* 0x9E37_79B9_7F4A_7C15
            value = (value ^ value >> 29 ^ bytes.1) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ value >> 29 ^ bytes.2) &* 0x94D0_49BB_1331_11EB
            value = (value ^ value >> 29 ^ bytes.3 ^ UInt64(length) << 56 ^ (conceptsOnly ? 1 << 63 : 0))
            return value &* 0x9E37_79B9_7F4A_7C15
        }

        /// Which shard holds the key: a cheap mix of its bytes.
        var shard: Int {
            let mixed = (bytes.0 ^ bytes.1 &* 31 ^ bytes.2 &* 131 ^ bytes.3) &* 0x9E37_79B9_7F4A_7C15
            return Int(mixed >> 60)
        }
    }

    private final class Shard {
        let lock = NSLock()
        var answers: [Key: Correction] = [:]
    }

    static let shardCount = 16
    /// Words remembered per shard before it is emptied.
    static let shardCapacity = 4_096
    private let shards = (0..<CorrectionCache.shardCount).map { _ in Shard() }

    /// The remembered answer for `word`, or `search`'s, remembered.
    func correction(of word: UnsafeBufferPointer<UInt8>, conceptsOnly: Bool, search: () -> Correction) -> Correction {
        guard let key = Key(word, conceptsOnly: conceptsOnly) else { return search() }
        let shard = shards[key.shard]
        shard.lock.lock()
        let known = shard.answers[key]
        shard.lock.unlock()
        if let known { return known }
        let found = search()
        shard.lock.lock()
        if shard.answers.count >= Self.shardCapacity { shard.answers.removeAll(keepingCapacity: true) }
        shard.answers[key] = found
        shard.lock.unlock()
        return found
    }
}
