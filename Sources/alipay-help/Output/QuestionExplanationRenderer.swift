import AlipayHelpKit

/// `alipay-help explain` as text: the normalised question, its terms, the best scores, the
/// evidence for the best label, and the decision with its reason.
struct QuestionExplanationRenderer {
    let explanation: QuestionExplanation

    func render() -> String {
        let match = explanation.match
        var lines: [String] = []
        lines.append("normalised: \(explanation.normalized.joined(separator: " "))")
        lines.append(
            "terms:      \(explanation.terms.joined(separator: " "))   (? = unknown; \(explanation.unknownWords) of \(explanation.contentWords) content words unknown)"
        )
        lines.append("scores:")
        for score in match.ranking.prefix(5) {
            let percent = Int((score.probability * 1000).rounded())
            lines.append(
                "  \(score.label.padding(toLength: 24, withPad: " ", startingAt: 0)) \(percent / 10).\(percent % 10)%")
        }
        if let best = match.ranking.first, !explanation.evidence.isEmpty {
            let items = explanation.evidence.map {
                "\($0.feature) \($0.weight >= 0 ? "+" : "")\(String(Int(($0.weight * 100).rounded())))"
            }
            lines.append("evidence:   for \(best.label): \(items.joined(separator: ", "))  (weights ×100)")
        }
        lines.append("decision:   \(match.decisionInWords) (confidence \(match.confidenceInPercent))")
        lines.append("why:        \(match.reason)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The language the question was read as and the one the reply is written in: they differ
    /// for a question in a language the answers are not written in, which is answered in English
    /// with a note, so an author sees when a line is taken for another language.
    static func languageLine(_ reply: Reply) -> String {
        var line = "language:   question \(reply.questionLanguage), reply \(reply.language.rawValue)"
        if Language(rawValue: reply.questionLanguage) == nil, reply.language == .en {
            line += " (answers are written in English and Chinese: the reply opens with a note)"
        }
        return line
    }
}
