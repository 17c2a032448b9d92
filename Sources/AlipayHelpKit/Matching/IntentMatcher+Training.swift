extension IntentMatcher {
    /// Trains every stage on the written examples and a sample of every phrasing pattern's
    /// expansions.
    public init(knowledgeBase written: KnowledgeBase, policy: MatchPolicy = MatchPolicy()) throws {
        let knowledgeBase = written.withPatternPhrasings()
        let languageDetector = LanguageDetector(knowledgeBase: knowledgeBase)
        var lexicon = try Lexicon(declaredBy: knowledgeBase)
        let otherProduct = lexicon.concept(Lexicon.otherProductConcept)
        let alipay = lexicon.existingConcept("alipay")

        let topics = knowledgeBase.topics
        let labels = knowledgeBase.labels
        let outOfScopeClass = labels.count - 1

        // Learn the vocabulary of every example before building features, so the feature
        // space is fixed when training starts.
        let examples = knowledgeBase.allExamples
        var labelled = examples.map { example in
            (TextNormalizer.normalize(example.text), labels.firstIndex(of: example.label)!)
        }
        for (text, _) in labelled {
            _ = lexicon.learnTokens(of: text, correctingSpelling: languageDetector.correctsSpelling(text))
        }
        let rules = TopicRules(topics: topics, lexicon: &lexicon, otherProduct: otherProduct, alipay: alipay)
        let facetTriggers = topics.map { topic in
            topic.facets.map { TermRule($0.triggers, lexicon: &lexicon, functionWordsCount: true) }
        }
        lexicon.prepareForReading()
        let reader = QuestionReader(lexicon: lexicon, languageDetector: languageDetector)

        // An out-of-scope example about another app is already declined by the other-products
        // rule; left in, it would only teach the classifier that "change my number" is out of
        // scope (the rule, not the words, is what makes "change my WhatsApp number" so).
        var featuresOfExample: [String: QuestionFeatures] = [:]
        var training: [(features: QuestionFeatures, label: Int)] = []
        for (index, (text, label)) in labelled.enumerated() {
            let found = reader.read(text)
            featuresOfExample[examples[index].text] = found
            if policy.rules.contains(.otherProduct), label == outOfScopeClass, rules.isAboutOtherProduct(found) {
                continue
            }
            training.append((found, label))
        }
        let space = IntentClassifier.space(of: training, unknownShare: policy.unknownShare)
        // The facet selectors train on the same examples: reuse their features. They are trained
        // first, so that every example's features can be let go before the classifier's table
        // (tens of megabytes for hundreds of topics) is made; the order changes nothing learnt.
        let facetSelectors = topics.enumerated().map { index, topic in
            FacetSelector(
                topic: topic, triggers: facetTriggers[index],
                features: { featuresOfExample[$0] ?? reader.read(TextNormalizer.normalize($0)) })
        }
        featuresOfExample = [:]
        labelled = []
        let classifier = IntentClassifier(
            labels: labels, topicCount: topics.count, space: space, training: &training)
        self.init(
            policy: policy, reader: reader, classifier: classifier, rules: rules, facetSelectors: facetSelectors)
    }
}
