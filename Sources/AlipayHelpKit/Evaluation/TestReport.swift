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
        /// Questions as real people wrote them (a TSV suite), not written alongside the examples.
        public var realQuestions: Bool
        public var questions: Int
        public var accuracy: Double
        public var outOfScopeRecall: Double
        /// Share of in-scope questions declined as out of scope.
        public var inScopeDeclined: Double
        /// Share of in-scope questions answered with a question back.
        public var ambiguous: Double
        /// The suite's expected calibration error.
        public var calibrationError: Double
    }

    /// Confidence against accuracy: how often the assistant is right when it says it is this sure.
    public struct CalibrationBand: Codable, Sendable {
        public var from: Double
        public var to: Double
        public var questions: Int
        public var meanConfidence: Double
        public var accuracy: Double
    }

    public var threshold: Double
    public var questions: Int
    public var accuracy: Double
    public var outOfScopeRecall: Double
    public var falseRejectionRate: Double
    public var ambiguityRate: Double
    public var facetAccuracy: Double
    /// Expected calibration error: the gap between confidence and accuracy, weighted by how many
    /// questions fall in each band (0 is perfect).
    public var expectedCalibrationError: Double
    public var calibration: [CalibrationBand]
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

    /// Verdicts on questions with figures, overall and by the language of the reply.
    public struct VerdictSummary: Codable, Sendable {
        public var language: String
        public var questions: Int
        public var correct: Int
        public var accuracy: Double { questions == 0 ? 1 : Double(correct) / Double(questions) }
    }

    public var verdicts: [VerdictSummary] = []

    public init(
        knowledgeBase: KnowledgeBase, threshold: Double, suites: [(file: String, evaluation: SuiteEvaluation)],
        conversations: [ConversationSuite.Outcome]
    ) {
        let evaluation = SuiteEvaluation(results: suites.flatMap(\.evaluation.results))
        self.threshold = threshold
        questions = evaluation.results.count
        accuracy = evaluation.accuracy
        outOfScopeRecall = evaluation.outOfScopeRecall
        falseRejectionRate = evaluation.falseRejectionRate
        ambiguityRate = evaluation.ambiguityRate
        facetAccuracy = evaluation.facetAccuracy
        self.suites = suites.map {
            SuiteSummary(
                file: $0.file, realQuestions: KnowledgeBaseFiles.isRealQuestions($0.file),
                questions: $0.evaluation.results.count,
                accuracy: $0.evaluation.accuracy, outOfScopeRecall: $0.evaluation.outOfScopeRecall,
                inScopeDeclined: $0.evaluation.falseRejectionRate, ambiguous: $0.evaluation.ambiguityRate,
                calibrationError: Self.calibration(of: $0.evaluation.results).0)
        }
        // The language a suite gives, else the one the matcher read.
        let languageOf = { (result: SuiteEvaluation.Result) in result.testCase.language ?? result.match.questionLanguage
        }
        let languages = Set(evaluation.results.map(languageOf)).sorted { a, b in
            let order = ["en", "zh", "zh-Hant"]
            return (order.firstIndex(of: a) ?? 3, a) < (order.firstIndex(of: b) ?? 3, b)
        }
        perLanguage = languages.map { language in
            let part = SuiteEvaluation(results: evaluation.results.filter { languageOf($0) == language })
            return LanguageSummary(
                language: language, questions: part.results.count, accuracy: part.accuracy,
                outOfScopeRecall: part.outOfScopeRecall)
        }
        let others = evaluation.results.filter { Language(rawValue: languageOf($0)) == nil }
        if !others.isEmpty {
            let part = SuiteEvaluation(results: others)
            perLanguage.append(
                LanguageSummary(
                    language: "other languages", questions: others.count, accuracy: part.accuracy,
                    outOfScopeRecall: part.outOfScopeRecall))
        }
        (expectedCalibrationError, calibration) = Self.calibration(of: evaluation.results)
        let judged = evaluation.results.filter { $0.verdictCorrect != nil }
        if !judged.isEmpty {
            let chinese = { (result: SuiteEvaluation.Result) in
                Language.detect(result.testCase.question)?.isChinese ?? false
            }
            verdicts = [("all", judged), ("en", judged.filter { !chinese($0) }), ("zh", judged.filter(chinese))]
                .filter { !$0.1.isEmpty }
                .map {
                    VerdictSummary(
                        language: $0.0, questions: $0.1.count, correct: $0.1.filter { $0.verdictCorrect == true }.count)
                }
        }

        let expected = evaluation.results.map { $0.testCase.expected.label }
        let predicted = evaluation.results.map { $0.match.outcome.label }
        let labels = knowledgeBase.labels
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
            let confusedWith = confusions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
                "\($0.key) (\($0.value))"
            }
            return ClassMetrics(
                label: label, precision: precision, recall: recall, f1: f1, support: support, confusedWith: confusedWith
            )
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
            return Failure(
                location: result.testCase.location.description, question: result.testCase.question,
                expected: result.testCase.expected.label + (result.testCase.facet.map { "/" + $0 } ?? "")
                    + (result.testCase.verdict.map { " (verdict \($0))" } ?? ""),
                got: result.match.outcome.label + (result.match.facet.map { "/" + $0 } ?? "")
                    + (result.verdictGot.map { " (verdict \($0))" } ?? ""),
                confidence: result.match.confidence, runnerUp: runnerUp?.label,
                runnerUpProbability: runnerUp?.probability)
        }
        self.conversations = conversations.map {
            Conversation(name: $0.script.name, passed: $0.passed, firstDifference: $0.failure)
        }

        let cases = evaluation.results.map(\.testCase)
        let topicIDs = knowledgeBase.topics.map(\.id)
        let testedTopics = Set(
            cases.compactMap { if case let .intent(id) = $0.expected { return id } else { return nil } })
        let facetIDs = knowledgeBase.topics.flatMap { topic in topic.facets.map { topic.id + "/" + $0.id } }
        let testedFacets = Set(
            cases.compactMap { labelled -> String? in
                guard let facet = labelled.facet, case let .intent(id) = labelled.expected else { return nil }
                return id + "/" + facet
            })
        let stepIDs = knowledgeBase.flows.flatMap { flow in flow.steps.map { flow.id + "/" + $0.id } }
        let visited = conversations.reduce(into: Set<String>()) { $0.formUnion($1.visitedSteps) }
        coverage = Coverage(
            topics: Self.coverage(of: topicIDs, tested: testedTopics),
            facets: Self.coverage(of: facetIDs, tested: testedFacets),
            flowSteps: Self.coverage(of: stepIDs, tested: visited))
    }

    /// Bands of confidence with the accuracy reached in each, and the expected calibration error.
    static func calibration(of results: [SuiteEvaluation.Result]) -> (Double, [CalibrationBand]) {
        let edges = [0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001]
        var bands: [CalibrationBand] = []
        var error = 0.0
        for (from, to) in zip(edges, edges.dropFirst()) {
            let inBand = results.filter { $0.match.confidence >= from && $0.match.confidence < to }
            guard !inBand.isEmpty else { continue }
            let confidence = inBand.map(\.match.confidence).reduce(0, +) / Double(inBand.count)
            let accuracy = Double(inBand.filter(\.correct).count) / Double(inBand.count)
            bands.append(
                CalibrationBand(
                    from: from, to: min(to, 1), questions: inBand.count, meanConfidence: confidence, accuracy: accuracy)
            )
            error += abs(accuracy - confidence) * Double(inBand.count)
        }
        return (results.isEmpty ? 0 : error / Double(results.count), bands)
    }

    static func coverage(of all: [String], tested: Set<String>) -> CoverageItem {
        let missing = all.filter { !tested.contains($0) }
        let covered = all.count - missing.count
        return CoverageItem(
            covered: covered, total: all.count, percent: all.isEmpty ? 1 : Double(covered) / Double(all.count),
            missing: missing)
    }
}
