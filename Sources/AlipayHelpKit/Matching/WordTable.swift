/// Words (UTF-8 bytes) → a number, looked up straight from a question's bytes: no `String` is
/// made and no seeded hasher runs per word, as a `[String: TermID]` look-up would. Fixed once
/// built; an open-addressing table whose keys sit one after another in one buffer.
struct WordTable: Sendable {
    private struct Slot {
        /// 0 for an empty slot (a word hashing to 0 is stored as 1).
        var hash: UInt64
        var start: Int32
        var count: Int32
        var value: Int32
    }

    private var slots: [Slot]
    private var keys: [UInt8] = []
    private let shift: UInt64

    init(_ words: some Collection<(key: String, value: Int32)>) {
        var bits: UInt64 = 4
        while (1 << bits) < words.count * 2 { bits += 1 }
        shift = 64 - bits
        slots = [Slot](repeating: Slot(hash: 0, start: 0, count: 0, value: 0), count: 1 << bits)
        let mask = slots.count - 1
        // Each word's bytes straight onto the end of `keys`, hashed there: no array per word (a
        // lexicon read back at start-up has tens of thousands).
        for (word, value) in words {
            let start = keys.count
            keys.append(contentsOf: word.utf8)
            let hash = keys.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start...])) }
            var slot = Int((hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[slot].hash != 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(hash: hash, start: Int32(start), count: Int32(keys.count - start), value: value)
        }
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = FNV1a()
        hash.combine(bytes)
        return hash.value == 0 ? 1 : hash.value
    }

    @inline(__always)
    subscript(word: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(word)
        return slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                let mask = slots.count - 1
                var slot = Int((hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
                while true {
                    let found = slots[slot]
                    if found.hash == 0 { return nil }
                    if found.hash == hash && Int(found.count) == word.count
                        && keys[Int(found.start)..<(Int(found.start) + word.count)].elementsEqual(word)
                    {
                        return found.value
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }
}
