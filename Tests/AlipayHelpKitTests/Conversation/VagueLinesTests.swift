import Testing

@testable import AlipayHelpKit

/// Lines in the domain that say too little get a question back (issue 11).
@Suite struct VagueLinesTests {
    static let vague = [
        "it doesn't work", "it's not working", "help me with my account", "I have a problem with my account",
        "something is wrong", "alipay is broken", "I need help", "my account has an issue", "it keeps giving an error",
        "我的账户有问题", "支付宝用不了了", "帮我看看我的账户", "不好使", "支付宝出问题了", "账号好像坏了",
    ]
    static let notVague = [
        "how do I change my phone number", "my phone has a problem with the screen", "help", "hello",
        "what's the weather?", "huabei is not working at checkout", "the transfer limit is a problem",
        "花呗用不了", "转账有问题", "你好", "it works now, thanks", "my account",
    ]

    static var lines: VagueLines { Fixtures.knowledgeBase.vagueLines }

    @Test(arguments: vague) func asksBackAbout(line: String) {
        #expect(Self.lines.isVague(TextNormalizer.normalize(line).pieces))
    }

    @Test(arguments: notVague) func leavesAlone(line: String) {
        #expect(!Self.lines.isVague(TextNormalizer.normalize(line).pieces))
    }

    @Test func theQuestionBackIsAChoiceOfTheTopics() {
        var chat = Conversation(responder: Fixtures.responder)
        let turn = chat.respond(to: "it doesn't work")
        let titles = Fixtures.knowledgeBase.topics.map(\.title.en)
        #expect(turn.blocks.contains(.choices(titles)))
        #expect(chat.pendingChoice?.topics == Fixtures.knowledgeBase.topics.map(\.id))
        let picked = chat.respond(to: "4")
        #expect(picked.match?.intent == Fixtures.knowledgeBase.topics[3].id)
    }

    @Test func aVagueLineIsNotAMiss() {
        var chat = Conversation(responder: Fixtures.responder)
        _ = chat.respond(to: "what's the weather?")
        _ = chat.respond(to: "it doesn't work")
        #expect(chat.misses == 0)
    }
}
