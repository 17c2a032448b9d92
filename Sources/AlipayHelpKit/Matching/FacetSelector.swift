/// Picks the facet of a topic that a question asks about, if any. A facet is eligible only when
/// the question mentions one of its triggers; among eligible facets, a per-topic classifier
/// (each facet's examples against the topic's general questions) picks the most probable, which
/// wins if it reaches the threshold. Triggers carry the precision, the classifier the choice.
struct FacetSelector: Sendable {
    struct Choice {
        var id: String
        var probability: Double
        /// Said only when asked for (`explain`), not made for every question.
        var why: String {
            "a trigger term is present and it is \(Int((Float(probability) * 100).rounded()))% likely against a general question"
        }
    }

    let facetIDs: [String]
    let triggers: [TermRule]
    let classifier: SoftmaxClassifier?
    let space: FeatureSpace

    init(facetIDs: [String], triggers: [TermRule], classifier: SoftmaxClassifier?, space: FeatureSpace) {
        self.facetIDs = facetIDs
        self.triggers = triggers
        self.classifier = classifier
        self.space = space
    }

    init(topic: Topic, triggers: [TermRule], features: (String) -> QuestionFeatures) {
        facetIDs = topic.facets.map(\.id)
        self.triggers = triggers
        // Topic examples that mention a facet's trigger are not clearly general, so only the
        // others teach the "general" class.
        var labelled: [([UInt64], Int)] = []
        for example in topic.examples {
            let found = features(example)
            if triggers.contains(where: { $0.firstMatch(in: found) != nil }) { continue }
            labelled.append((Self.termKeys(found), 0))
        }
        for (index, facet) in topic.facets.enumerated() {
            labelled += facet.examples.map { (Self.termKeys(features($0)), index + 1) }
        }
        let space = FeatureSpace(documents: labelled.map(\.0), unknownShare: 0)
        self.space = space
        guard !topic.facets.isEmpty else { classifier = nil; return }
        classifier = SoftmaxClassifier(
            classCount: topic.facets.count + 1, featureCount: space.count,
            examples: labelled.map { .init(vector: space.vector($0.0), label: $0.1) })
    }

    /// - Parameter isTrigger: which found trigger terms count (a follow-up with no topic of its
    ///   own needs a real content word, not "what" or "how").
    /// Facets differ by what is asked (concepts), not by how it is written, so the facet
    /// classifier reads terms and term pairs only: Chinese character n-grams would tie every
    /// Chinese question to the topic's many general Chinese examples.
    static func termKeys(_ features: QuestionFeatures) -> [UInt64] {
        features.keys.filter {
            $0 >> 56 == QuestionFeatures.Kind.term.rawValue || $0 >> 56 == QuestionFeatures.Kind.termPair.rawValue
        }
    }

    func select(_ features: QuestionFeatures, threshold: Double, isTrigger: (TermID) -> Bool = { _ in true }) -> Choice?
    {
        guard let classifier else { return nil }
        // Facets the question gives no trigger for are out of the running, so their share goes
        // to the others: the choice is between "general" and the triggered facets. With none
        // left (most questions), there is nothing to score.
        func isEligible(_ index: Int) -> Bool {
            guard !triggers[index].isEmpty else { return true }
            guard let found = triggers[index].firstMatch(in: features) else { return false }
            return found.allSatisfy(isTrigger)
        }
        guard facetIDs.indices.contains(where: isEligible) else { return nil }
        var logits = classifier.logits(for: space.vector(Self.termKeys(features)))
        for index in facetIDs.indices where !isEligible(index) { logits[index + 1] = -.infinity }
        SoftmaxClassifier.softmax(&logits)
        var best: (index: Int, probability: Float)? = nil
        for index in facetIDs.indices where logits[index + 1] > 0 {
            if best == nil || logits[index + 1] > best!.probability { best = (index, logits[index + 1]) }
        }
        guard let best, Double(best.probability) >= threshold else { return nil }
        return Choice(id: facetIDs[best.index], probability: Double(best.probability))
    }
}
