/// Understands questions: trained once from the knowledge base, then read-only and safe to share.
///
/// A question is normalised, folded into concept terms, and scored by a softmax classifier over
/// every topic, small-talk intent and the out-of-scope class. Knowledge-base rules then weigh in:
/// a topic needs one of its `require` terms and none of its `exclude` terms, and a question
/// about another app is declined. Finally the policy decides: answer, decline, or ask which of
/// two close topics was meant.
public struct IntentMatcher: Sendable {
    /// Thresholds can change without retraining (a threshold sweep reads them afresh).
    public var policy: MatchPolicy
    public private(set) var lexicon = Lexicon()
    let labels: [String]
    let topicCount: Int
    let outOfScopeClass: Int
    private let space: FeatureSpace
    let languageDetector: LanguageDetector
    private let classifier: SoftmaxClassifier
    private let requireRules: [TermRule]
    private let excludeRules: [TermRule]
    private let requireCandidates: RuleCandidates
    private let excludeCandidates: RuleCandidates
    private let facetSelectors: [FacetSelector]
    private let otherProduct: TermID
    private let alipay: TermID?

    /// Trains on the written examples and a sample of every phrasing pattern's expansions.
    public init(knowledgeBase written: KnowledgeBase, policy: MatchPolicy = MatchPolicy()) throws {
        let knowledgeBase = written.withPatternPhrasings()
        self.policy = policy
        languageDetector = LanguageDetector(knowledgeBase: knowledgeBase)
        var lexicon = try Lexicon(declaredBy: knowledgeBase)
        let otherProduct = lexicon.concept(Lexicon.otherProductConcept)
        self.otherProduct = otherProduct
        let alipay = lexicon.existingConcept("alipay")
        self.alipay = alipay

        let topics = knowledgeBase.topics
        topicCount = topics.count
        let labels = knowledgeBase.labels
        self.labels = labels
        outOfScopeClass = labels.count - 1

        // Learn the vocabulary of every example before building features, so the feature
        // space is fixed when training starts.
        let examples = knowledgeBase.allExamples
        var labelled = examples.map { example in
            (TextNormalizer.normalize(example.text), labels.firstIndex(of: example.label)!)
        }
        let languageDetector = self.languageDetector
        for (text, _) in labelled {
            _ = lexicon.learnTokens(of: text, correctingSpelling: languageDetector.correctsSpelling(text))
        }

        requireRules = topics.map { TermRule($0.require, lexicon: &lexicon) }
        requireCandidates = RuleCandidates(requireRules)
        excludeRules = topics.map { TermRule($0.exclude, lexicon: &lexicon) }
        excludeCandidates = RuleCandidates(excludeRules)
        let facetTriggers = topics.map { topic in
            topic.facets.map { TermRule($0.triggers, lexicon: &lexicon, functionWordsCount: true) }
        }
        lexicon.prepareForReading()
        self.lexicon = lexicon

        let features = { (text: NormalizedText) in
            Self.features(of: text, lexicon: lexicon, languageDetector: languageDetector)
        }
        // An out-of-scope example about another app is already declined by the other-products
        // rule; left in, it would only teach the classifier that "change my number" is out of
        // scope (the rule, not the words, is what makes "change my WhatsApp number" so).
        let outOfScopeClass = self.outOfScopeClass
        var featuresOfExample: [String: QuestionFeatures] = [:]
        var training: [(features: QuestionFeatures, label: Int)] = []
        for (index, (text, label)) in labelled.enumerated() {
            let found = features(text)
            featuresOfExample[examples[index].text] = found
            if policy.rules.contains(.otherProduct), label == outOfScopeClass,
                found.contains(otherProduct) && !(alipay.map(found.contains) ?? false)
            {
                continue
            }
            training.append((found, label))
        }
        let space = FeatureSpace(documents: training.map(\.features.keys), unknownShare: policy.unknownShare)
        self.space = space
        // The facet selectors train on the same examples: reuse their features. They are trained
        // first, so that every example's features can be let go before the classifier's table
        // (tens of megabytes for hundreds of topics) is made; the order changes nothing learnt.
        facetSelectors = topics.enumerated().map { index, topic in
            FacetSelector(
                topic: topic, triggers: facetTriggers[index],
                features: { featuresOfExample[$0] ?? features(TextNormalizer.normalize($0)) })
        }
        featuresOfExample = [:]
        labelled = []
        let vectors = training.map {
            SoftmaxClassifier.Example(vector: Self.vector($0.features, in: space), label: $0.label)
        }
        training = []
        // A large table is trained on top of what loading left freed but resident.
        if space.count * labels.count > SoftmaxClassifier.denseLimit { FreedMemory.release() }
        classifier = SoftmaxClassifier(classCount: labels.count, featureCount: space.count, examples: vectors)
    }

