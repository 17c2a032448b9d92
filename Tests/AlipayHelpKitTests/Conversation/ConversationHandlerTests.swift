import Testing

@testable import AlipayHelpKit

/// The handlers a line goes through, alone and in their order.
@Suite struct ConversationHandlerTests {
    func conversation() -> Conversation { Conversation(responder: Fixtures.responder) }

    func line(_ text: String) -> ConversationLine { ConversationLine(text, matcher: Fixtures.matcher) }

    @Test func theOrderPutsStateBeforeReadingTheLineAlone() {
        let names = Conversation.handlers.map(\.name)
        #expect(Set(names).count == names.count)
        func position(_ name: String) -> Int { names.firstIndex(of: name) ?? -1 }
        #expect(position("verification code") == 0)
        #expect(position("verification code") < position("active flow"))
        #expect(position("active flow") < position("several questions"))
        #expect(position("several questions") < position("offered flow"))
        #expect(position("pending choice") < position("choice with nothing on offer"))
        #expect(position("more") < position("open topic"))
        #expect(position("open topic") < position("topic"))
        #expect(position("vague line") < position("ambiguous"))
    }

    @Test func aPendingChoiceAnsweredWithTwoPicksTheSecondOption() throws {
        var chat = conversation()
        _ = chat.respond(to: "delete or change my phone account")
        let offered = try #require(chat.pendingChoice).topics
        #expect(offered.count == 2)
        let turn = ConversationHandler.pendingChoice.take(line("2"), &chat)
        #expect(turn?.match?.intent == offered[1])
        #expect(chat.pendingChoice == nil)
    }

    @Test func aPendingChoiceLeavesALineThatPicksNothing() {
        var chat = conversation()
        #expect(ConversationHandler.pendingChoice.take(line("2"), &chat) == nil)
        let turn = chat.respond(to: "2")
        #expect(turn.blocks == [.paragraph(chat.messages.text(.nothingToChoose, .en))])
    }

    @Test func moreWithNoTopicOpenSaysWhatMoreNeeds() {
        var chat = conversation()
        let turn = ConversationHandler.more.take(line("more"), &chat)
        #expect(turn?.blocks == [.paragraph(chat.messages.text(.moreWithoutContext, .en))])
        #expect(ConversationHandler.more.take(line("how do I delete my account"), &chat) == nil)
    }

    @Test func aLineInAnActiveFlowGoesToTheFlowEvenAsAQuestion() {
        var chat = conversation()
        _ = chat.respond(to: "/change-number")
        let step = chat.currentFlowStep
        let turn = chat.respond(to: "how do I delete my account")
        #expect(chat.activeFlow != nil)
        #expect(chat.currentFlowStep == step)
        #expect(turn.text.contains("Back to step 1"))
        #expect(ConversationHandler.activeFlow.take(line("yes"), &chat) != nil)
    }

    @Test func aCodeInAFlowIsWarnedAboutAndTheFlowGoesOn() {
        var chat = conversation()
        _ = chat.respond(to: "/change-number")
        let turn = chat.respond(to: "my code is 123456")
        #expect(turn.text.contains("Never share a verification code"))
        #expect(turn.text.contains("Back to step 1"))
        #expect(chat.activeFlow != nil)
    }

    @Test func severalQuestionsInOneLineAreEachAnswered() {
        var chat = conversation()
        let turn = chat.respond(to: "change my phone number and also raise my transfer limit")
        #expect(turn.match?.intent == "change_phone")
        #expect(turn.text.contains("Change the phone number linked to your account"))
        #expect(turn.text.contains("Transaction limits: Raising a limit"))
        #expect(ConversationHandler.severalQuestions.take(line("how do I change my phone number"), &chat) == nil)
    }

    @Test func aVagueLineIsAskedAboutAndAPickAnswersIt() {
        var chat = conversation()
        let turn = ConversationHandler.vagueLine.take(line("it doesn't work"), &chat)
        #expect(turn?.blocks.first == .paragraph(chat.messages.text(.whichTopic, .en)))
        #expect(chat.pendingChoice?.topics.count == Fixtures.knowledgeBase.topics.count)
    }
}
