/// The misspelling search, precomputed: every vocabulary word filed under the strings left after
/// deleting one or two of its letters (SymSpell). Two words within `k` edits (a swap of
/// neighbouring letters counting one) share a string each reaches by at most `k` deletions, so
/// a question word looks up only its own deletions instead of comparing itself with a whole
/// bucket of the vocabulary. The candidates found are then checked exactly as the full search
/// checks them, and ranked the way it would have met them, so the answer is the same.
struct SpellingIndex: Sendable {
    /// A correctable word, in the order the full search meets it: by first letter, then in the
    /// order the word was added to its bucket.
    private struct Entry {
        /// Where its letters are in `bytes`, and how many.
        var start: Int32
        var count: Int32
        /// The term it corrects to.
        var term: TermID
        /// Which letters it holds, one bit each (a cheap bound on the edit distance).
        var letters: UInt32
        var isConcept: Bool
        /// Its first letter, the bucket the full search files it in.
        var first: UInt8
        /// Place within the bucket of its first letter.
        var position: Int32
    }

    private var entries: [Entry] = []
    /// Every entry's letters, one after another.
    private var bytes: [UInt8] = []
    /// Deletion string hash → entries, as an open-addressing table over `postings`.
    private var slots: [Slot] = []
    private var postings: [Int32] = []
    private var shift: UInt64 = 64
    /// A Bloom filter of the table's hashes, small enough to stay in cache: most deletions of
    /// a word the vocabulary never saw are in no word's neighbourhood, and the filter says so
    /// without touching the table (whose look-ups would each miss the cache).
    private var filter: [UInt64] = []
    private var filterShift: UInt64 = 64

    private struct Slot {
        /// 0 marks an empty slot. Hashes are 32 bits: a collision only adds a candidate, which
        /// the edit distance then turns down.
        var hash: UInt32
        var start: Int32
        var count: Int32
    }

    /// Words longer than this are never corrected (nor misspelt words this long looked up).
    static let longestQuery = 30
    /// A query of this many letters or more may be two edits from a word; shorter, one.
    static let twoEditLength = 8

    /// Deletions kept per word: one for every word, two only for words of `twoEditLength`
    /// letters or more. A shorter word is shorter than any query allowed two edits, and then at
    /// most one of the two edits can take a letter from the word's side (the other is a letter
    /// the query has in excess).
    private static func deletionsIndexed(forLength length: Int) -> Int { length >= twoEditLength ? 2 : 1 }

