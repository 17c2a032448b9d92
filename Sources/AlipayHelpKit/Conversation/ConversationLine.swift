/// A line of the conversation, read once: its text, its words, and the features the matcher
/// reads in it. Passed down to the flow, the choices and the follow-up reading, so no step
/// normalises the line again.
struct ConversationLine {
    let text: String
    let words: [String]
    let features: QuestionFeatures

    init(_ text: String, matcher: IntentMatcher) {
        let normalized = TextNormalizer.normalize(text)
        self.text = text
        words = normalized.pieces
        features = matcher.features(of: normalized)
    }
}
