/// K-fold cross-validation over the knowledge base's own examples: each example is held out
/// once, matched by a matcher trained without it, and judged like a labelled question.
public enum CrossValidation {
    /// One example and where it lives in the knowledge base.
    struct Held {
        var question: LabelledQuestion
        var fold: Int
    }

    public static func run(_ knowledgeBase: KnowledgeBase, folds: Int, policy: MatchPolicy = MatchPolicy()) throws -> SuiteEvaluation {
        precondition(folds >= 2)
        var results: [SuiteEvaluation.Result] = []
        for fold in 0..<folds {
            let (training, held) = split(knowledgeBase, folds: folds, fold: fold)
            let matcher = try IntentMatcher(knowledgeBase: training, policy: policy)
            results += SuiteEvaluation(matcher: matcher, cases: held).results
        }
        return SuiteEvaluation(results: results)
    }

    /// The knowledge base without fold `fold`, and that fold's examples as labelled questions.
    /// Folds are dealt round-robin within each topic, facet and intent, so each keeps its share.
    static func split(_ kb: KnowledgeBase, folds: Int, fold: Int) -> (KnowledgeBase, [LabelledQuestion]) {
        var held: [LabelledQuestion] = []
        var training = kb
        func deal(_ examples: [String], expected: LabelledQuestion.Expectation, facet: String?, location: SourceLocation) -> [String] {
            var kept: [String] = []
            for (index, example) in examples.enumerated() {
                if index % folds == fold {
                    held.append(LabelledQuestion(question: example, expected: expected, facet: facet, location: location))
                } else {
                    kept.append(example)
                }
            }
            // Never leave a class with no example at all.
            return kept.isEmpty ? [examples[0]] : kept
        }
        for t in training.topics.indices {
            let topic = training.topics[t]
            training.topics[t].examples = deal(topic.examples, expected: .intent(topic.id), facet: nil, location: topic.location)
            for f in topic.facets.indices {
                let facet = topic.facets[f]
                training.topics[t].facets[f].examples = deal(facet.examples, expected: .intent(topic.id), facet: facet.id, location: facet.location)
            }
        }
        for s in training.smallTalk.indices {
            let intent = training.smallTalk[s]
            training.smallTalk[s].examples = deal(intent.examples, expected: .intent(intent.id), facet: nil,
                                                  location: SourceLocation(file: KnowledgeBase.smallTalkFile, line: 1, column: 1))
        }
        training.outOfScope.examples = deal(kb.outOfScope.examples, expected: .outOfScope, facet: nil,
                                            location: SourceLocation(file: KnowledgeBase.outOfScopeFile, line: 1, column: 1))
        return (training, held)
    }
}
