extension ConversationHandler {
    /// "more": the whole article of the open topic; after the whole article, its parts to
    /// pick from; with no topic open, a word on what "more" needs.
    static let more = ConversationHandler(name: "more") { line, conversation in
        conversation.kb.dialogueWords.asksForMore(line.words) ? conversation.more(line) : nil
    }
}

extension Conversation {
    mutating func more(_ said: ConversationLine) -> ConversationTurn {
        guard let topic = currentTopic else {
            return ConversationTurn(blocks: [.paragraph(messages.text(.moreWithoutContext, language))])
        }
        if shownWholeArticle { return moreAfterWholeArticle(topic) }
        let match = Match(
            outcome: .topic(topic), confidence: 1, facet: nil, ranking: [],
            reason: "the full answer of the last topic")
        return answer(responder.fullReply(topic: topic, question: said.text, match: match, language: language))
    }

    /// "more" after the whole article: there is no more, so say so and offer the topic's facets
    /// to pick from, and its guided flow if it has one.
    mutating func moreAfterWholeArticle(_ topicID: String) -> ConversationTurn {
        guard let topic = kb.topic(topicID) else { return ConversationTurn(blocks: []) }
        var blocks: [ReplyBlock] = [
            .paragraph(messages.text(.moreAfterWholeArticle, language, ["topic": topic.title.text(language)]))
        ]
        if !topic.facets.isEmpty {
            blocks.append(.choices(topic.facets.map { $0.title.text(language) }))
            blocks.append(.paragraph(messages.text(.choosePartHint, language, ["count": String(topic.facets.count)])))
            pendingChoice = PendingChoice(
                question: nil, options: topic.facets.map { PendingChoice.Option(topic: topicID, facet: $0.id) })
        }
        if let flow = kb.flows.first(where: { $0.topic == topicID }), let offer = flow.offer {
            blocks.append(.paragraph(offer.text(language)))
            offeredFlow = flow
        }
        return ConversationTurn(blocks: blocks)
    }
}
