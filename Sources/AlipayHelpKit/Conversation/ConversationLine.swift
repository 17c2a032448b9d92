/// A line of the conversation, read once: its text, its words, and, the first time a handler
/// asks, the features the matcher reads in it and its match. Every handler gets the same line,
/// so no step normalises or matches it again, and a line a handler takes before any matching
/// (a flow's answer, "more", "2") is never matched at all.
struct ConversationLine {
    let text: String
    let words: [String]
    private let reading: Reading

    init(_ text: String, matcher: IntentMatcher) {
        self.init(text, matcher: matcher, match: nil)
    }

    /// A line already matched (a part of a line that asks several questions, matched to find
    /// them): its match is kept rather than read again.
    init(_ text: String, matcher: IntentMatcher, match: Match?) {
        let normalized = TextNormalizer.normalize(text)
        self.text = text
        words = normalized.pieces
        reading = Reading(normalized, matcher: matcher, match: match)
    }

    /// The matcher's features of the line.
    var features: QuestionFeatures { reading.features }
    /// The line matched alone, with no context.
    var match: Match { reading.match }
}

/// The features and the match of one line, worked out when first asked for and then kept.
/// Shared by the copies of one `ConversationLine`, within the one call to `respond` that reads it.
private final class Reading {
    private let normalized: NormalizedText
    private let matcher: IntentMatcher

    init(_ normalized: NormalizedText, matcher: IntentMatcher, match: Match?) {
        self.normalized = normalized
        self.matcher = matcher
        if let match {
            storedMatch = match
            storedFeatures = match.features
        }
    }

    private var storedFeatures: QuestionFeatures?
    private var storedMatch: Match?

    var features: QuestionFeatures {
        if let storedFeatures { return storedFeatures }
        let features = matcher.features(of: normalized)
        storedFeatures = features
        return features
    }

    var match: Match {
        if let storedMatch { return storedMatch }
        let match = matcher.match(features)
        storedMatch = match
        return match
    }
}
