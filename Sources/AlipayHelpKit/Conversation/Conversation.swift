/// A conversation that remembers what was said: it resolves "did you mean 1 or 2?", reads
/// follow-ups ("and per year?") in the context of the last topic, expands the last answer on
/// "more", re-routes on "no, I meant Huabei", points to customer service after two misses,
/// runs guided flows, and answers in the language the person writes in.
///
/// It knows nothing of where lines come from: a front end feeds it lines and shows its turns.
public struct Conversation: Sendable {
    public let responder: Responder
    /// The open topic, facet and question: the context follow-ups are read against.
    public private(set) var context: DialogueState?
    /// The topic of the last answer.
    public var currentTopic: String? { context?.topic }
    /// Topic → a follow-up phrase, normalised → the facet it asks for ("what do I need").
    private let followUpFacets: [String: [String: String]]
    /// The choices offered in the last reply, waiting for a pick.
    public private(set) var pendingChoice: PendingChoice?
    /// The last answer was the topic's whole article, so "more" has nothing more to show.
    public private(set) var shownWholeArticle = false
    /// Out-of-scope replies in a row.
    public private(set) var misses = 0
    /// The guided flow in progress, if any.
    public private(set) var activeFlow: FlowRun?
    /// A flow offered after an answer ("Shall I walk you through it?"), waiting for yes or no.
    public private(set) var offeredFlow: FlowDefinition?
    /// A fixed reply language, as the person chose it; nil follows the person again, from the
    /// language they last wrote in (not the one that was fixed).
    public var fixedLanguage: Language? {
        didSet { language = fixedLanguage ?? personLanguage }
    }
    /// The language of the conversation so far.
    public private(set) var language: Language = .en
    /// The language the person last wrote in, whatever the replies were fixed to.
    private var personLanguage: Language = .en

    static let escalationAfterMisses = 2

    /// - Parameters:
    ///   - language: a fixed reply language, or nil to follow the person.
    ///   - startingIn: the language before the person has written anything (e.g. from the locale).
    public init(responder: Responder, language: Language? = nil, startingIn: Language = .en) {
        self.responder = responder
        fixedLanguage = language
        personLanguage = startingIn
        var followUps: [String: [String: String]] = [:]
        for topic in responder.knowledgeBase.topics {
            for facet in topic.facets {
                for phrase in facet.followUps {
                    followUps[topic.id, default: [:]][TextNormalizer.normalize(phrase).pieces.joined(separator: " ")] =
                        facet.id
                }
            }
        }
        followUpFacets = followUps
        self.language = language ?? startingIn
    }

    /// The step the person is at in a flow, e.g. `new_number`.
    public var currentFlowStep: String? { activeFlow?.currentStepID }

    private var matcher: IntentMatcher { responder.matcher }
    private var kb: KnowledgeBase { responder.knowledgeBase }
    private var messages: Messages { kb.messages }

    /// Follows the person's language, unless it is fixed. Lines with no words ("2", "?") and
    /// one-word English answers to a Chinese question ("ok", "yes" in a flow) keep the language.
    private mutating func updateLanguage(_ line: String, words: [String]) {
        guard let detected = Language.detect(line) else { return }
        let answering = activeFlow != nil || offeredFlow != nil || pendingChoice != nil
        if detected == .en && personLanguage.isChinese && words.count <= 1 && answering { return }
        personLanguage = detected
        language = fixedLanguage ?? detected
    }

    /// The reply to one line, typed without white space around it: a chat command
    /// (`ChatCommand`) is carried out, anything else is read once and answered. Control
    /// characters typed or pasted are made visible first: a reply that repeats the line must
    /// never replay them to a terminal.
    public mutating func respond(to typed: String) -> ConversationTurn {
        let line = ControlCharacters.mayHoldUnsafe(typed) ? ControlCharacters.visible(typed) : typed
        if let command = ChatCommand(line, flows: kb.flows) { return carryOut(command) }
        if IntentMatcher.isTooLong(line) { return declineTooLong(line) }
        return respond(to: ConversationLine(line, matcher: matcher))
    }

