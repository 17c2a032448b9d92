/// Everything `alipay-help test` reports, measured with the real threshold and ambiguity
/// handling applied, so the numbers are what a user would actually get.
public struct TestReport: Codable, Sendable {
    public struct ClassMetrics: Codable, Sendable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
        /// What its questions were taken for instead, most often first.
        public var confusedWith: [String]
    }

    public struct Failure: Codable, Sendable {
        public var location: String
        public var question: String
        public var expected: String
        public var got: String
        public var confidence: Double
        public var runnerUp: String?
        public var runnerUpProbability: Double?
    }

    public struct Conversation: Codable, Sendable {
        public var name: String
        public var passed: Bool
        public var firstDifference: String?
    }

    public struct CoverageItem: Codable, Sendable {
        public var covered: Int
        public var total: Int
        public var percent: Double
        /// What no test exercises.
        public var missing: [String]
    }

    public struct Coverage: Codable, Sendable {
        public var topics: CoverageItem
        public var facets: CoverageItem
        public var flowSteps: CoverageItem
    }

    public struct LanguageSummary: Codable, Sendable {
        public var language: String
        public var questions: Int
        public var accuracy: Double
        public var outOfScopeRecall: Double
    }

    public struct SuiteSummary: Codable, Sendable {
        public var file: String
        public var questions: Int
        public var accuracy: Double
    }

    public var threshold: Double
    public var questions: Int
    public var accuracy: Double
    public var outOfScopeRecall: Double
    public var falseRejectionRate: Double
    public var ambiguityRate: Double
    public var facetAccuracy: Double
    public var suites: [SuiteSummary]
    /// Accuracy and out-of-scope recall among questions in each language.
    public var perLanguage: [LanguageSummary]
    public var perClass: [ClassMetrics]
    /// Rows: the expected label; columns: `confusionColumns`.
    public var confusionRows: [String]
    public var confusionColumns: [String]
    public var confusion: [[Int]]
    public var failures: [Failure]
    public var conversations: [Conversation]
    public var coverage: Coverage

    public var conversationsPassed: Int { conversations.filter(\.passed).count }

    public init(knowledgeBase: KnowledgeBase, threshold: Double, suites: [(file: String, evaluation: SuiteEvaluation)],
                conversations: [ConversationSuite.Outcome]) {
        let evaluation = SuiteEvaluation(results: suites.flatMap(\.evaluation.results))
        self.threshold = threshold
        questions = evaluation.results.count
        accuracy = evaluation.accuracy
        outOfScopeRecall = evaluation.outOfScopeRecall
        falseRejectionRate = evaluation.falseRejectionRate
        ambiguityRate = evaluation.ambiguityRate
        facetAccuracy = evaluation.facetAccuracy
        self.suites = suites.map { SuiteSummary(file: $0.file, questions: $0.evaluation.results.count, accuracy: $0.evaluation.accuracy) }
        perLanguage = Language.allCases.compactMap { language in
            let results = evaluation.results.filter { (Language.detect($0.case_.question) ?? .en) == language }
            guard !results.isEmpty else { return nil }
            let part = SuiteEvaluation(results: results)
            return LanguageSummary(language: language.rawValue, questions: results.count, accuracy: part.accuracy, outOfScopeRecall: part.outOfScopeRecall)
        }

        let expected = evaluation.results.map { Self.label(of: $0.case_.expected) }
        let predicted = evaluation.results.map { Self.label(of: $0.match) }
        let labels = knowledgeBase.topics.map(\.id) + knowledgeBase.smallTalk.map(\.id) + [LabelledQuestion.outOfScopeLabel]
        perClass = labels.compactMap { label in
            let support = expected.filter { $0 == label }.count
            let predictedCount = predicted.filter { $0 == label }.count
            guard support > 0 || predictedCount > 0 else { return nil }
            let truePositives = zip(expected, predicted).filter { $0 == label && $1 == label }.count
            let precision = predictedCount == 0 ? 0 : Double(truePositives) / Double(predictedCount)
            let recall = support == 0 ? 0 : Double(truePositives) / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            var confusions: [String: Int] = [:]
            for (e, p) in zip(expected, predicted) where e == label && p != label { confusions[p, default: 0] += 1 }
            let confusedWith = confusions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
            return ClassMetrics(label: label, precision: precision, recall: recall, f1: f1, support: support, confusedWith: confusedWith)
        }
        let rows = labels.filter(expected.contains)
        let columns = labels + (predicted.contains("ambiguous") ? ["ambiguous"] : [])
        confusionRows = rows
        confusionColumns = columns
        confusion = rows.map { row in
            columns.map { column in zip(expected, predicted).filter { $0 == row && $1 == column }.count }
        }
        failures = evaluation.failures.map { result in
            let runnerUp = result.match.ranking.dropFirst().first
            return Failure(location: result.case_.location.description, question: result.case_.question,
                           expected: Self.label(of: result.case_.expected) + (result.case_.facet.map { "/" + $0 } ?? ""),
                           got: Self.label(of: result.match) + (result.match.facet.map { "/" + $0 } ?? ""),
                           confidence: result.match.confidence, runnerUp: runnerUp?.label, runnerUpProbability: runnerUp?.probability)
        }
        self.conversations = conversations.map { Conversation(name: $0.script.name, passed: $0.passed, firstDifference: $0.failure) }

        let cases = evaluation.results.map(\.case_)
        let topicIDs = knowledgeBase.topics.map(\.id)
        let testedTopics = Set(cases.compactMap { if case let .intent(id) = $0.expected { return id } else { return nil } })
        let facetIDs = knowledgeBase.topics.flatMap { topic in topic.facets.map { topic.id + "/" + $0.id } }
        let testedFacets = Set(cases.compactMap { labelled -> String? in
            guard let facet = labelled.facet, case let .intent(id) = labelled.expected else { return nil }
            return id + "/" + facet
        })
        let stepIDs = knowledgeBase.flows.flatMap { flow in flow.steps.map { flow.id + "/" + $0.id } }
        let visited = conversations.reduce(into: Set<String>()) { $0.formUnion($1.visitedSteps) }
        coverage = Coverage(topics: Self.coverage(of: topicIDs, tested: testedTopics),
                            facets: Self.coverage(of: facetIDs, tested: testedFacets),
                            flowSteps: Self.coverage(of: stepIDs, tested: visited))
    }

    static func coverage(of all: [String], tested: Set<String>) -> CoverageItem {
        let missing = all.filter { !tested.contains($0) }
        let covered = all.count - missing.count
        return CoverageItem(covered: covered, total: all.count, percent: all.isEmpty ? 1 : Double(covered) / Double(all.count), missing: missing)
    }

    static func label(of expectation: LabelledQuestion.Expectation) -> String {
        switch expectation {
        case .outOfScope: return LabelledQuestion.outOfScopeLabel
        case let .intent(id): return id
        }
    }

    static func label(of match: Match) -> String {
        switch match.outcome {
        case let .topic(id), let .smallTalk(id): return id
        case .outOfScope: return LabelledQuestion.outOfScopeLabel
        case .ambiguous: return "ambiguous"
        }
    }
}
