/// What the assistant says in answer to one line of a conversation.
public struct ConversationTurn: Sendable {
    public var blocks: [ReplyBlock]
    /// How the line was understood, when it was matched at all (for `/explain`).
    public var match: Match?
    /// The person said goodbye.
    public var endsConversation = false
    /// The chat command this turn answers, if any: help, topics, explain and clearing the
    /// history are left to whoever shows the conversation.
    public var command: ChatCommand?

    public var text: String { PlainTextRenderer.render(blocks) }
}