    /// A pasted text or a run of questions, too long to read as one: ask for one question at a
    /// time, in the conversation's language, and keep whatever was going on (a guide's step).
    private func declineTooLong(_ line: String) -> ConversationTurn {
        let match = matcher.match(line)
        let reply = responder.reply(to: line, match: match, language: language)
        return ConversationTurn(blocks: reply.blocks + (activeFlow?.resumeBlocks() ?? []), match: match)
    }

    private mutating func respond(to said: ConversationLine) -> ConversationTurn {
        let (line, words) = (said.text, said.words)
        guard !words.isEmpty else { return ConversationTurn(blocks: []) }
        updateLanguage(line, words: words)
        activeFlow?.language = language

        // A verification code is never wanted and never kept, in a flow or out of one. After an
        // answer about figures (limits, instalments) a bare number is the person's own figure.
        let expectingFigure =
            activeFlow == nil && currentTopic.flatMap { kb.topic($0) }.map { !$0.figures.isEmpty } == true
        if SecretGuard.looksLikeVerificationCode(line, expectingFigure: expectingFigure) {
            return ConversationTurn(
                blocks: [.paragraph(messages.text(.codeWarning, language))] + (activeFlow?.resumeBlocks() ?? []))
        }
        if activeFlow != nil { return continueFlow(said) }
        if line.hasPrefix("/"), let turn = startFlow(command: line.lowercased()) { return turn }
        // Several questions in one line: an answer each, in order, as if asked one by one.
        if responder.separateQuestions(in: line, language: fixedLanguage) != nil,
            let parts = kb.questionSplitter.parts(of: line)
        {
            var turn = ConversationTurn(blocks: [])
            var offer: FlowDefinition?
            for (index, part) in parts.enumerated() {
                let answered = respond(to: ConversationLine(part, matcher: matcher))
                if index == 0 { turn = answered } else { turn.blocks += answered.blocks }
                // An offered guide stays open for a yes after the last answer.
                offer = offeredFlow ?? offer
                offeredFlow = nil
            }
            offeredFlow = offer
            return turn
        }
        if let offered = offeredFlow {
            offeredFlow = nil
            switch kb.dialogueWords.yesOrNo(words) {
            case true?: return start(offered)
            case false?: return ConversationTurn(blocks: [.paragraph(messages.text(.offerDeclined, language))])
            case nil: break
            }
        }
        if let pending = pendingChoice {
            pendingChoice = nil
            let confirmed = pending.options.count == 1 && kb.dialogueWords.yesOrNo(words) == true
            if let option = confirmed ? pending.options[0] : chosenOption(said, among: pending.options) {
                return answer(chosen: option, question: pending.question)
            }
        }
        // "1" with no choice on offer: say so, rather than decline it as a question.
        if kb.dialogueWords.choicePosition(words) != nil {
            return ConversationTurn(blocks: [.paragraph(messages.text(.nothingToChoose, language))])
        }
        if kb.dialogueWords.asksForMore(words) {
            guard let topic = currentTopic else {
                return ConversationTurn(blocks: [.paragraph(messages.text(.moreWithoutContext, language))])
            }
            if shownWholeArticle { return moreAfterWholeArticle(topic) }
            let match = Match(
                outcome: .topic(topic), confidence: 1, facet: nil, ranking: [],
                reason: "the full answer of the last topic")
            return answer(responder.fullReply(topic: topic, question: line, match: match, language: language))
        }
        if let remainder = kb.dialogueWords.correctionRemainder(words) {
            let match = matcher.match(remainder)
            if case .topic = match.outcome {
                return answer(responder.reply(to: remainder, match: match, language: language))
            }
        }

        if let context, let turn = read(said, against: context) { return turn }

        let match = matcher.match(said.features)
        switch match.outcome {
        case let .topic(id):
            if let flow = flow(startedBy: words, topic: id) { return start(flow) }
            var turn = answer(responder.reply(to: line, match: match, language: language))
            if match.facet == nil, let flow = kb.flows.first(where: { $0.topic == id }), let offer = flow.offer {
                turn.blocks.append(.paragraph(offer.text(language)))
                offeredFlow = flow
            }
            return turn
        case let .ambiguous(topics):
            // A line too vague to lean anywhere ("my account has a problem") gets the list of
            // topics, not a guess at one.
            if kb.vagueLines.isVague(words) { return askWhichTopic(match) }
            misses = 0
            pendingChoice = PendingChoice(question: line, options: topics.map { PendingChoice.Option(topic: $0) })
            return ConversationTurn(
                blocks: responder.reply(to: line, match: match, language: language).blocks, match: match)
        case let .smallTalk(id):
            if kb.vagueLines.isVague(words) { return askWhichTopic(match) }
            let reply = responder.reply(to: line, match: match, language: language)
            return ConversationTurn(blocks: reply.blocks, match: match, endsConversation: id == "goodbye")
        case .tooLong:
            return declineTooLong(line)
        case .outOfScope:
            if let topic = currentTopic, let followUp = matcher.followUp(said.features, topic: topic) {
                return answer(responder.reply(to: line, match: followUp, language: language))
            }
            if kb.vagueLines.isVague(words) { return askWhichTopic(match) }
            let reply = responder.reply(to: line, match: match, language: language)
            // A figure and what it is for ("pay 30000 by QR code, is that ok?") is answered.
            if case .topic = reply.match.outcome { return answer(reply) }
            misses += 1
            var blocks = reply.blocks
            if misses >= Self.escalationAfterMisses {
                blocks.append(.paragraph(messages.text(.customerService, language)))
            }
            return ConversationTurn(blocks: blocks, match: match)
        }
    }

