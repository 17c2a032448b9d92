/// Understands questions: trained once from the knowledge base, then read-only and safe to share.
///
/// A question goes through four stages, each with one job and each stored on its own:
/// 1. `QuestionReader` (features): its language, its terms and the features made of them;
/// 2. `IntentClassifier`: a score for every topic, small-talk intent and out of scope;
/// 3. `TopicRules`: the knowledge base's `require` and `exclude` rules and the other-apps rule
///    weigh in on those scores;
/// 4. `MatchDecision`: the scores calibrated into probabilities, then answer, ask which topic
///    was meant, or decline.
/// A topic answered then gets its facet from the topic's `FacetSelector`.
public struct IntentMatcher: Sendable {
    /// Thresholds can change without retraining (a threshold sweep reads them afresh).
    public var policy: MatchPolicy
    let reader: QuestionReader
    let classifier: IntentClassifier
    let rules: TopicRules
    /// One per topic, in class order.
    let facetSelectors: [FacetSelector]

    public var lexicon: Lexicon { reader.lexicon }
    var labels: [String] { classifier.labels }
    var topicCount: Int { classifier.topicCount }

    init(
        policy: MatchPolicy, reader: QuestionReader, classifier: IntentClassifier, rules: TopicRules,
        facetSelectors: [FacetSelector]
    ) {
        self.policy = policy
        self.reader = reader
        self.classifier = classifier
        self.rules = rules
        self.facetSelectors = facetSelectors
    }

    /// Whether this matcher was trained on `knowledgeBase`'s topics and small talk, in order.
    public func isTrained(for knowledgeBase: KnowledgeBase) -> Bool {
        labels == knowledgeBase.labels && topicCount == knowledgeBase.topics.count
    }

    // MARK: Matching

    public func match(_ question: String) -> Match {
        var copy = question
        return copy.withUTF8 { match(bytes: $0) }
    }

    public func match(bytes: UnsafeBufferPointer<UInt8>) -> Match {
        if bytes.count > Self.longestQuestion { return tooLong(bytes) }
        return match(reader.read(TextNormalizer.normalize(bytes: bytes)))
    }

    /// The most a question may hold, in UTF-8 bytes: about 1,000 letters of English or 330
    /// Chinese characters, ten times the longest question in the real questions collected.
    /// A longer line is a pasted text or several questions run together, which a topic
    /// guessed from all of it would answer badly; reading every byte of it would also let one
    /// line cost as much as a hundred questions.
    public static let longestQuestion = 1_000

    /// Whether a line is longer than `longestQuestion`, for the callers that read a line's
    /// features themselves (the chat, `explain`) and so must ask before matching them.
    public static func isTooLong(_ line: String) -> Bool { line.utf8.count > longestQuestion }

    /// The match for a line longer than `longestQuestion`: only its start is read, for the
    /// language to reply in.
    private func tooLong(_ bytes: UnsafeBufferPointer<UInt8>) -> Match {
        var end = Self.languageSample
        while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
        let start = TextNormalizer.normalize(bytes: UnsafeBufferPointer(rebasing: bytes[..<end]))
        var match = Match(
            outcome: .tooLong, confidence: 1, facet: nil, ranking: [], why: .tooLong(bytes: bytes.count))
        match.questionLanguage = reader.languageDetector.detect(start)
        return match
    }

    /// How much of a line too long to read is read for its language.
    private static let languageSample = 200

    /// What the features stage reads in a question.
    public func features(of text: NormalizedText) -> QuestionFeatures { reader.read(text) }

    /// The match for a question already read.
    public func match(_ features: QuestionFeatures) -> Match {
        var match = classify(features)
        match.questionLanguage = features.language
        match.features = features
        return match
    }

    /// Runs the classifier, the rules and the decision on a question read.
    private func classify(_ features: QuestionFeatures) -> Match {
        if features.keys.isEmpty {
            return Match(
                outcome: .outOfScope, confidence: 1, facet: nil, ranking: [],
                reason: "nothing in the question is recognisable")
        }
        var logits = classifier.logits(for: features)
        let decision = MatchDecision(policy: policy, topicCount: topicCount)
        var (match, bestClass) = withUnsafeTemporaryAllocation(of: Bool.self, capacity: topicCount) {
            lacksRequirement in
            lacksRequirement.initialize(repeating: false)
            let found = rules.apply(
                to: &logits, features: features, policy: policy, lexicon: reader.lexicon, labels: labels,
                lacksRequirement: lacksRequirement)
            decision.calibrate(&logits)
            // Class numbers in ranking order: with them, which scores are topics is a comparison,
            // not a search of every label by name.
            let order = MatchDecision.rankingOrder(logits)
            let ranking = Match.Ranking(labels: labels, probabilities: logits, order: order)
            let match = decision.decide(
                ranking: ranking, classes: order, rules: found, lacksRequirement: UnsafeBufferPointer(lacksRequirement))
            return (match, order[0])
        }
        // The facet stage, for a topic answered (its class is the best one).
        if case .topic = match.outcome,
            let facet = facetSelectors[bestClass].select(features, threshold: policy.facetThreshold)
        {
            match.narrow(to: facet)
        }
        return match
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
