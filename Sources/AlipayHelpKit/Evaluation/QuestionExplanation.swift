/// A readable account of how one question was understood, for `explain` and `/explain`.
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
        match = matcher.match(features)
        evidence = match.ranking.first.map { matcher.evidence(features, for: $0.label) } ?? []
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
        if let best = match.ranking.first, !evidence.isEmpty {
            let items = evidence.map { "\($0.feature) \($0.weight >= 0 ? "+" : "")\(String(Int(($0.weight * 100).rounded())))" }
            lines.append("evidence:   for \(best.label): \(items.joined(separator: ", "))  (weights ×100)")
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
