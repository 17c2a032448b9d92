import Foundation

/// Turns questions into replies: matches them, then picks the topic answer, facet, small-talk
/// reply, clarifying question or polite refusal, in the language asked for (by default the
/// question's). Replies for each outcome and language are built once.
public struct Responder: Sendable {
    public let knowledgeBase: KnowledgeBase
    public let matcher: IntentMatcher
    /// Prepared replies by language, then by topic, facet ("topic/facet") or small-talk id,
    /// each built the first time it is needed: a knowledge base of hundreds of topics would
    /// otherwise render thousands of answers at every start to give one.
    private let prepared: [Language: PreparedReplies]
    /// Each topic's position in the knowledge base, by id.
    private let topicPositions: [String: Int]
    /// The line that goes before an English answer to a question in another language.
    private let otherLanguageNote: String
    public let entityReader: EntityReader
    /// Topics with a facet that checks figures.
    private let checkingTopics: [String]

    /// A reply built once: its blocks and their plain text.
    struct Prepared: Sendable {
        var blocks: [ReplyBlock]
        var text: String

        init(_ blocks: [ReplyBlock]) {
            self.blocks = blocks
            text = PlainTextRenderer.render(blocks)
        }
    }

    /// One language's prepared replies, filled in as they are asked for; shared by the copies
    /// of a responder.
    final class PreparedReplies: @unchecked Sendable {
        private let lock = NSLock()
        private var table: [String: Prepared] = [:]
        private let make: @Sendable (String) -> Prepared?

        init(_ make: @escaping @Sendable (String) -> Prepared?) { self.make = make }

        subscript(key: String) -> Prepared? {
            lock.lock()
            defer { lock.unlock() }
            if let found = table[key] { return found }
            let made = make(key)
            if let made { table[key] = made }
            return made
        }
    }

    public init(knowledgeBase: KnowledgeBase, policy: MatchPolicy = MatchPolicy()) throws {
        self.init(
            knowledgeBase: knowledgeBase, matcher: try IntentMatcher(knowledgeBase: knowledgeBase, policy: policy))
    }

    /// A responder around a matcher already trained (or read back from a stored one).
    public init(knowledgeBase: KnowledgeBase, matcher: IntentMatcher) {
        self.knowledgeBase = knowledgeBase
        self.matcher = matcher
        entityReader = EntityReader(definitions: knowledgeBase.entities)
        checkingTopics = knowledgeBase.topics.filter { $0.facets.contains { !$0.checks.isEmpty } }.map(\.id)
        var positions: [String: Int] = [:]
        for (position, topic) in knowledgeBase.topics.enumerated() where positions[topic.id] == nil {
            positions[topic.id] = position
        }
        topicPositions = positions
        var prepared: [Language: PreparedReplies] = [:]
        for language in Language.allCases {
            prepared[language] = PreparedReplies { [positions] key in
                Self.blocks(for: key, knowledgeBase, positions, language).map(Prepared.init)
            }
        }
        self.prepared = prepared
        otherLanguageNote = knowledgeBase.messages.text(.otherLanguageNote, .en) + "\n\n"
    }

    /// What a prepared reply says: the out-of-scope reply, a small-talk reply, a topic's full
    /// answer or one facet's ("topic/facet"), the first of these that `key` names;
    /// nil for a key that names none of them.
    private static func blocks(
        for key: String, _ knowledgeBase: KnowledgeBase, _ positions: [String: Int],
        _ language: Language
    ) -> [ReplyBlock]? {
        if key == Match.outOfScopeLabel {
            return [.paragraph(knowledgeBase.outOfScope.reply.text(language))]
        }
        if key == tooLongKey { return [.paragraph(knowledgeBase.messages.text(.tooLong, language))] }
        if let intent = knowledgeBase.smallTalk.last(where: { $0.id == key }) {
            return [.paragraph(intent.reply.text(language))]
        }
        if let position = positions[key] { return fullAnswer(knowledgeBase.topics[position], language) }
        guard let slash = key.firstIndex(of: "/"), let position = positions[String(key[..<slash])] else { return nil }
        let topic = knowledgeBase.topics[position]
        guard let facet = topic.facets.last(where: { $0.id == key[key.index(after: slash)...] }) else { return nil }
        // Titles keep their case as written ("QR-code payments", the name "Huabei").
        let heading =
            language.isChinese
            ? "\(topic.title.text(language))：\(facet.title.text(language))"
            : "\(topic.title.en): \(facet.title.en)"
        return [.heading(heading), .paragraph(facet.answer.text(language))]
    }

    /// The prepared reply to a line too long to read; no id holds a space.
    private static let tooLongKey = "too long"

    private func topicNamed(_ id: String) -> Topic? { topicPositions[id].map { knowledgeBase.topics[$0] } }

