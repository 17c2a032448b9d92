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
        func deal(_ examples: [String], _ locations: [SourceLocation], expected: LabelledQuestion.Expectation,
                  facet: String?) -> ([String], [SourceLocation]) {
            var kept: ([String], [SourceLocation]) = ([], [])
            for index in examples.indices {
                if index % folds == fold {
                    held.append(LabelledQuestion(question: examples[index], expected: expected, facet: facet, location: locations[index]))
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
        return (training, held)
    }
}
