/// How a question was understood.
public struct Match: Sendable {
    public enum Outcome: Sendable, Equatable {
        case topic(String)
        case smallTalk(String)
        case outOfScope
        /// Two or more topics are nearly tied; the ids, best first.
        case ambiguous([String])
    }

    /// One class and the probability the matcher gave it.
    public struct Score: Sendable, Equatable {
        public var label: String
        public var probability: Double
    }

    public var outcome: Outcome
    /// How sure the matcher is of `outcome`, between 0 and 1.
    public var confidence: Double
    public var facet: String?
    /// Every class, most probable first (topics ruled out by a rule have probability 0).
    public var ranking: [Score]
    /// Why the outcome was chosen, in a few words, for `explain` and `/explain`.
    public var reason: String

    /// The topic or small-talk id, or nil when out of scope or ambiguous.
    public var intent: String? {
        switch outcome {
        case let .topic(id), let .smallTalk(id): return id
        case .outOfScope, .ambiguous: return nil
        }
    }

    public var candidates: [String] {
        if case let .ambiguous(ids) = outcome { return ids }
        return []
    }
}

/// The thresholds that turn probabilities into a decision.
public struct MatchPolicy: Sendable {
    /// Below this, the best topic is not trusted and the question is declined.
    public var threshold: Double = 0.6
    /// Two topics closer than this (and the runner-up above `ambiguityFloor`) are a tie.
    public var ambiguityMargin: Double = 0.25
    public var ambiguityFloor: Double = 0.25
    /// A facet is chosen when its probability within the topic reaches this.
    public var facetThreshold: Double = 0.1

    public init() {}
}
