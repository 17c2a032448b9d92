extension Lexicon {
    /// The concept every other app or service folds into (`other_products` in the vocabulary).
    static let otherProductConcept = "other_product"

    /// The vocabulary a knowledge base declares, before any example is read: every concept's
    /// English and Chinese surfaces and the language files' words (single words first, then
    /// phrases built from them), the other apps, the function words of every language, and the
    /// common words. A surface declared under two concepts is an error at its declaration.
    init(declaredBy knowledgeBase: KnowledgeBase) throws {
        self.init()
        let vocabulary = knowledgeBase.vocabulary
        let otherProduct = concept(Self.otherProductConcept)
        // Every surface with the concept it means, the owner that declares it and where.
        var declarations: [(surface: String, concept: String, location: SourceLocation, correctable: Bool)] = []
        for concept in vocabulary.concepts {
            declarations += (concept.english + concept.chinese).map { ($0, concept.id, concept.location, true) }
        }
        for language in knowledgeBase.languages {
            for entry in language.words {
                declarations += entry.surfaces.map { ($0, entry.concept, entry.location, false) }
            }
        }
        do {
            for phrasePass in [false, true] {
                for declaration in declarations {
                    try declare(
                        declaration.surface, as: concept(declaration.concept), owner: declaration.concept,
                        phrases: phrasePass, correctable: declaration.correctable)
                }
                for product in vocabulary.otherProducts {
                    try declare(product, as: otherProduct, owner: "other_products", phrases: phrasePass)
                }
            }
        } catch {
            let clash = TextNormalizer.normalize(error.surface).pieces.joined(separator: " ")
            let location =
                declarations.first {
                    $0.concept == error.second
                        && TextNormalizer.normalize($0.surface).pieces.joined(separator: " ").contains(clash)
                }?.location
                ?? SourceLocation(file: KnowledgeBase.vocabularyFile, line: 1, column: 1)
            throw KnowledgeBaseError.invalid(
                location,
                message: "'\(error.surface)' is declared in both '\(error.first)' and '\(error.second)'; keep it in one"
            )
        }
        for word in vocabulary.stopwords { markStopword(word) }
        for language in knowledgeBase.languages {
            for word in language.markers + language.functionWords { markStopword(word) }
        }
        for word in vocabulary.commonWords where resolveExactOrInflected(word) == nil {
            internWord(word)
        }
    }
}
