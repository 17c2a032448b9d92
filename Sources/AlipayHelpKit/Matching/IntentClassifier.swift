/// The classifier stage: a score for every class (the topics first, then small talk, then out of
/// scope) from a question's features, weighed TF-IDF style in a feature space fixed by the
/// training examples, by a softmax classifier trained on them.
struct IntentClassifier: Sendable {
    /// The class names, in class order: topics, small talk, `out_of_scope` last.
    let labels: [String]
    /// How many of the classes, from the first, are topics.
    let topicCount: Int
    private let space: FeatureSpace
    private let classifier: SoftmaxClassifier

    var outOfScopeClass: Int { labels.count - 1 }

    /// The feature space of the training examples: which keys exist and what each weighs.
    static func space(of training: [(features: QuestionFeatures, label: Int)], unknownShare: Float) -> FeatureSpace {
        FeatureSpace(documents: training.map(\.features.keys), unknownShare: unknownShare)
    }

    /// Trains on `training` (emptied as it is read, so a large knowledge base does not hold the
    /// examples' features and the classifier's table at once).
    init(
        labels: [String], topicCount: Int, space: FeatureSpace,
        training: inout [(features: QuestionFeatures, label: Int)]
    ) {
        self.labels = labels
        self.topicCount = topicCount
        self.space = space
        let vectors = training.map {
            SoftmaxClassifier.Example(vector: Self.vector($0.features, in: space), label: $0.label)
        }
        training = []
        // A large table is trained on top of what loading left freed but resident.
        if space.count * labels.count > SoftmaxClassifier.denseLimit { FreedMemory.release() }
        classifier = SoftmaxClassifier(classCount: labels.count, featureCount: space.count, examples: vectors)
    }

    /// One score per class, before the rules and the calibration.
    func logits(for features: QuestionFeatures) -> [Float] {
        classifier.logits(for: Self.vector(features, in: space))
    }

    /// Each feature of a question that the classifier knows, with what it adds to `label`'s
    /// score (times 100), largest first by size; the key is nil for the unknown material.
    func contributions(of features: QuestionFeatures, to label: String) -> [(key: UInt64?, weight: Double)] {
        guard let column = labels.firstIndex(of: label) else { return [] }
        let vector = Self.vector(features, in: space)
        var keys: [Int32: UInt64] = [:]
        for key in features.keys {
            if let f = space.index(of: key) { keys[f] = key }
        }
        let weighed = zip(vector.indices, vector.values).map { f, value in
            (key: keys[f], weight: Double(classifier.weights(forFeature: f)[column] * value) * 100)
        }
        return weighed.sorted { abs($0.weight) > abs($1.weight) }
    }

    /// The classifier's input for a question.
    private static func vector(_ features: QuestionFeatures, in space: FeatureSpace) -> SparseVector {
        space.vector(features.keys, unknownTerms: features.tokens.unknownWords)
    }

    // MARK: Storing

    func archive(into out: inout MatcherArchive.Writer) {
        out.strings(labels)
        out.int(topicCount)
        space.archive(into: &out)
        classifier.archive(into: &out)
    }

    init(archive reader: inout MatcherArchive.Reader) throws {
        labels = try reader.strings()
        topicCount = try reader.int()
        guard topicCount >= 0, topicCount < labels.count else { throw MatcherArchive.Damaged() }
        space = try FeatureSpace(archive: &reader)
        classifier = try SoftmaxClassifier(archive: &reader, featureCount: space.count)
        guard classifier.classCount == labels.count else { throw MatcherArchive.Damaged() }
    }
}
