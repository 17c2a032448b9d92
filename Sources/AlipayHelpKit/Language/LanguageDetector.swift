/// Tells which language a question is written in, for the languages the knowledge base knows:
/// English and Chinese (Simplified or Traditional), and those of `languages/`. A script names
/// its language (kana: Japanese, Hangul: Korean...); among languages written in the Latin
/// alphabet, the one with the most marker words wins, unless English (the vocabulary's function
/// words) has more.
public struct LanguageDetector: Sendable {
    private var byScript: [LanguagePack.Script: String] = [:]
    /// Marker word → the languages it marks.
    private var markers: [String: [String]] = [:]
    private var english: Set<String> = []

    public init(knowledgeBase: KnowledgeBase) {
        for pack in knowledgeBase.languages {
            if pack.script != .latin, byScript[pack.script] == nil { byScript[pack.script] = pack.code }
            if pack.script == .latin || pack.script == .vietnamese {
                for marker in pack.markers { for word in TextNormalizer.normalize(marker).pieces { markers[word, default: []].append(pack.code) } }
            }
        }
        for word in knowledgeBase.vocabulary.stopwords { english.formUnion(TextNormalizer.normalize(word).pieces) }
    }

    /// Whether misspellings are corrected against the vocabulary in a question of this language:
    /// in English and Chinese (whose Latin words are English), never in another language written
    /// in the Latin alphabet, whose words would be "corrected" into English ones.
    public static func correctsSpelling(_ language: String) -> Bool {
        language == Language.en.rawValue || language == Language.zh.rawValue || language == Language.zhHant.rawValue
    }

    public func correctsSpelling(_ text: NormalizedText) -> Bool { Self.correctsSpelling(detect(text)) }

    /// The language code of a normalised question: `en`, `zh`, `zh-Hant`, or a language file's code.
    public func detect(_ text: NormalizedText) -> String {
        let scripts = text.scripts
        for (flag, script) in [(NormalizedText.Scripts.kana, LanguagePack.Script.kana), (.hangul, .hangul), (.thai, .thai)] where scripts.contains(flag) {
            if let code = byScript[script] { return code }
        }
        if scripts.contains(.han) { return scripts.contains(.traditionalHan) ? Language.zhHant.rawValue : Language.zh.rawValue }
        if scripts.contains(.vietnamese), let code = byScript[.vietnamese] { return code }
        if scripts.contains(.cyrillic), let code = byScript[.cyrillic] { return code }
        guard !markers.isEmpty else { return Language.en.rawValue }
        var counts: [String: Int] = [:]
        var englishCount = 0
        for segment in text.segments where segment.kind == .word {
            let word = text.word(segment)
            if english.contains(word) { englishCount += 1 }
            for code in markers[word] ?? [] { counts[code, default: 0] += 1 }
        }
        let best = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }
        if let best, best.value >= englishCount { return best.key }
        return Language.en.rawValue
    }
}

extension LanguageDetector {
    func archive(into out: inout MatcherArchive.Writer) {
        let scripts = byScript.sorted { $0.key.rawValue < $1.key.rawValue }
        out.strings(scripts.map(\.key.rawValue))
        out.strings(scripts.map(\.value))
        let words = markers.keys.sorted()
        out.strings(words)
        for word in words { out.strings(markers[word]!) }
        out.strings(english.sorted())
    }

    /// A detector read back from a stored matcher, so that a start with a stored matcher need
    /// not read the language files at all.
    init(archive reader: inout MatcherArchive.Reader) throws {
        let scripts = try reader.strings(), codes = try reader.strings()
        guard scripts.count == codes.count else { throw MatcherArchive.Damaged() }
        for (script, code) in zip(scripts, codes) {
            guard let script = LanguagePack.Script(rawValue: script) else { throw MatcherArchive.Damaged() }
            byScript[script] = code
        }
        for word in try reader.strings() { markers[word] = try reader.strings() }
        english = Set(try reader.strings())
    }
}
