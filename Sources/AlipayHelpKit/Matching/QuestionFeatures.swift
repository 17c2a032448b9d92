/// The evidence one question offers the classifier: its terms, word pairs and Chinese character
/// n-grams, as 64-bit keys, plus how much of it the vocabulary understood.
public struct QuestionFeatures: Sendable {
    public var tokens: Lexicon.Tokens
    /// Sorted, unique feature keys.
    public var keys: [UInt64]

    public func contains(_ term: TermID) -> Bool { tokens.terms.contains(term) }

    enum Kind: UInt64 { case term = 1, termPair = 2, hanzi = 3, hanziPair = 4 }

    static func key(_ kind: Kind, _ value: UInt64) -> UInt64 { kind.rawValue << 56 | value }

    init(text: NormalizedText, tokens: Lexicon.Tokens, lexicon: Lexicon) {
        self.tokens = tokens
        var keys: [UInt64] = []
        keys.reserveCapacity(tokens.terms.count * 2 + text.chineseScalars.count * 2)
        var previous: TermID = Lexicon.gap
        for term in tokens.terms {
            if term == Lexicon.gap { previous = Lexicon.gap; continue }
            keys.append(Self.key(.term, UInt64(term)))
            if lexicon.isStopwordTerm(term) { continue }
            if previous != Lexicon.gap && previous != term {
                keys.append(Self.key(.termPair, UInt64(previous) << 24 | UInt64(term)))
            }
            previous = term
        }
        // Character unigrams and bigrams carry Chinese without a word segmenter.
        for segment in text.segments where segment.kind == .chinese {
            var last: UInt32 = 0
            for scalar in text.chineseScalars[segment.range] {
                keys.append(Self.key(.hanzi, UInt64(scalar)))
                if last != 0 { keys.append(Self.key(.hanziPair, UInt64(last) << 21 | UInt64(scalar))) }
                last = scalar
            }
        }
        keys.sort()
        var unique = 0
        for index in keys.indices where index == 0 || keys[index] != keys[index - 1] {
            keys[unique] = keys[index]
            unique += 1
        }
        keys.removeLast(keys.count - unique)
        self.keys = keys
    }
}
