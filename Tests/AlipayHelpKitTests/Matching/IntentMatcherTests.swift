import Testing

@testable import AlipayHelpKit

@Suite struct IntentMatcherTests {
    let matcher = Fixtures.matcher

    @Test(arguments: [
        ("How do I change the phone number on my account?", "change_phone"),
        ("number phone change my", "change_phone"),
        (
            "hey so um I was wondering, my carrier gave me a whole new mobile number, what do I do in alipay? thanks",
            "change_phone"
        ),
        ("CHANGE MY NUMBER!!!", "change_phone"),
        ("ｃｈａｎｇｅ　ｍｙ　ｎｕｍｂｅｒ", "change_phone"),
        ("chagne my numebr", "change_phone"),
        ("close my account", "delete_account"),
        ("deactivate alipay", "delete_account"),
        ("how much can I transfer a day", "limits"),
        ("huabei instalments", "huabei"),
        ("verify account with passport", "foreigner_verification"),
        ("支付宝怎么注销", "delete_account"),
        ("花呗怎么还款", "huabei"),
        ("支付寶轉賬限額", "limits"),
    ])
    func understandsTopics(question: String, topic: String) {
        let match = matcher.match(question)
        #expect(match.outcome == .topic(topic), "\(question) → \(match.outcome) (\(match.reason))")
    }

    @Test(arguments: [
        "How do I change my Alipay username?",
        "How do I delete a saved address?",
        "How do I change my WhatsApp number?",
        "wechat pay limit",
        "how do I reset my alipay password",
        "how do I get a refund",
        "what is yu'e bao",
        "what is the weather tomorrow",
        "!!! ??? ...",
        "",
    ])
    func declinesOutOfScope(question: String) {
        let match = matcher.match(question)
        #expect(match.outcome == .outOfScope, "\(question) → \(match.outcome) (\(match.reason))")
        #expect(match.intent == nil)
    }

    @Test func answersSmallTalk() {
        #expect(matcher.match("hello").outcome == .smallTalk("greeting"))
        #expect(matcher.match("thanks a lot!").outcome == .smallTalk("thanks"))
        #expect(matcher.match("goodbye").outcome == .smallTalk("goodbye"))
        #expect(matcher.match("what can you do?").outcome == .smallTalk("capabilities"))
    }

    @Test func aTopicQuestionWithAGreetingIsStillTheTopic() {
        #expect(matcher.match("hi, how do I change my phone number?").outcome == .topic("change_phone"))
    }

    @Test func confidenceIsAProbability() {
        for question in ["change number", "hello", "weather", "huabei", "limit", "zzz"] {
            let match = matcher.match(question)
            #expect(match.confidence >= 0 && match.confidence <= 1, "\(question): \(match.confidence)")
            let total = match.ranking.reduce(0) { $0 + $1.probability }
            #expect(abs(total - 1) < 0.001 || match.ranking.isEmpty)
        }
    }

    @Test func clearQuestionsAreConfident() {
        #expect(matcher.match("how do I change my phone number").confidence > 0.75)
    }

    @Test func nearlyTiedTopicsAreReportedAsAmbiguous() throws {
        var policy = MatchPolicy()
        policy.ambiguityMargin = 1
        policy.ambiguityFloor = 0
        let strict = try IntentMatcher(knowledgeBase: Fixtures.knowledgeBase, policy: policy)
        let match = strict.match("can foreigners use huabei after passport verification")
        #expect(match.intent == nil)
        #expect(Set(match.candidates) == ["huabei", "foreigner_verification"])
    }

    @Test func matchingIsDeterministic() throws {
        let again = try IntentMatcher(knowledgeBase: Fixtures.knowledgeBase)
        for question in ["change number", "red envelope limit", "delete alipay"] {
            #expect(again.match(question).confidence == matcher.match(question).confidence)
        }
    }

    /// `question` repeated (space between) up to `bytes` bytes, the end padded with spaces
    /// inside the line so the length is exact.
    static func line(of question: String, bytes: Int) -> String {
        var line = question
        while line.utf8.count + 1 + question.utf8.count <= bytes { line += " " + question }
        return line + String(repeating: "?", count: bytes - line.utf8.count)
    }

    @Test func aLineUpToTheLimitIsReadAndOneByteMoreIsNot() {
        let longest = Self.line(of: "how do I change my phone number", bytes: IntentMatcher.longestQuestion)
        #expect(longest.utf8.count == IntentMatcher.longestQuestion)
        #expect(matcher.match(longest).intent == "change_phone")
        let longer = longest + "?"
        let declined = matcher.match(longer)
        #expect(declined.outcome == .tooLong)
        #expect(declined.outcome.kind == "too_long")
        #expect(declined.outcome.label == Match.outOfScopeLabel, "a suite counts it as declined")
        #expect(declined.reason.contains("\(longer.utf8.count) bytes"))
    }

    @Test func aLineTooLongIsAnsweredInItsLanguageWithNothingReadFromIt() {
        let responder = Fixtures.responder
        let chinese = Self.line(of: "我想给朋友转账90000元可以吗", bytes: 1_500)
        let reply = responder.replyToEach(chinese)
        #expect(reply.match.outcome == .tooLong)
        #expect(reply.language == .zh)
        #expect(reply.text == Fixtures.knowledgeBase.messages.text(.tooLong, .zh))
        #expect(reply.entities.isEmpty && reply.verdict == nil, "no figure is read from a line not read")
        let several = Self.line(of: "how do I change my phone number? and what is huabei?", bytes: 1_200)
        let severalReply = responder.replyToEach(several)
        #expect(severalReply.match.outcome == .tooLong)
        #expect(severalReply.also.isEmpty, "not split into questions either")
        #expect(severalReply.text.contains("one thing at a time"))
    }
}
