/// A conversation that remembers what was said: it resolves "did you mean 1 or 2?", reads
/// follow-ups ("and per year?") in the context of the last topic, expands the last answer on
/// "more", re-routes on "no, I meant Huabei", points to customer service after two misses,
/// runs guided flows, and answers in the language the person writes in.
///
/// It knows nothing of where lines come from: a front end feeds it lines and shows its turns.
public struct Conversation: Sendable {
    public let responder: Responder
    /// The open topic, facet and question: the context follow-ups are read against.
    public internal(set) var context: DialogueState?
    /// The topic of the last answer.
    public var currentTopic: String? { context?.topic }
    /// Topic → a follow-up phrase, normalised → the facet it asks for ("what do I need").
    let followUpFacets: [String: [String: String]]
    /// The choices offered in the last reply, waiting for a pick.
    public internal(set) var pendingChoice: PendingChoice?
    /// The last answer was the topic's whole article, so "more" has nothing more to show.
    public internal(set) var shownWholeArticle = false
    /// Out-of-scope replies in a row.
    public internal(set) var misses = 0
    /// The guided flow in progress, if any.
    public internal(set) var activeFlow: FlowRun?
    /// A flow offered after an answer ("Shall I walk you through it?"), waiting for yes or no.
    public internal(set) var offeredFlow: FlowDefinition?
    /// A fixed reply language, as the person chose it; nil follows the person again, from the
    /// language they last wrote in (not the one that was fixed).
    public var fixedLanguage: Language? {
        didSet { language = fixedLanguage ?? personLanguage }
    }
    /// The language of the conversation so far.
    public internal(set) var language: Language = .en
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

    var matcher: IntentMatcher { responder.matcher }
    var kb: KnowledgeBase { responder.knowledgeBase }
    var messages: Messages { kb.messages }

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

    /// The turn for a line: the first handler of `handlers` that takes it answers it, and a
    /// line none takes is answered as a question out of scope.
    mutating func respond(to said: ConversationLine) -> ConversationTurn {
        guard !said.words.isEmpty else { return ConversationTurn(blocks: []) }
        updateLanguage(said.text, words: said.words)
        activeFlow?.language = language
        for handler in Self.handlers {
            if let turn = handler.take(said, &self) { return turn }
        }
        return answerOutOfScope(said)
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

    mutating func start(_ flow: FlowDefinition) -> ConversationTurn {
        let run = FlowRun(flow: flow, messages: messages, words: kb.dialogueWords, language: language)
        activeFlow = run
        offeredFlow = nil
        context = DialogueState(topic: flow.topic, facet: nil, question: flow.title.text(language))
        misses = 0
        return ConversationTurn(blocks: run.start(), match: nil)
    }

    /// A question about the flow's topic that asks to be walked through it.
    func flow(startedBy words: [String], topic: String) -> FlowDefinition? {
        let phrase = " " + words.joined(separator: " ") + " "
        return kb.flows.first { flow in
            flow.topic == topic
                && flow.startPhrases.contains { start in
                    let key = TextNormalizer.normalize(start).pieces.joined(separator: " ")
                    return !key.isEmpty && phrase.contains(key)
                }
        }
    }

    mutating func answer(_ reply: Reply) -> ConversationTurn {
        misses = 0
        if case let .topic(id) = reply.match.outcome {
            let question = reply.question.isEmpty ? kb.topic(id)?.title.text(language) ?? id : reply.question
            context = DialogueState(topic: id, facet: reply.match.facet, question: question)
            shownWholeArticle = reply.match.facet == nil
        }
        return ConversationTurn(blocks: reply.blocks, match: reply.match)
    }
}

extension String {
    var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
}
