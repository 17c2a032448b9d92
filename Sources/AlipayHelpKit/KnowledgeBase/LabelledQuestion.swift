/// A question with the answer it should get, from a labelled suite in `intents/tests/`.
public struct LabelledQuestion: Sendable {
    /// What a question is expected to be understood as.
    public enum Expectation: Sendable, Equatable {
        /// A topic or small-talk id.
        case intent(String)
        case outOfScope

        /// The class it names, as reports label answers: the id, or `out_of_scope`.
        public var label: String {
            switch self {
            case .outOfScope: return Match.outOfScopeLabel
            case let .intent(id): return id
            }
        }
    }

    public var question: String
    public var expected: Expectation
    public var facet: String?
    public var location: SourceLocation
    /// The language the suite says the question is in (TSV suites), else nil.
    public var language: String?
    /// The verdict the reply must lead with (`yes`, `no`, `remaining`, `maybe`, or `none`),
    /// for questions with a figure in them.
    public var verdict: String? = nil
}
