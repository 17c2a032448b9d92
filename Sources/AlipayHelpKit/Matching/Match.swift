/// How a question was understood.
public struct Match: Sendable {
    public enum Outcome: Sendable, Equatable {
        case topic(String)
        case smallTalk(String)
        case outOfScope
        /// Two or more topics are nearly tied; the ids, best first.
        case ambiguous([String])
        /// Longer than any question (`IntentMatcher.longestQuestion`): not read, and the person
        /// is asked for one question at a time.
        case tooLong

        /// Whether the assistant declines to answer: out of scope, or too long to read.
        public var declines: Bool { self == .outOfScope || self == .tooLong }
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
    public var ranking: Ranking
    /// Why the outcome was chosen, in a few words, for `explain` and `/explain`.
    public var reason: String {
        get { why.description }
        set { why = .text(newValue) }
    }
    /// The reason, put into words only when read: most answers never show it.
    private var why: Reason
    /// The language the question is written in (`en`, `zh`, `zh-Hant`, or a language file's code).
    public var questionLanguage = "en"
    /// What the matcher read in the question, kept so a second look (a figure's facet) need
    /// not read it again.
    var features: QuestionFeatures? {
        get { read?.features }
        set { read = newValue.map(ReadQuestion.init) }
    }
    /// Boxed: a match is copied several times on its way to a reply, and the features are a
    /// dozen arrays, each retained and released at every copy.
    private var read: ReadQuestion?

    private final class ReadQuestion: Sendable {
        let features: QuestionFeatures
        init(_ features: QuestionFeatures) { self.features = features }
    }

    public init(outcome: Outcome, confidence: Double, facet: String?, ranking: Ranking, reason: String) {
        self.init(outcome: outcome, confidence: confidence, facet: facet, ranking: ranking, why: .text(reason))
    }

    init(outcome: Outcome, confidence: Double, facet: String?, ranking: Ranking, why: Reason) {
        self.outcome = outcome
        self.confidence = confidence
        self.facet = facet
        self.ranking = ranking
        self.why = why
    }

    /// Narrows an answered topic to one of its facets, the one `facet` chose.
    mutating func narrow(to facet: FacetSelector.Choice) {
        self.facet = facet.id
        why = .facet(id: facet.id, probability: facet.probability)
    }

    /// The reasons the matcher gives, with what each needs to be said.
    enum Reason: Sendable, CustomStringConvertible {
        case text(String)
        /// A facet chosen with this probability against a general question.
        case facet(id: String, probability: Double)
        /// The likeliest topic, not likely enough to answer but enough to ask about.
        case notSure(label: String, probability: Double, threshold: Double)
        /// The best guess, below the threshold.
        case belowThreshold(label: String, threshold: Double)
        /// A line of this many bytes, longer than any question.
        case tooLong(bytes: Int)

        var description: String {
            switch self {
            case let .text(text):
                return text
            case let .facet(id, probability):
                return "facet \(id): " + FacetSelector.Choice(id: id, probability: probability).why
            case let .notSure(label, probability, threshold):
                return "not sure enough to answer (\(label) at \(IntentMatcher.percent(probability)), below the "
                    + "\(IntentMatcher.percent(threshold)) threshold), so ask"
            case let .belowThreshold(label, threshold):
                return "the best guess, \(label), is below the \(threshold) threshold"
            case let .tooLong(bytes):
                return "\(bytes) bytes, longer than the \(IntentMatcher.longestQuestion) a question may hold: not read"
            }
        }
    }

    /// The label of the out-of-scope class, in suites, rankings and examples.
    public static let outOfScopeLabel = "out_of_scope"

    /// The confidence as people read it, a whole percentage ("87%"); JSON Lines keep their
    /// three-decimal number (`JSONLineEncoder.formatConfidence`), a contract with programs.
    public var confidenceInPercent: String {
        IntentMatcher.percent(confidence.isFinite ? min(max(confidence, 0), 1) : 0)
    }

    /// The topic or small-talk id, or nil when out of scope or ambiguous.
    public var intent: String? {
        switch outcome {
        case let .topic(id), let .smallTalk(id): return id
        case .outOfScope, .ambiguous, .tooLong: return nil
        }
    }

    public var candidates: [String] {
        if case let .ambiguous(ids) = outcome { return ids }
        return []
    }

