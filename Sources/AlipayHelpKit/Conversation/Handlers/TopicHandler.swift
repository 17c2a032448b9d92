extension ConversationHandler {
    /// A question about one topic, read alone: the topic's guided flow when the line asks to
    /// be walked through it, else the answer, with the flow offered after a whole article.
    static let topic = ConversationHandler(name: "topic") { line, conversation in
        guard case let .topic(id) = line.match.outcome else { return nil }
        return conversation.answer(line, topic: id)
    }
}

extension Conversation {
    mutating func answer(_ said: ConversationLine, topic id: String) -> ConversationTurn {
        if let flow = flow(startedBy: said.words, topic: id) { return start(flow) }
        var turn = answer(responder.reply(to: said.text, match: said.match, language: language))
        if said.match.facet == nil, let flow = kb.flows.first(where: { $0.topic == id }), let offer = flow.offer {
            turn.blocks.append(.paragraph(offer.text(language)))
            offeredFlow = flow
        }
        return turn
    }
}
