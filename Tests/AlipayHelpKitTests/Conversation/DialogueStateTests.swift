import Testing

@testable import AlipayHelpKit

/// Follow-ups read against the open topic, facet, figures and task (issue 11).
@Suite struct DialogueStateTests {
    func chat(_ lines: [String]) -> (Conversation, ConversationTurn) {
        var chat = Conversation(responder: Fixtures.responder)
        var last = ConversationTurn(blocks: [])
        for line in lines { last = chat.respond(to: line) }
        return (chat, last)
    }

    @Test func theStateKeepsTopicFacetAndQuestion() {
        let (chat, _) = chat(["how much can I transfer per day?", "and per year?"])
        #expect(chat.context?.topic == "limits")
        #expect(chat.context?.facet == "annual_total")
        #expect(chat.context?.question == "how much can I transfer per day?")
    }

    @Test(arguments: [
        ("how do I verify my account as a foreigner?", "what do I need?", "requirements"),
        ("外国人怎么认证支付宝", "需要什么", "requirements"),
        ("how do I verify my account as a foreigner?", "how long?", "duration"),
        ("how do I delete my account?", "what do I need?", "conditions"),
        ("支付宝怎么换手机号", "要多久", "duration"),
    ])
    func aFacetsFollowUpPhraseAnswersIt(question: String, followUp: String, facet: String) {
        let (chat, turn) = chat([question, followUp])
        #expect(turn.match?.facet == facet)
        #expect(chat.context?.topic == Fixtures.responder.matcher.match(question).intent)
    }

    @Test func theSamePhraseWithNoTopicOpenIsNotAnswered() {
        let (_, turn) = chat(["what do I need?"])
        #expect(turn.match?.outcome == .outOfScope)
    }

    @Test(arguments: ["and if I still owe Huabei money?", "如果花呗还没还完呢？"])
    func anotherTopicAsAConditionOfTheOpenTask(line: String) {
        let (_, turn) = chat(["how do I delete my account?", line])
        #expect(turn.match?.intent == "delete_account")
        #expect(turn.match?.facet == "conditions")
    }

    @Test func theSameConditionWithoutTheTaskIsAboutItsOwnTopic() {
        let (_, turn) = chat(["and if I still owe Huabei money?"])
        #expect(turn.match?.intent == "huabei")
    }

    @Test func anEllipticalFigureIsCheckedAgainstTheFacetItFollows() {
        let (_, transfer) = chat(["how much can I transfer per day?", "and 60000?"])
        #expect(transfer.text.contains("No. 60,000 yuan is more than the 50,000 yuan"))
        let (_, envelope) = chat(["how much can a red envelope hold?", "and 300?"])
        #expect(envelope.text.contains("No. 300 yuan is more than the 200 yuan"))
    }

    @Test(arguments: ["what about huabei?", "那花呗呢？", "how do I change my phone number?"])
    func aRealTopicSwitchStillSwitches(line: String) {
        let (chat, turn) = chat(["what are the limits?", line])
        #expect(turn.match?.intent != "limits")
        #expect(chat.context?.topic != "limits")
    }

    @Test func anEllipticalLineKeepsTheTopicAcrossLanguages() {
        let (_, turn) = chat(["转账限额是多少", "and for a red envelope?"])
        #expect(turn.match?.facet == "red_envelope")
        #expect(turn.text.contains("200 yuan"))
    }
}

@Suite struct CoveredTopicsLoadingTests {
    @Test(arguments: ["no_such_topic", "delete_account"])
    func aFacetMayCoverOnlyAnotherKnownTopic(named: String) throws {
        let folder = try Fixtures.copyOfIntents()
        try Fixtures.edit(
            folder, "delete_account.yaml", replacing: "covers_topics: [huabei]", with: "covers_topics: [\(named)]")
        #expect(throws: KnowledgeBaseError.self) { try KnowledgeBase.load(from: folder) }
    }
}

@Suite struct FiguresInContextTests {
    @Test func aBareFigureAfterAnAnswerAboutFiguresIsChecked() {
        var chat = Conversation(responder: Fixtures.responder)
        _ = chat.respond(to: "how much can I transfer per day?")
        let turn = chat.respond(to: "60000")
        #expect(turn.text.contains("No. 60,000 yuan is more than the 50,000 yuan"))
        #expect(!turn.text.contains("Never share"))
    }

    @Test func aBareFigureAfterATopicWithoutChecksIsNotReadAsOne() {
        var chat = Conversation(responder: Fixtures.responder)
        _ = chat.respond(to: "how do I delete my account?")
        let turn = chat.respond(to: "300")
        #expect(turn.match?.intent != "delete_account")
    }

    @Test func aFigureAndWhatItIsForIsAnAnswerNotAMiss() {
        var chat = Conversation(responder: Fixtures.responder)
        let turn = chat.respond(to: "I want to pay 30000 by QR code, is that ok?")
        #expect(turn.match?.intent == "limits")
        #expect(chat.misses == 0)
        #expect(chat.context?.topic == "limits")
    }
}
