extension ConversationHandler {
    /// "no, I meant Huabei": the rest of the line answered, when it names a topic; otherwise
    /// the line is left to be read whole.
    static let correction = ConversationHandler(name: "correction") { line, conversation in
        conversation.correct(line)
    }
}

extension Conversation {
    mutating func correct(_ said: ConversationLine) -> ConversationTurn? {
        guard let remainder = kb.dialogueWords.correctionRemainder(said.words) else { return nil }
        let match = matcher.match(remainder)
        guard case .topic = match.outcome else { return nil }
        return answer(responder.reply(to: remainder, match: match, language: language))
    }
}
