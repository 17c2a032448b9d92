extension ConversationHandler {
    /// A pick from the numbered choices the last reply offered: "2", "the second one", words of
    /// a choice's title, or a yes to a single choice. The choice holds for one line: any other
    /// line drops it and is left to be read.
    static let pendingChoice = ConversationHandler(name: "pending choice") { line, conversation in
        conversation.pick(line)
    }

    /// A choice's position ("1") with no choice on offer: there is nothing to choose, which
    /// is said, rather than the line declined as a question.
    static let choiceWithNothingOnOffer = ConversationHandler(name: "choice with nothing on offer") {
        line, conversation in
        conversation.sayNothingToChoose(line)
    }
}

extension Conversation {
    func sayNothingToChoose(_ said: ConversationLine) -> ConversationTurn? {
        guard kb.dialogueWords.choicePosition(said.words) != nil else { return nil }
        return ConversationTurn(blocks: [.paragraph(messages.text(.nothingToChoose, language))])
    }

    mutating func pick(_ said: ConversationLine) -> ConversationTurn? {
        guard let pending = pendingChoice else { return nil }
        pendingChoice = nil
        let confirmed = pending.options.count == 1 && kb.dialogueWords.yesOrNo(said.words) == true
        guard let option = confirmed ? pending.options[0] : chosenOption(said, among: pending.options) else {
            return nil
        }
        return answer(chosen: option, question: pending.question)
    }

    /// The answer to a pick: the question that led to "did you mean" read against the topic
    /// picked, or the facet picked.
    mutating func answer(chosen option: PendingChoice.Option, question: String?) -> ConversationTurn {
        let facet = option.facet ?? question.flatMap { matcher.facet(of: $0, in: option.topic) }
        let match = Match(
            outcome: .topic(option.topic), confidence: 1, facet: facet, ranking: [],
            reason: "chosen from the offered choices")
        guard let question else { return answer(responder.preparedReply(to: match, language: language)) }
        return answer(responder.reply(to: question, match: match, language: language))
    }

    /// "1", "2)", "#2", "the second one", "option 1", or words from a choice's title or id.
    func chosenOption(_ said: ConversationLine, among options: [PendingChoice.Option]) -> PendingChoice.Option? {
        let words = said.words
        // Words from a title first ("the phone one", "huabei"): "one" there is not an ordinal.
        let named = options.filter { option in
            guard let topic = kb.topic(option.topic) else { return false }
            let title =
                option.facet.flatMap { id in topic.facets.first { $0.id == id } }.map {
                    $0.title.en + " " + $0.id.replacingUnderscores
                }
                ?? topic.title.en + " " + option.topic.replacingUnderscores
            let titleWords = Set(TextNormalizer.normalize(title).pieces.filter { $0.count > 3 })
            return words.contains(where: titleWords.contains)
        }
        if named.count == 1 { return named[0] }
        if let position = kb.dialogueWords.choicePosition(words), position < options.count { return options[position] }
        for (index, names) in kb.dialogueWords.ordinals.enumerated() where index < options.count {
            if words.contains(where: names.contains) { return options[index] }
        }
        // "one" alone, or "the one above": the first choice.
        if words.contains("one") { return options[0] }
        // Otherwise the line read as a question: a topic on offer, or a facet of the one on offer.
        let match = said.match
        if case let .topic(id) = match.outcome,
            let option = options.first(where: { $0.topic == id && ($0.facet == nil || $0.facet == match.facet) })
        {
            return option
        }
        if case let .ambiguous(ids) = match.outcome,
            let option = options.first(where: { $0.facet == nil && ids.contains($0.topic) })
        {
            return option
        }
        if let topic = options.first?.topic, options.allSatisfy({ $0.facet != nil }),
            let facet = matcher.facet(of: said.features, in: topic)
        {
            return options.first { $0.facet == facet }
        }
        return nil
    }
}