    // MARK: Storing the trained matcher

    /// The trained matcher as bytes, sealed with `key` (read back by `init?(archive:key:policy:)`).
    /// The lexicon is a section of its own, led by its length, so it can be read on a thread of
    /// its own while the rest is read.
    public func archive(key: UInt64) -> [UInt8] {
        var out = MatcherArchive.Writer()
        var lexiconSection = MatcherArchive.Writer()
        lexicon.archive(into: &lexiconSection)
        out.int(lexiconSection.bytes.count)
        out.bytes += lexiconSection.bytes
        out.strings(labels)
        out.int(topicCount)
        space.archive(into: &out)
        classifier.archive(into: &out)
        for rule in requireRules + excludeRules { rule.archive(into: &out) }
        for selector in facetSelectors { selector.archive(into: &out) }
        out.i32(otherProduct)
        out.i32(alipay ?? -1)
        languageDetector.archive(into: &out)
        return MatcherArchive.seal(key: key, payload: out)
    }

    /// A matcher read back from `archive(key:)`; nil when the bytes were made for another key,
    /// another knowledge base, or are damaged. The knowledge base may be one loaded for
    /// answering only (`KnowledgeBase.load(from:trainingData: false)`).
    init?(archive bytes: [UInt8], key: UInt64, knowledgeBase: KnowledgeBase, policy: MatchPolicy) {
        guard let matcher = IntentMatcher(archive: bytes, key: key, policy: policy),
            matcher.isTrained(for: knowledgeBase)
        else { return nil }
        self = matcher
    }

    /// A matcher read back from `archive(key:)`'s bytes, or nil when they were made for another
    /// key or are damaged. It needs no knowledge base, so it can be read while one loads; check
    /// it with `isTrained(for:)` before use.
    public init?(archive bytes: [UInt8], key: UInt64, policy: MatchPolicy) {
        guard var reader = MatcherArchive.open(bytes, key: key) else { return nil }
        do {
            // The lexicon is half of the reading: it is read on another thread meanwhile.
            let lexiconSection = Array(try reader.take(try reader.count()))
            let lexiconReading = BackgroundValue { () -> Lexicon? in
                var reader = MatcherArchive.Reader(lexiconSection)
                guard let lexicon = try? Lexicon(archive: &reader), reader.offset == lexiconSection.count else {
                    return nil
                }
                return lexicon
            }
            let labels = try reader.strings()
            let topicCount = try reader.int()
            guard topicCount >= 0, topicCount < labels.count else { return nil }
            let space = try FeatureSpace(archive: &reader)
            let classifier = try SoftmaxClassifier(archive: &reader, featureCount: space.count)
            let rules = try (0..<(2 * topicCount)).map { _ in try TermRule(archive: &reader) }
            let selectors = try (0..<topicCount).map { _ in try FacetSelector(archive: &reader) }
            let otherProduct = try reader.i32(), alipay = try reader.i32()
            let languageDetector = try LanguageDetector(archive: &reader)
            guard let lexicon = lexiconReading.wait(), classifier.classCount == labels.count,
                reader.offset == reader.bytes.count
            else { return nil }
            self.policy = policy
            self.lexicon = lexicon
            self.labels = labels
            self.topicCount = topicCount
            outOfScopeClass = labels.count - 1
            self.space = space
            self.classifier = classifier
            requireRules = Array(rules[..<topicCount])
            requireCandidates = RuleCandidates(requireRules)
            excludeRules = Array(rules[topicCount...])
            excludeCandidates = RuleCandidates(excludeRules)
            facetSelectors = selectors
            self.otherProduct = otherProduct
            self.alipay = alipay < 0 ? nil : alipay
            self.languageDetector = languageDetector
        } catch {
            return nil
        }
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
        let text = TextNormalizer.normalize(bytes: bytes)
        return match(features(of: text))
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
        match.questionLanguage = languageDetector.detect(start)
        return match
    }

    /// How much of a line too long to read is read for its language.
    private static let languageSample = 200

    public func features(of text: NormalizedText) -> QuestionFeatures {
        Self.features(of: text, lexicon: lexicon, languageDetector: languageDetector)
    }