    /// Classes and their probabilities, most probable first. The matcher's ranking is read from
    /// its probabilities and their order when asked for: with hundreds of topics, making a score
    /// for every class of every question, for the few that are ever read, costs a large part of
    /// the time a question takes (measured with the benchmark's 200-topic knowledge base).
    public struct Ranking: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
        private enum Storage: Sendable {
            case scores([Score])
            /// Each class's label and probability, and the class numbers best first.
            case classes(labels: [String], probabilities: [Float], order: [Int])
        }

        private let storage: Storage

        public init(_ scores: [Score]) { storage = .scores(scores) }
        public init(arrayLiteral scores: Score...) { storage = .scores(scores) }
        init(labels: [String], probabilities: [Float], order: [Int]) {
            storage = .classes(labels: labels, probabilities: probabilities, order: order)
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int {
            switch storage {
            case let .scores(scores): scores.count
            case let .classes(_, _, order): order.count
            }
        }

        public subscript(position: Int) -> Score {
            switch storage {
            case let .scores(scores): scores[position]
            case let .classes(labels, probabilities, order):
                Score(label: labels[order[position]], probability: Double(probabilities[order[position]]))
            }
        }
    }
}

extension Match.Outcome {
    /// The kind of outcome, as JSON Lines name it: `topic`, `small_talk`, `out_of_scope`,
    /// `ambiguous`, `too_long`.
    public var kind: String {
        switch self {
        case .topic: return "topic"
        case .smallTalk: return "small_talk"
        case .outOfScope: return "out_of_scope"
        case .ambiguous: return "ambiguous"
        case .tooLong: return "too_long"
        }
    }

    /// The class it names, as suites and reports label answers: the topic or small-talk id,
    /// `out_of_scope` (a line too long to read is declined too), or `ambiguous`.
    public var label: String {
        switch self {
        case let .topic(id), let .smallTalk(id): return id
        case .outOfScope, .tooLong: return Match.outOfScopeLabel
        case .ambiguous: return "ambiguous"
        }
    }
}

/// The knowledge-base rules the matcher applies on top of the classifier; each can be turned
/// off to measure what it is worth (an ablation).
public struct MatchRules: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// A topic that names none of its `require` concepts is less likely, and is asked about at
    /// most, never answered outright.
    public static let require = MatchRules(rawValue: 1)
    /// A topic is ruled out by one of its `exclude` concepts.
    public static let exclude = MatchRules(rawValue: 2)
    /// A question naming another app, and not Alipay, is declined.
    public static let otherProduct = MatchRules(rawValue: 4)
    public static let all: MatchRules = [.require, .exclude, .otherProduct]
    public static let named: [(name: String, rule: MatchRules)] = [
        ("require", .require), ("exclude", .exclude), ("other-product", .otherProduct),
    ]
}

/// The thresholds that turn probabilities into a decision.
public struct MatchPolicy: Sendable {
    /// Below this, the best topic is not trusted enough to answer outright.
    public var threshold: Double = 0.5
    /// Between this and `threshold`, the assistant asks whether the likeliest topic (or two)
    /// is what was meant, instead of declining; below it, it declines.
    public var askThreshold: Double = 0.45
    public var rules: MatchRules = .all
    /// How much unseen material dilutes the evidence (see `FeatureSpace`); changes need retraining.
    public var unknownShare: Float = 0.5
    /// Two topics closer than this (and the runner-up above `ambiguityFloor`) are a tie.
    public var ambiguityMargin: Double = 0.25
    public var ambiguityFloor: Double = 0.25
    /// The tie margin when the question names words each of the two topics requires.
    public var namedAmbiguityMargin: Double = 0.35
    /// A facet is chosen when its probability within the topic reaches this.
    public var facetThreshold: Double = 0.1
    /// What naming none of a topic's `require` concepts takes from its score (a logit, so e^-x
    /// of its odds): a word the vocabulary lacks costs the topic its certainty, not its chance.
    public var missingRequirementPenalty: Float = 3
    /// The classifier's scores are divided by this before they become probabilities: above 1,
    /// confidence is tempered to what unseen questions bear out. Fitted on grouped
    /// cross-validation (`test --cross-validate 10 --grouped --calibrate`); no retraining needed.
    public var temperature: Float = 1.2

    public init() {}
}
