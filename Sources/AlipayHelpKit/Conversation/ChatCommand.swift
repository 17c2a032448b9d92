/// A command typed in a chat (`/help`, `/lang zh`, `/quit`), read in one place: the
/// conversation. A flow's command (`/change-number`) is no chat command: it is read as a line,
/// so that a flow in progress sees it first.
public enum ChatCommand: Equatable, Sendable {
    case help
    case topics
    case explain
    /// `/lang` with the word after it, if any.
    case language(String?)
    case clearHistory
    /// `/history` without `clear`: how to clear it.
    case historyHint
    case quit
    /// A slash word that is no command, lowercased.
    case unknown(String)

    /// The chat's commands and what each does, for `/help` and completion.
    public static let all: [(name: String, help: LocalizedText)] = [
        ("/help", LocalizedText(en: "what I can do and the commands", zh: "我能做什么，以及所有命令")),
        ("/topics", LocalizedText(en: "the topics I know", zh: "我了解的话题")),
        ("/explain", LocalizedText(en: "show or hide how each question was understood", zh: "显示或隐藏每个问题的理解过程")),
        (
            "/lang",
            LocalizedText(en: "reply in en, zh, or the question's language (auto)", zh: "回复语言：en、zh 或跟随问题（auto）")
        ),
        ("/history clear", LocalizedText(en: "forget the questions typed so far", zh: "清除已输入的问题")),
        ("/quit", LocalizedText(en: "end the chat (Ctrl-D or \"bye\" too)", zh: "结束对话（也可以按 Ctrl-D 或说“再见”）")),
    ]

    /// The command in a line, or nil when the line is not one (no leading `/`, or a flow's).
    public init?(_ line: String, flows: [FlowDefinition]) {
        guard line.hasPrefix("/") else { return nil }
        let lowercased = line.lowercased()
        if flows.contains(where: { $0.command == lowercased }) { return nil }
        let words = lowercased.split(separator: " ").map(String.init)
        switch words.first ?? lowercased {
        case "/help", "/?": self = .help
        case "/topics": self = .topics
        case "/explain": self = .explain
        case "/lang": self = .language(words.dropFirst().first)
        case "/history": self = words.dropFirst().first == "clear" ? .clearHistory : .historyHint
        case "/quit", "/exit", "/q": self = .quit
        case let name: self = .unknown(name)
        }
    }
}
