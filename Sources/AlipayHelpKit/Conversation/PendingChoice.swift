/// Numbered choices the assistant has offered and is waiting for the person to pick from:
/// topics after "Did you mean...?", or a topic's facets after its whole article.
public struct PendingChoice: Sendable {
    /// One thing on offer: a topic, or one facet of it.
    public struct Option: Sendable, Equatable {
        public var topic: String
        public var facet: String?
    }

    /// The question that led to a "did you mean", answered once a topic is picked; nil when the
    /// choice is not about a question.
    public var question: String?
    public var options: [Option]

    public var topics: [String] { options.map(\.topic) }
}
