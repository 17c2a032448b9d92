import Foundation
import Testing

@testable import AlipayHelpKit

/// A line that asks several questions gets an answer each, in order (issue 11).
@Suite struct SeveralQuestionsTests {
    var splitter: QuestionSplitter { Fixtures.knowledgeBase.questionSplitter }

    @Test(arguments: [
        (
            "change my phone number and also raise my transfer limit",
            ["change my phone number", "raise my transfer limit"]
        ),
        (
            "How do I delete my account? What is the daily limit?",
            ["How do I delete my account", "What is the daily limit"]
        ),
        ("我想换手机号。另外转账限额是多少？", ["我想换手机号", "转账限额是多少"]),
        ("花呗怎么还款；红包最多多少钱", ["花呗怎么还款", "红包最多多少钱"]),
    ])
    func splitsAtTheSeparators(line: String, parts: [String]) {
        #expect(splitter.parts(of: line) == parts)
    }

    @Test(arguments: [
        "how do I change my phone number?", "what are the limits", "是否需要验证码？", "?", "also", "alsop limit? ",
        "how do I change my number? ", "还有红包呢",
    ])
    func aLineWithOneQuestionIsNotSplit(line: String) {
        #expect(splitter.parts(of: line) == nil)
    }

    @Test func separatorsInsideWordsAreNotSeparators() {
        #expect(splitter.parts(of: "plusieurs alsoran surplus") == nil)
        #expect(splitter.parts(of: "surplus limit and also huabei") == ["surplus limit", "huabei"])
    }

    @Test func eachQuestionIsAnsweredAndTheJSONListsTheOthersInAlso() throws {
        let line = "change my phone number and also raise my transfer limit"
        let responder = Fixtures.responder
        let reply = responder.replyToEach(line, match: responder.matcher.match(line))
        #expect(reply.question == line)
        #expect(reply.match.intent == "change_phone")
        #expect(reply.also.map(\.match.intent) == ["limits"])
        #expect(reply.also.first?.match.facet == "raise_limit")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONLineEncoder.encode(reply).utf8)) as? [String: Any])
        #expect(object["intent"] as? String == "change_phone")
        let also = try #require(object["also"] as? [[String: Any]])
        #expect(also.count == 1)
        #expect(also.first?["question"] as? String == "raise my transfer limit")
        #expect(also.first?["facet"] as? String == "raise_limit")
        #expect(Set(also.first?.keys.map { $0 } ?? []) == Set(object.keys).subtracting(["also"]))
    }

    @Test func aLineWhosePartsAreNotAllQuestionsIsAnsweredWhole() {
        let responder = Fixtures.responder
        for line in [
            "how do I delete my account? thanks!", "hello! how do I delete my account?",
            "how do I delete my account? how do I delete my account?",
        ] {
            let reply = responder.replyToEach(line, match: responder.matcher.match(line))
            #expect(reply.also.isEmpty, "\(line)")
        }
    }

    @Test func theChatAnswersEachInOrder() {
        var chat = Conversation(responder: Fixtures.responder)
        let turn = chat.respond(to: "how do I delete my account? what is the daily transfer limit?")
        let text = turn.text
        let deletion = text.range(of: "Unbind all your bank cards")
        let limit = text.range(of: "50,000 yuan a day")
        #expect(deletion != nil && limit != nil)
        if let deletion, let limit { #expect(deletion.lowerBound < limit.lowerBound, "in the order asked") }
        #expect(chat.context?.topic == "limits")
    }
}
