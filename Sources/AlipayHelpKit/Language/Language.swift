/// The languages replies are written in: English, Simplified Chinese, and Traditional Chinese
/// (converted from the Simplified texts). Questions in other languages are answered in English.
public enum Language: String, Sendable, Codable, CaseIterable {
    case en
    case zh
    case zhHant = "zh-Hant"

    public var isChinese: Bool { self != .en }

    /// The reply language for a line: Chinese if it has any Han character and no kana (mixed
    /// "Alipay的花呗limit" included), Traditional when a character is written the Traditional
    /// way; English for anything else with letters (other languages are answered in English);
    /// nil when it has no letters at all ("2", "?"), so a conversation keeps its language.
    public static func detect(_ text: String) -> Language? {
        var letters = false, han = false, traditional = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if ChineseText.isHan(value) {
                han = true
                if ChineseText.isTraditional(value) { traditional = true }
            } else if TextNormalizer.unspacedScript(value) == .kana {
                return .en
            } else if value < 0x80 ? ((value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A) : scalar.properties.isAlphabetic
            {
                letters = true
            }
        }
        if han { return traditional ? .zhHant : .zh }
        return letters ? .en : nil
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
        switch language {
        case .en: return en
        case .zh: return zh ?? en
        case .zhHant: return zh.map(TraditionalChinese.convert) ?? en
        }
    }
}
