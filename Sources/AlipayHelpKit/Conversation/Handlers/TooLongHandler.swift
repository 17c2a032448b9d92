extension ConversationHandler {
    /// A line the matcher finds too long to read as one question: one question at a time,
    /// please, with whatever was going on kept.
    static let tooLong = ConversationHandler(name: "too long") { line, conversation in
        line.match.outcome == .tooLong ? conversation.declineTooLong(line.text) : nil
    }
}
