/// How much of each topic's space of questions the knowledge base spells out: per topic (or out
/// of scope) and language, the written examples, the phrasing patterns and how many phrasings
/// those patterns stand for. `check` prints it.
public struct PatternCoverage: Sendable {
    public struct Row: Sendable, Codable {
        /// A topic id or `out_of_scope`.
        public var label: String
        public var language: String
        public var examples: Int
        public var patterns: Int
        public var phrasings: Double
    }

    public var rows: [Row]

    public init(_ kb: KnowledgeBase) {
        var rows: [String: Row] = [:]
        func row(_ label: String, _ language: String) -> String {
            let key = label + "\u{1F}" + language
            if rows[key] == nil {
                rows[key] = Row(label: label, language: language, examples: 0, patterns: 0, phrasings: 0)
            }
            return key
        }
        for example in kb.allExamples where kb.topic(example.label) != nil || example.label == Match.outOfScopeLabel {
            let language = kb.languages.first { $0.examples.contains { $0.location == example.location } }?.code
            rows[row(example.label, language ?? Self.writtenLanguage(example.text))]!.examples += 1
        }
        for (label, _, pattern) in kb.allPatterns {
            let key = row(label, pattern.language)
            rows[key]!.patterns += 1
            rows[key]!.phrasings += kb.phrasingCount(of: pattern)
        }
        let order = kb.labels
        self.rows = rows.values.sorted {
            let (a, b) = (order.firstIndex(of: $0.label) ?? .max, order.firstIndex(of: $1.label) ?? .max)
            return a != b ? a < b : Self.languageOrder($0.language, $1.language)
        }
    }

    /// English, then Chinese, then the other languages by code.
    private static func languageOrder(_ a: String, _ b: String) -> Bool {
        let rank = { (code: String) in code == "en" ? 0 : code == "zh" ? 1 : 2 }
        return rank(a) != rank(b) ? rank(a) < rank(b) : a < b
    }

    /// A topic file's example is Chinese when it holds a Han character, else English.
    private static func writtenLanguage(_ text: String) -> String {
        text.unicodeScalars.contains { ChineseText.isHan($0.value) } ? Language.zh.rawValue : Language.en.rawValue
    }
}

extension KnowledgeBaseLint {
    /// A topic that requires a concept none of whose words occurs in any of its examples or
    /// patterns: questions that use those words reach it through the rule alone, with nothing
    /// learnt about them.
    static func unusedRequirements(_ kb: KnowledgeBase, _ matcher: IntentMatcher) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let expanded = kb.withPatternPhrasings()
        for (index, topic) in kb.topics.enumerated() {
            let own = expanded.topics[index]
            var texts = own.examples + own.facets.flatMap(\.examples)
            texts += expanded.languages.flatMap { $0.examples.filter { $0.label == topic.id }.map(\.text) }
            var found = Set<TermID>()
            for text in texts { found.formUnion(matcher.features(of: TextNormalizer.normalize(text)).tokens.terms) }
            for concept in topic.require {
                guard let term = matcher.lexicon.existingConcept(concept), !found.contains(term) else { continue }
                diagnostics.append(
                    Diagnostic(
                        .warning, topic.location,
                        "topic \(topic.id) requires '\(concept)', but none of its examples or patterns uses a word for it; write one, or a pattern with {\(concept)}"
                    ))
            }
        }
        return diagnostics
    }
}
