import Foundation

/// K-fold cross-validation over the knowledge base's own examples: each example is held out
/// once, matched by a matcher trained without it, and judged like a labelled question.
public enum CrossValidation {
    /// One example and where it lives in the knowledge base.
    struct Held {
        var question: LabelledQuestion
        var fold: Int
    }

    /// Folds are trained and judged on every core at once; the result is in fold order.
    public static func run(_ knowledgeBase: KnowledgeBase, folds: Int, policy: MatchPolicy = MatchPolicy()) throws
        -> SuiteEvaluation
    {
        precondition(folds >= 2)
        let slots = FoldResults(count: folds)
        DispatchQueue.concurrentPerform(iterations: folds) { fold in
            let (training, held) = split(knowledgeBase, folds: folds, fold: fold)
            do {
                let matcher = try IntentMatcher(knowledgeBase: training, policy: policy)
                slots.set(fold, .success(SuiteEvaluation(matcher: matcher, cases: held).results))
            } catch {
                slots.set(fold, .failure(error))
            }
        }
        return SuiteEvaluation(results: try slots.all.flatMap { try $0.get() })
    }

    /// Cross-validated accuracy at each threshold, each fold trained once: how the threshold is
    /// chosen without looking at any test suite.
    public static func sweep(
        _ knowledgeBase: KnowledgeBase, folds: Int, policy: MatchPolicy = MatchPolicy(),
        thresholds: [Double] = (1...19).map { Double($0) / 20 }
    ) throws -> ThresholdSweep {
        let slots = FoldSweeps(count: folds)
        DispatchQueue.concurrentPerform(iterations: folds) { fold in
            let (training, held) = split(knowledgeBase, folds: folds, fold: fold)
            guard var matcher = try? IntentMatcher(knowledgeBase: training, policy: policy) else { return }
            slots.set(
                fold,
                thresholds.map { threshold in
                    matcher.policy.threshold = threshold
                    return SuiteEvaluation(matcher: matcher, cases: held).results
                })
        }
        let perFold = slots.all
        let evaluations = thresholds.indices.map { index in
            SuiteEvaluation(results: perFold.flatMap { $0.isEmpty ? [] : $0[index] })
        }
        return ThresholdSweep(thresholds: thresholds, evaluations: evaluations)
    }

    /// The knowledge base without fold `fold`, and that fold's examples as labelled questions.
    /// Folds are dealt round-robin within each topic, facet and intent, so each keeps its share.
    static func split(_ kb: KnowledgeBase, folds: Int, fold: Int) -> (KnowledgeBase, [LabelledQuestion]) {
        var held: [LabelledQuestion] = []
        func deal(
            _ examples: [String], _ locations: [SourceLocation], expected: LabelledQuestion.Expectation,
            facet: String?
        ) -> ([String], [SourceLocation]) {
            var kept: ([String], [SourceLocation]) = ([], [])
            for index in examples.indices {
                if index % folds == fold {
                    held.append(
                        LabelledQuestion(
                            question: examples[index], expected: expected, facet: facet, location: locations[index]))
                } else {
                    kept.0.append(examples[index])
                    kept.1.append(locations[index])
                }
            }
            // Never leave a class with no example at all.
            return kept.0.isEmpty ? ([examples[0]], [locations[0]]) : kept
        }
        var training = kb
        for t in training.topics.indices {
            let topic = kb.topics[t]
            (training.topics[t].examples, training.topics[t].exampleLocations) =
                deal(topic.examples, topic.exampleLocations, expected: .intent(topic.id), facet: nil)
            for f in topic.facets.indices {
                let facet = topic.facets[f]
                (training.topics[t].facets[f].examples, training.topics[t].facets[f].exampleLocations) =
                    deal(facet.examples, facet.exampleLocations, expected: .intent(topic.id), facet: facet.id)
            }
        }
        for s in training.smallTalk.indices {
            let intent = kb.smallTalk[s]
            (training.smallTalk[s].examples, training.smallTalk[s].exampleLocations) =
                deal(intent.examples, intent.exampleLocations, expected: .intent(intent.id), facet: nil)
        }
        (training.outOfScope.examples, training.outOfScope.exampleLocations) =
            deal(kb.outOfScope.examples, kb.outOfScope.exampleLocations, expected: .outOfScope, facet: nil)
        // Each language's examples are dealt per label, like the topics'.
        for l in training.languages.indices {
            let examples = kb.languages[l].examples
            var kept: [KnowledgeBase.Example] = []
            for label in Set(examples.map(\.label)).sorted() {
                let ofLabel = examples.filter { $0.label == label }
                let expected: LabelledQuestion.Expectation =
                    label == Match.outOfScopeLabel ? .outOfScope : .intent(label)
                let (texts, locations) = deal(
                    ofLabel.map(\.text), ofLabel.map(\.location), expected: expected, facet: nil)
                kept += zip(texts, locations).map {
                    KnowledgeBase.Example(text: $0, label: label, facet: nil, location: $1)
                }
            }
            training.languages[l].examples = kept
        }
        return (training, held)
    }
}

/// Per-fold results at each threshold, written from several threads.
final class FoldSweeps: @unchecked Sendable {
    private var slots: [[[SuiteEvaluation.Result]]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ index: Int, _ value: [[SuiteEvaluation.Result]]) { lock.lock(); slots[index] = value; lock.unlock() }
    var all: [[[SuiteEvaluation.Result]]] { lock.lock(); defer { lock.unlock() }; return slots }
}

/// Per-fold results written from several threads, each to its own slot.
final class FoldResults: @unchecked Sendable {
    private var slots: [Result<[SuiteEvaluation.Result], Error>]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: .success([]), count: count) }
    func set(_ index: Int, _ value: Result<[SuiteEvaluation.Result], Error>) {
        lock.lock(); slots[index] = value; lock.unlock()
    }
    var all: [Result<[SuiteEvaluation.Result], Error>] { lock.lock(); defer { lock.unlock() }; return slots }
}
