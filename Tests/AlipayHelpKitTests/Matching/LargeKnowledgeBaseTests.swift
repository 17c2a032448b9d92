import Foundation
import Testing

@testable import AlipayHelpKit

/// What a knowledge base of hundreds of topics changes: the classifier's weights kept as sparse
/// rows, and the topics stored beside the matcher.
@Suite struct LargeKnowledgeBaseTests {
    /// A table of pseudo-random weights, some of them tiny, and vectors over it.
    static func table(features: Int, classes: Int) -> (weights: [Float], bias: [Float], vectors: [SparseVector]) {
        var random = SplitMix64(seed: 7)
        func unit() -> Float { Float(random.next() % 2_000_001) / 1_000_000 - 1 }
        let weights = (0..<(features * classes)).map { _ in unit() * (random.next() % 3 == 0 ? 0.01 : 1) }
        let bias = (0..<classes).map { _ in unit() }
        let vectors = (0..<50).map { _ in
            let indices = Set((0..<12).map { _ in Int32(random.next() % UInt64(features)) }).sorted()
            return SparseVector(indices: indices, values: indices.map { _ in abs(unit()) })
        }
        return (weights, bias, vectors)
    }

    @Test func sparseRowsKeepingEveryWeightScoreExactlyAsTheDenseTable() {
        let (weights, bias, vectors) = Self.table(features: 300, classes: 17)
        let dense = SoftmaxClassifier(classCount: 17, weights: weights, bias: bias)
        let sparse = SoftmaxClassifier.sparse(classCount: 17, weights: weights, bias: bias, threshold: 0)
        #expect(sparse.isSparse && !dense.isSparse)
        for vector in vectors {
            #expect(dense.logits(for: vector).map(\.bitPattern) == sparse.logits(for: vector).map(\.bitPattern))
        }
        for feature in [Int32(0), 17, 299] {
            #expect(dense.weights(forFeature: feature) == sparse.weights(forFeature: feature))
        }
    }

