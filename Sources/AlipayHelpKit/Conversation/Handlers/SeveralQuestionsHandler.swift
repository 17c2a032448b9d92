extension ConversationHandler {
    /// A line of several questions, each about a topic of its own ("change my phone number and
    /// also raise my transfer limit"): each part is answered in turn, as if asked one by one.
    static let severalQuestions = ConversationHandler(name: "several questions") { line, conversation in
        conversation.answerEachQuestion(line)
    }
}

extension Conversation {
    /// Each part goes through the handlers on its own, with the match that found it kept: a
    /// part is matched once, and the whole line not at all. The first part's turn carries its
    /// match; the others add their blocks. An offered guide stays open for a yes after the last
    /// answer.
    mutating func answerEachQuestion(_ said: ConversationLine) -> ConversationTurn? {
        guard let questions = responder.questions(in: said.text, language: fixedLanguage) else { return nil }
        var turn = ConversationTurn(blocks: [])
        var offer: FlowDefinition?
        for (index, question) in questions.enumerated() {
            let answered = respond(to: ConversationLine(question.text, matcher: matcher, match: question.match))
            if index == 0 { turn = answered } else { turn.blocks += answered.blocks }
            offer = offeredFlow ?? offer
            offeredFlow = nil
        }
        offeredFlow = offer
        return turn
    }
}
