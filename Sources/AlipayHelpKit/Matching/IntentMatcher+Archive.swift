extension IntentMatcher {
    /// The trained matcher as bytes, sealed with `key` (read back by `init?(archive:key:policy:)`):
    /// the lexicon first, as a section led by its length so it can be read on a thread of its own
    /// while the rest is read, then each stage in turn.
    public func archive(key: UInt64) -> [UInt8] {
        var out = MatcherArchive.Writer()
        var lexiconSection = MatcherArchive.Writer()
        reader.lexicon.archive(into: &lexiconSection)
        out.int(lexiconSection.bytes.count)
        out.bytes += lexiconSection.bytes
        reader.languageDetector.archive(into: &out)
        classifier.archive(into: &out)
        rules.archive(into: &out)
        for selector in facetSelectors { selector.archive(into: &out) }
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
            let languageDetector = try LanguageDetector(archive: &reader)
            let classifier = try IntentClassifier(archive: &reader)
            let rules = try TopicRules(archive: &reader)
            guard rules.topicCount == classifier.topicCount else { return nil }
            let selectors = try (0..<classifier.topicCount).map { _ in try FacetSelector(archive: &reader) }
            guard let lexicon = lexiconReading.wait(), reader.offset == reader.bytes.count else { return nil }
            self.init(
                policy: policy, reader: QuestionReader(lexicon: lexicon, languageDetector: languageDetector),
                classifier: classifier, rules: rules, facetSelectors: selectors)
        } catch {
            return nil
        }
    }
}
