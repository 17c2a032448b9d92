import AlipayHelpKit

/// One chat, whatever the input: each line is trimmed once and given to the conversation,
/// which reads commands and questions alike; what it leaves to the screen (help, topics,
/// explain, the history) is done here. Both the readline front end and the piped (scripted)
/// chat feed it lines and print what it returns.
struct ChatSession {
    /// What the front end should do after a line.
    enum Action: Equatable {
        case none
        case quit
        case clearHistory
    }

    /// What a line comes to: what to print, what to do next, and whether to keep the line.
    struct Response: Equatable {
        var output: String
        var action: Action
        /// The line as typed (trimmed), when it may be written to the history file.
        var lineToRemember: String? = nil
    }

    var conversation: Conversation
    var renderer: TerminalRenderer
    var explain = false

    init(assistant: Assistant, renderer: TerminalRenderer, language: Language? = nil, startingIn: Language = .en) {
        conversation = assistant.conversation(language: language, startingIn: startingIn)
        self.renderer = renderer
    }

    private var messages: Messages { conversation.responder.knowledgeBase.messages }
    private var language: Language { conversation.language }
    private var topics: [Topic] { conversation.responder.knowledgeBase.topics }

    var banner: String {
        let titles = topics.map { $0.title.text(language) }.joined(separator: language.isChinese ? "；" : "; ")
        let wrap = { (text: String) in TextWrapping.wrap(text, width: self.renderer.width).joined(separator: "\n") }
        return renderer.style.bold("alipay-help") + " — " + wrap(messages.text(.banner, language)) + "\n"
            + wrap(titles) + "\n" + renderer.style.dim(wrap(messages.text(.bannerHint, language)))
    }

    /// The knowledge base's flows, as chat commands.
    var flowCommands: [(name: String, help: LocalizedText)] {
        conversation.responder.knowledgeBase.flows.map { ($0.command, $0.title) }
    }

    /// The reply to one line (empty output when there is nothing to say).
    mutating func handle(_ line: String) -> Response {
        let typed = line.trimmingWhitespace()
        guard !typed.isEmpty else { return Response(output: "", action: .none) }
        // Kept in the history file never inside a guided flow (where phone numbers are typed),
        // never with a code or a phone number in it.
        let mayRemember = conversation.activeFlow == nil && !SecretGuard.mustStayOutOfHistory(typed)
        let turn = conversation.respond(to: typed)
        var response = turn.command.map { show($0, turn) } ?? render(turn)
        response.lineToRemember = mayRemember ? typed : nil
        return response
    }

    /// Ctrl-C on an empty line during a flow cancels the flow.
    mutating func cancelFlow() -> String? {
        conversation.cancelFlow().map { render($0).output }
    }

    private func render(_ turn: ConversationTurn) -> Response {
        guard !turn.blocks.isEmpty else { return Response(output: "", action: .none) }
        var output = renderer.render(turn.blocks)
        if explain, let match = turn.match { output += "\n" + renderer.style.dim(explanation(match)) }
        return Response(output: output, action: turn.endsConversation ? .quit : .none)
    }

    /// A chat command's turn: the conversation's words as they are, or what only the screen
    /// can show.
    private mutating func show(_ command: ChatCommand, _ turn: ConversationTurn) -> Response {
        switch command {
        case .help:
            let all = (ChatCommand.all + flowCommands).map { ($0.name, $0.help.text(language)) }
            let help = TextWrapping.wrap(messages.text(.chatHelp, language), width: renderer.width).joined(
                separator: "\n")
            return Response(output: help + "\n\n" + list(all), action: .none)
        case .topics:
            return Response(output: list(topics.map { ($0.id, $0.title.text(language)) }), action: .none)
        case .explain:
            explain.toggle()
            return Response(output: messages.text(explain ? .explainOn : .explainOff, language), action: .none)
        case .clearHistory:
            return Response(output: turn.text, action: .clearHistory)
        case .language, .historyHint, .quit, .unknown:
            return Response(output: turn.text, action: turn.endsConversation ? .quit : .none)
        }
    }

    private func explanation(_ match: Match) -> String {
        "[\(match.decisionInWords) · confidence \(match.confidenceInPercent) · \(match.reason)]"
    }

    private func list(_ items: [(name: String, help: String)]) -> String {
        let width = items.map { TextWrapping.columns(of: $0.name) }.max() ?? 0
        return items.map { item in
            let indent = String(repeating: " ", count: width + 4)
            let lines = TextWrapping.wrap(item.help, width: renderer.width, firstPrefix: indent, restPrefix: indent)
            let padding = String(repeating: " ", count: width - TextWrapping.columns(of: item.name))
            return "  " + renderer.style.accent(item.name) + padding + "  "
                + ([String(lines[0].dropFirst(width + 4))] + lines.dropFirst()).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
