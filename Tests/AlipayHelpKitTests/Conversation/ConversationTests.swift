import Testing

@testable import AlipayHelpKit

@Suite struct ConversationTests {
    func conversation() -> Conversation { Conversation(responder: Fixtures.responder) }

    @Test func resolvesAmbiguityByNumber() throws {
        // A policy that calls any two-topic question a tie, so the test does not hang on the
        // exact probabilities of one phrasing.
        var policy = MatchPolicy()
        policy.ambiguityMargin = 1
        policy.ambiguityFloor = 0.05
        var chat = Conversation(responder: try Responder(knowledgeBase: Fixtures.knowledgeBase, policy: policy))
        let question = chat.respond(to: "can I change my number and then delete my account")
        #expect(question.text.contains("Did you mean"))
        #expect(question.text.contains("1. "))
        let offered = question.match?.candidates ?? []
        #expect(Set(offered) == ["change_phone", "delete_account"])
        let answer = chat.respond(to: "2")
        #expect(answer.match?.intent == offered.last)
        #expect(chat.pendingChoice == nil)
    }

    @Test func resolvesAmbiguityByTitleWords() {
        var chat = conversation()
        let offered = chat.respond(to: "delete or change my phone account")
        let topics = offered.match?.candidates ?? []
        #expect(topics.count == 2)
        let answer = chat.respond(to: "the phone one")
        #expect(answer.match?.intent == "change_phone")
    }

    @Test func answersFollowUpsFromContext() {
        var chat = conversation()
        _ = chat.respond(to: "what are the alipay limits")
        let year = chat.respond(to: "and per year?")
        #expect(year.match?.facet == "annual_total")
        #expect(year.text.contains("200,000 yuan"))
        _ = chat.respond(to: "how do I change my phone number")
        let duration = chat.respond(to: "how long does it take?")
        #expect(duration.match?.intent == "change_phone")
        #expect(duration.match?.facet == "duration")
    }

    @Test func aBareNumberAfterALimitsAnswerIsAFigureNotACode() {
        var chat = conversation()
        #expect(chat.respond(to: "888888").text.contains("Never share a verification code"))
        _ = chat.respond(to: "what is the daily transfer limit?")
        #expect(!chat.respond(to: "60000").text.contains("Never share a verification code"))
        #expect(chat.respond(to: "my code is 482913").text.contains("Never share a verification code"))
    }

    /// With no topic open, "and per year?" names nothing a topic needs: it is never answered,
    /// at most asked about.
    @Test func aFollowUpWithoutContextIsNotAnswered() {
        var chat = conversation()
        let outcome = chat.respond(to: "and per year?").match?.outcome
        #expect(outcome == .outOfScope || outcome == .ambiguous(["limits"]), "\(String(describing: outcome))")
    }

    @Test func moreExpandsTheLastAnswer() {
        var chat = conversation()
        let facet = chat.respond(to: "how much can a red envelope hold")
        #expect(!facet.text.contains("200,000"))
        let more = chat.respond(to: "tell me more")
        #expect(more.text.contains("200,000 yuan"))
        #expect(more.text.contains("50,000 yuan"))
    }

    @Test func reroutesOnCorrection() {
        var chat = conversation()
        _ = chat.respond(to: "what is the transfer limit")
        let rerouted = chat.respond(to: "no, I meant Huabei")
        #expect(rerouted.match?.intent == "huabei")
        #expect(chat.currentTopic == "huabei")
    }

    @Test func twoMissesInARowPointToCustomerService() {
        var chat = conversation()
        let first = chat.respond(to: "what's the weather like")
        #expect(!first.text.contains("95188"))
        let second = chat.respond(to: "recommend a restaurant")
        #expect(second.text.contains("95188"))
        #expect(second.text.contains("Help Center"))
        _ = chat.respond(to: "huabei")
        #expect(!chat.respond(to: "tell me a joke").text.contains("95188"), "an answer resets the count")
    }

    @Test func goodbyeEndsTheConversation() {
        var chat = conversation()
        #expect(chat.respond(to: "bye").endsConversation)
        #expect(!chat.respond(to: "hello").endsConversation)
    }
}

/// The small things issue 11 found: titles, `/lang auto`, and a choice with nothing on offer.
@Suite struct ConversationPolishTests {
    @Test func facetTitlesKeepTheirCapitals() {
        let qr = Fixtures.responder.reply(to: "how much can I pay by scanning a QR code a day?")
        #expect(qr.match.facet == "qr_payment")
        #expect(qr.text.contains("Transaction limits: QR-code payments"))
        #expect(!qr.text.contains("qR-code"))
    }