    @Test func prunedRowsDropOnlyTheTinyWeightsAndReadBackTheSame() throws {
        let (weights, bias, vectors) = Self.table(features: 300, classes: 17)
        let pruned = SoftmaxClassifier.sparse(
            classCount: 17, weights: weights, bias: bias, threshold: SoftmaxClassifier.pruneBelow)
        #expect(pruned.rowWeights.count == weights.filter { abs($0) >= SoftmaxClassifier.pruneBelow }.count)
        var out = MatcherArchive.Writer()
        pruned.archive(into: &out)
        var reader = MatcherArchive.Reader(out.bytes)
        let restored = try SoftmaxClassifier(archive: &reader, featureCount: 300)
        for vector in vectors { #expect(pruned.logits(for: vector) == restored.logits(for: vector)) }
        // A row pointing past the table is damage, not a crash.
        var damaged = out.bytes
        let startsOffset = 8 + 8 + 17 * 4 + 1 + 8
        damaged[startsOffset + 4 * 300] = 0xFF
        var damagedReader = MatcherArchive.Reader(damaged)
        var refused = false
        do { _ = try SoftmaxClassifier(archive: &damagedReader, featureCount: 300) } catch { refused = true }
        #expect(refused)
    }

    @Test func aTableOverTheDenseLimitIsTrainedIntoSparseRows() {
        let classes = 300
        let features = SoftmaxClassifier.denseLimit / classes + 10
        let examples = (0..<(2 * classes)).map { index in
            SoftmaxClassifier.Example(
                vector: SparseVector(indices: [Int32(index), Int32(features - 1 - index)], values: [0.8, 0.6]),
                label: index % classes)
        }
        let classifier = SoftmaxClassifier(classCount: classes, featureCount: features, examples: examples)
        #expect(classifier.isSparse && classifier.weights.isEmpty)
        #expect(classifier.rowStarts.count == features + 1)
        // Each example is still given its own class.
        for example in examples.prefix(20) {
            let logits = classifier.logits(for: example.vector)
            #expect(logits.indices.max { logits[$0] < logits[$1] } == example.label)
        }
    }

    @Test func storedTopicsReadBackAsLoadedAndAnswerTheSame() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "alipay-help-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = MatcherStore(folder: folder)
        let (trained, trainedMatcher) = try store.load(
            directory: KnowledgeBaseFolder(disk: Fixtures.intents), key: 99, policy: MatchPolicy())
        #expect(FileManager.default.fileExists(atPath: store.topicsFile(for: 99).path))
        let (stored, storedMatcher) = try store.load(
            directory: KnowledgeBaseFolder(disk: Fixtures.intents), key: 99, policy: MatchPolicy())
        #expect(stored.topics.map(\.id) == trained.topics.map(\.id))
        for (a, b) in zip(trained.topics, stored.topics) {
            #expect(a.title == b.title && a.require == b.require && a.exclude == b.exclude && a.examples == b.examples)
            #expect(a.exampleLocations == b.exampleLocations && a.location == b.location && a.order == b.order)
            #expect(
                a.answer.summary == b.answer.summary && a.answer.steps == b.answer.steps
                    && a.answer.notes == b.answer.notes)
            #expect(a.facets.map(\.id) == b.facets.map(\.id) && a.facets.map(\.answer) == b.facets.map(\.answer))
            #expect(
                a.facets.map(\.followUps) == b.facets.map(\.followUps)
                    && a.facets.map(\.coveredTopics) == b.facets.map(\.coveredTopics))
            #expect(a.facets.map { $0.checks.map(\.figure) } == b.facets.map { $0.checks.map(\.figure) })
            #expect(a.facets.map { $0.checks.map(\.advice) } == b.facets.map { $0.checks.map(\.advice) })
            #expect(a.figures.map(\.id) == b.figures.map(\.id) && a.figures.map(\.values) == b.figures.map(\.values))
            #expect(
                a.figures.map(\.period) == b.figures.map(\.period)
                    && a.figures.map(\.location) == b.figures.map(\.location))
            #expect(a.literalFigures.map(\.text) == b.literalFigures.map(\.text))
        }
        // The other files answering reads come back as parsed (stored beside the topics).
        #expect(stored.messages.texts.mapValues(\.en) == trained.messages.texts.mapValues(\.en))
        #expect(stored.smallTalk.map(\.id) == trained.smallTalk.map(\.id))
        #expect(stored.smallTalk.map(\.examples) == trained.smallTalk.map(\.examples))
        #expect(stored.outOfScope.reply.en == trained.outOfScope.reply.en)
        #expect(stored.flows.map(\.id) == trained.flows.map(\.id))
        #expect(stored.flows.map { $0.steps.map(\.id) } == trained.flows.map { $0.steps.map(\.id) })
        #expect(stored.flows.map(\.location) == trained.flows.map(\.location))
        let parsed = try KnowledgeBase.parsedAnsweringFiles(in: KnowledgeBaseFolder(disk: Fixtures.intents))
        #expect(parsed.keys.contains(KnowledgeBase.messagesFile) && parsed.keys.contains("flows/change_number.yaml"))
        #expect(!parsed.keys.contains(KnowledgeBase.vocabularyFile))
        let first = Responder(knowledgeBase: trained, matcher: trainedMatcher)
        let second = Responder(knowledgeBase: stored, matcher: storedMatcher)
        for question in [
            "how do I change my phone number", "can I transfer 60000 yuan a day", "花呗怎么还款", "huabei", "hello",
            "what's the weather",
        ] {
            #expect(
                JSONLineEncoder.encode(first.reply(to: question)) == JSONLineEncoder.encode(second.reply(to: question)))
        }
        // Damaged stored topics are ignored: the topic files are read again.
        var bytes = try #require(MatcherStore.contents(of: store.topicsFile(for: 99).path))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: store.topicsFile(for: 99))
        let (again, _) = try store.load(
            directory: KnowledgeBaseFolder(disk: Fixtures.intents), key: 99, policy: MatchPolicy())
        #expect(again.topics.map(\.answer.summary) == trained.topics.map(\.answer.summary))
    }
}
