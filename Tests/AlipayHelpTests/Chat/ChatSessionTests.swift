import AlipayHelpKit
import Testing

@testable import alipay_help

/// The chat in-process: what each line comes to, with no terminal and no readline.
@Suite struct ChatSessionTests {
    func session(explain: Bool = false) -> ChatSession {
        var session = ChatSession(assistant: Fixtures.assistant, renderer: TerminalRenderer(width: 80, colour: false))
        session.explain = explain
        return session
    }

    @Test func aQuestionIsAnsweredAndRemembered() {
        var chat = session()
        let response = chat.handle("  how do I change my phone number?  ")
        #expect(!response.output.isEmpty && response.action == .none)
        #expect(response.lineToRemember == "how do I change my phone number?", "trimmed once, for the history file")
    }

    @Test func aBlankLineComesToNothing() {
        var chat = session()
        #expect(chat.handle(" \u{3000} ") == ChatSession.Response(output: "", action: .none))
    }

    @Test func commandsAreReadByTheConversation() {
        var chat = session()
        let help = chat.handle("/help").output
        #expect(ChatCommand.all.allSatisfy { help.contains($0.name) } && help.contains("/change-number"), "\(help)")
        #expect(chat.handle("/lang zh").output == "回复语言已设为：中文 (zh)。")
        #expect(chat.conversation.fixedLanguage == .zh)
        #expect(chat.handle("/lang").output.contains("/lang"))
        #expect(chat.handle("/history clear").action == .clearHistory)
        #expect(chat.handle("/QUIT") == ChatSession.Response(output: "再见！", action: .quit, lineToRemember: "/QUIT"))
    }

    @Test func anUnknownCommandSuggestsTheNearestOne() {
        var chat = session()
        #expect(chat.handle("/hepl").output == "Unknown command /hepl. Did you mean /help? /help")
        #expect(chat.handle("/zzzzzz").output == "Unknown command /zzzzzz. /help")
    }

    @Test func explainShowsHowEachQuestionWasRead() {
        var chat = session()
        #expect(chat.handle("/explain").output.hasPrefix("Explanations on"))
        #expect(chat.handle("how do I change my phone number?").output.contains("[topic change_phone"))
        _ = chat.handle("/explain")
        #expect(!chat.handle("how do I change my phone number?").output.contains("[topic"))
    }

    @Test func aFlowKeepsItsAnswersOutOfTheHistoryAndCtrlCCancelsIt() {
        var chat = session()
        #expect(chat.cancelFlow() == nil, "no flow to cancel")
        let start = chat.handle("/change-number")
        #expect(start.lineToRemember == "/change-number" && chat.conversation.activeFlow != nil)
        #expect(chat.handle("yes").lineToRemember == nil, "inside a flow nothing is kept")
        #expect(chat.cancelFlow()?.contains("Guide cancelled") == true)
        #expect(chat.conversation.activeFlow == nil)
    }

    @Test func aCodeIsNeverRemembered() {
        var chat = session()
        let response = chat.handle("my verification code is 123456")
        #expect(response.lineToRemember == nil)
        #expect(!response.output.contains("123456"))
    }

    @Test func controlCharactersAreShownNotObeyed() {
        var chat = session()
        #expect(!chat.handle("/he\u{1B}[2Jlp").output.contains("\u{1B}"))
    }
}
