extension ConversationHandler {
    /// A follow-up read against the open topic ("and per year?", "what do I need?"), before the
    /// line is read alone: alone, such a line names no topic or the wrong one.
    static let openTopic = ConversationHandler(name: "open topic") { line, conversation in
        guard let context = conversation.context else { return nil }
        return conversation.read(line, against: context)
    }
}

extension Conversation {
    /// A line the open topic explains: a facet's follow-up phrase ("what do I need?"), a
    /// condition of the open task ("and if I still owe Huabei money?"), or an elliptical
    /// question that still reads as about the open topic once joined to the last question
    /// ("what about for foreigners?", 那一年呢？). Nil leaves the line to be read alone, so a
    /// real change of topic still changes it.
    mutating func read(_ said: ConversationLine, against context: DialogueState) -> ConversationTurn? {
        let (line, words) = (said.text, said.words)
        if let facet = followUpFacets[context.topic]?[words.joined(separator: " ")] {
            return answer(
                line, topic: context.topic, facet: facet,
                reason: "a follow-up phrase of facet \(facet), with \(context.topic) open")
        }
        // A bare figure where one is expected ("30000" after a limits answer) is "and 30000?".
        let checksFigures = kb.topic(context.topic)?.facets.contains { !$0.checks.isEmpty } ?? false
        let bareFigure = checksFigures && words.count == 1 && !responder.entityReader.entities(in: line).isEmpty
        guard let lean = kb.contextMarkers.lean(words) ?? (bareFigure ? .elliptical : nil) else { return nil }
        // A line that names another topic changes topic, unless a facet of the open one covers
        // that topic and the line asks nothing more specific about it: "and if I still owe
        // Huabei money?" while deleting the account is a deletion condition, "what about for
        // foreigners?" after limits is about limits; 那花呗怎么还款呢 asks about Huabei itself.
        let alone = said.match
        if case let .topic(named) = alone.outcome, named != context.topic {
            guard lean == .conditional || alone.facet == nil,
                let facet = kb.topic(context.topic)?.facets.first(where: { $0.coveredTopics.contains(named) })
            else { return nil }
            return answer(
                line, topic: context.topic, facet: facet.id,
                reason: "\(named) as part of the open topic, \(context.topic)")
        }
        let checking = context.facet.flatMap { id in
            kb.topic(context.topic)?.facets.first { $0.id == id && !$0.checks.isEmpty }?.id
        }
        if bareFigure {
            return answer(
                line, topic: context.topic, facet: checking, reason: "a figure, after an answer about figures")
        }
        switch lean {
        case .conditional:
            guard let facet = matcher.facet(of: said.features, in: context.topic) else { return nil }
            return answer(
                line, topic: context.topic, facet: facet, reason: "a condition of the open task, \(context.topic)")
        case .elliptical:
            let joined = context.question + " " + line
            let read = matcher.match(joined)
            guard case .topic(context.topic) = read.outcome else { return nil }
            // The part the line changes, else (for "and 300?") the facet whose figures the
            // last answer gave.
            let facet =
                matcher.facet(of: said.features, in: context.topic)
                ?? (responder.entityReader.entities(in: line).isEmpty ? read.facet : checking ?? read.facet)
            var turn = answer(line, topic: context.topic, facet: facet, reason: "the last question with a part changed")
            turn.match?.confidence = read.confidence
            return turn
        }
    }

    /// The answer to a line read against the open topic. The last question that stood on its
    /// own stays the context: follow-ups joined to follow-ups would pile up and outweigh a line
    /// that does change the topic.
    mutating func answer(_ line: String, topic: String, facet: String?, reason: String) -> ConversationTurn {
        var match = Match(outcome: .topic(topic), confidence: 1, facet: facet, ranking: [], reason: reason)
        match.questionLanguage = language.rawValue
        let question = context?.question
        let turn = answer(responder.reply(to: line, match: match, language: language))
        if let question { context?.question = question }
        return turn
    }
}
