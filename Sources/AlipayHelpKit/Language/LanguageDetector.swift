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
    /// The ASCII words of `markers` and `english` by their bytes, read without making strings:
    /// word → 1 + its place in `markerCodes` (0 for none), and whether it is an English word.
    private var asciiMarkers = WordTable([])
    private var asciiEnglish = WordTable([])
    private var markerCodes: [[String]] = []

    public init(knowledgeBase: KnowledgeBase) {
        for pack in knowledgeBase.languages {
            if pack.script != .latin, byScript[pack.script] == nil { byScript[pack.script] = pack.code }
            if pack.script == .latin || pack.script == .vietnamese {
                for marker in pack.markers {
                    for word in TextNormalizer.normalize(marker).pieces { markers[word, default: []].append(pack.code) }
                }
            }
        }
        for word in knowledgeBase.vocabulary.stopwords { english.formUnion(TextNormalizer.normalize(word).pieces) }
        prepareForReading()
    }

    private mutating func prepareForReading() {
        let markerWords = markers.keys.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.sorted()
        markerCodes = markerWords.map { markers[$0]! }
        asciiMarkers = WordTable(markerWords.enumerated().map { (key: $0.element, value: Int32($0.offset + 1)) })
        asciiEnglish = WordTable(english.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { (key: $0, value: Int32(1)) })
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
        // Written out, not a loop over a list: this runs for every question.
        if scripts.contains(.kana), let code = byScript[.kana] { return code }
        if scripts.contains(.hangul), let code = byScript[.hangul] { return code }
        if scripts.contains(.thai), let code = byScript[.thai] { return code }
        if scripts.contains(.han) {
            return scripts.contains(.traditionalHan) ? Language.zhHant.rawValue : Language.zh.rawValue
        }
        if scripts.contains(.vietnamese), let code = byScript[.vietnamese] { return code }
        if scripts.contains(.cyrillic), let code = byScript[.cyrillic] { return code }
        guard !markers.isEmpty else { return Language.en.rawValue }
        var counts: [String: Int] = [:]
        var englishCount = 0
        text.wordBytes.withUnsafeBufferPointer { bytes in
            for segment in text.segments where segment.kind == .word {
                let word = UnsafeBufferPointer(rebasing: bytes[segment.range])
                // An ASCII word is looked up by its bytes; any other the string way.
                if !word.contains(where: { $0 >= 0x80 }) {
                    if asciiEnglish[word] != nil { englishCount += 1 }
                    if let place = asciiMarkers[word] {
                        for code in markerCodes[Int(place) - 1] { counts[code, default: 0] += 1 }
                    }
                    continue
                }
                let text = String(decoding: word, as: UTF8.self)
                if english.contains(text) { englishCount += 1 }
                for code in markers[text] ?? [] { counts[code, default: 0] += 1 }
            }
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
        prepareForReading()
    }
}
