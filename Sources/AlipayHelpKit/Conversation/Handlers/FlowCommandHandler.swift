extension ConversationHandler {
    /// A flow's chat command (`/change-number`) starts the flow; another line starting with a
    /// slash is left to be read.
    static let flowCommand = ConversationHandler(name: "flow command") { line, conversation in
        guard line.text.hasPrefix("/") else { return nil }
        return conversation.startFlow(command: line.text.lowercased())
    }
}
