/// A readable account of how one question was understood, for `explain` and `/explain`.
public struct QuestionExplanation: Sendable {
    public var normalized: [String]
    public var terms: [String]
    public var unknownWords: Int
    public var contentWords: Int
    public var match: Match

    public init(matcher: IntentMatcher, question: String) {
        let text = TextNormalizer.normalize(question)
        let features = matcher.features(of: text)
        normalized = text.pieces
        terms = features.tokens.terms.map { $0 == Lexicon.gap ? "?" : matcher.lexicon.name(of: $0) }
        unknownWords = features.tokens.unknownWords
        contentWords = features.tokens.contentWords
        match = matcher.match(features)
    }

    public func render() -> String {
        var lines: [String] = []
        lines.append("normalised: \(normalized.joined(separator: " "))")
        lines.append("terms:      \(terms.joined(separator: " "))   (? = unknown; \(unknownWords) of \(contentWords) content words unknown)")
        lines.append("scores:")
        for score in match.ranking.prefix(5) {
            let percent = Int((score.probability * 1000).rounded())
            lines.append("  \(score.label.padding(toLength: 24, withPad: " ", startingAt: 0)) \(percent / 10).\(percent % 10)%")
        }
        let outcome: String
        switch match.outcome {
        case let .topic(id): outcome = "topic \(id)" + (match.facet.map { ", facet \($0)" } ?? "")
        case let .smallTalk(id): outcome = "small talk \(id)"
        case .outOfScope: outcome = "out of scope"
        case let .ambiguous(ids): outcome = "ambiguous between \(ids.joined(separator: " and "))"
        }
        lines.append("decision:   \(outcome) (confidence \(JSONLineEncoder.formatConfidence(match.confidence)))")
        lines.append("why:        \(match.reason)")
        return lines.joined(separator: "\n") + "\n"
    }
}
