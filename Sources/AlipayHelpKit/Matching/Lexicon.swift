/// A term is a concept ("phone" for phone / mobile / SIM / 手机) or a plain word seen in the
/// knowledge base. Matching works on term ids, never on raw text.
public typealias TermID = Int32

/// The vocabulary the matcher understands, built once from the knowledge base: which words and
/// Chinese terms fold into which concept, multi-word phrases, word endings and misspellings.
public struct Lexicon: Sendable {
    /// A run of unknown text: breaks phrases and word pairs.
    static let gap: TermID = -1

    var ids: [String: TermID] = [:]
    var names: [String] = []
    var isConcept: [Bool] = []
    var isStopword: [Bool] = []
    /// Multi-word phrases, keyed by their terms packed 16 bits each.
    var phrases: [UInt64: TermID] = [:]
    var longestPhrase = 1
    /// Chinese terms by their first character, longest first.
    var unspacedTerms: [UInt32: [(scalars: [UInt32], term: TermID)]] = [:]
    typealias SpellingBuckets = [UInt8: [(bytes: [UInt8], term: TermID, letters: UInt32)]]
    /// Words eligible as spelling corrections, bucketed by first byte.
    var spellingBuckets: SpellingBuckets = [:]
    /// A lexicon read from an archive keeps these words as stored, unread until a word first
    /// needs correcting (`spellingBuckets` stays empty).
    var archivedSpelling: [UInt8]?
    /// Where each word or phrase was declared, to report clashes.
    private var declaredBy: [String: String] = [:]
    /// Look-ups for reading questions, built once the vocabulary is complete (`prepareForReading`)
    /// and dropped by any change to it: words by their bytes, and the misspelling index.
    private var wordTable: WordTable?
    private var spellingIndex: LazySpellingIndex?
    /// Which terms (by their 15 bits in a phrase key) start a phrase, one bit each: most terms
    /// of a question start none, and are passed with no hashing.
    private var phraseInitials: [UInt64]?
    /// The misspelling search's answers so far (shared by the copies of a prepared lexicon).
    private var corrections: CorrectionCache?

    public init() {}

    public func name(of term: TermID) -> String { names[Int(term)] }
    public func isStopwordTerm(_ term: TermID) -> Bool { isStopword[Int(term)] }

    // MARK: Building

    /// The term for a concept id, created on first use.
    @discardableResult
    mutating func concept(_ id: String) -> TermID {
        let key = "#" + id
        if let term = ids[key] { return term }
        let term = newTerm(id, concept: true)
        ids[key] = term
        return term
    }

    /// The term for a concept id, if that concept exists.
    func existingConcept(_ id: String) -> TermID? { ids["#" + id] }

    private mutating func newTerm(_ name: String, concept: Bool) -> TermID {
        dropReadingLookups()
        names.append(name)
        isConcept.append(concept)
        isStopword.append(false)
        return TermID(names.count - 1)
    }