    // MARK: Chat commands

    /// Carries out a chat command: the reply language, the goodbye and an unknown command here;
    /// help, topics, explain and the history are left to whoever shows the conversation.
    private mutating func carryOut(_ command: ChatCommand) -> ConversationTurn {
        var turn = ConversationTurn(blocks: [])
        turn.command = command
        switch command {
        case .help, .topics, .explain:
            break
        case let .language(choice):
            turn.blocks = [.paragraph(fixLanguage(choice))]
        case .clearHistory:
            turn.blocks = [.paragraph(messages.text(.historyCleared, language))]
        case .historyHint:
            turn.blocks = [.paragraph(messages.text(.historyHint, language))]
        case .quit:
            turn.blocks = [.paragraph(messages.text(.goodbye, language))]
            turn.endsConversation = true
        case let .unknown(name):
            turn.blocks = [.paragraph(unknownCommand(name))]
        }
        return turn
    }

    /// `/lang en`, `zh`, `zh-hant` or `auto`: fixes the reply language, or says how to.
    private mutating func fixLanguage(_ choice: String?) -> String {
        switch choice {
        case "en"?: fixedLanguage = .en
        case "zh"?: fixedLanguage = .zh
        case "zh-hant"?: fixedLanguage = .zhHant
        case "auto"?: fixedLanguage = nil
        default: return messages.text(.languageHint, language)
        }
        let shown =
            fixedLanguage.map { ["en": "English (en)", "zh": "中文 (zh)", "zh-Hant": "繁體中文 (zh-Hant)"][$0.rawValue]! }
            ?? "auto"
        return messages.text(.languageSet, fixedLanguage ?? language, ["language": shown])
    }

    /// An unknown command, with the nearest real one (a typo) and where to find them all.
    private func unknownCommand(_ name: String) -> String {
        let suggestion = (ChatCommand.all.map { String($0.name.split(separator: " ")[0]) } + kb.flows.map(\.command))
            .map { ($0, Lexicon.distance(name, $0, limit: 2)) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }?.0
        var reply = messages.text(.unknownCommand, language, ["command": name])
        if let suggestion { reply += " " + messages.text(.didYouMeanCommand, language, ["command": suggestion]) }
        return reply + " /help"
    }