    static func fullAnswer(_ topic: Topic, _ language: Language) -> [ReplyBlock] {
        var blocks: [ReplyBlock] = [
            .heading(topic.title.text(language)), .paragraph(topic.answer.summary.text(language)),
        ]
        if !topic.answer.steps.isEmpty { blocks.append(.steps(topic.answer.steps.map { $0.text(language) })) }
        if !topic.answer.notes.isEmpty { blocks.append(.notes(topic.answer.notes.map { $0.text(language) })) }
        return blocks
    }

    public var messages: Messages { knowledgeBase.messages }

    /// Answers in `language`, or in the question's language (English when it has none).
    public func reply(to question: String, language: Language? = nil) -> Reply {
        reply(to: question, match: matcher.match(question), language: language)
    }

    public func reply(to question: String, match: Match, language: Language? = nil) -> Reply {
        // The matcher already read the question's language: other languages are answered in English.
        let language = language ?? Language(rawValue: match.questionLanguage) ?? .en
        let entities = match.outcome == .tooLong ? [] : entityReader.entities(in: question)
        let match = entities.isEmpty ? match : figureMatch(question, entities, match) ?? match
        var reply = reply(to: question, match: match, in: language)
        reply.questionLanguage = match.questionLanguage
        reply.entities = entities
        if case let .topic(id) = match.outcome, let topic = topicNamed(id),
            let verdict = Verdict.make(
                question: question, entities: reply.entities, topic: topic, facet: match.facet,
                reader: entityReader, messages: messages, language: language)
        {
            // Lead with the yes or no, then the facet that holds the figures.
            var answered = reply
            if match.facet == nil { answered = preparedReply(id + "/" + verdict.facet, question, match, language) }
            let lead = verdict.lines.joined(separator: "\n\n") + "\n\n"
            reply.blocks = verdict.lines.map { .paragraph($0) } + answered.blocks
            reply.text = lead + answered.text
            reply.verdict = verdict
            if reply.match.facet == nil { reply.match.facet = verdict.facet }
        }
        // A question in a language the answers are not written in gets them in English, and a
        // line saying so.
        if Language(rawValue: match.questionLanguage) == nil, language == .en {
            reply.blocks.insert(.paragraph(messages.text(.otherLanguageNote, .en)), at: 0)
            reply.text = otherLanguageNote + reply.text
        }
        return reply
    }

    private func reply(to question: String, match: Match, in language: Language) -> Reply {
        switch match.outcome {
        case let .topic(id):
            return preparedReply(match.facet.map { id + "/" + $0 } ?? id, question, match, language)
        case let .smallTalk(id):
            return preparedReply(id, question, match, language)
        case .outOfScope:
            return preparedReply(Match.outOfScopeLabel, question, match, language)
        case .tooLong:
            return preparedReply(Self.tooLongKey, question, match, language)
        case let .ambiguous(ids) where ids.count == 1:
            // One likely topic, not sure enough to answer: ask whether it is the one.
            let title = topicNamed(ids[0])?.title.text(language) ?? ids[0]
            var reply = Reply(
                question: question, match: match,
                blocks: [
                    .paragraph(messages.text(.confirmTopic, language, ["topic": title])),
                    .paragraph(messages.text(.confirmTopicHint, language)),
                ])
            reply.language = language
            return reply
        case let .ambiguous(ids):
            let titles = ids.compactMap { topicNamed($0)?.title.text(language) }
            var reply = Reply(
                question: question, match: match,
                blocks: [
                    .paragraph(messages.text(.didYouMean, language)),
                    .choices(titles),
                    .paragraph(messages.text(.chooseHint, language, ["count": String(titles.count)])),
                ])
            reply.language = language
            return reply
        }
    }

    /// `replyToEach(_:match:language:)` for a line of input read as bytes (a batch's line is
    /// matched from its bytes, and made a string only for the reply).
    public func replyToEach(line bytes: UnsafeBufferPointer<UInt8>, language: Language? = nil) -> Reply {
        let match = matcher.match(bytes: bytes)
        return replyToEach(String(decoding: bytes, as: UTF8.self), match: match, language: language)
    }

    /// `replyToEach(_:match:language:)`, matching the line first.
    public func replyToEach(_ line: String, language: Language? = nil) -> Reply {
        replyToEach(line, match: matcher.match(line), language: language)
    }

    /// The reply to a line that may ask several questions: when every part the splitter finds
    /// is a question about a topic on its own, and they are not all the same one, the first
    /// part's reply with the others' in `also`; otherwise the reply to the whole line. The
    /// `question` stays the line as read.
    public func replyToEach(_ line: String, match: Match, language: Language? = nil) -> Reply {
        guard match.outcome != .tooLong, let questions = separateQuestions(in: line, language: language) else {
            return reply(to: line, match: match, language: language)
        }
        var first = questions[0]
        first.question = line
        first.also = Array(questions.dropFirst())
        return first
    }

