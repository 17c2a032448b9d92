/// A piece of a reply, kept structured so a front end can style it and a pipe can print it plain.
public enum ReplyBlock: Sendable, Equatable {
    case heading(String)
    case paragraph(String)
    /// Numbered steps.
    case steps([String])
    case notes([String])
    /// Numbered choices the person can pick from.
    case choices([String])
}

/// What the assistant says to one question.
public struct Reply: Sendable {
    public var question: String
    public var match: Match
    public var blocks: [ReplyBlock]
    /// The reply as plain text, the way a person reads it in a pipe or a JSON consumer shows it.
    public var text: String
    /// The language the reply is written in.
    public var language: Language = .en
    /// The language the question was written in (`en`, `zh`, `zh-Hant`, `ja`...).
    public var questionLanguage = "en"
    /// The figures read from the question.
    public var entities: [Entity] = []
    /// The yes or no the reply leads with, when the question has a figure a check applies to.
    public var verdict: Verdict?
    /// The answers to the other questions of a line that asks several, in order.
    public var also: [Reply] = []

    public init(question: String, match: Match, blocks: [ReplyBlock]) {
        self.question = question
        self.match = match
        self.blocks = blocks
        text = PlainTextRenderer.render(blocks)
    }

    /// A reply whose blocks were rendered as `text` ahead of time.
    init(question: String, match: Match, blocks: [ReplyBlock], text: String) {
        self.question = question
        self.match = match
        self.blocks = blocks
        self.text = text
    }
}