    // MARK: Flows

    /// Ends the flow in progress, as "cancel" typed at a step does (the chat's Ctrl-C); nil
    /// when no flow is running.
    public mutating func cancelFlow() -> ConversationTurn? {
        guard var run = activeFlow else { return nil }
        run.language = language
        activeFlow = nil
        return ConversationTurn(blocks: run.cancelled())
    }

    /// Starts the flow with this chat command (`/change-number`), if there is one.
    public mutating func startFlow(command: String) -> ConversationTurn? {
        guard let flow = kb.flows.first(where: { $0.command == command }) else { return nil }
        return start(flow)
    }

    private mutating func start(_ flow: FlowDefinition) -> ConversationTurn {
        let run = FlowRun(flow: flow, messages: messages, words: kb.dialogueWords, language: language)
        activeFlow = run
        offeredFlow = nil
        context = DialogueState(topic: flow.topic, facet: nil, question: flow.title.text(language))
        misses = 0
        return ConversationTurn(blocks: run.start(), match: nil)
    }

    /// A question about the flow's topic that asks to be walked through it.
    private func flow(startedBy words: [String], topic: String) -> FlowDefinition? {
        let phrase = " " + words.joined(separator: " ") + " "
        return kb.flows.first { flow in
            flow.topic == topic
                && flow.startPhrases.contains { start in
                    let key = TextNormalizer.normalize(start).pieces.joined(separator: " ")
                    return !key.isEmpty && phrase.contains(key)
                }
        }
    }

    /// The line goes to the flow first; a question that is not an answer is answered, then the
    /// flow resumes at the same step with what was already answered kept.
    private mutating func continueFlow(_ said: ConversationLine) -> ConversationTurn {
        guard var run = activeFlow else { return ConversationTurn(blocks: []) }
        let line = said.text
        switch run.handle(line, words: said.words) {
        case let .handled(blocks):
            activeFlow = run
            return ConversationTurn(blocks: blocks)
        case let .ended(blocks):
            activeFlow = nil
            return ConversationTurn(blocks: blocks)
        case .notAnAnswer:
            activeFlow = run
            var match = matcher.match(said.features)
            if match.outcome == .outOfScope, let followUp = matcher.followUp(said.features, topic: run.flow.topic) {
                match = followUp  // "how long does it take?" in the middle of the guide is about its topic
            }
            switch match.outcome {
            case .topic:
                return ConversationTurn(
                    blocks: responder.reply(to: line, match: match, language: language).blocks + run.resumeBlocks(),
                    match: match)
            case let .smallTalk(id):
                let reply = responder.reply(to: line, match: match, language: language).blocks
                if id == "goodbye" {
                    activeFlow = nil
                    return ConversationTurn(blocks: reply, match: match, endsConversation: true)
                }
                return ConversationTurn(blocks: reply + run.resumeBlocks(), match: match)
            case .outOfScope, .ambiguous, .tooLong:
                guard case let .handled(blocks) = run.invalid() else { return ConversationTurn(blocks: []) }
                activeFlow = run
                return ConversationTurn(blocks: blocks, match: match)
            }
        }
    }

    private mutating func answer(_ reply: Reply) -> ConversationTurn {
        misses = 0
        if case let .topic(id) = reply.match.outcome {
            let question = reply.question.isEmpty ? kb.topic(id)?.title.text(language) ?? id : reply.question
            context = DialogueState(topic: id, facet: reply.match.facet, question: question)
            shownWholeArticle = reply.match.facet == nil
        }
        return ConversationTurn(blocks: reply.blocks, match: reply.match)
    }

    // MARK: Reading a line against the open topic

