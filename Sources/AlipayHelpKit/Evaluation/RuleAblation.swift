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

    public init(knowledgeBase: KnowledgeBase, policy: MatchPolicy, suites: [LabelledSuite]) throws {
        self.suites = suites.map(\.file)
        var variants: [(String, MatchRules)] = [("all rules", policy.rules)]
        variants += MatchRules.named.filter { policy.rules.contains($0.rule) }.map { ("without \($0.name)", policy.rules.subtracting($0.rule)) }
        rows = try variants.map { name, rules in
            var variant = policy
            variant.rules = rules
            let matcher = try IntentMatcher(knowledgeBase: knowledgeBase, policy: variant)
            let evaluations = suites.map { SuiteEvaluation(matcher: matcher, cases: $0.cases) }
            return Row(name: name, accuracy: evaluations.map(\.accuracy),
                       overall: SuiteEvaluation(results: evaluations.flatMap(\.results)).accuracy)
        }
    }
}
