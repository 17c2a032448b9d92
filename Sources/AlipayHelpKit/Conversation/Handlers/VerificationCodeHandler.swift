extension ConversationHandler {
    /// A verification code is never wanted and never kept, in a flow or out of one: a warning,
    /// and the flow's step again. After an answer about figures (limits, instalments) a bare
    /// number is the person's own figure, not a code.
    static let verificationCode = ConversationHandler(name: "verification code") { line, conversation in
        conversation.warnOfVerificationCode(line)
    }
}

extension Conversation {
    mutating func warnOfVerificationCode(_ said: ConversationLine) -> ConversationTurn? {
        let expectingFigure =
            activeFlow == nil && currentTopic.flatMap { kb.topic($0) }.map { !$0.figures.isEmpty } == true
        guard SecretGuard.looksLikeVerificationCode(said.text, expectingFigure: expectingFigure) else { return nil }
        return ConversationTurn(
            blocks: [.paragraph(messages.text(.codeWarning, language))] + (activeFlow?.resumeBlocks() ?? []))
    }
}
