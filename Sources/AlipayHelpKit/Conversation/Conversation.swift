/// A conversation that remembers what was said: it resolves "did you mean 1 or 2?", reads
/// follow-ups ("and per year?") in the context of the last topic, expands the last answer on
/// "more", re-routes on "no, I meant Huabei", and points to customer service after two misses.
///
/// It knows nothing about terminals: the chat front end feeds it lines and shows its turns.
public struct Conversation: Sendable {
    public let responder: Responder
    /// The topic of the last answer, the context for follow-ups.
    public private(set) var currentTopic: String?
    /// The topics offered in the last "did you mean...?", and the question that led to it.
    public private(set) var pendingChoice: (question: String, topics: [String])?
    /// Out-of-scope replies in a row.
    public private(set) var misses = 0

    static let escalationAfterMisses = 2

    public init(responder: Responder) {
        self.responder = responder
    }

    private var matcher: IntentMatcher { responder.matcher }
    private var kb: KnowledgeBase { responder.knowledgeBase }

    public mutating func respond(to line: String) -> ConversationTurn {
        let words = TextNormalizer.normalize(line).pieces
        guard !words.isEmpty else { return ConversationTurn(blocks: []) }

        if let pending = pendingChoice {
            pendingChoice = nil
            if let topic = chosenTopic(words: words, line: line, among: pending.topics) {
                let match = Match(outcome: .topic(topic), confidence: 1, facet: matcher.facet(of: pending.question, in: topic),
                                  ranking: [], reason: "chosen from the offered topics")
                return answer(responder.reply(to: pending.question, match: match))
            }
        }
        if Self.asksForMore(words) {
            guard let topic = currentTopic else {
                return ConversationTurn(blocks: [.paragraph(ConversationText.moreWithoutContext)])
            }
            let match = Match(outcome: .topic(topic), confidence: 1, facet: nil, ranking: [], reason: "the full answer of the last topic")
            return answer(responder.fullReply(topic: topic, question: line, match: match))
        }
        if let remainder = Self.correctionRemainder(words) {
            let match = matcher.match(remainder)
            if case .topic = match.outcome { return answer(responder.reply(to: remainder, match: match)) }
        }

        let match = matcher.match(line)
        switch match.outcome {
        case .topic:
            return answer(responder.reply(to: line, match: match))
        case let .ambiguous(topics):
            misses = 0
            pendingChoice = (line, topics)
            let titles = topics.compactMap { kb.topic($0)?.title }
            return ConversationTurn(blocks: [.paragraph(ConversationText.didYouMean), .choices(titles),
                                             .paragraph(ConversationText.chooseHint(count: titles.count))], match: match)
        case let .smallTalk(id):
            let reply = responder.reply(to: line, match: match)
            return ConversationTurn(blocks: reply.blocks, match: match, endsConversation: id == "goodbye")
        case .outOfScope:
            if let topic = currentTopic, let followUp = matcher.followUp(line, topic: topic) {
                return answer(responder.reply(to: line, match: followUp))
            }
            misses += 1
            var blocks = responder.reply(to: line, match: match).blocks
            if misses >= Self.escalationAfterMisses { blocks.append(.paragraph(ConversationText.customerService)) }
            return ConversationTurn(blocks: blocks, match: match)
        }
    }

    private mutating func answer(_ reply: Reply) -> ConversationTurn {
        misses = 0
        if case let .topic(id) = reply.match.outcome { currentTopic = id }
        return ConversationTurn(blocks: reply.blocks, match: reply.match)
    }

    /// "1", "2)", "#2", "the second one", "option 1", or words from a topic's title or id.
    private func chosenTopic(words: [String], line: String, among topics: [String]) -> String? {
        let ordinals = [["1", "one", "first", "1st", "一", "第一", "第一个"], ["2", "two", "second", "2nd", "二", "第二", "第二个"],
                        ["3", "three", "third", "3rd", "三", "第三", "第三个"]]
        for (index, names) in ordinals.enumerated() where index < topics.count {
            if words.contains(where: names.contains) { return topics[index] }
        }
        let match = matcher.match(line)
        if case let .topic(id) = match.outcome, topics.contains(id) { return id }
        if case let .ambiguous(ids) = match.outcome, let id = ids.first(where: topics.contains) { return id }
        // Words from a title ("the limits one", "huabei").
        let named = topics.filter { topic in
            guard let title = kb.topic(topic)?.title else { return false }
            let titleWords = Set(TextNormalizer.normalize(title + " " + topic.replacingUnderscores).pieces.filter { $0.count > 3 })
            return words.contains(where: titleWords.contains)
        }
        return named.count == 1 ? named[0] : nil
    }

    static let moreRequests: Set<String> = ["more", "tell me more", "more please", "more details", "more info", "details",
                                            "full answer", "the full answer", "go on", "continue", "everything", "more detail",
                                            "更多", "详细", "详细点", "详细一点", "展开", "继续"]

    static func asksForMore(_ words: [String]) -> Bool {
        moreRequests.contains(words.joined(separator: " "))
    }

    /// "no, I meant Huabei" → "huabei": the words after a correction, if the line starts with one.
    static func correctionRemainder(_ words: [String]) -> String? {
        let starters: Set<String> = ["no", "nope", "not", "actually", "meant", "mean", "不是", "我是说", "我说的是"]
        guard let first = words.first, starters.contains(first) || (words.count > 1 && words[0] == "i" && ["meant", "mean"].contains(words[1])) else { return nil }
        let filler: Set<String> = ["no", "nope", "not", "that", "this", "actually", "i", "meant", "mean", "sorry", "what", "wanted", "want",
                                   "was", "asking", "about", "is", "it", "the", "one", "不是", "我是说", "我说的是"]
        let rest = words.drop { filler.contains($0) }
        return rest.isEmpty ? nil : rest.joined(separator: " ")
    }
}

extension String {
    var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
}
