import Foundation
import Testing

@testable import AlipayHelpKit

/// The floors the labelled suites must stay above. Raise them as the knowledge base improves;
/// never lower them to make a change pass.
@Suite struct LabelledSuiteAccuracyTests {
    func evaluation(_ file: String) throws -> SuiteEvaluation {
        let suite = try LabelledSuite.load(path: Fixtures.intents.appendingPathComponent("tests/\(file)").path)
        return SuiteEvaluation(matcher: Fixtures.matcher, cases: suite.cases)
    }

    @Test func mainSuiteMeetsItsFloors() throws {
        let result = try evaluation("questions.yaml")
        #expect(
            result.accuracy >= 0.97,
            "accuracy \(result.accuracy); failures: \(result.failures.map(\.testCase.question))")
        #expect(result.outOfScopeRecall >= 0.95)
        #expect(result.falseRejectionRate <= 0.03)
        #expect(result.facetAccuracy >= 0.85)
    }

    @Test func holdoutSuiteMeetsItsFloors() throws {
        let result = try evaluation("holdout.yaml")
        #expect(
            result.accuracy >= 0.85,
            "accuracy \(result.accuracy); failures: \(result.failures.map(\.testCase.question))")
        #expect(result.outOfScopeRecall >= 0.80)
    }

    @Test func chineseSuiteMeetsItsFloors() throws {
        let result = try evaluation("questions_zh.yaml")
        #expect(
            result.accuracy >= 0.95,
            "accuracy \(result.accuracy); failures: \(result.failures.map(\.testCase.question))")
        #expect(result.outOfScopeRecall >= 0.9)
        #expect(result.facetAccuracy >= 0.85)
    }

    @Test func chineseSuiteHasEnoughCases() throws {
        let suite = try LabelledSuite.load(
            path: Fixtures.intents.appendingPathComponent("tests/questions_zh.yaml").path)
        for topic in Fixtures.knowledgeBase.topics.map(\.id) {
            #expect(suite.cases.filter { $0.expected == .intent(topic) }.count >= 20, "\(topic)")
        }
        #expect(suite.cases.filter { $0.expected == .outOfScope }.count >= 30)
        let traditional = suite.cases.filter {
            $0.question.unicodeScalars.contains { ChineseText.simplified($0.value) != $0.value }
        }
        #expect(traditional.count >= 10, "Traditional Chinese is tested too")
    }

    @Test func suitesHaveEnoughCasesPerTopic() throws {
        let suite = try LabelledSuite.load(path: Fixtures.intents.appendingPathComponent("tests/questions.yaml").path)
        for topic in Fixtures.knowledgeBase.topics.map(\.id) {
            #expect(suite.cases.filter { $0.expected == .intent(topic) }.count >= 20, "\(topic)")
        }
        #expect(suite.cases.filter { $0.expected == .outOfScope }.count >= 40)
    }

    @Test func noTestQuestionIsAlsoAnExample() throws {
        let kb = Fixtures.knowledgeBase
        func key(_ text: String) -> String { TextNormalizer.normalize(text).pieces.joined(separator: " ") }
        let examples = Set(kb.allExamples.map { key($0.text) })
        let suites = try LabelledSuite.loadAll(in: KnowledgeBaseFolder(disk: Fixtures.intents))
        let copied = suites.flatMap(\.cases).filter { examples.contains(key($0.question)) }.map(\.question)
        #expect(copied.isEmpty, "test questions copied from examples: \(copied)")
        // Real questions measure how unseen questions fare only while nothing training reads is
        // one of them: not a written example, and not a phrasing sampled from a pattern.
        let trained = Set(kb.withPatternPhrasings().allExamples.map { key($0.text) })
        let real = suites.filter(\.isRealQuestions).flatMap(\.cases)
        let reproduced = real.filter { trained.contains(key($0.question)) }.map(\.question)
        #expect(reproduced.isEmpty, "real questions that training reads: \(reproduced)")
    }
}
