extension ConversationHandler {
    /// Yes or no to the guided flow offered after the last answer ("Shall I walk you through
    /// it?"). The offer holds for one line: any other line drops it and is left to be read.
    static let offeredFlow = ConversationHandler(name: "offered flow") { line, conversation in
        conversation.answerOffer(line)
    }
}

extension Conversation {
    mutating func answerOffer(_ said: ConversationLine) -> ConversationTurn? {
        guard let offered = offeredFlow else { return nil }
        offeredFlow = nil
        switch kb.dialogueWords.yesOrNo(said.words) {
        case true?: return start(offered)
        case false?: return ConversationTurn(blocks: [.paragraph(messages.text(.offerDeclined, language))])
        case nil: return nil
        }
    }
}