    @Test func autoLanguageFollowsThePersonAgainNotTheFixedLanguage() {
        var chat = Conversation(responder: Fixtures.responder)
        _ = chat.respond(to: "what are the limits?")
        chat.fixedLanguage = .zh
        #expect(chat.respond(to: "and per year?").text.contains("全年"))
        chat.fixedLanguage = nil
        #expect(chat.language == .en)
        var chinese = Conversation(responder: Fixtures.responder)
        _ = chinese.respond(to: "转账限额是多少")
        chinese.fixedLanguage = .en
        chinese.fixedLanguage = nil
        #expect(chinese.language == .zh)
    }

    @Test(arguments: [
        ("1", "nothing to choose from"), ("2", "nothing to choose from"), ("#2", "nothing to choose from"),
        ("the second one", "nothing to choose from"), ("option 1", "nothing to choose from"), ("第一个", "没有可以选择的选项"),
    ])
    func aChoiceWithNothingOnOfferSaysSo(line: String, expected: String) {
        var chat = Conversation(responder: Fixtures.responder)
        #expect(chat.respond(to: line).text.contains(expected))
    }

    @Test func aChoiceWithNothingOnOfferSaysSoInChinese() {
        var chat = Conversation(responder: Fixtures.responder)
        _ = chat.respond(to: "花呗怎么还款")
        #expect(chat.respond(to: "2").text.contains("没有可以选择的选项"))
    }
}

/// "more" once the whole article has been shown (issue 11).
@Suite struct MoreAfterTheWholeArticleTests {
    @Test func saysSoAndOffersTheFacetsAndTheGuide() throws {
        var chat = Conversation(responder: Fixtures.responder)
        let article = chat.respond(to: "how do I change my phone number?")
        #expect(article.match?.facet == nil)
        let more = chat.respond(to: "more")
        #expect(more.text.contains("That was the whole answer"))
        #expect(
            !more.text.contains(
                article.blocks.compactMap { if case let .steps(steps) = $0 { steps.first } else { nil } }.first ?? "?"))
        let facets = Fixtures.knowledgeBase.topic("change_phone")!.facets
        #expect(more.blocks.contains(.choices(facets.map(\.title.en))))
        #expect(chat.pendingChoice?.options.count == facets.count)
        #expect(chat.offeredFlow != nil)
        let second = chat.respond(to: "2")
        #expect(second.match?.facet == facets[1].id)
        #expect(chat.currentFlowStep == nil)
    }

    @Test func yesStartsTheOfferedGuide() {
        var chat = Conversation(responder: Fixtures.responder)
        _ = chat.respond(to: "支付宝怎么换手机号")
        let more = chat.respond(to: "更多")
        #expect(more.text.contains("我知道的都在上面了"))
        _ = chat.respond(to: "是")
        #expect(chat.currentFlowStep == "can_receive_sms")
    }

    @Test func moreAfterAFacetStillShowsTheWholeArticle() {
        var chat = Conversation(responder: Fixtures.responder)
        _ = chat.respond(to: "how long does it take to change my phone number?")
        let more = chat.respond(to: "more")
        #expect(more.match?.facet == nil)
        #expect(!more.text.contains("That was the whole answer"))
    }

    @Test func aPastedTextIsDeclinedAndTheGuideGoesOn() {
        var chat = Conversation(responder: Fixtures.responder)
        _ = chat.respond(to: "支付宝怎么换手机号")
        _ = chat.respond(to: "更多")
        _ = chat.respond(to: "是")
        let step = chat.currentFlowStep
        #expect(step != nil)
        let pasted = String(repeating: "我的手机丢了，旧号码也收不到短信，", count: 30)
        let turn = chat.respond(to: pasted)
        #expect(turn.match?.outcome == .tooLong)
        #expect(turn.text.contains("请一次只问一件事"))
        #expect(chat.currentFlowStep == step, "the guide stays on its step")
        #expect(turn.blocks.count > 1, "and shows the step again")
        var fresh = Conversation(responder: Fixtures.responder)
        let english = fresh.respond(to: String(repeating: "how do I change my phone number ", count: 40))
        #expect(english.text.contains("one thing at a time"))
        #expect(fresh.misses == 0, "a line too long is no miss: the next one is not escalated")
    }
}
