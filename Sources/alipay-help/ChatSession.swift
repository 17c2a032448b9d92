import AlipayHelpKit

/// One chat, whatever the input: slash commands, then the conversation. Both the readline
/// front end and the piped (scripted) chat feed it lines and print what it returns.
struct ChatSession {
    /// What the front end should do after a line.
    enum Action: Equatable {
        case none
        case quit
        case clearHistory
    }

    static let commands: [(name: String, help: String)] = [
        ("/help", "what I can do and the commands"),
        ("/topics", "the topics I know"),
        ("/explain", "show or hide how each question was understood"),
        ("/history clear", "forget the questions typed so far"),
        ("/quit", "end the chat (Ctrl-D or \"bye\" too)"),
    ]

    var conversation: Conversation
    var renderer: TerminalRenderer
    var explain = false

    init(responder: Responder, renderer: TerminalRenderer) {
        conversation = Conversation(responder: responder)
        self.renderer = renderer
    }

    var banner: String {
        let topics = conversation.responder.knowledgeBase.topics.map(\.title).joined(separator: "; ")
        return renderer.bold("alipay-help") + " — ask me about your Alipay account.\n"
            + TextWrapping.wrap("I know: \(topics).", width: renderer.width).joined(separator: "\n") + "\n"
            + renderer.dim("Type /help for commands, Ctrl-D or /quit to leave.")
    }

    /// The reply to one line (empty when there is nothing to say) and what to do next.
    mutating func handle(_ line: String) -> (output: String, action: Action) {
        let trimmed = line.trimmingWhitespace
        if trimmed.hasPrefix("/") && !isFlowCommand(trimmed) { return command(trimmed) }
        let turn = conversation.respond(to: trimmed)
        return render(turn)
    }

    /// Whether the next line may be written to the history file: never inside a guided flow
    /// (where phone numbers are typed), never with a code or a phone number in it.
    func mayRemember(_ line: String) -> Bool {
        conversation.activeFlow == nil && !SecretGuard.mustStayOutOfHistory(line)
    }

    /// Ctrl-C on an empty line during a flow cancels the flow.
    mutating func cancelFlow() -> String? {
        guard conversation.activeFlow != nil else { return nil }
        return render(conversation.respond(to: "cancel")).output
    }

    private func render(_ turn: ConversationTurn) -> (output: String, action: Action) {
        guard !turn.blocks.isEmpty else { return ("", .none) }
        var output = renderer.render(turn.blocks)
        if explain, let match = turn.match { output += "\n" + renderer.dim(explanation(match)) }
        return (output, turn.endsConversation ? .quit : .none)
    }

    private func explanation(_ match: Match) -> String {
        let what: String
        switch match.outcome {
        case let .topic(id): what = "topic \(id)" + (match.facet.map { " · facet \($0)" } ?? "")
        case let .smallTalk(id): what = "small talk \(id)"
        case .outOfScope: what = "out of scope"
        case let .ambiguous(ids): what = "ambiguous: \(ids.joined(separator: ", "))"
        }
        return "[\(what) · confidence \(JSONLineEncoder.formatConfidence(match.confidence)) · \(match.reason)]"
    }

    private func isFlowCommand(_ text: String) -> Bool {
        conversation.responder.knowledgeBase.flows.contains { $0.command == text.lowercased() }
    }

    /// The knowledge base's flows, as chat commands.
    var flowCommands: [(name: String, help: String)] {
        conversation.responder.knowledgeBase.flows.map { ($0.command, "guide: " + $0.title.lowercasedFirstLetter) }
    }

    private mutating func command(_ text: String) -> (output: String, action: Action) {
        let words = text.lowercased().split(separator: " ").map(String.init)
        switch words.first ?? "" {
        case "/help", "/?":
            let all = Self.commands + flowCommands
            let width = all.map(\.name.count).max()!
            let list = all.map { "  " + renderer.accent($0.name.padding(toLength: width, withPad: " ", startingAt: 0)) + "  " + $0.help }
            return (["Ask a question in your own words, for example \"how do I change my phone number?\" or \"花呗怎么还款\".",
                     "Follow up with \"more\", or ask about one detail (\"and per year?\").", ""] .joined(separator: "\n")
                    + list.joined(separator: "\n"), .none)
        case "/topics":
            let topics = conversation.responder.knowledgeBase.topics
            let idWidth = topics.map(\.id.count).max()! + 2
            return (topics.map { topic in
                let lines = TextWrapping.wrap(topic.title, width: renderer.width, firstPrefix: String(repeating: " ", count: idWidth + 2),
                                              restPrefix: String(repeating: " ", count: idWidth + 2))
                return "  " + renderer.accent(topic.id.padding(toLength: idWidth, withPad: " ", startingAt: 0))
                    + ([String(lines[0].dropFirst(idWidth + 2))] + lines.dropFirst()).joined(separator: "\n")
            }.joined(separator: "\n"), .none)
        case "/explain":
            explain.toggle()
            return (explain ? "Explanations on: each reply shows how your question was understood." : "Explanations off.", .none)
        case "/history":
            if words.dropFirst().first == "clear" { return ("History cleared.", .clearHistory) }
            return ("Use /history clear to forget the questions typed so far.", .none)
        case "/quit", "/exit", "/q":
            return ("Goodbye!", .quit)
        default:
            let name = words.first ?? text
            let suggestion = (Self.commands.map { String($0.name.split(separator: " ")[0]) } + flowCommands.map(\.name))
                .map { ($0, Lexicon.distance(name, $0, limit: 2)) }
                .filter { $0.1 <= 2 }
                .min { $0.1 < $1.1 }?.0
            return ("Unknown command \(name). " + (suggestion.map { "Did you mean \($0)? " } ?? "") + "Type /help for the list.", .none)
        }
    }
}

extension String {
    var lowercasedFirstLetter: String { prefix(1).lowercased() + dropFirst() }

    var trimmingWhitespace: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
