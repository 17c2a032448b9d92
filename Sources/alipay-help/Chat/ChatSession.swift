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

    static let commands: [(name: String, help: LocalizedText)] = [
        ("/help", LocalizedText(en: "what I can do and the commands", zh: "我能做什么，以及所有命令")),
        ("/topics", LocalizedText(en: "the topics I know", zh: "我了解的话题")),
        ("/explain", LocalizedText(en: "show or hide how each question was understood", zh: "显示或隐藏每个问题的理解过程")),
        ("/lang", LocalizedText(en: "reply in en, zh, or the question's language (auto)", zh: "回复语言：en、zh 或跟随问题（auto）")),
        ("/history clear", LocalizedText(en: "forget the questions typed so far", zh: "清除已输入的问题")),
        ("/quit", LocalizedText(en: "end the chat (Ctrl-D or \"bye\" too)", zh: "结束对话（也可以按 Ctrl-D 或说“再见”）")),
    ]

    var conversation: Conversation
    var renderer: TerminalRenderer
    var explain = false

    init(responder: Responder, renderer: TerminalRenderer, language: Language? = nil, startingIn: Language = .en) {
        conversation = Conversation(responder: responder, language: language, startingIn: startingIn)
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

    /// The reply to one line (empty when there is nothing to say) and what to do next.
    mutating func handle(_ line: String) -> (output: String, action: Action) {
        // What was typed or pasted is shown back visibly, never replayed to the terminal.
        let trimmed = ControlCharacters.visible(line).trimmingWhitespace()
        if trimmed.hasPrefix("/") && !isFlowCommand(trimmed) { return command(trimmed) }
        return render(conversation.respond(to: trimmed))
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
        if explain, let match = turn.match { output += "\n" + renderer.style.dim(explanation(match)) }
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

    private func list(_ items: [(name: String, help: String)]) -> String {
        let width = items.map { TextWrapping.columns(of: $0.name) }.max() ?? 0
        return items.map { item in
            let indent = String(repeating: " ", count: width + 4)
            let lines = TextWrapping.wrap(item.help, width: renderer.width, firstPrefix: indent, restPrefix: indent)
            let padding = String(repeating: " ", count: width - TextWrapping.columns(of: item.name))
            return "  " + renderer.style.accent(item.name) + padding + "  " + ([String(lines[0].dropFirst(width + 4))] + lines.dropFirst()).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    private mutating func command(_ text: String) -> (output: String, action: Action) {
        let words = text.lowercased().split(separator: " ").map(String.init)
        switch words.first ?? "" {
        case "/help", "/?":
            let all = (Self.commands + flowCommands).map { ($0.name, $0.help.text(language)) }
            return (TextWrapping.wrap(messages.text(.chatHelp, language), width: renderer.width).joined(separator: "\n") + "\n\n" + list(all), .none)
        case "/topics":
            return (list(topics.map { ($0.id, $0.title.text(language)) }), .none)
        case "/explain":
            explain.toggle()
            return (messages.text(explain ? .explainOn : .explainOff, language), .none)
        case "/lang":
            switch words.dropFirst().first {
            case "en"?: conversation.fixedLanguage = .en
            case "zh"?: conversation.fixedLanguage = .zh
            case "zh-hant"?: conversation.fixedLanguage = .zhHant
            case "auto"?: conversation.fixedLanguage = nil
            default: return (messages.text(.languageHint, language), .none)
            }
            let shown = conversation.fixedLanguage.map { ["en": "English (en)", "zh": "中文 (zh)", "zh-Hant": "繁體中文 (zh-Hant)"][$0.rawValue]! } ?? "auto"
            return (messages.text(.languageSet, conversation.fixedLanguage ?? language, ["language": shown]), .none)
        case "/history":
            if words.dropFirst().first == "clear" { return (messages.text(.historyCleared, language), .clearHistory) }
            return (messages.text(.historyHint, language), .none)
        case "/quit", "/exit", "/q":
            return (messages.text(.goodbye, language), .quit)
        default:
            let name = words.first ?? text
            let suggestion = (Self.commands.map { String($0.name.split(separator: " ")[0]) } + flowCommands.map(\.name))
                .map { ($0, Lexicon.distance(name, $0, limit: 2)) }
                .filter { $0.1 <= 2 }
                .min { $0.1 < $1.1 }?.0
            var reply = messages.text(.unknownCommand, language, ["command": name])
            if let suggestion { reply += " " + messages.text(.didYouMeanCommand, language, ["command": suggestion]) }
            return (reply + " /help", .none)
        }
    }
}