    init(buckets: [UInt8: [(bytes: [UInt8], term: TermID, letters: UInt32)]], isConcept: [Bool]) {
        // Hash and entry packed in one integer, so plain integer sorting groups the postings.
        var pairs: [UInt64] = []
        for first in buckets.keys.sorted() {
            for (position, word) in buckets[first]!.enumerated() {
                let entry = Int32(entries.count)
                entries.append(
                    Entry(
                        start: Int32(bytes.count), count: Int32(word.bytes.count), term: word.term,
                        letters: word.letters,
                        isConcept: isConcept[Int(word.term)], first: first, position: Int32(position)))
                bytes += word.bytes
                word.bytes.withUnsafeBufferPointer { letters in
                    Self.forEachDeletion(of: letters, upTo: Self.deletionsIndexed(forLength: letters.count)) { hash in
                        pairs.append(UInt64(hash) << 32 | UInt64(UInt32(entry)))
                    }
                }
            }
        }
        // A word reaches the same string by several deletions ("helo" from "hello"): once is enough.
        pairs.sortAndRemoveDuplicates()
        func hash(_ pair: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: pair >> 32) }
        var distinct = 0
        for index in pairs.indices where index == 0 || hash(pairs[index]) != hash(pairs[index - 1]) { distinct += 1 }
        var bits: UInt64 = 4
        while (1 << bits) < distinct * 2 { bits += 1 }
        shift = 64 - bits
        slots = [Slot](repeating: Slot(hash: 0, start: 0, count: 0), count: 1 << bits)
        postings = pairs.map { Int32(truncatingIfNeeded: $0) }
        var filterBits: UInt64 = 6
        while (1 << filterBits) < distinct / 8 { filterBits += 1 }  // 64 bits per 8 hashes
        filterShift = 64 - filterBits
        filter = [UInt64](repeating: 0, count: 1 << filterBits)
        for pair in pairs { filter[filterPosition(hash(pair))] |= Self.filterBits(hash(pair)) }
        let mask = slots.count - 1
        var index = 0
        while index < pairs.count {
            let current = hash(pairs[index])
            var end = index + 1
            while end < pairs.count && hash(pairs[end]) == current { end += 1 }
            var slot = Self.slot(of: current, shift: shift)
            while slots[slot].hash != 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(hash: current, start: Int32(index), count: Int32(end - index))
            index = end
        }
    }

    /// Two bits of one filter word for a hash (bits of the hash the word's position does not use).
    @inline(__always)
    private static func filterBits(_ hash: UInt32) -> UInt64 { 1 << UInt64(hash & 63) | 1 << UInt64((hash >> 6) & 63) }

    @inline(__always)
    private func filterPosition(_ hash: UInt32) -> Int { Int((UInt64(hash) << 32) >> filterShift) }

    @inline(__always)
    private static func slot(of hash: UInt32, shift: UInt64) -> Int {
        Int((UInt64(hash) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Calls `body` with the hash of `word` and of every string left after deleting up to
    /// `limit` (1 or 2) of its letters. Works on the letters in place: nothing is allocated.
    @inline(__always)
    static func forEachDeletion(of word: UnsafeBufferPointer<UInt8>, upTo limit: Int, _ body: (UInt32) -> Void) {
        let n = word.count
        // A polynomial hash, Σ byte × B^position (mod 2^64): deleting a letter moves every
        // later letter down one position, which is a multiplication by B's inverse, so each
        // deletion's hash comes from prefix sums in a few operations rather than a pass over
        // the word (there are n²/2 of them for two deletions).
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n + 1) { prefix in
            var power: UInt64 = 1
            prefix[0] = 0
            for index in 0..<n {
                prefix[index + 1] = prefix[index] &+ UInt64(word[index]) &* power
                power = power &* base
            }
            let whole = prefix[n]
            body(fold(whole))
            for i in 0..<n {
                let before = prefix[i]
                body(fold(before &+ (whole &- prefix[i + 1]) &* inverse))
                guard limit >= 2 else { continue }
                for j in (i + 1)..<n {
                    let between = (prefix[j] &- prefix[i + 1]) &* inverse
                    let after = (whole &- prefix[j + 1]) &* inverseSquared
                    body(fold(before &+ between &+ after))
                }
            }
        }
    }

    /// The hash's base (odd, so it has an inverse modulo 2^64), its inverse and its square.
    private static let base: UInt64 = 0x100_0000_01B3
    private static let inverse: UInt64 = {
        // Newton's iteration doubles the correct low bits each step: 3 → 6 → ... → 96 ≥ 64.
        var inverse = base
        for _ in 0..<5 { inverse = inverse &* (2 &- base &* inverse) }
        return inverse
    }()
    private static let inverseSquared = inverse &* inverse

    /// A 64-bit hash mixed down to 32 bits; never 0 (the empty-slot mark).
    @inline(__always)
    private static func fold(_ value: UInt64) -> UInt32 {
        let mixed = (value ^ value >> 31) &* 0xBF58_476D_1CE4_E5B9
        let folded = UInt32(truncatingIfNeeded: mixed >> 32)
        return folded == 0 ? 1 : folded
    }

    /// The same answer as `Lexicon.bruteForceCorrection`: the closest word within one edit (two
    /// for queries of `twoEditLength` letters or more that keep their first letter), whose first
    /// letter is the query's first or second; ties go to concepts, then to the word the full
    /// search meets first.
    func correction(of query: UnsafeBufferPointer<UInt8>, conceptsOnly: Bool) -> (term: TermID, distance: Int)? {
        let limit = query.count >= Self.twoEditLength ? 2 : 1
        let letters = Lexicon.letterSet(query)
        let first = query[0], second = query[1]
        var best: (entry: Int, distance: Int)? = nil
        filter.withUnsafeBufferPointer { filter in
            slots.withUnsafeBufferPointer { slots in
                postings.withUnsafeBufferPointer { postings in
                    entries.withUnsafeBufferPointer { entries in
                        bytes.withUnsafeBufferPointer { bytes in
                            let mask = slots.count - 1
                            Self.forEachDeletion(of: query, upTo: limit) { hash in
                                let bits = Self.filterBits(hash)
                                if filter[filterPosition(hash)] & bits != bits { return }
                                var slot = Self.slot(of: hash, shift: shift)
                                while slots[slot].hash != hash {
                                    if slots[slot].hash == 0 { return }
                                    slot = (slot + 1) & mask
                                }
                                for posting in postings[
                                    Int(slots[slot].start)..<Int(slots[slot].start + slots[slot].count)]
                                {
                                    let index = Int(posting)
                                    let entry = entries[index]
                                    if best?.entry == index { continue }
                                    if entry.first != first && entry.first != second { continue }
                                    if conceptsOnly && !entry.isConcept { continue }
                                    if abs(Int(entry.count) - query.count) > limit { continue }
                                    if (entry.letters ^ letters).nonzeroBitCount > 2 * limit { continue }
                                    let word = UnsafeBufferPointer(
                                        rebasing: bytes[Int(entry.start)..<Int(entry.start + entry.count)])
                                    let distance = Lexicon.editDistance(query, word, limit: limit)
                                    if distance > limit || (distance == 2 && entry.first != first) { continue }
                                    if let current = best,
                                        !Self.ranksBefore(
                                            entry, distance, entries[current.entry], current.distance, query: first)
                                    {
                                        continue
                                    }
                                    best = (index, distance)
                                }
                            }
                        }
                    }
                }
            }
        }
        return best.map { (entries[$0.entry].term, $0.distance) }
    }

    /// The order of the full search: fewer edits, then a concept, then the word met first
    /// (the bucket of the query's first letter before that of its second, then bucket order).
    @inline(__always)
    private static func ranksBefore(_ a: Entry, _ aDistance: Int, _ b: Entry, _ bDistance: Int, query first: UInt8)
        -> Bool
    {
        if aDistance != bDistance { return aDistance < bDistance }
        if a.isConcept != b.isConcept { return a.isConcept }
        let aBucket = a.first == first ? 0 : 1, bBucket = b.first == first ? 0 : 1
        if aBucket != bBucket { return aBucket < bBucket }
        return a.position < b.position
    }
}
