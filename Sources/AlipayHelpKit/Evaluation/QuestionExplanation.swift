/// How one question was understood, for `explain`: the normalised text, the terms, the scores
/// and the decision (a front end lays it out).
public struct QuestionExplanation: Sendable {
    public var normalized: [String]
    public var terms: [String]
    public var unknownWords: Int
    public var contentWords: Int
    public var match: Match
    /// The strongest features for (and against) the best label.
    public var evidence: [(feature: String, weight: Double)]

    public init(matcher: IntentMatcher, question: String) {
        let text = TextNormalizer.normalize(question)
        let features = matcher.features(of: text)
        normalized = text.pieces
        terms = features.tokens.terms.map { $0 == Lexicon.gap ? "?" : matcher.lexicon.name(of: $0) }
        unknownWords = features.tokens.unknownWords
        contentWords = features.tokens.contentWords
        // A line too long to be a question is read (to show what it holds) but not matched.
        match = IntentMatcher.isTooLong(question) ? matcher.match(question) : matcher.match(features)
        evidence = match.ranking.first.map { matcher.evidence(features, for: $0.label) } ?? []
    }
}
