/// The evidence one question offers the classifier, as 64-bit keys: its content terms (concepts
/// and known words, never function words), pairs of neighbouring terms, character n-grams of its
/// words in any script (so an unseen word form, a typo or another language still shares pieces
/// with the examples), and characters and character pairs of unspaced scripts (Chinese, kana,
/// Thai) without a word segmenter, outside the terms the lexicon recognised there: a recognised
/// term is evidence once, as itself, and no n-gram spans a term or a function word and its
/// neighbour.
public struct QuestionFeatures: Sendable {
    public var tokens: Lexicon.Tokens
    /// Sorted, unique feature keys.
    public var keys: [UInt64]
    public var scripts: NormalizedText.Scripts { text.scripts }
    /// The normalised question the features were read from.
    public var text: NormalizedText
    /// The language the question is written in (`LanguageDetector`).
    public var language = Language.en.rawValue

    public func contains(_ term: TermID) -> Bool { tokens.terms.contains(term) }

    enum Kind: UInt64 {
        case term = 1
        case termPair = 2
        case character = 3
        case characterPair = 4
        case wordGram = 5

        /// Terms say what is asked; characters and n-grams how it is spelt. The two families are
        /// weighed and normalised apart.
        var isSpelling: Bool { self == .character || self == .characterPair || self == .wordGram }
    }

    static let valueBits: UInt64 = 56
    static func key(_ kind: Kind, _ value: UInt64) -> UInt64 {
        kind.rawValue << valueBits | (value & ((1 << valueBits) - 1))
    }
    static func kind(of key: UInt64) -> Kind? { Kind(rawValue: key >> valueBits) }
    /// Whether a key is a spelling (character or n-gram); spelling kinds sort after term kinds.
    @inline(__always)
    static func isSpelling(_ key: UInt64) -> Bool { key >> valueBits >= Kind.character.rawValue }

    /// N-gram lengths, in characters, of a word padded with a boundary mark at each end.
    static let gramLengths = 3...4

    init(text: NormalizedText, tokens: Lexicon.Tokens, lexicon: Lexicon) {
        self.tokens = tokens
        self.text = text
        var keys: [UInt64] = []
        keys.reserveCapacity(tokens.terms.count * 2 + text.unspacedScalars.count * 2 + text.wordBytes.count * 2)
        var previous: TermID = Lexicon.gap
        for term in tokens.terms {
            if term == Lexicon.gap { previous = Lexicon.gap; continue }
            // Function words carry no evidence either way: they decide nothing.
            if lexicon.isStopwordTerm(term) { continue }
            keys.append(Self.key(.term, UInt64(term)))
            if previous != Lexicon.gap && previous != term {
                keys.append(Self.key(.termPair, UInt64(previous) << 24 | UInt64(term)))
            }
            previous = term
        }
        text.wordBytes.withUnsafeBufferPointer { bytes in
            for (index, segment) in text.segments.enumerated() where segment.kind == .word {
                let word = UnsafeBufferPointer(rebasing: bytes[segment.range])
                if tokens.isFunctionWord[index] || Self.isNumber(word) { continue }
                Self.forEachGram(of: word) { keys.append(Self.key(.wordGram, $0)) }
            }
        }
        // The covered runs ascend as the positions do: one cursor walks them (linear, not a
        // search per character, which long lines would pay for).
        var run = 0
        let runs = tokens.coveredRuns
        for segment in text.segments where segment.kind == .unspaced {
            var last: UInt32 = 0
            var lastIsStop = false
            var lastCovered = false
            for position in segment.range {
                let scalar = text.unspacedScalars[position]
                // Function characters (怎, 么, 吗, の...) decide nothing, alone or together.
                let isStop = lexicon.stopCharacters.contains(scalar)
                while run < runs.count && runs[run].upperBound <= position { run += 1 }
                let covered = run < runs.count && runs[run].contains(position)
                if !isStop && !covered { keys.append(Self.key(.character, UInt64(scalar))) }
                // A pair is how unrecognised text is spelt: never one that reaches into a
                // recognised term or a function character, so how a sentence starts (支付宝 into
                // 怎么) is no evidence of what it asks.
                if last != 0 && !isStop && !lastIsStop && !covered && !lastCovered {
                    keys.append(Self.key(.characterPair, UInt64(last) << 21 | UInt64(scalar)))
                }
                last = scalar
                lastIsStop = isStop
                lastCovered = covered
            }
        }
        keys.sortAndRemoveDuplicates()
        self.keys = keys
    }

    /// Each word n-gram's key with its text, for explanations.
    var gramTexts: [UInt64: String] {
        var texts: [UInt64: String] = [:]
        text.wordBytes.withUnsafeBufferPointer { bytes in
            for segment in text.segments where segment.kind == .word {
                var hashes: [UInt64] = []
                var strings: [String] = []
                Self.forEachGram(of: UnsafeBufferPointer(rebasing: bytes[segment.range]), text: { strings.append($0) })
                { hashes.append($0) }
                for (hash, string) in zip(hashes, strings) { texts[Self.key(.wordGram, hash)] = string }
            }
        }
        return texts
    }

    @inline(__always)
    static func isNumber(_ word: UnsafeBufferPointer<UInt8>) -> Bool { word.allSatisfy { $0 >= 48 && $0 <= 57 } }

    /// Calls `body` with the hash of each n-gram of `word` (UTF-8, cut at character boundaries),
    /// padded with a boundary mark at each end; `text` gets the n-gram itself when asked for,
    /// for explanations.
    static func forEachGram(
        of word: UnsafeBufferPointer<UInt8>, text: ((String) -> Void)? = nil, _ body: (UInt64) -> Void
    ) {
        // Symbols: the begin mark (0), the characters (1...count), the end mark (count + 1).
        // `starts[k]` is where character k begins; `starts[count + 1]` is the end of the word.
        // On the stack: this runs for every word of every question.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: word.count + 2) { starts in
            starts[0] = 0
            var count = 0
            for index in word.indices where word[index] & 0xC0 != 0x80 {
                count += 1
                starts[count] = index
            }
            starts[count + 1] = word.count
            guard count > 0 else { return }
            forEachGram(of: word, starts: UnsafeBufferPointer(starts), count: count, text: text, body)
        }
    }

    @inline(__always)
    private static func forEachGram(
        of word: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int>, count: Int,
        text: ((String) -> Void)?, _ body: (UInt64) -> Void
    ) {
        for length in gramLengths where length <= count + 2 {
            for first in 0...(count + 2 - length) {
                let last = first + length - 1
                let from = starts[max(first, 1)], to = starts[min(last, count) + 1]
                var hash = FNV1a(value: FNV1a.offsetBasis ^ UInt64(length))
                if first == 0 { hash.combine(0x02) }
                hash.combine(UnsafeBufferPointer(rebasing: word[from..<to]))
                if last == count + 1 { hash.combine(0x03) }
                body(hash.value)
                if let text {
                    let inner = String(decoding: UnsafeBufferPointer(rebasing: word[from..<to]), as: UTF8.self)
                    text((first == 0 ? "‹" : "") + inner + (last == count + 1 ? "›" : ""))
                }
            }
        }
    }
}