    /// A line the open topic explains: a facet's follow-up phrase ("what do I need?"), a
    /// condition of the open task ("and if I still owe Huabei money?"), or an elliptical
    /// question that still reads as about the open topic once joined to the last question
    /// ("what about for foreigners?", 那一年呢？). Nil leaves the line to be read alone, so a
    /// real change of topic still changes it.
    private mutating func read(_ said: ConversationLine, against context: DialogueState) -> ConversationTurn? {
        let (line, words) = (said.text, said.words)
        if let facet = followUpFacets[context.topic]?[words.joined(separator: " ")] {
            return answer(
                line, topic: context.topic, facet: facet,
                reason: "a follow-up phrase of facet \(facet), with \(context.topic) open")
        }
        // A bare figure where one is expected ("30000" after a limits answer) is "and 30000?".
        let checksFigures = kb.topic(context.topic)?.facets.contains { !$0.checks.isEmpty } ?? false
        let bareFigure = checksFigures && words.count == 1 && !responder.entityReader.entities(in: line).isEmpty
        guard let lean = kb.contextMarkers.lean(words) ?? (bareFigure ? .elliptical : nil) else { return nil }
        // A line that names another topic changes topic, unless a facet of the open one covers
        // that topic and the line asks nothing more specific about it: "and if I still owe
        // Huabei money?" while deleting the account is a deletion condition, "what about for
        // foreigners?" after limits is about limits; 那花呗怎么还款呢 asks about Huabei itself.
        let alone = matcher.match(said.features)
        if case let .topic(named) = alone.outcome, named != context.topic {
            guard lean == .conditional || alone.facet == nil,
                let facet = kb.topic(context.topic)?.facets.first(where: { $0.coveredTopics.contains(named) })
            else { return nil }
            return answer(
                line, topic: context.topic, facet: facet.id,
                reason: "\(named) as part of the open topic, \(context.topic)")
        }
        let checking = context.facet.flatMap { id in
            kb.topic(context.topic)?.facets.first { $0.id == id && !$0.checks.isEmpty }?.id
        }
        if bareFigure {
            return answer(
                line, topic: context.topic, facet: checking, reason: "a figure, after an answer about figures")
        }
        switch lean {
        case .conditional:
            guard let facet = matcher.facet(of: said.features, in: context.topic) else { return nil }
            return answer(
                line, topic: context.topic, facet: facet, reason: "a condition of the open task, \(context.topic)")
        case .elliptical:
            let joined = context.question + " " + line
            let read = matcher.match(joined)
            guard case .topic(context.topic) = read.outcome else { return nil }
            // The part the line changes, else (for "and 300?") the facet whose figures the
            // last answer gave.
            let facet =
                matcher.facet(of: said.features, in: context.topic)
                ?? (responder.entityReader.entities(in: line).isEmpty ? read.facet : checking ?? read.facet)
            var turn = answer(line, topic: context.topic, facet: facet, reason: "the last question with a part changed")
            turn.match?.confidence = read.confidence
            return turn
        }
    }

    /// The answer to a line read against the open topic. The last question that stood on its
    /// own stays the context: follow-ups joined to follow-ups would pile up and outweigh a line
    /// that does change the topic.
    private mutating func answer(_ line: String, topic: String, facet: String?, reason: String) -> ConversationTurn {
        var match = Match(outcome: .topic(topic), confidence: 1, facet: facet, ranking: [], reason: reason)
        match.questionLanguage = language.rawValue
        let question = context?.question
        let turn = answer(responder.reply(to: line, match: match, language: language))
        if let question { context?.question = question }
        return turn
    }

    /// The answer to a pick: the question that led to "did you mean" read against the topic
    /// picked, or the facet picked.
    private mutating func answer(chosen option: PendingChoice.Option, question: String?) -> ConversationTurn {
        let facet = option.facet ?? question.flatMap { matcher.facet(of: $0, in: option.topic) }
        let match = Match(
            outcome: .topic(option.topic), confidence: 1, facet: facet, ranking: [],
            reason: "chosen from the offered choices")
        guard let question else { return answer(responder.preparedReply(to: match, language: language)) }
        return answer(responder.reply(to: question, match: match, language: language))
    }

