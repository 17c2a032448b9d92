import AlipayHelpKit
import ArgumentParser
import Foundation

extension AlipayHelp {
    /// A conversation: readline on a terminal, or scripted through a pipe.
    struct Chat: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "chat",
            abstract: "Chat: ask, follow up, and say \"more\" (the default on a terminal).",
            discussion: """
                On a terminal: line editing, history (kept in $XDG_STATE_HOME/alipay-help/history) and \
                Tab completion. With a pipe on standard input, the same conversation runs without \
                readline, one reply per line, so conversations can be scripted.
                """
        )

        @OptionGroup var knowledgeBase: KnowledgeBaseOptions
        @OptionGroup var language: LanguageOption

        @Flag(help: "Do not read or write the history file.")
        var noHistory = false

        @Flag(help: "Show under each reply how the question was understood (like /explain).")
        var explain = false

        func run() throws {
            let assistant = try knowledgeBase.assistant()
            let interactive = isatty(0) == 1
            let renderer = TerminalRenderer(width: interactive ? 80 : Int.max / 4, colour: Terminal.wantsColour(1))
            // Before the first question, the locale says which language to greet in.
            let locale =
                ProcessInfo.processInfo.environment["LC_ALL"] ?? ProcessInfo.processInfo.environment["LANG"] ?? ""
            var session = ChatSession(
                assistant: assistant, renderer: renderer, language: language.language,
                startingIn: locale.hasPrefix("zh") ? .zh : .en)
            session.explain = explain
            let status: Int32
            if interactive {
                var chat = InteractiveChat(
                    session: session, history: noHistory ? nil : ChatHistory(path: ChatHistory.defaultPath()))
                status = chat.run()
            } else {
                var chat = ScriptedChat(session: session)
                status = chat.run()
            }
            if status != 0 { throw ExitCode(status) }
        }
    }
}
