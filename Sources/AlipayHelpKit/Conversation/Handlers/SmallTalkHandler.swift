extension ConversationHandler {
    /// Greetings, thanks and goodbye: their reply; a goodbye ends the conversation.
    static let smallTalk = ConversationHandler(name: "small talk") { line, conversation in
        guard case let .smallTalk(id) = line.match.outcome else { return nil }
        let reply = conversation.responder.reply(to: line.text, match: line.match, language: conversation.language)
        return ConversationTurn(blocks: reply.blocks, match: line.match, endsConversation: id == "goodbye")
    }
}