    /// A line about the account that says too little ("it doesn't work"): which topic is it
    /// about? The topics as a choice; a pick answers with that topic's article.
    private mutating func askWhichTopic(_ match: Match) -> ConversationTurn {
        misses = 0
        pendingChoice = PendingChoice(question: nil, options: kb.topics.map { PendingChoice.Option(topic: $0.id) })
        return ConversationTurn(
            blocks: [
                .paragraph(messages.text(.whichTopic, language)),
                .choices(kb.topics.map { $0.title.text(language) }),
                .paragraph(messages.text(.chooseHint, language, ["count": String(kb.topics.count)])),
            ], match: match)
    }

    /// "more" after the whole article: there is no more, so say so and offer the topic's facets
    /// to pick from, and its guided flow if it has one.
    private mutating func moreAfterWholeArticle(_ topicID: String) -> ConversationTurn {
        guard let topic = kb.topic(topicID) else { return ConversationTurn(blocks: []) }
        var blocks: [ReplyBlock] = [
            .paragraph(messages.text(.moreAfterWholeArticle, language, ["topic": topic.title.text(language)]))
        ]
        if !topic.facets.isEmpty {
            blocks.append(.choices(topic.facets.map { $0.title.text(language) }))
            blocks.append(.paragraph(messages.text(.choosePartHint, language, ["count": String(topic.facets.count)])))
            pendingChoice = PendingChoice(
                question: nil, options: topic.facets.map { PendingChoice.Option(topic: topicID, facet: $0.id) })
        }
        if let flow = kb.flows.first(where: { $0.topic == topicID }), let offer = flow.offer {
            blocks.append(.paragraph(offer.text(language)))
            offeredFlow = flow
        }
        return ConversationTurn(blocks: blocks)
    }

    /// "1", "2)", "#2", "the second one", "option 1", or words from a choice's title or id.
    private func chosenOption(_ said: ConversationLine, among options: [PendingChoice.Option]) -> PendingChoice.Option?
    {
        let words = said.words
        // Words from a title first ("the phone one", "huabei"): "one" there is not an ordinal.
        let named = options.filter { option in
            guard let topic = kb.topic(option.topic) else { return false }
            let title =
                option.facet.flatMap { id in topic.facets.first { $0.id == id } }.map {
                    $0.title.en + " " + $0.id.replacingUnderscores
                }
                ?? topic.title.en + " " + option.topic.replacingUnderscores
            let titleWords = Set(TextNormalizer.normalize(title).pieces.filter { $0.count > 3 })
            return words.contains(where: titleWords.contains)
        }
        if named.count == 1 { return named[0] }
        if let position = kb.dialogueWords.choicePosition(words), position < options.count { return options[position] }
        for (index, names) in kb.dialogueWords.ordinals.enumerated() where index < options.count {
            if words.contains(where: names.contains) { return options[index] }
        }
        // "one" alone, or "the one above": the first choice.
        if words.contains("one") { return options[0] }
        // Otherwise the line read as a question: a topic on offer, or a facet of the one on offer.
        let match = matcher.match(said.features)
        if case let .topic(id) = match.outcome,
            let option = options.first(where: { $0.topic == id && ($0.facet == nil || $0.facet == match.facet) })
        {
            return option
        }
        if case let .ambiguous(ids) = match.outcome,
            let option = options.first(where: { $0.facet == nil && ids.contains($0.topic) })
        {
            return option
        }
        if let topic = options.first?.topic, options.allSatisfy({ $0.facet != nil }),
            let facet = matcher.facet(of: said.features, in: topic)
        {
            return options.first { $0.facet == facet }
        }
        return nil
    }
}

extension String {
    var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
}