    /// The replies to each question of a line that asks several, or nil when it asks one.
    public func separateQuestions(in line: String, language: Language? = nil) -> [Reply]? {
        questions(in: line, language: language)?.map {
            $0.placed ?? reply(to: $0.text, match: $0.match, language: language)
        }
    }

    /// One question of a line that asks several, as read to find it.
    public struct SeparateQuestion: Sendable {
        /// The part of the line that asks it.
        public let text: String
        /// The part matched alone.
        public let match: Match
        /// The reply, when only a figure in the part places it (a facet that checks figures).
        let placed: Reply?
    }

    /// The questions of a line that asks several, each matched once, or nil when it asks one:
    /// what `separateQuestions(in:language:)` answers, for a caller that answers each part
    /// itself from its match.
    public func questions(in line: String, language: Language? = nil) -> [SeparateQuestion]? {
        guard let parts = knowledgeBase.questionSplitter.parts(of: line) else { return nil }
        // Most lines with a separator ask one thing ("...? thanks"): match each part first and
        // stop at the first that is no question about a topic, before building any reply. A part
        // only a figure places (a facet that checks it) needs its reply to tell.
        // Shortest part first: the one that is not a question ("thanks") is usually short.
        var readings = [SeparateQuestion?](repeating: nil, count: parts.count)
        for index in parts.indices.sorted(by: { parts[$0].utf8.count < parts[$1].utf8.count }) {
            let part = parts[index]
            let match = matcher.match(part)
            if case .topic = match.outcome {
                readings[index] = SeparateQuestion(text: part, match: match, placed: nil)
                continue
            }
            guard !entityReader.entities(in: part).isEmpty else { return nil }
            let placed = reply(to: part, match: match, language: language)
            guard case .topic = placed.match.outcome else { return nil }
            readings[index] = SeparateQuestion(text: part, match: match, placed: placed)
        }
        let found = readings.map { $0! }
        let answered = found.map { $0.placed?.match ?? $0.match }
        guard Set(answered.map { ($0.intent ?? "") + "/" + ($0.facet ?? "") }).count > 1 else { return nil }
        return found
    }

    /// A question the matcher would not answer, but that names a figure and the thing a facet
    /// checks such figures for ("发一个300元的红包可以吗": an amount and red envelopes): the
    /// figure says it is about that facet, as long as the topic does not exclude what the
    /// question names (the figure and the facet's trigger stand in for its `require` terms).
    private func figureMatch(_ question: String, _ entities: [Entity], _ match: Match) -> Match? {
        if case .topic = match.outcome { return nil }
        if case .smallTalk = match.outcome { return nil }
        // The match's own reading of the question, when it is of this very question.
        let normalized = TextNormalizer.normalize(question)
        let read = match.features.flatMap {
            $0.text.wordBytes == normalized.wordBytes && $0.text.unspacedScalars == normalized.unspacedScalars
                ? $0 : nil
        }
        for (id, facet) in matcher.facetsAllowing(question, topics: checkingTopics, read: read) {
            guard let topic = topicNamed(id), let checked = topic.facets.first(where: { $0.id == facet }),
                !checked.checks.isEmpty,
                Verdict.make(
                    question: question, entities: entities, topic: Topic(checking: checked, of: topic), facet: facet,
                    reader: entityReader, messages: messages, language: .en) != nil
            else { continue }
            var found = Match(
                outcome: .topic(id),
                confidence: match.ranking.first { $0.label == id }?.probability ?? match.confidence,
                facet: facet, ranking: match.ranking,
                reason: "a figure that facet \(facet) checks, and what it is about")
            found.questionLanguage = match.questionLanguage
            return found
        }
        return nil
    }

    /// The full answer of a topic, whatever facet was asked about ("tell me more").
    public func fullReply(topic id: String, question: String, match: Match, language: Language) -> Reply {
        preparedReply(id, question, match, language)
    }

    /// The prepared answer of a match's topic or facet, with nothing read from the line (a
    /// pick from a numbered choice: its number is no figure).
    public func preparedReply(to match: Match, language: Language) -> Reply {
        guard case let .topic(id) = match.outcome else { return reply(to: "", match: match, in: language) }
        return preparedReply(match.facet.map { id + "/" + $0 } ?? id, "", match, language)
    }

    private func preparedReply(_ key: String, _ question: String, _ match: Match, _ language: Language) -> Reply {
        let table = prepared[language]!
        let entry = table[key] ?? table[Match.outOfScopeLabel]!
        var reply = Reply(
            question: question, match: match, blocks: entry.blocks, text: entry.text)
        reply.language = language
        return reply
    }
}
