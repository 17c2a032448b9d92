/// Synonyms and word lists declared in `vocabulary.yaml`.
public struct VocabularyDefinition: Sendable {
    /// A set of words and phrases, English and Chinese, that mean the same thing.
    public struct Concept: Sendable {
        public var id: String
        public var english: [String]
        public var chinese: [String]
        public var location: SourceLocation
    }

    public var concepts: [Concept]
    public var stopwords: [String]
    /// Names of other apps and services; a question about them is out of scope.
    public var otherProducts: [String]
    /// Ordinary words known as themselves, so they are never taken for a misspelling.
    public var commonWords: [String]

    public init(
        concepts: [Concept] = [], stopwords: [String] = [], otherProducts: [String] = [], commonWords: [String] = []
    ) {
        self.concepts = concepts
        self.stopwords = stopwords
        self.otherProducts = otherProducts
        self.commonWords = commonWords
    }
}
