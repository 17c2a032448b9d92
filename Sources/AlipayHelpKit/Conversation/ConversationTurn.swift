/// What the assistant says in answer to one line of a conversation.
public struct ConversationTurn: Sendable {
    public var blocks: [ReplyBlock]
    /// How the line was understood, when it was matched at all (for `/explain`).
    public var match: Match?
    /// The person said goodbye.
    public var endsConversation = false
    /// The line was read by a guided flow (so it must not go into the history file).
    public var inFlow = false

    public var text: String { PlainTextRenderer.render(blocks) }
}
