import Testing

@testable import AlipayHelpKit

/// The deletion index must find exactly what the full search finds (its oracle): the same
/// word, the same distance, the same winner among ties, for every query.
@Suite struct SpellingIndexTests {
    /// A generator that gives the same words on every run.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
    }

    static let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)

    /// A vocabulary over few letters, so words crowd each other and ties are common: some
    /// concepts, some plain words, lengths 3 to 14.
    static func vocabulary(seed: UInt64, count: Int) -> (lexicon: Lexicon, words: [[UInt8]]) {
        var random = Generator(state: seed)
        var lexicon = Lexicon()
        var words: [[UInt8]] = []
        for index in 0..<count {
            let word = (0..<(3 + random.next(12))).map { _ in letters[random.next(6)] }
            let text = String(decoding: word, as: UTF8.self)
            if index % 3 == 0 {
                try? lexicon.declare(text, as: lexicon.concept("c\(index)"), owner: "c\(index)", phrases: false)
            } else {
                lexicon.internWord(text)
            }
            words.append(word)
        }
        return (lexicon, words)
    }

    /// Queries near the vocabulary (one or two edits of its words) and far from it.
    static func queries(near words: [[UInt8]], seed: UInt64, count: Int) -> [[UInt8]] {
        var random = Generator(state: seed)
        return (0..<count).map { index in
            if index % 5 == 0 { return (0..<(1 + random.next(34))).map { _ in letters[random.next(8)] } }
            var word = words[random.next(words.count)]
            for _ in 0..<(1 + random.next(2)) where !word.isEmpty {
                let at = random.next(word.count)
                switch random.next(4) {
                case 0: word.remove(at: at)
                case 1: word.insert(letters[random.next(7)], at: at)
                case 2: word[at] = letters[random.next(7)]
                default: if at + 1 < word.count { word.swapAt(at, at + 1) }
                }
            }
            return word
        }
    }

    func compare(seed: UInt64, words count: Int, conceptsOnly: Bool) {
        var (lexicon, words) = Self.vocabulary(seed: seed, count: count)
        let queries = Self.queries(near: words, seed: seed + 1, count: 4000)
        // Before `prepareForReading` the lexicon searches in full: the oracle.
        let expected = queries.map { query in
            query.withUnsafeBufferPointer { lexicon.correction(of: $0, conceptsOnly: conceptsOnly) }
        }
        lexicon.prepareForReading()
        var corrected = 0
        for (query, expected) in zip(queries, expected) {
            let found = query.withUnsafeBufferPointer { lexicon.correction(of: $0, conceptsOnly: conceptsOnly) }
            #expect(
                found?.term == expected?.term && found?.distance == expected?.distance,
                "\(String(decoding: query, as: UTF8.self))")
            if found != nil { corrected += 1 }
        }
        // The comparison means something only if many queries were corrected.
        #expect(corrected > queries.count / 4)
    }

    @Test func findsWhatTheFullSearchFinds() {
        for seed: UInt64 in [1, 2, 3] { compare(seed: seed, words: 1500, conceptsOnly: false) }
    }

    @Test func findsWhatTheFullSearchFindsAmongConcepts() {
        compare(seed: 7, words: 1500, conceptsOnly: true)
    }

    @Test func agreesOnTheRealVocabulary() {
        // Every word the knowledge base taught, each misspelt a few ways.
        let lexicon = Fixtures.matcher.lexicon
        let words = lexicon.spellingBuckets.keys.sorted().flatMap { lexicon.spellingBuckets[$0]!.map(\.bytes) }
        for query in Self.queries(near: words, seed: 11, count: 6000) {
            query.withUnsafeBufferPointer { query in
                guard query.count >= 4, query.count <= SpellingIndex.longestQuery else { return }
                let found = lexicon.correction(of: query, conceptsOnly: false)
                let expected = lexicon.bruteForceCorrection(of: query, conceptsOnly: false)
                #expect(
                    found?.term == expected?.term && found?.distance == expected?.distance,
                    "\(String(decoding: query, as: UTF8.self))")
            }
        }
    }

    @Test func leavesAloneWhatCannotBeAMisspelling() {
        let lexicon = Fixtures.matcher.lexicon
        for word in ["pho", "12345", "телефон", "ab", String(repeating: "phone", count: 7)] {
            #expect(lexicon.correction(of: word, conceptsOnly: false) == nil, "\(word)")
        }
        #expect(lexicon.correction(of: "phnoe", conceptsOnly: false)?.term == lexicon.existingConcept("phone"))
    }

    /// Spelling is corrected in English questions only, so only English words are targets: an
    /// English word two edits from another language's word ("transport", French "transfert") is
    /// itself, not that word misspelt.
    @Test func correctsTowardsEnglishWordsOnly() {
        let lexicon = Fixtures.matcher.lexicon
        #expect(lexicon.correction(of: "transport", conceptsOnly: false) == nil)
        #expect(lexicon.correction(of: "transfre", conceptsOnly: false)?.term == lexicon.existingConcept("transfer"))
    }

    /// Each deletion's hash, made from prefix sums, is the hash of the shortened word itself.
    @Test func aDeletionHashesAsTheShortenedWord() {
        func hashes(_ word: [UInt8], upTo limit: Int) -> [UInt32] {
            var found: [UInt32] = []
            word.withUnsafeBufferPointer { SpellingIndex.forEachDeletion(of: $0, upTo: limit) { found.append($0) } }
            return found
        }
        for word in ["verification", "phone", "abcabc", "ab"].map({ Array($0.utf8) }) {
            let emitted = hashes(word, upTo: 2)
            #expect(emitted.count == 1 + word.count + word.count * (word.count - 1) / 2)
            for i in word.indices {
                var once = word
                once.remove(at: i)
                #expect(emitted.contains(hashes(once, upTo: 0)[0]))
                for j in word.indices where j > i {
                    var twice = word
                    twice.remove(at: j)
                    twice.remove(at: i)
                    #expect(emitted.contains(hashes(twice, upTo: 0)[0]))
                }
            }
        }
    }
}
