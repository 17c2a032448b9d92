/// What phrasing patterns add to training: each pattern's sampled phrasings, as examples of what
/// the pattern belongs to (a topic, a facet, out of scope, or a language file's label).
extension KnowledgeBase {
    /// How many phrasings of each pattern training reads: enough that every slot word and
    /// alternative of a typical pattern comes up, few enough that a topic's patterns do not
    /// outweigh its written examples.
    public static let phrasingsPerPattern = 8

    /// A slot's words in `language`: the vocabulary's English or Chinese words for the concept,
    /// or a language file's; nil for a concept with none in that language.
    func slotWords(language: String) -> (String) -> [String]? {
        let table: [String: [String]]
        if language == Language.en.rawValue {
            table = Dictionary(vocabulary.concepts.map { ($0.id, $0.english) }, uniquingKeysWith: { a, _ in a })
        } else if language == Language.zh.rawValue {
            table = Dictionary(vocabulary.concepts.map { ($0.id, $0.chinese) }, uniquingKeysWith: { a, _ in a })
        } else if let pack = languages.first(where: { $0.code == language }) {
            table = Dictionary(pack.words.map { ($0.concept, $0.surfaces) }, uniquingKeysWith: { a, b in a + b })
        } else {
            table = [:]
        }
        return { concept in table[concept].flatMap { $0.isEmpty ? nil : $0 } }
    }

    /// Every pattern with what it belongs to, for checks and reports.
    public var allPatterns: [(label: String, facet: String?, pattern: PhrasingPattern)] {
        var all: [(String, String?, PhrasingPattern)] = []
        for topic in topics {
            all += topic.patterns.map { (topic.id, nil, $0) }
            for facet in topic.facets { all += facet.patterns.map { (topic.id, facet.id, $0) } }
        }
        all += outOfScope.patterns.map { (Match.outOfScopeLabel, nil, $0) }
        for language in languages { all += language.patterns.map { ($0.label, nil, $0.pattern) } }
        return all
    }

    /// Every slot names a concept with words in its pattern's language: an error at the pattern
    /// otherwise.
    func checkPatternSlots() throws {
        let concepts = Set(vocabulary.concepts.map(\.id))
        var wordsByLanguage: [String: (String) -> [String]?] = [:]
        for (_, _, pattern) in allPatterns {
            let words = wordsByLanguage[pattern.language] ?? slotWords(language: pattern.language)
            wordsByLanguage[pattern.language] = words
            for concept in pattern.concepts where words(concept) == nil {
                throw KnowledgeBaseError.invalid(
                    pattern.location,
                    message: concepts.contains(concept)
                        ? "pattern: the concept '\(concept)' has no \(pattern.language) words to fill {\(concept)}; add them (\(KnowledgeBase.vocabularyFile) or the language file) or write the words out"
                        : "pattern: unknown concept '{\(concept)}'; concepts are declared in \(KnowledgeBase.vocabularyFile)"
                )
            }
        }
    }

    /// How many phrasings `pattern` stands for.
    public func phrasingCount(of pattern: PhrasingPattern) -> Double {
        let words = slotWords(language: pattern.language)
        return pattern.count { words($0) ?? [] }
    }

    /// This knowledge base with each pattern's sampled phrasings added to the examples of what it
    /// belongs to: what training reads. Phrasings that repeat a written example are left out.
    public func withPatternPhrasings(perPattern: Int = phrasingsPerPattern) -> KnowledgeBase {
        var wordsByLanguage: [String: (String) -> [String]] = [:]
        func phrasings(_ patterns: [PhrasingPattern], besides written: [String]) -> (
            texts: [String], locations: [SourceLocation]
        ) {
            var seen = Set(written)
            var texts: [String] = []
            var locations: [SourceLocation] = []
            for pattern in patterns {
                let words =
                    wordsByLanguage[pattern.language]
                    ?? {
                        let lookUp = slotWords(language: pattern.language); return { lookUp($0) ?? [] }
                    }()
                wordsByLanguage[pattern.language] = words
                for text in pattern.sample(perPattern, words: words) where seen.insert(text).inserted {
                    texts.append(text)
                    locations.append(pattern.location)
                }
            }
            return (texts, locations)
        }
        var expanded = self
        for t in expanded.topics.indices {
            let added = phrasings(topics[t].patterns, besides: topics[t].examples)
            expanded.topics[t].examples += added.texts
            expanded.topics[t].exampleLocations += added.locations
            for f in expanded.topics[t].facets.indices {
                let facet = topics[t].facets[f]
                let added = phrasings(facet.patterns, besides: facet.examples)
                expanded.topics[t].facets[f].examples += added.texts
                expanded.topics[t].facets[f].exampleLocations += added.locations
            }
        }
        let added = phrasings(outOfScope.patterns, besides: outOfScope.examples)
        expanded.outOfScope.examples += added.texts
        expanded.outOfScope.exampleLocations += added.locations
        for l in expanded.languages.indices {
            let pack = languages[l]
            for label in Set(pack.patterns.map(\.label)).sorted() {
                let written = pack.examples.filter { $0.label == label }.map(\.text)
                let added = phrasings(pack.patterns.filter { $0.label == label }.map(\.pattern), besides: written)
                expanded.languages[l].examples += zip(added.texts, added.locations).map {
                    Example(text: $0, label: label, facet: nil, location: $1)
                }
            }
        }
        return expanded
    }
}
