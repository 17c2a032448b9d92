import AlipayHelpKit
import Testing

@testable import alipay_help

/// `explain` names both languages: the one the question was read as and the one the reply uses.
@Suite struct ExplanationLanguageTests {
    @Test func aQuestionInAnotherLanguageShowsBoth() {
        let reply = Fixtures.assistant.responder.reply(to: "Wie kann ich mein Alipay Konto löschen?")
        let line = QuestionExplanationRenderer.languageLine(reply)
        #expect(line.hasPrefix("language:   question de, reply en"), "\(line)")
        #expect(line.contains("note"))
    }

    @Test(arguments: ["what's the limit?", "the daily limit", "thx a lot", "hua bei"])
    func englishIsShownAsEnglish(question: String) {
        let line = QuestionExplanationRenderer.languageLine(Fixtures.assistant.responder.reply(to: question))
        #expect(line == "language:   question en, reply en")
    }

    @Test func chineseIsAnsweredInChinese() {
        let line = QuestionExplanationRenderer.languageLine(Fixtures.assistant.responder.reply(to: "支付宝怎么注销"))
        #expect(line == "language:   question zh, reply zh")
    }
}
