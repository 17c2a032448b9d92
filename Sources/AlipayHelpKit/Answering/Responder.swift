/// Turns questions into replies: matches them, then picks the topic answer, facet, small-talk
/// reply, clarifying question or polite refusal. Replies for each outcome are built once.
public struct Responder: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let matcher: IntentMatcher
    /// Prepared blocks and text for each topic, facet ("topic/facet") and small-talk id.
    private let prepared: [String: Prepared]

    /// A reply built once: its blocks, plain text and that text escaped for JSON.
    private struct Prepared: Sendable {
        var blocks: [ReplyBlock]
        var text: String
        var escaped: String
    }

    public init(knowledgeBase: KnowledgeBase, policy: MatchPolicy = MatchPolicy()) throws {
        self.knowledgeBase = knowledgeBase
        matcher = try IntentMatcher(knowledgeBase: knowledgeBase, policy: policy)
        var prepared: [String: Prepared] = [:]
        func add(_ key: String, _ blocks: [ReplyBlock]) {
            let text = PlainTextRenderer.render(blocks)
            var escaped = ""
            JSONLineEncoder.appendString(text, to: &escaped)
            prepared[key] = Prepared(blocks: blocks, text: text, escaped: escaped)
        }
        for topic in knowledgeBase.topics {
            add(topic.id, Self.fullAnswer(topic))
            for facet in topic.facets {
                add(topic.id + "/" + facet.id, [.heading("\(topic.title): \(facet.title.lowercasedFirst)"), .paragraph(facet.answer)])
            }
        }
        for intent in knowledgeBase.smallTalk { add(intent.id, [.paragraph(intent.reply)]) }
        add(LabelledQuestion.outOfScopeLabel, [.paragraph(knowledgeBase.outOfScope.reply)])
        self.prepared = prepared
    }

    static func fullAnswer(_ topic: Topic) -> [ReplyBlock] {
        var blocks: [ReplyBlock] = [.heading(topic.title), .paragraph(topic.answer.summary)]
        if !topic.answer.steps.isEmpty { blocks.append(.steps(topic.answer.steps)) }
        if !topic.answer.notes.isEmpty { blocks.append(.notes(topic.answer.notes)) }
        return blocks
    }

    public func reply(to question: String) -> Reply {
        reply(to: question, match: matcher.match(question))
    }

    public func reply(to question: String, match: Match) -> Reply {
        switch match.outcome {
        case let .topic(id):
            return preparedReply(match.facet.map { id + "/" + $0 } ?? id, question, match)
        case let .smallTalk(id):
            return preparedReply(id, question, match)
        case .outOfScope:
            return preparedReply(LabelledQuestion.outOfScopeLabel, question, match)
        case let .ambiguous(ids):
            let titles = ids.compactMap { knowledgeBase.topic($0)?.title }
            return Reply(question: question, match: match, blocks: [
                .paragraph("I'm not sure which of these you mean:"),
                .choices(titles),
                .paragraph("Please ask again and name the one you want."),
            ])
        }
    }

    /// The full answer of a topic, whatever facet was asked about ("tell me more").
    public func fullReply(topic id: String, question: String, match: Match) -> Reply {
        preparedReply(id, question, match)
    }

    private func preparedReply(_ key: String, _ question: String, _ match: Match) -> Reply {
        let entry = prepared[key] ?? prepared[LabelledQuestion.outOfScopeLabel]!
        return Reply(question: question, match: match, blocks: entry.blocks, text: entry.text, escapedText: entry.escaped)
    }
}

extension String {
    var lowercasedFirst: String {
        guard let first = first else { return self }
        return first.lowercased() + dropFirst()
    }
}
