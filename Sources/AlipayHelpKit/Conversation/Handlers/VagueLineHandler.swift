extension ConversationHandler {
    /// A line too vague to lean anywhere ("it doesn't work", "my account has a problem") that
    /// no topic took: the list of topics to pick from, not a guess at one.
    static let vagueLine = ConversationHandler(name: "vague line") { line, conversation in
        switch line.match.outcome {
        case .ambiguous, .smallTalk, .outOfScope:
            return conversation.kb.vagueLines.isVague(line.words) ? conversation.askWhichTopic(line.match) : nil
        case .topic, .tooLong:
            return nil
        }
    }
}

extension Conversation {
    /// A line about the account that says too little ("it doesn't work"): which topic is it
    /// about? The topics as a choice; a pick answers with that topic's article.
    mutating func askWhichTopic(_ match: Match) -> ConversationTurn {
        misses = 0
        pendingChoice = PendingChoice(question: nil, options: kb.topics.map { PendingChoice.Option(topic: $0.id) })
        return ConversationTurn(
            blocks: [
                .paragraph(messages.text(.whichTopic, language)),
                .choices(kb.topics.map { $0.title.text(language) }),
                .paragraph(messages.text(.chooseHint, language, ["count": String(kb.topics.count)])),
            ], match: match)
    }
}
