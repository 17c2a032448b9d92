/// One help topic: the questions it answers, its full answer, and the facets that answer a
/// narrower sub-question.
public struct Topic: Sendable {
    /// Fixed identifier, e.g. `change_phone`.
    public var id: String
    public var title: LocalizedText
    /// Concepts or words of which a question must mention at least one to be about this topic.
    public var require: [String]
    /// Concepts, words or multi-word terms that mark a question as being about something else.
    public var exclude: [String]
    /// Example questions that teach the matcher this topic (facet examples count too).
    public var examples: [String]
    /// Where each example is written, for diagnostics.
    public var exampleLocations: [SourceLocation]
    /// Phrasing patterns: spaces of further examples, sampled for training.
    public var patterns: [PhrasingPattern] = []
    public var answer: Answer
    public var facets: [Facet]
    /// The figures its answers state, each named once.
    public var figures: [Figure] = []
    /// Numbers its texts write out instead of naming a figure (`check` reports them): with the
    /// figure they are the value of, if any.
    /// Where the topic comes in menus and reports (`order:`); without one, after those with one.
    public var order: Int?
    public var literalFigures: [(text: String, figure: String?, location: SourceLocation)] = []
    public var location: SourceLocation

    public func figure(_ id: String) -> Figure? { figures.first { $0.id == id } }
}

/// The structured answer of a topic.
public struct Answer: Sendable {
    public var summary: LocalizedText
    public var steps: [LocalizedText]
    public var notes: [LocalizedText]
}

/// A sub-answer chosen when a question asks something specific about a topic.
public struct Facet: Sendable {
    public var id: String
    public var title: LocalizedText
    /// Concepts or words of which a question must mention one for this facet to be chosen.
    public var triggers: [String]
    public var examples: [String]
    public var exampleLocations: [SourceLocation]
    public var patterns: [PhrasingPattern] = []
    public var answer: LocalizedText
    /// Checks that answer a question with a figure in it with a yes or no.
    public var checks: [FigureCheck] = []
    /// Short questions that, with this facet's topic open, ask for it ("what do I need?",
    /// 要多久): too general to match alone, plain once the topic is known.
    public var followUps: [String] = []
    /// Other topics that, named in a follow-up while this facet's topic is open, are a part of
    /// it this facet covers: owing Huabei money while deleting the account is a deletion
    /// condition; limits "for foreigners" depend on verification.
    public var coveredTopics: [String] = []
    public var location: SourceLocation
}

/// A small-talk intent (greeting, thanks, goodbye, capabilities) with its short reply.
public struct SmallTalkIntent: Sendable {
    public var id: String
    public var examples: [String]
    public var exampleLocations: [SourceLocation]
    public var reply: LocalizedText
}

/// Questions the assistant must decline, and what it says when it does.
public struct OutOfScope: Sendable {
    public var examples: [String]
    public var exampleLocations: [SourceLocation]
    public var patterns: [PhrasingPattern] = []
    public var reply: LocalizedText
}

extension Topic {
    /// The topic with only one of its facets, to ask that facet's checks alone.
    init(checking facet: Facet, of topic: Topic) {
        self = topic
        facets = [facet]
    }
}
