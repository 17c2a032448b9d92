import Foundation
import Testing

/// Conversations scripted through `alipay-help chat` with a pipe: one reply per line, in order.
@Suite struct ScriptedChatTests {
    /// The replies, one per input line (each reply ends with a blank line).
    func chat(_ lines: [String]) throws -> [String] {
        let result = try BinaryRunner.run(["chat"], stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.status == 0)
        #expect(!result.text.contains("you ›"), "no prompt in a pipe")
        return result.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
    }

    func joined(_ lines: [String]) throws -> String {
        try chat(lines).joined(separator: "\n\n")
    }

    @Test func ambiguityIsResolvedByNumber() throws {
        let text = try joined(["delete or change my phone account", "1"])
        #expect(text.contains("Did you mean:"))
        #expect(
            text.contains("1. Change the phone number linked to your account")
                || text.contains("1. Delete (close) your Alipay account"))
        let chosen = text.contains("1. Change the phone number") ? "Change Phone Number" : "95188"
        let parts = text.components(separatedBy: "Did you mean:")
        try #require(parts.count > 1)
        #expect(parts[1].contains(chosen))
    }

    @Test func followUpsAreAnsweredFromContext() throws {
        let text = try joined(["what are the alipay limits", "and per year?", "what about red envelopes?"])
        let parts = text.components(separatedBy: "Transaction limits")
        #expect(parts.count >= 3)
        #expect(text.contains("Transaction limits: Yearly total"))
        #expect(text.contains("Transaction limits: Red envelopes"))
    }

    @Test func moreExpandsAndCorrectionsReroute() throws {
        let text = try joined(["how long does it take to change my phone number?", "more", "no, I meant huabei"])
        #expect(text.contains("No more than 10 minutes"))
        #expect(text.contains("Choose Phone Number, then Change Phone Number."))
        #expect(text.contains("about 40 days"))
    }

    @Test func twoMissesLeadToCustomerService() throws {
        let replies = try joined(["what's the weather like?", "how do I cook rice?"])
        #expect(replies.components(separatedBy: "Sorry, I can't help").count == 3)
        #expect(replies.contains("call 95188"))
    }

    @Test func commandsWorkAndUnknownOnesGetAHint() throws {
        let text = try joined(["/topics", "/explain", "huabei", "/hlep", "/quit", "this line is never read"])
        #expect(text.contains("foreigner_verification"))
        #expect(text.contains("[topic huabei"))
        #expect(text.contains("Unknown command /hlep. Did you mean /help?"))
        #expect(text.hasSuffix("Goodbye!\n") || text.hasSuffix("Goodbye!"))
        #expect(!text.contains("never read"))
    }

    @Test func byeEndsTheChat() throws {
        let replies = try chat(["hello", "bye", "huabei"])
        #expect(replies.count == 2)
        #expect(replies[1].contains("Goodbye"))
    }

    @Test func noSubcommandWithAPipeBehavesLikeAsk() throws {
        let result = try BinaryRunner.run([], stdin: Data("huabei\n".utf8))
        #expect(result.text.hasPrefix("> huabei\n"))
    }
}

@Suite struct LanguageTests {
    @Test func langFixesTheReplyLanguage() throws {
        let english = try BinaryRunner.run(["ask", "--lang", "en", "--json", "花呗怎么还款"])
        let object = try #require(try BinaryRunner.jsonObjects(english).first)
        #expect(object["lang"] as? String == "en")
        #expect((object["answer"] as? String)?.contains("about 40 days") == true)

        let chinese = try BinaryRunner.run(["ask", "--lang", "zh", "how do I repay huabei"])
        #expect(chinese.text.contains("约 40 天"))
    }

    @Test func autoFollowsTheQuestion() throws {
        let result = try BinaryRunner.run(["ask", "--json"], stdin: Data("支付寶轉賬有上限嗎\nred envelope limit\n".utf8))
        let objects = try BinaryRunner.jsonObjects(result)
        // A question in Traditional characters is answered in Traditional characters.
        #expect(objects.map { $0["lang"] as? String } == ["zh-Hant", "en"])
        #expect(objects.map { $0["intent"] as? String } == ["limits", "limits"])
        #expect((objects[0]["answer"] as? String)?.contains("50,000 元") == true)
        #expect((objects[0]["answer"] as? String)?.contains("轉賬") == true)
    }

    @Test func slashLangSwitchesTheChat() throws {
        let result = try BinaryRunner.run(
            ["chat"], stdin: Data("/lang zh\nhow do I delete my account\n/lang auto\nhow do I delete my account\n".utf8)
        )
        let replies = result.text.components(separatedBy: "\n\n")
        #expect(result.text.contains("回复语言已设为"))
        #expect(result.text.contains("注销（关闭）支付宝账户"))
        #expect(result.text.contains("Delete (close) your Alipay account"))
        #expect(replies.count > 3)
    }

    @Test func slashLangAutoFollowsThePersonNotTheFixedLanguage() throws {
        let result = try BinaryRunner.run(
            ["chat"], stdin: Data("what are the limits?\n/lang zh\nand per year?\n/lang auto\n/history\n".utf8))
        let replies = result.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(replies.contains { $0.contains("全年") }, "fixed to Chinese while fixed")
        #expect(replies.last?.contains("Use /history clear") == true, "\(replies.last ?? "")")
    }

    @Test func badLanguageIsAUsageError() throws {
        let result = try BinaryRunner.run(["ask", "--lang", "fr", "hello"])
        #expect(result.status == 64)
    }
}
