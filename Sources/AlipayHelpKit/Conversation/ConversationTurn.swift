/// What the assistant says in answer to one line of a conversation.
public struct ConversationTurn: Sendable {
    public var blocks: [ReplyBlock]
    /// How the line was understood, when it was matched at all (for `/explain`).
    public var match: Match?
    /// The person said goodbye.
    public var endsConversation = false

    public var text: String { PlainTextRenderer.render(blocks) }
}
