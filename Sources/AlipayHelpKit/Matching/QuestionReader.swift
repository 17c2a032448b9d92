/// The features stage: reads a normalised question into what every later stage reads: the
/// language it is written in, its terms (words, and the concepts the vocabulary folds them
/// into, spelling corrected where the language allows it) and the features made of them.
struct QuestionReader: Sendable {
    let lexicon: Lexicon
    let languageDetector: LanguageDetector

    func read(_ text: NormalizedText) -> QuestionFeatures {
        let language = languageDetector.detect(text)
        var features = QuestionFeatures(
            text: text,
            tokens: lexicon.tokens(of: text, correctingSpelling: LanguageDetector.correctsSpelling(language)),
            lexicon: lexicon)
        features.language = language
        return features
    }

    func read(_ question: String) -> QuestionFeatures { read(TextNormalizer.normalize(question)) }
}
