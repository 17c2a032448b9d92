/// Feature key → feature number, looked up for every key of every question. An open-addressing
/// table with a multiplicative hash: several times faster than a `Dictionary`, whose seeded
/// hashing is built to resist hostile keys (these keys are already hashes or term numbers, and
/// the table is fixed after training). Key, number and the feature's weight share a slot, so a
/// lookup touches one cache line.
struct FeatureIndex: Sendable {
    private struct Slot {
        /// 0 for an empty slot (no feature key is 0: its kind sits in the top bits).
        var key: UInt64
        var number: Int32
        var weight: Float
    }

    private var slots: [Slot]
    private let shift: UInt64

    /// `keys[n]` gets number `n` and weight `weights[n]`.
    init(keys: [UInt64], weights: [Float]) {
        precondition(keys.count == weights.count, "one weight per key")
        var bits: UInt64 = 4
        while (1 << bits) < keys.count * 2 { bits += 1 }
        shift = 64 - bits
        slots = [Slot](repeating: Slot(key: 0, number: -1, weight: 0), count: 1 << bits)
        let mask = slots.count - 1
        for (number, key) in keys.enumerated() {
            precondition(key != 0, "feature key 0 is reserved for empty slots")
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[slot].key != 0 && slots[slot].key != key { slot = (slot + 1) & mask }
            slots[slot] = Slot(key: key, number: Int32(number), weight: weights[number])
        }
    }

    @inline(__always)
    subscript(key: UInt64) -> Int32? { entry(key)?.number }

    /// The key's number and weight, or nil for a key seen in no example.
    @inline(__always)
    func entry(_ key: UInt64) -> (number: Int32, weight: Float)? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let found = slots[slot]
                if found.key == key { return (found.number, found.weight) }
                if found.key == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The keys in number order, for storing the table.
    var keysInOrder: [UInt64] {
        let used = slots.filter { $0.key != 0 }
        var keys = [UInt64](repeating: 0, count: used.count)
        for slot in used { keys[Int(slot.number)] = slot.key }
        return keys
    }
}
