/// How well the matcher does on labelled questions, with the real threshold and ambiguity
/// handling applied: what a user would actually get.
public struct SuiteEvaluation: Sendable {
    public struct Result: Sendable {
        public var case_: LabelledQuestion
        public var match: Match
        public var correct: Bool
        /// nil when the case names no facet.
        public var facetCorrect: Bool?
    }

    public var results: [Result]

    public init(results: [Result]) {
        self.results = results
    }

    public init(matcher: IntentMatcher, cases: [LabelledQuestion]) {
        results = cases.map { labelled in
            let match = matcher.match(labelled.question)
            let correct: Bool
            switch labelled.expected {
            case .outOfScope: correct = match.outcome == .outOfScope
            case let .intent(id): correct = match.intent == id
            }
            let facetCorrect = labelled.facet.map { correct && match.facet == $0 }
            return Result(case_: labelled, match: match, correct: correct, facetCorrect: facetCorrect)
        }
    }

    private func share(_ items: [Result], _ good: (Result) -> Bool) -> Double {
        items.isEmpty ? 1 : Double(items.filter(good).count) / Double(items.count)
    }

    private var inScope: [Result] { results.filter { $0.case_.expected != .outOfScope } }
    private var outOfScope: [Result] { results.filter { $0.case_.expected == .outOfScope } }

    /// Share of all questions answered as labelled.
    public var accuracy: Double { share(results) { $0.correct } }
    /// Share of out-of-scope questions that were declined.
    public var outOfScopeRecall: Double { share(outOfScope) { $0.correct } }
    /// Share of in-scope questions that were wrongly declined.
    public var falseRejectionRate: Double { share(inScope) { $0.match.outcome == .outOfScope } }
    /// Share of in-scope questions answered with a clarifying question instead.
    public var ambiguityRate: Double { share(inScope) { !$0.match.candidates.isEmpty } }
    /// Among cases that name a facet, the share that got the right topic and facet.
    public var facetAccuracy: Double {
        let withFacet = results.filter { $0.facetCorrect != nil }
        return share(withFacet) { $0.facetCorrect == true }
    }

    public var failures: [Result] { results.filter { !$0.correct || $0.facetCorrect == false } }
}
