/// What the conversation is on, for reading the next line against: the open topic (the task
/// the person is on, such as deleting the account), the facet last answered, and the question
/// that was answered, with its figures. A follow-up is read against it before it is read alone.
public struct DialogueState: Sendable, Equatable {
    public var topic: String
    public var facet: String?
    /// The last question that stood on its own: an elliptical line ("and per year?") is read
    /// joined to it, and leaves it in place for the next one.
    public var question: String
}
