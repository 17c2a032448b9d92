extension ConversationHandler {
    /// A line that names no topic alone but reads as a follow-up of the open one ("how long
    /// does it take?" after changing the phone number): the open topic's answer.
    static let followUpOfOpenTopic = ConversationHandler(name: "follow-up of the open topic") { line, conversation in
        guard line.match.outcome == .outOfScope, let topic = conversation.currentTopic,
            let followUp = conversation.matcher.followUp(line.features, topic: topic)
        else { return nil }
        return conversation.answer(
            conversation.responder.reply(to: line.text, match: followUp, language: conversation.language))
    }
}

extension Conversation {
    /// A line no handler took, out of scope: its reply, unless a figure and what it is for
    /// ("pay 30000 by QR code, is that ok?") place it in a topic; after two misses in a row,
    /// customer service as well.
    mutating func answerOutOfScope(_ said: ConversationLine) -> ConversationTurn {
        let reply = responder.reply(to: said.text, match: said.match, language: language)
        if case .topic = reply.match.outcome { return answer(reply) }
        misses += 1
        var blocks = reply.blocks
        if misses >= Self.escalationAfterMisses {
            blocks.append(.paragraph(messages.text(.customerService, language)))
        }
        return ConversationTurn(blocks: blocks, match: said.match)
    }
}