    private static func features(of text: NormalizedText, lexicon: Lexicon, languageDetector: LanguageDetector)
        -> QuestionFeatures
    {
        let language = languageDetector.detect(text)
        var features = QuestionFeatures(
            text: text,
            tokens: lexicon.tokens(of: text, correctingSpelling: LanguageDetector.correctsSpelling(language)),
            lexicon: lexicon)
        features.language = language
        return features
    }

    /// The classifier's input for a question.
    private static func vector(_ features: QuestionFeatures, in space: FeatureSpace) -> SparseVector {
        space.vector(features.keys, unknownTerms: features.tokens.unknownWords)
    }

    public func match(_ features: QuestionFeatures) -> Match {
        var match = classify(features)
        match.questionLanguage = features.language
        match.features = features
        return match
    }

    private func classify(_ features: QuestionFeatures) -> Match {
        if features.keys.isEmpty {
            return Match(
                outcome: .outOfScope, confidence: 1, facet: nil, ranking: [],
                reason: "nothing in the question is recognisable")
        }
        var logits = classifier.logits(for: Self.vector(features, in: space))
        var ruledOut: [String] = []
        let aboutOtherProduct =
            policy.rules.contains(.otherProduct)
            && features.contains(otherProduct) && !(alipay.map(features.contains) ?? false)
        let terms = features.tokens.terms
        let requiring = policy.rules.contains(.require)
        let excluding = policy.rules.contains(.exclude)
        // Per topic, on the stack, not the heap (this runs for every question): whether its
        // require rule may hold, whether its exclude rule may, and whether it lacks a require
        // concept.
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: 3 * topicCount) { flags in
            flags.initialize(repeating: false)
            let mayHold = UnsafeMutableBufferPointer(rebasing: flags[0..<topicCount])
            let mayExclude = UnsafeMutableBufferPointer(rebasing: flags[topicCount..<(2 * topicCount)])
            let lacksRequirement = UnsafeMutableBufferPointer(rebasing: flags[(2 * topicCount)...])
            terms.withUnsafeBufferPointer { terms in
                if requiring { requireCandidates.mark(among: terms, in: mayHold) }
                if excluding { excludeCandidates.mark(among: terms, in: mayExclude) }
            }
            for topic in 0..<topicCount {
                if aboutOtherProduct {
                    logits[topic] = -.infinity
                } else if mayExclude[topic], let excluded = excludeRules[topic].firstMatch(in: features) {
                    logits[topic] = -.infinity
                    ruledOut.append(
                        "\(labels[topic]) (mentions \(excluded.map(lexicon.name(of:)).joined(separator: " ")))")
                } else if requiring,
                    !mayHold[topic] || !terms.withUnsafeBufferPointer(requireRules[topic].holds(among:))
                {
                    logits[topic] -= policy.missingRequirementPenalty
                    lacksRequirement[topic] = true
                }
            }
            if policy.temperature != 1 {
                let inverse = 1 / policy.temperature
                for index in logits.indices { logits[index] *= inverse }
            }
            SoftmaxClassifier.softmax(&logits)
            // Class numbers in ranking order (the sort is stable, as the ranking's always was): with
            // them, which scores are topics is a comparison, not a search of every label by name,
            // which with hundreds of topics was most of the time a question took.
            let order = Self.rankingOrder(logits)
            let ranking = Match.Ranking(labels: labels, probabilities: logits, order: order)
            return decide(
                ranking: ranking, classes: order, features: features, aboutOtherProduct: aboutOtherProduct,
                ruledOut: ruledOut, lacksRequirement: UnsafeBufferPointer(lacksRequirement))
        }
    }

    /// Class numbers by descending probability, equal ones in class order (as a stable sort
    /// leaves them): one sort of plain integers, each the probability's bits (probabilities are
    /// finite and not negative, so their bits order as they do) inverted above the class number.
    static func rankingOrder(_ probabilities: [Float]) -> [Int] {
        guard probabilities.allSatisfy({ $0.isFinite && $0.sign == .plus }) else {
            return probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }
        }
        // Classes ruled out (most of them, with hundreds of topics) are exactly 0 and come last,
        // in class order: only the others need sorting. The keys are distinct (each holds its
        // class number), so an unstable sort orders them as a stable one would.
        return probabilities.withUnsafeBufferPointer { probabilities in
            var keys: [UInt64] = []
            for (index, probability) in probabilities.enumerated() where probability != 0 {
                keys.append(UInt64(~probability.bitPattern) << 32 | UInt64(index))
            }
            keys.sortUnstably()
            return [Int](unsafeUninitializedCapacity: probabilities.count) { order, filled in
                filled = 0
                for key in keys {
                    order[filled] = Int(key & 0xFFFF_FFFF)
                    filled += 1
                }
                for index in probabilities.indices where probabilities[index] == 0 {
                    order[filled] = index
                    filled += 1
                }
            }
        }
    }

    /// Reads a question as a follow-up to `topic` ("and per year?" after a limits answer): the
    /// facet of that topic it asks about, or nil when it names none, is about another app,
    /// mentions something the topic excludes, or has words the vocabulary does not know.
    public func followUp(_ question: String, topic: String) -> Match? {
        followUp(features(of: TextNormalizer.normalize(question)), topic: topic)
    }

    /// `followUp(_:topic:)` for a question already read.
    public func followUp(_ features: QuestionFeatures, topic: String) -> Match? {
        guard let index = labels.firstIndex(of: topic), index < topicCount else { return nil }
        if features.contains(otherProduct) || excludeRules[index].firstMatch(in: features) != nil { return nil }
        // A follow-up is short and fully understood: unknown words mean it is about something else.
        if features.tokens.unknownWords > 0 { return nil }
        let lexicon = self.lexicon
        guard
            let facet = facetSelectors[index].select(
                features, threshold: policy.facetThreshold,
                isTrigger: { !lexicon.isStopwordTerm($0) })
        else { return nil }
        var match = Match(
            outcome: .topic(topic), confidence: facet.probability, facet: facet.id,
            ranking: [Match.Score(label: topic, probability: facet.probability)],
            reason: "a follow-up to \(topic): facet \(facet.id), \(facet.why)")
        match.questionLanguage = features.language
        return match
    }

    /// For a question whose figure already says what it is about: each of `topics` that the
    /// knowledge-base rules let answer it (no `exclude` term, no other app: the figure stands in
    /// for the `require` terms) with the facet it asks about, read in one pass.
    public func facetsAllowing(_ question: String, topics: [String], read: QuestionFeatures? = nil) -> [(
        topic: String, facet: String
    )] {
        let features = read ?? features(of: TextNormalizer.normalize(question))
        if features.contains(otherProduct) && !(alipay.map(features.contains) ?? false) { return [] }
        return topics.compactMap { topic in
            guard let index = labels.firstIndex(of: topic), index < topicCount,
                excludeRules[index].firstMatch(in: features) == nil,
                let facet = facetSelectors[index].select(features, threshold: policy.facetThreshold)
            else { return nil }
            return (topic, facet.id)
        }
    }

    /// The facet of `topic` a question asks about, for a question already known to be about it
    /// (an answer to "did you mean...?").
    public func facet(of question: String, in topic: String) -> String? {
        facet(of: features(of: TextNormalizer.normalize(question)), in: topic)
    }

    /// `facet(of:in:)` for a question already read.
    public func facet(of features: QuestionFeatures, in topic: String) -> String? {
        guard let index = labels.firstIndex(of: topic), index < topicCount else { return nil }
        return facetSelectors[index].select(features, threshold: policy.facetThreshold)?.id
    }

    /// The features of a question that count most for (positive) or against (negative) one
    /// label, described in words: "phone", "change+phone", "手机", "注销".
    public func evidence(_ features: QuestionFeatures, for label: String, count: Int = 6) -> [(
        feature: String, weight: Double
    )] {
        guard let column = labels.firstIndex(of: label) else { return [] }
        let vector = Self.vector(features, in: space)
        var names: [Int32: String] = [:]
        for key in features.keys {
            if let f = space.index(of: key) { names[f] = describe(key, grams: features.gramTexts) }
        }
        let weighed = zip(vector.indices, vector.values).map { f, value in
            (names[f] ?? "?", Double(classifier.weights(forFeature: f)[column] * value) * 100)
        }
        return Array(weighed.sorted { abs($0.1) > abs($1.1) }.prefix(count))
    }

    private func describe(_ key: UInt64, grams: [UInt64: String]) -> String {
        let value = key & ((1 << QuestionFeatures.valueBits) - 1)
        func character(_ scalar: UInt64) -> String {
            Unicode.Scalar(UInt32(scalar)).map { String(Character($0)) } ?? "?"
        }
        switch QuestionFeatures.kind(of: key) {
        case .term?: return lexicon.name(of: TermID(value))
        case .termPair?: return lexicon.name(of: TermID(value >> 24)) + "+" + lexicon.name(of: TermID(value & 0xFFFFFF))
        case .character?: return character(value)
        case .characterPair?: return character(value >> 21) + character(value & 0x1FFFFF)
        case .wordGram?: return grams[key].map { "\"\($0)\"" } ?? "?"
        case nil: return "?"
        }
    }

    /// - Parameters:
    ///   - classes: the class number of each score of `ranking`.
    ///   - lacksRequirement: per topic, whether the question names none of its `require`
    ///     concepts: such a topic is asked about at most.
    private func decide(
        ranking: Match.Ranking, classes: [Int], features: QuestionFeatures, aboutOtherProduct: Bool,
        ruledOut: [String], lacksRequirement: UnsafeBufferPointer<Bool>
    ) -> Match {
        let best = ranking[0]
        let bestIsTopic = classes[0] < topicCount
        // The best two topics are all the decision reads (hundreds of topics need no copy).
        var topicScores: [Match.Score] = []
        var secondTopicClass = 0
        for position in ranking.indices where classes[position] < topicCount {
            topicScores.append(ranking[position])
            secondTopicClass = classes[position]
            if topicScores.count == 2 { break }
        }
        let declineConfidence = 1 - (topicScores.first?.probability ?? 0)
        func decline(_ reason: String) -> Match { decline(.text(reason)) }
        func decline(_ reason: Match.Reason) -> Match {
            Match(outcome: .outOfScope, confidence: declineConfidence, facet: nil, ranking: ranking, why: reason)
        }
        if aboutOtherProduct { return decline("it is about another app or service, not Alipay") }
        // Two topics nearly tied: together they are confident even when neither is alone, so
        // ask which one was meant rather than declining.
        // A question that names what each of two topics needs ("delete or change my phone
        // account") and leans to both is asked about at a wider margin.
        let bothNamed =
            topicScores.count > 1 && !(bestIsTopic && lacksRequirement[classes[0]])
            && !lacksRequirement[secondTopicClass]
        let margin = bothNamed ? max(policy.ambiguityMargin, policy.namedAmbiguityMargin) : policy.ambiguityMargin
        if bestIsTopic, topicScores.count > 1, topicScores[1].probability >= policy.ambiguityFloor,
            best.probability - topicScores[1].probability < margin,
            best.probability + topicScores[1].probability >= policy.threshold
        {
            return Match(
                outcome: .ambiguous([best.label, topicScores[1].label]), confidence: best.probability, facet: nil,
                ranking: ranking, reason: "\(best.label) and \(topicScores[1].label) are nearly tied")
        }
        if bestIsTopic, best.probability >= policy.askThreshold, lacksRequirement[classes[0]] {
            return Match(
                outcome: .ambiguous([best.label]), confidence: best.probability, facet: nil, ranking: ranking,
                reason: "\(best.label) is likely, but the question names none of the words it needs, so ask")
        }
        if best.probability >= policy.threshold, best.label != Match.outOfScopeLabel {
            guard bestIsTopic else {
                return Match(
                    outcome: .smallTalk(best.label), confidence: best.probability, facet: nil, ranking: ranking,
                    reason: "small talk")
            }
            let topicIndex = classes[0]
            let facet = facetSelectors[topicIndex].select(features, threshold: policy.facetThreshold)
            return Match(
                outcome: .topic(best.label), confidence: best.probability, facet: facet?.id, ranking: ranking,
                why: facet.map { .facet(id: $0.id, probability: $0.probability) }
                    ?? .text("the question is general, so the whole answer"))
        }
        // Not sure enough to answer. A question about something the knowledge base rules out (a
        // password, a username) is declined; one that leans to a topic gets a question back.
        if !ruledOut.isEmpty {
            return decline("it is about something else: " + ruledOut.joined(separator: ", "))
        }
        let likely = topicScores.prefix(2).filter { $0.probability >= policy.askThreshold }
        if let first = likely.first {
            return Match(
                outcome: .ambiguous(likely.map(\.label)), confidence: first.probability, facet: nil, ranking: ranking,
                why: .notSure(label: first.label, probability: first.probability, threshold: policy.threshold))
        }
        if best.label == Match.outOfScopeLabel {
            return decline("it looks most like the out-of-scope examples")
        }
        return decline(.belowThreshold(label: best.label, threshold: policy.threshold))
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
