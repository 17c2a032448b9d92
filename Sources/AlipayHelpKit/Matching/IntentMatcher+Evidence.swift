extension IntentMatcher {
    /// The features of a question that count most for (positive) or against (negative) one
    /// label, described in words: "phone", "change+phone", "手机", "注销".
    public func evidence(_ features: QuestionFeatures, for label: String, count: Int = 6) -> [(
        feature: String, weight: Double
    )] {
        classifier.contributions(of: features, to: label).prefix(count).map { key, weight in
            (key.map { describe($0, grams: features.gramTexts) } ?? "?", weight)
        }
    }

    private func describe(_ key: UInt64, grams: [UInt64: String]) -> String {
        let value = key & ((1 << QuestionFeatures.valueBits) - 1)
        let lexicon = reader.lexicon
        func character(_ scalar: UInt64) -> String {
            Unicode.Scalar(UInt32(scalar)).map { String(Character($0)) } ?? "?"
        }
        switch QuestionFeatures.kind(of: key) {
        case .term?: return lexicon.name(of: TermID(value))
        case .termPair?: return lexicon.name(of: TermID(value >> 24)) + "+" + lexicon.name(of: TermID(value & 0xFFFFFF))
        case .character?: return character(value)
        case .characterPair?: return character(value >> 21) + character(value & 0x1FFFFF)
        case .wordGram?: return grams[key].map { "\"\($0)\"" } ?? "?"
        case nil: return "?"
        }
    }
}
