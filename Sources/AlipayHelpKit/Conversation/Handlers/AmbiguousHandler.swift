extension ConversationHandler {
    /// A question that leans to several topics: "did you mean", with the topics as a numbered
    /// choice that the next line may pick from.
    static let ambiguous = ConversationHandler(name: "ambiguous") { line, conversation in
        guard case let .ambiguous(topics) = line.match.outcome else { return nil }
        return conversation.askWhichOf(topics, line)
    }
}

extension Conversation {
    mutating func askWhichOf(_ topics: [String], _ said: ConversationLine) -> ConversationTurn {
        misses = 0
        pendingChoice = PendingChoice(question: said.text, options: topics.map { PendingChoice.Option(topic: $0) })
        return ConversationTurn(
            blocks: responder.reply(to: said.text, match: said.match, language: language).blocks, match: said.match)
    }
}
