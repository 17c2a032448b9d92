/// How well the matcher does on labelled questions, with the real threshold and ambiguity
/// handling applied: what a user would actually get.
public struct SuiteEvaluation: Sendable {
    public struct Result: Sendable {
        public var testCase: LabelledQuestion
        public var match: Match
        public var correct: Bool
        /// nil when the case names no facet.
        public var facetCorrect: Bool?
        /// nil when the case names no verdict.
        public var verdictCorrect: Bool? = nil
        /// The verdict the reply led with (`none` for none), when the case names one.
        public var verdictGot: String? = nil
    }

    public var results: [Result]

    public init(results: [Result]) {
        self.results = results
    }

    /// Through the whole responder, as `ask` answers: figures in the questions count, and the
    /// verdicts the replies lead with are checked.
    public init(responder: Responder, cases: [LabelledQuestion]) {
        results = cases.map { labelled in
            let reply = responder.reply(to: labelled.question)
            var result = Self.judge(labelled, reply.match)
            result.verdictCorrect = labelled.verdict.map {
                ($0 == "none" ? nil : $0) == reply.verdict?.outcome.rawValue
            }
            if labelled.verdict != nil { result.verdictGot = reply.verdict?.outcome.rawValue ?? "none" }
            return result
        }
    }

    static func judge(_ labelled: LabelledQuestion, _ match: Match) -> Result {
        let correct: Bool
        switch labelled.expected {
        case .outOfScope: correct = match.outcome.declines
        case let .intent(id): correct = match.intent == id
        }
        return Result(
            testCase: labelled, match: match, correct: correct,
            facetCorrect: labelled.facet.map { correct && match.facet == $0 })
    }

    /// Through the matcher alone: what the matcher makes of each question.
    public init(matcher: IntentMatcher, cases: [LabelledQuestion]) {
        results = cases.map { Self.judge($0, matcher.match($0.question)) }
    }

    private func share(_ items: [Result], _ good: (Result) -> Bool) -> Double {
        items.isEmpty ? 1 : Double(items.filter(good).count) / Double(items.count)
    }

    private var inScope: [Result] { results.filter { $0.testCase.expected != .outOfScope } }
    private var outOfScope: [Result] { results.filter { $0.testCase.expected == .outOfScope } }

    /// Share of all questions answered as labelled.
    public var accuracy: Double { share(results) { $0.correct } }
    /// Share of out-of-scope questions that were declined.
    public var outOfScopeRecall: Double { share(outOfScope) { $0.correct } }
    /// Share of in-scope questions that were wrongly declined.
    public var falseRejectionRate: Double { share(inScope) { $0.match.outcome.declines } }
    /// Share of in-scope questions answered with a clarifying question instead.
    public var ambiguityRate: Double { share(inScope) { !$0.match.candidates.isEmpty } }
    /// Among cases that name a facet, the share that got the right topic and facet.
    public var facetAccuracy: Double {
        let withFacet = results.filter { $0.facetCorrect != nil }
        return share(withFacet) { $0.facetCorrect == true }
    }

    public var failures: [Result] {
        results.filter { !$0.correct || $0.facetCorrect == false || $0.verdictCorrect == false }
    }
}