    /// Declares that `surface` (English words or Chinese text) means `term`. Declare every
    /// single word first (`phrases: false`), then the phrases, so a phrase is built from the
    /// final meaning of each of its words. Only an English word is a `correctable` one: spelling
    /// is corrected in English questions alone, and a word of another language two edits from an
    /// English word ("transfert", "transport") is that English word, not a misspelling of it.
    mutating func declare(
        _ surface: String, as term: TermID, owner: String, phrases phrasePass: Bool, correctable: Bool = true
    ) throws(LexiconClash) {
        let text = TextNormalizer.normalize(surface)
        let words = text.segments.filter { $0.kind == .word }.map { text.word($0) }
        // "QRコード" or "1年" would declare "qr" or "1" by itself: a surface is either words or
        // characters, and the matcher reads the two parts of such a question apart anyway.
        if !words.isEmpty && text.segments.contains(where: { $0.kind == .unspaced }) {
            throw LexiconClash(
                surface: surface, first: owner,
                second: "a single script (write the words and the characters as two entries)")
        }
        guard phrasePass == (words.count > 1) else { return }
        for segment in text.segments where segment.kind == .unspaced {
            let scalars = Array(text.unspacedScalars[segment.range])
            try claim(String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init))), owner: owner)
            var list = unspacedTerms[scalars[0], default: []]
            list.append((scalars, term))
            list.sort { $0.scalars.count > $1.scalars.count }
            unspacedTerms[scalars[0]] = list
        }
        if words.count == 1 {
            try claim(words[0], owner: owner)
            dropReadingLookups()
            ids[words[0]] = term
            if correctable { addSpelling(words[0], term) }
            addStem(words[0], term)
        } else if words.count > 1 {
            guard words.count <= 4 else {
                throw LexiconClash(surface: surface, first: owner, second: "the four-word limit for phrases")
            }
            try claim(words.joined(separator: " "), owner: owner)
            let parts = words.map { word in resolveExactOrInflected(word) ?? internWord(word) }
            phrases[Self.phraseKey(parts[...])] = term
            longestPhrase = max(longestPhrase, parts.count)
        }
    }

    private mutating func claim(_ surface: String, owner: String) throws(LexiconClash) {
        if let other = declaredBy[surface], other != owner {
            throw LexiconClash(surface: surface, first: other, second: owner)
        }
        declaredBy[surface] = owner
    }

    /// Characters of unspaced scripts that carry no evidence (怎, 么, 吗, の, 는...): their
    /// unigrams, and pairs of two of them, are left out of a question's features.
    var stopCharacters: Set<UInt32> = []

    mutating func markStopword(_ word: String) {
        let text = TextNormalizer.normalize(word)
        for segment in text.segments where segment.kind == .unspaced {
            stopCharacters.formUnion(text.unspacedScalars[segment.range])
        }
        guard let segment = text.segments.first, text.segments.count == 1, segment.kind == .word else { return }
        let term = resolveExactOrInflected(text.word(segment)) ?? internWord(text.word(segment))
        if !isConcept[Int(term)] { isStopword[Int(term)] = true }
    }

    /// A plain word seen in an example or a rule, added as its own term.
    @discardableResult
    mutating func internWord(_ word: String) -> TermID {
        if let term = ids[word] { return term }
        let term = newTerm(word, concept: false)
        ids[word] = term
        addSpelling(word, term)
        return term
    }

    /// Concept words of inflected languages written outside ASCII (Russian, and others with
    /// letters of their own), by their first `stemKey` letters: "верифицирован" is found through
    /// "верифицировать", which the language file declares.
    var stems: [String: [(scalars: [Unicode.Scalar], term: TermID)]] = [:]
    static let stemKey = 5

    private mutating func addStem(_ word: String, _ term: TermID) {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= Self.stemKey + 1, scalars.contains(where: { !$0.isASCII }) else { return }
        stems[String(String.UnicodeScalarView(scalars[..<Self.stemKey])), default: []].append((scalars, term))
    }

    /// The concept of a known word sharing most of its beginning with `word` (a long common
    /// prefix, at least 70% of the shorter word): another ending of the same word.
    func stem(of word: String) -> TermID? {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= Self.stemKey + 1, scalars.contains(where: { !$0.isASCII }),
            let candidates = stems[String(String.UnicodeScalarView(scalars[..<Self.stemKey]))]
        else { return nil }
        var best: (term: TermID, common: Int)? = nil
        for candidate in candidates {
            var common = 0
            while common < min(scalars.count, candidate.scalars.count) && scalars[common] == candidate.scalars[common] {
                common += 1
            }
            let needed = max(Self.stemKey + 1, (7 * min(scalars.count, candidate.scalars.count) + 9) / 10)
            if common >= needed && common > (best?.common ?? 0) { best = (candidate.term, common) }
        }
        return best?.term
    }

    private mutating func addSpelling(_ word: String, _ term: TermID) {
        let bytes = Array(word.utf8)
        guard bytes.count >= 3, bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return }
        dropReadingLookups()
        if let archived = archivedSpelling {  // a read lexicon growing: its stored words first
            spellingBuckets = Self.spellingBuckets(archived: archived, termCount: names.count) ?? [:]
            archivedSpelling = nil
        }
        spellingBuckets[bytes[0], default: []].append((bytes, term, Self.letterSet(bytes)))
    }

    /// Tokenises an example, adding its unknown words to the vocabulary. A rare misspelling of a
    /// concept word in an example ("numebr") is folded into that concept rather than learned.
    mutating func learnTokens(of text: NormalizedText, correctingSpelling: Bool = true) -> [TermID] {
        for segment in text.segments where segment.kind == .word {
            let word = text.word(segment)
            if resolveExactOrInflected(word) != nil { continue }
            if correctingSpelling, word.utf8.count >= 5,
                let (term, distance) = correction(of: word, conceptsOnly: true), distance == 1
            {
                dropReadingLookups()
                ids[word] = term
            } else {
                internWord(word)
            }
        }
        return tokens(of: text, correctingSpelling: correctingSpelling).terms
    }

    // MARK: Reading

    /// The term a single word stands for: exact, then by dropping an inflection ("changing",
    /// "numbers", "verified"), then by correcting a misspelling (in English only: French "chose"
    /// is no misspelt "close").
    func resolve(_ word: String, correctingSpelling: Bool = true) -> TermID? {
        if let term = resolveExactOrInflected(word) { return term }
        return (correctingSpelling ? correction(of: word, conceptsOnly: false)?.term : nil) ?? stem(of: word)
    }

    func resolveExactOrInflected(_ word: String) -> TermID? {
        if let term = ids[word] { return term }
        var word = word
        return word.withUTF8 { bytes in
            EnglishInflection.firstBaseForm(of: bytes) { ids[String(decoding: $0, as: UTF8.self)] }
        }
    }

    // MARK: Reading from bytes

    /// Builds the look-ups questions are read with: call once the vocabulary is complete.
    mutating func prepareForReading() {
        wordTable = WordTable(ids)
        var initials = [UInt64](repeating: 0, count: 1 << 15 / 64)
        for key in phrases.keys {
            let length = Int(key >> 60)
            let first = Int((key >> UInt64(15 * (length - 1))) & 0x7FFF)
            initials[first >> 6] |= 1 << UInt64(first & 63)
        }
        phraseInitials = initials
        corrections = CorrectionCache()
        let buckets = spellingBuckets, isConcept = isConcept, archived = archivedSpelling
        spellingIndex = LazySpellingIndex {
            guard buckets.isEmpty, let archived else { return SpellingIndex(buckets: buckets, isConcept: isConcept) }
            let read = Self.spellingBuckets(archived: archived, termCount: isConcept.count) ?? [:]
            return SpellingIndex(buckets: read, isConcept: isConcept)
        }
    }

    private mutating func dropReadingLookups() {
        wordTable = nil
        spellingIndex = nil
        phraseInitials = nil
        corrections = nil
    }

    /// `resolve(_:correctingSpelling:)` for a word's bytes. An ASCII word is looked up as it is,
    /// no `String` made; a word with other letters goes the string way (`stem(of:)` reads it by
    /// characters, and so do its endings).
    func resolve(bytes word: UnsafeBufferPointer<UInt8>, correctingSpelling: Bool) -> TermID? {
        guard let wordTable, !word.contains(where: { $0 >= 0x80 }) else {
            guard let wordTable else {
                return resolve(String(decoding: word, as: UTF8.self), correctingSpelling: correctingSpelling)
            }
            // As `resolve(_:)` reads a word with letters beyond ASCII, without making a string
            // for the look-ups: the table holds every word, its base forms are cut from the
            // bytes, and such a word is never a misspelling (only a–z words are); its stem is left.
            if let term = wordTable[word] ?? Self.firstBaseForm(of: word, in: wordTable) { return term }
            // A stem needs more than `stemKey` characters (the normaliser's words are valid
            // UTF-8: one lead byte a character); a shorter word needs no string made.
            guard word.count(where: { $0 & 0xC0 != 0x80 }) > Self.stemKey else { return nil }
            return stem(of: String(decoding: word, as: UTF8.self))
        }
        if let term = wordTable[word] ?? Self.firstBaseForm(of: word, in: wordTable) { return term }
        // No stem: only words with letters outside ASCII have one.
        return correctingSpelling ? correction(of: word, conceptsOnly: false)?.term : nil
    }

    /// The term of the first base form of `word` (`EnglishInflection`) that the table knows.
    private static func firstBaseForm(of word: UnsafeBufferPointer<UInt8>, in table: WordTable) -> TermID? {
        EnglishInflection.firstBaseForm(of: word) { table[$0] }
    }

    /// The closest known word within one edit (two for long words that keep their first letter),
    /// counting a swap of neighbouring letters as one edit.
    func correction(of word: String, conceptsOnly: Bool) -> (term: TermID, distance: Int)? {
        var word = word
        return word.withUTF8 { correction(of: $0, conceptsOnly: conceptsOnly) }
    }

    func correction(of query: UnsafeBufferPointer<UInt8>, conceptsOnly: Bool) -> (term: TermID, distance: Int)? {
        // Only English words are corrected: other scripts and languages get partial credit from
        // character n-grams instead, and digits are never a misspelling.
        guard query.count >= 4, query.count <= SpellingIndex.longestQuery, query.allSatisfy({ $0 >= 97 && $0 <= 122 })
        else { return nil }
        if let spellingIndex, let corrections {
            return corrections.correction(of: query, conceptsOnly: conceptsOnly) {
                spellingIndex.index.correction(of: query, conceptsOnly: conceptsOnly)
            }
        }
        return bruteForceCorrection(of: query, conceptsOnly: conceptsOnly)
    }

    /// The search `SpellingIndex` replaces, used while the vocabulary is still growing (and
    /// by the tests, as the index's oracle): every word of the buckets of the query's first two
    /// letters, compared in turn.
    func bruteForceCorrection(of query: UnsafeBufferPointer<UInt8>, conceptsOnly: Bool) -> (
        term: TermID, distance: Int
    )? {
        let limit = query.count >= SpellingIndex.twoEditLength ? 2 : 1
        var best: (term: TermID, distance: Int, concept: Bool)? = nil
        let letters = Self.letterSet(query)
        var firstBytes = [query[0]]
        if query[1] != query[0] { firstBytes.append(query[1]) }
        for first in firstBytes {
            for candidate in spellingBuckets[first] ?? [] {
                let concept = isConcept[Int(candidate.term)]
                if conceptsOnly && !concept { continue }
                if abs(candidate.bytes.count - query.count) > limit { continue }
                if (candidate.letters ^ letters).nonzeroBitCount > 2 * limit { continue }
                let distance = candidate.bytes.withUnsafeBufferPointer { Self.editDistance(query, $0, limit: limit) }
                if distance > limit || (distance == 2 && candidate.bytes[0] != query[0]) { continue }
                if best == nil || distance < best!.distance || (distance == best!.distance && concept && !best!.concept)
                {
                    best = (candidate.term, distance, concept)
                }
            }
        }
        return best.map { ($0.term, $0.distance) }
    }

    /// The letters a word uses, one bit each: one edit changes at most two bits, so a word whose
    /// set differs from the query's by more cannot be within the limit (a cheap test before the
    /// edit distance).
    @inline(__always)
    static func letterSet(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var set: UInt32 = 0
        for byte in bytes { set |= 1 << UInt32((byte &- 97) & 31) }
        return set
    }

    /// Edit distance between two words (a swap of neighbouring letters is one edit), capped at
    /// `limit + 1`: also what suggests "/help" for "/hlep".
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x.isEmpty || y.isEmpty { return min(max(x.count, y.count), limit + 1) }
        return x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in editDistance(x, y, limit: limit) } }
    }

    /// Optimal-string-alignment distance, giving up (returning limit + 1) once it exceeds `limit`.
    static func editDistance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        let n = a.count, m = b.count
        // Three rows in one scratch buffer on the stack: no allocation per comparison.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (m + 1)) { scratch in
            var previous2 = scratch.baseAddress!, previous = previous2 + (m + 1), current = previous + (m + 1)
            for j in 0...m { previous2[j] = 0; previous[j] = j; current[j] = 0 }
            for i in 1...n {
                current[0] = i
                var rowMinimum = i
                for j in 1...m {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        value = min(value, previous2[j - 2] + 1)
                    }
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                (previous2, previous, current) = (previous, current, previous2)
            }
            return previous[m]
        }
    }

    /// What a question says in terms: the term sequence (phrases merged, gaps where unknown
    /// words were) and how many content words it had and how many of those were unknown.
    public struct Tokens: Sendable {
        public var terms: [TermID] = []
        public var contentWords = 0
        public var unknownWords = 0
        /// For each segment of the text: a function word ("how", "my", "как"), which carries
        /// no evidence.
        public var isFunctionWord: [Bool] = []
        /// The runs of `unspacedScalars` that known terms cover, in ascending order.
        public var coveredRuns: [Range<Int>] = []
    }

    /// The terms of a question; `correctingSpelling` is off for questions in another language
    /// written in the Latin alphabet, whose words are not misspelt English.
    public func tokens(of text: NormalizedText, correctingSpelling: Bool = true) -> Tokens {
        var result = Tokens()
        result.terms.reserveCapacity(text.segments.count + 4)
        result.isFunctionWord = [Bool](repeating: false, count: text.segments.count)
        for (index, segment) in text.segments.enumerated() {
            switch segment.kind {
            case .word:
                let term = text.wordBytes.withUnsafeBufferPointer { bytes in
                    resolve(
                        bytes: UnsafeBufferPointer(rebasing: bytes[segment.range]),
                        correctingSpelling: correctingSpelling)
                }
                if let term {
                    if isStopword[Int(term)] { result.isFunctionWord[index] = true } else { result.contentWords += 1 }
                    result.terms.append(term)
                } else {
                    let isNumber = text.wordBytes[segment.range].allSatisfy { $0 >= 48 && $0 <= 57 }
                    if !isNumber { result.contentWords += 1; result.unknownWords += 1 }
                    if result.terms.last != Self.gap { result.terms.append(Self.gap) }
                }
            case .unspaced:
                matchUnspaced(text.unspacedScalars[segment.range], into: &result)
            }
        }
        result.terms = mergingPhrases(result.terms)
        return result
    }

    /// Greedy longest match of known Chinese terms; unmatched characters count as unknown
    /// content only for the "how much did we understand" measure (two characters ≈ one word).
    private func matchUnspaced(_ scalars: ArraySlice<UInt32>, into result: inout Tokens) {
        var index = scalars.startIndex
        var unmatched = 0
        while index < scalars.endIndex {
            var matched = false
            if let candidates = unspacedTerms[scalars[index]] {
                for candidate in candidates where candidate.scalars.count <= scalars.endIndex - index {
                    if scalars[index..<(index + candidate.scalars.count)].elementsEqual(candidate.scalars) {
                        result.terms.append(candidate.term)
                        result.contentWords += 1
                        result.coveredRuns.append(index..<(index + candidate.scalars.count))
                        index += candidate.scalars.count
                        matched = true
                        break
                    }
                }
            }
            // A function character (了, 吗, 还...) is not unknown content, as an English function
            // word is not.
            if !matched {
                if !stopCharacters.contains(scalars[index]) { unmatched += 1 }
                index += 1
            }
        }
        result.contentWords += unmatched / 2
        result.unknownWords += unmatched / 2
    }

    private func mergingPhrases(_ terms: [TermID]) -> [TermID] {
        guard longestPhrase > 1, terms.count > 1 else { return terms }
        var merged: [TermID] = []
        merged.reserveCapacity(terms.count)
        var index = 0
        while index < terms.count {
            if let phraseInitials {
                let first = Int(UInt16(truncatingIfNeeded: terms[index]) & 0x7FFF)
                if phraseInitials[first >> 6] & 1 << UInt64(first & 63) == 0 {
                    merged.append(terms[index])
                    index += 1
                    continue
                }
            }
            var taken = false
            var length = min(longestPhrase, terms.count - index)
            while length >= 2 {
                let window = terms[index..<(index + length)]
                if !window.contains(Self.gap), let phrase = phrases[Self.phraseKey(window)] {
                    merged.append(phrase)
                    index += length
                    taken = true
                    break
                }
                length -= 1
            }
            if !taken { merged.append(terms[index]); index += 1 }
        }
        return merged
    }

    static func phraseKey(_ terms: ArraySlice<TermID>) -> UInt64 {
        var key: UInt64 = 0
        // Four terms of 15 bits each, and the length on top: phrases are at most four words.
        for term in terms { key = key << 15 | UInt64(UInt16(truncatingIfNeeded: term) & 0x7FFF) }
        return key | UInt64(terms.count) << 60
    }
}

/// The same word or phrase declared under two concepts.
struct LexiconClash: Error {
    var surface: String
    var first: String
    var second: String
}
