/// The one entry point every front end uses (the command line's `ask`, `explain` and chat,
/// `test`, the benchmark, a server): it loads a knowledge base and its matcher, and gives
/// answers and conversations with every guard already applied, so a new front end only
/// encodes what it gets back (`ReplyEncoder`).
///
/// The guards: a line holding a verification code gets the warning alone, never an answer
/// that quotes it; a line too long to read is asked to be one question at a time; a line of
/// several questions gets an answer each. In a conversation the same guards hold, and control
/// characters typed are made visible before anything reads or repeats them.
public struct Assistant: Sendable {
    public let responder: Responder
    /// The knowledge base's files: what `check` and `test` read beyond answering.
    public let folder: KnowledgeBaseFolder

    public var knowledgeBase: KnowledgeBase { responder.knowledgeBase }
    public var matcher: IntentMatcher { responder.matcher }
    public var messages: Messages { responder.messages }

    public init(responder: Responder, folder: KnowledgeBaseFolder) {
        self.responder = responder
        self.folder = folder
    }

    /// Loads a knowledge base and its matcher. The built-in one comes with its matcher; a
    /// folder's is read from `cache` when it was trained before on the same files, else trained
    /// and kept there (a cache that cannot be written only costs the time saved).
    ///
    /// `trainingData` loads the whole knowledge base even when the matcher is stored: `test`
    /// trains matchers of its own (cross-validation, ablation) from the examples, the
    /// vocabulary and the patterns, which answering alone does not read.
    public static func load(
        _ source: KnowledgeBaseSource, cache: MatcherCache? = MatcherCache.standard(), trainingData: Bool = false
    ) throws -> Assistant {
        let folder = source.folder
        let policy = MatchPolicy()
        if case .builtIn(let builtIn) = source {
            if !trainingData, let (knowledgeBase, matcher) = try builtIn.loadForAnswering() {
                return Assistant(responder: Responder(knowledgeBase: knowledgeBase, matcher: matcher), folder: folder)
            }
            let knowledgeBase = try KnowledgeBase.load(from: folder)
            if let matcher = builtIn.matcherIfTrained(for: knowledgeBase) {
                return Assistant(responder: Responder(knowledgeBase: knowledgeBase, matcher: matcher), folder: folder)
            }
        }
        guard let cache else {
            return Assistant(
                responder: try Responder(knowledgeBase: KnowledgeBase.load(from: folder), policy: policy),
                folder: folder)
        }
        let key = cache.key(for: folder, policy: policy)
        let store = MatcherStore(folder: cache.folder)
        if trainingData {
            let knowledgeBase = try KnowledgeBase.load(from: folder)
            let matcher = try store.matcher(key: key, knowledgeBase: knowledgeBase, policy: policy, directory: folder)
            return Assistant(responder: Responder(knowledgeBase: knowledgeBase, matcher: matcher), folder: folder)
        }
        let (knowledgeBase, matcher) = try store.load(directory: folder, key: key, policy: policy)
        return Assistant(responder: Responder(knowledgeBase: knowledgeBase, matcher: matcher), folder: folder)
    }

    /// The answer to one line: one question, or several asked together (the others in `also`).
    public func answer(_ line: String, language: Language? = nil) -> Reply {
        guarded(responder.replyToEach(line, language: language))
    }

    /// `answer(_:language:)` for a line's bytes, which may be any bytes at all (a pipe's).
    public func answer(line: UnsafeBufferPointer<UInt8>, language: Language? = nil) -> Reply {
        guarded(responder.replyToEach(line: line, language: language))
    }

    /// How a question is understood (normalised text, terms, scores, the decision), and the
    /// reply it gets.
    public func explain(_ question: String, language: Language? = nil) -> ExplainedAnswer {
        let reply = responder.reply(to: question, language: language)
        let warning = SecretGuard.warningReply(replacing: reply, messages: messages)
        return ExplainedAnswer(
            explanation: QuestionExplanation(matcher: matcher, question: question), reply: warning ?? reply,
            heldACode: warning != nil)
    }

    /// A new conversation: follow-ups, choices, asking back and the guided flows, turn by turn.
    /// - Parameters:
    ///   - language: a fixed reply language, or nil to follow the person.
    ///   - startingIn: the language before the person has written anything (e.g. from the locale).
    public func conversation(language: Language? = nil, startingIn: Language = .en) -> Conversation {
        Conversation(responder: responder, language: language, startingIn: startingIn)
    }

    private func guarded(_ reply: Reply) -> Reply {
        SecretGuard.warningReply(replacing: reply, messages: messages) ?? reply
    }
}

/// What `Assistant.explain` gives: the explanation, and the reply as any front end would give it.
public struct ExplainedAnswer: Sendable {
    public var explanation: QuestionExplanation
    public var reply: Reply
    /// The question held a verification code, so the reply is the warning alone.
    public var heldACode: Bool
}
