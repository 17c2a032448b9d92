/// What each knowledge-base rule is worth: every suite measured with all rules, then with each
/// rule turned off in turn (the matcher retrained where the rule shapes training), so a rule is
/// kept only where turning it off costs accuracy.
public struct RuleAblation: Codable, Sendable {
    public struct Row: Codable, Sendable {
        /// "all rules", or "without <rule>".
        public var name: String
        /// Accuracy on each suite, in the order of `suites`.
        public var accuracy: [Double]
        public var overall: Double
    }

    public var suites: [String]
    public var rows: [Row]

    /// - Parameter folds: when given, a K-fold cross-validation over the examples is one more column.
    public init(knowledgeBase: KnowledgeBase, policy: MatchPolicy, suites: [LabelledSuite], folds: Int? = nil) throws {
        self.suites = suites.map(\.file) + (folds.map { ["\($0)-fold cross-validation"] } ?? [])
        var variants: [(String, MatchRules)] = [("all rules", policy.rules)]
        variants += MatchRules.named.filter { policy.rules.contains($0.rule) }.map {
            ("without \($0.name)", policy.rules.subtracting($0.rule))
        }
        rows = try variants.map { name, rules in
            var variant = policy
            variant.rules = rules
            let matcher = try IntentMatcher(knowledgeBase: knowledgeBase, policy: variant)
            var evaluations = suites.map { SuiteEvaluation(matcher: matcher, cases: $0.cases) }
            if let folds { evaluations.append(try CrossValidation.run(knowledgeBase, folds: folds, policy: variant)) }
            return Row(
                name: name, accuracy: evaluations.map(\.accuracy),
                overall: SuiteEvaluation(results: evaluations.flatMap(\.results)).accuracy)
        }
    }
}
