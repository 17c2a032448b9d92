import Foundation

/// K-fold cross-validation over the knowledge base's own examples: each example is held out
/// once, matched by a matcher trained without it, and judged like a labelled question.
public enum CrossValidation {
    /// One example and where it lives in the knowledge base.
    struct Held {
        var question: LabelledQuestion
        var fold: Int
    }

    /// What is held out together.
    public enum Grouping: Sendable {
        /// Each example alone, dealt round-robin within its topic, facet or intent: how well the
        /// examples teach each other.
        case examples
        /// Whole groups, as unseen questions differ from the examples: a language file (its
        /// examples and patterns), a phrasing pattern (its phrasings), a section of the
        /// out-of-scope examples (a run of lines between comments: a kind of question). Written
        /// topic examples are still dealt one by one.
        case groups
    }

    /// Folds are trained and judged on every core at once; the result is in fold order.
    public static func run(
        _ knowledgeBase: KnowledgeBase, folds: Int, grouping: Grouping = .examples, policy: MatchPolicy = MatchPolicy()
    ) throws -> SuiteEvaluation {
        precondition(folds >= 2)
        let slots = FoldResults(count: folds)
        DispatchQueue.concurrentPerform(iterations: folds) { fold in
            let (training, held) = split(knowledgeBase, folds: folds, fold: fold, grouping: grouping)
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
        _ knowledgeBase: KnowledgeBase, folds: Int, grouping: Grouping = .examples, policy: MatchPolicy = MatchPolicy(),
        thresholds: [Double] = (1...19).map { Double($0) / 20 }
    ) throws -> ThresholdSweep {
        let evaluations = try evaluateEachFoldOnce(
            knowledgeBase, folds: folds, grouping: grouping, policy: policy,
            variants: thresholds.map { threshold in { $0.threshold = threshold } })
        return ThresholdSweep(thresholds: thresholds, evaluations: evaluations)
    }

    /// The calibration error at each temperature, each fold trained once, and the temperature
    /// whose confidence best matches its accuracy: how the temperature is fitted without
    /// looking at any test suite (on `.groups`, so that it holds on questions unlike the examples).
    public static func calibrate(
        _ knowledgeBase: KnowledgeBase, folds: Int, grouping: Grouping = .groups, policy: MatchPolicy = MatchPolicy(),
        temperatures: [Float] = stride(from: 0.6, through: 3.0, by: 0.1).map { Float($0) }
    ) throws -> TemperatureFit {
        let evaluations = try evaluateEachFoldOnce(
            knowledgeBase, folds: folds, grouping: grouping, policy: policy,
            variants: temperatures.map { temperature in { $0.temperature = temperature } })
        return TemperatureFit(temperatures: temperatures, evaluations: evaluations)
    }

    /// Each fold trained once and judged under each variant of the policy, in variant order.
    private static func evaluateEachFoldOnce(
        _ knowledgeBase: KnowledgeBase, folds: Int, grouping: Grouping, policy: MatchPolicy,
        variants: [@Sendable (inout MatchPolicy) -> Void]
    ) throws -> [SuiteEvaluation] {
        let slots = FoldSweeps(count: folds)
        DispatchQueue.concurrentPerform(iterations: folds) { fold in
            let (training, held) = split(knowledgeBase, folds: folds, fold: fold, grouping: grouping)
            guard var matcher = try? IntentMatcher(knowledgeBase: training, policy: policy) else { return }
            slots.set(
                fold,
                variants.map { vary in
                    matcher.policy = policy
                    vary(&matcher.policy)
                    return SuiteEvaluation(matcher: matcher, cases: held).results
                })
        }
        let perFold = slots.all
        return variants.indices.map { index in
            SuiteEvaluation(results: perFold.flatMap { $0.isEmpty ? [] : $0[index] })
        }
    }

    /// How many phrasings of a held-out pattern are asked.
    static let phrasingsAskedPerPattern = 2

    /// The knowledge base without fold `fold`, and that fold's examples as labelled questions.
    /// Folds are dealt round-robin within each topic, facet and intent, so each keeps its share.
    /// With `.groups`, patterns, out-of-scope sections and language files are held out whole.
    static func split(_ kb: KnowledgeBase, folds: Int, fold: Int, grouping: Grouping = .examples) -> (
        KnowledgeBase, [LabelledQuestion]
    ) {
        var held: [LabelledQuestion] = []
        let grouped = grouping == .groups
        /// The fold of each example: its own place, or with `bySection` its run of consecutive
        /// lines (the examples between two comments or blank lines).
        func foldsOf(_ locations: [SourceLocation], bySection: Bool) -> [Int] {
            guard bySection else { return locations.indices.map { $0 % folds } }
            var section = 0
            return locations.indices.map { index in
                if index > 0,
                    locations[index].file != locations[index - 1].file
                        || locations[index].line != locations[index - 1].line + 1
                {
                    section += 1
                }
                return section % folds
            }
        }
        func deal(
            _ examples: [String], _ locations: [SourceLocation], expected: LabelledQuestion.Expectation,
            facet: String?, bySection: Bool = false
        ) -> ([String], [SourceLocation]) {
            var kept: ([String], [SourceLocation]) = ([], [])
            let exampleFolds = foldsOf(locations, bySection: bySection)
            for index in examples.indices {
                if exampleFolds[index] == fold {
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
        // Patterns are held out whole (with `.groups`): a few of their phrasings are asked.
        var patternNumber = 0
        func dealPatterns(
            _ patterns: [PhrasingPattern], expected: LabelledQuestion.Expectation, facet: String?,
            allHeld: Bool = false
        ) -> [PhrasingPattern] {
            guard grouped else { return patterns }
            return patterns.filter { pattern in
                patternNumber += 1
                guard allHeld || patternNumber % folds == fold else { return true }
                let words = kb.slotWords(language: pattern.language)
                for phrasing in pattern.sample(phrasingsAskedPerPattern, words: { words($0) ?? [] }) {
                    held.append(
                        LabelledQuestion(
                            question: phrasing, expected: expected, facet: facet, location: pattern.location))
                }
                return false
            }
        }
        var training = kb
        for t in training.topics.indices {
            let topic = kb.topics[t]
            (training.topics[t].examples, training.topics[t].exampleLocations) =
                deal(topic.examples, topic.exampleLocations, expected: .intent(topic.id), facet: nil)
            training.topics[t].patterns = dealPatterns(topic.patterns, expected: .intent(topic.id), facet: nil)
            for f in topic.facets.indices {
                let facet = topic.facets[f]
                (training.topics[t].facets[f].examples, training.topics[t].facets[f].exampleLocations) =
                    deal(facet.examples, facet.exampleLocations, expected: .intent(topic.id), facet: facet.id)
                training.topics[t].facets[f].patterns = dealPatterns(
                    facet.patterns, expected: .intent(topic.id), facet: facet.id)
            }
        }
        for s in training.smallTalk.indices {
            let intent = kb.smallTalk[s]
            (training.smallTalk[s].examples, training.smallTalk[s].exampleLocations) =
                deal(intent.examples, intent.exampleLocations, expected: .intent(intent.id), facet: nil)
        }
        (training.outOfScope.examples, training.outOfScope.exampleLocations) =
            deal(
                kb.outOfScope.examples, kb.outOfScope.exampleLocations, expected: .outOfScope, facet: nil,
                bySection: grouped)
        training.outOfScope.patterns = dealPatterns(kb.outOfScope.patterns, expected: .outOfScope, facet: nil)
        // Each language's examples are dealt per label, like the topics'; with `.groups` a
        // language is held out whole, as a language nobody wrote examples in.
        for l in training.languages.indices {
            let examples = kb.languages[l].examples
            if grouped {
                let isHeld = l % folds == fold
                training.languages[l].patterns = kb.languages[l].patterns.filter { label, pattern in
                    let expected: LabelledQuestion.Expectation =
                        label == Match.outOfScopeLabel ? .outOfScope : .intent(label)
                    return !dealPatterns([pattern], expected: expected, facet: nil, allHeld: isHeld).isEmpty
                }
                if isHeld {
                    held += examples.map {
                        LabelledQuestion(
                            question: $0.text,
                            expected: $0.label == Match.outOfScopeLabel ? .outOfScope : .intent($0.label),
                            facet: nil, location: $0.location)
                    }
                    training.languages[l].examples = []
                    continue
                }
            }
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
