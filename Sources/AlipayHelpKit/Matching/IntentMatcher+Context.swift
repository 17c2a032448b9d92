/// Reading a question against what is already known about it: the topic open in a conversation,
/// the topics a figure in it points to, or the topic a person chose.
extension IntentMatcher {
    /// Reads a question as a follow-up to `topic` ("and per year?" after a limits answer): the
    /// facet of that topic it asks about, or nil when it names none, is about another app,
    /// mentions something the topic excludes, or has words the vocabulary does not know.
    public func followUp(_ question: String, topic: String) -> Match? {
        followUp(reader.read(question), topic: topic)
    }

    /// `followUp(_:topic:)` for a question already read.
    public func followUp(_ features: QuestionFeatures, topic: String) -> Match? {
        guard let index = labels.firstIndex(of: topic), index < topicCount else { return nil }
        if rules.namesOtherProduct(features) || rules.excludedTerms(features, topic: index) != nil { return nil }
        // A follow-up is short and fully understood: unknown words mean it is about something else.
        if features.tokens.unknownWords > 0 { return nil }
        let lexicon = reader.lexicon
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
        let features = read ?? reader.read(question)
        if rules.isAboutOtherProduct(features) { return [] }
        return topics.compactMap { topic in
            guard let index = labels.firstIndex(of: topic), index < topicCount,
                rules.excludedTerms(features, topic: index) == nil,
                let facet = facetSelectors[index].select(features, threshold: policy.facetThreshold)
            else { return nil }
            return (topic, facet.id)
        }
    }

    /// The facet of `topic` a question asks about, for a question already known to be about it
    /// (an answer to "did you mean...?").
    public func facet(of question: String, in topic: String) -> String? {
        facet(of: reader.read(question), in: topic)
    }

    /// `facet(of:in:)` for a question already read.
    public func facet(of features: QuestionFeatures, in topic: String) -> String? {
        guard let index = labels.firstIndex(of: topic), index < topicCount else { return nil }
        return facetSelectors[index].select(features, threshold: policy.facetThreshold)?.id
    }
}
