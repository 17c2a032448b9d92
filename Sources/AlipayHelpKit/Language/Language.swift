/// The languages replies are written in.
public enum Language: String, Sendable, Codable, CaseIterable {
    case en
    case zh

    /// The language a line is written in: Chinese if it has any Chinese character (mixed
    /// "Alipay的花呗limit" included), English if it has words of Latin letters, nil when it
    /// has neither (a number, "?"), so the conversation keeps the language it had.
    public static func detect(_ text: String) -> Language? {
        var letters = 0
        for scalar in text.unicodeScalars {
            if ChineseText.isHan(scalar.value) { return .zh }
            if (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A { letters += 1 }
        }
        return letters > 0 ? .en : nil
    }
}

/// A text in English and, where written, Simplified Chinese.
public struct LocalizedText: Sendable, Equatable {
    public var en: String
    public var zh: String?

    public init(en: String, zh: String? = nil) {
        self.en = en
        self.zh = zh
    }

    /// The text in `language`, falling back to English (`check` reports what is missing).
    public func text(_ language: Language) -> String {
        language == .zh ? (zh ?? en) : en
    }
}
