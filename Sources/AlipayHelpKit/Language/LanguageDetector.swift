/// Tells which language a question is written in, for the languages the knowledge base knows:
/// English and Chinese (Simplified or Traditional), and those of `languages/`. A script names
/// its language (kana: Japanese, Hangul: Korean...). A line in the Latin alphabet is English
/// unless it shows positive evidence of another language that outweighs English: that
/// language's markers and its words for the vocabulary's concepts, counting no word that is
/// also English (Vietnamese "thế" folds to "the"), at least two of them (one German "bei" does
/// not make "hua bei" German) unless the line has accented Latin letters, which English text
/// hardly ever has, and more than the line's English function and common words.
public struct LanguageDetector: Sendable {
    private var byScript: [LanguagePack.Script: String] = [:]
    /// The languages told apart by their words (Latin-script ones, and Vietnamese typed without
    /// its letters), in order: ties go to the first.
    private var codes: [String] = []
    /// What one word tells.
    struct Clue: Sendable, Equatable {
        /// An English function or common word: evidence for English.
        var english = false
        /// The languages (places in `codes`) whose markers hold the word.
        var markerOf: [Int] = []
        /// The languages whose words for the vocabulary's concepts hold the word.
        var wordOf: [Int] = []
    }
    /// The words with a clue, sorted (as archived), and what each tells, in the same order.
    private var words: [String] = []
    /// A clue as `detect` reads it, with no array of its own (thousands of them are read back
    /// at every start): ranges of `languagePlaces`.
    private struct Evidence: Sendable {
        var english: Bool
        /// `Clue.markerOf`: a marker and a word for each.
        var markers: Range<Int32>
        /// `Clue.wordOf`, as archived.
        var wordOf: Range<Int32>
        /// The languages of `wordOf` not in `markers`: a word for each.
        var wordsOnly: Range<Int32>
    }
    private var evidence: [Evidence] = []
    /// Places in `codes`, each clue's in ranges of its own.
    private var languagePlaces: [Int32] = []
    /// `words` by their bytes, read without making strings: word → 1 + its place in `evidence`.
    private var table = WordTable([])

    /// Evidence a language needs, at the least, to be another than English in a line without
    /// accented letters.
    static let minimumEvidence: Int32 = 2

    public init(knowledgeBase: KnowledgeBase) {
        var clues: [String: Clue] = [:]
        let vocabulary = knowledgeBase.vocabulary
        var english: Set<String> = []
        for word in vocabulary.stopwords + vocabulary.commonWords {
            english.formUnion(TextNormalizer.normalize(word).pieces)
        }
        // English words of the vocabulary ("limit", "transfer") are no evidence either way: other
        // languages borrow them.
        var borrowed = english
        for concept in vocabulary.concepts {
            for surface in concept.english { borrowed.formUnion(TextNormalizer.normalize(surface).pieces) }
        }
        borrowed.formUnion(vocabulary.otherProducts.flatMap { TextNormalizer.normalize($0).pieces })
        for word in english { clues[word, default: Clue()].english = true }
        for pack in knowledgeBase.languages {
            if pack.script != .latin, byScript[pack.script] == nil { byScript[pack.script] = pack.code }
            guard pack.script == .latin || pack.script == .vietnamese else { continue }
            let place = codes.count
            codes.append(pack.code)
            for marker in pack.markers {
                for word in TextNormalizer.normalize(marker).pieces where !borrowed.contains(word) {
                    if !clues[word, default: Clue()].markerOf.contains(place) {
                        clues[word, default: Clue()].markerOf.append(place)
                    }
                }
            }
            for (_, surfaces, _) in pack.words {
                for surface in surfaces {
                    for word in TextNormalizer.normalize(surface).pieces where !borrowed.contains(word) {
                        if !clues[word, default: Clue()].wordOf.contains(place) {
                            clues[word, default: Clue()].wordOf.append(place)
                        }
                    }
                }
            }
        }
        words = clues.keys.sorted()
        for word in words {
            let clue = clues[word]!
            let markers = appendPlaces(clue.markerOf.map(Int32.init))
            let wordOf = appendPlaces(clue.wordOf.map(Int32.init))
            addEvidence(english: clue.english, markers: markers, wordOf: wordOf)
        }
        prepareForReading()
    }

    /// Appends languages' places to `languagePlaces`, returning where they are.
    private mutating func appendPlaces(_ places: some Collection<Int32>) -> Range<Int32> {
        let start = Int32(languagePlaces.count)
        languagePlaces.append(contentsOf: places)
        return start..<Int32(languagePlaces.count)
    }

    /// Adds a word's evidence, its markers and concept words already in `languagePlaces`.
    private mutating func addEvidence(english: Bool, markers: Range<Int32>, wordOf: Range<Int32>) {
        let wordsOnlyStart = Int32(languagePlaces.count)
        for index in wordOf {
            let place = languagePlaces[Int(index)]
            if !markers.contains(where: { languagePlaces[Int($0)] == place }) { languagePlaces.append(place) }
        }
        evidence.append(
            Evidence(
                english: english, markers: markers, wordOf: wordOf,
                wordsOnly: wordsOnlyStart..<Int32(languagePlaces.count)))
    }

    private mutating func prepareForReading() {
        table = WordTable(words.enumerated().map { (key: $0.element, value: Int32($0.offset + 1)) })
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
        if scripts.contains(.devanagari), let code = byScript[.devanagari] { return code }
        // Persian and Urdu are written in it too: they are read as Arabic.
        if scripts.contains(.arabic), let code = byScript[.arabic] { return code }
        guard !codes.isEmpty else { return Language.en.rawValue }
        // Per language: evidence (markers and words), then markers alone; on the stack.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: codes.count * 2) { counts in
            counts.initialize(repeating: 0)
            var english: Int32 = 0
            text.wordBytes.withUnsafeBufferPointer { bytes in
                for segment in text.segments where segment.kind == .word {
                    guard let place = table[UnsafeBufferPointer(rebasing: bytes[segment.range])] else { continue }
                    let clue = evidence[Int(place) - 1]
                    if clue.english { english += 1 }
                    for index in clue.markers {
                        let language = Int(languagePlaces[Int(index)])
                        counts[language * 2] += 1
                        counts[language * 2 + 1] += 1
                    }
                    for index in clue.wordsOnly { counts[Int(languagePlaces[Int(index)]) * 2] += 1 }
                }
            }
            var best = -1
            for language in codes.indices where counts[language * 2] > 0 {
                if best < 0 || counts[language * 2] > counts[best * 2]
                    || (counts[language * 2] == counts[best * 2] && counts[language * 2 + 1] > counts[best * 2 + 1])
                {
                    best = language
                }
            }
            let needed: Int32 = scripts.contains(.accentedLatin) ? 1 : Self.minimumEvidence
            guard best >= 0, counts[best * 2] >= needed, counts[best * 2] > english else {
                return Language.en.rawValue
            }
            return codes[best]
        }
    }
}

extension LanguageDetector {
    func archive(into out: inout MatcherArchive.Writer) {
        let scripts = byScript.sorted { $0.key.rawValue < $1.key.rawValue }
        out.strings(scripts.map(\.key.rawValue))
        out.strings(scripts.map(\.value))
        out.strings(codes)
        out.strings(words)
        for clue in evidence {
            out.bool(clue.english)
            out.i32s(Array(languagePlaces[Int(clue.markers.lowerBound)..<Int(clue.markers.upperBound)]))
            out.i32s(Array(languagePlaces[Int(clue.wordOf.lowerBound)..<Int(clue.wordOf.upperBound)]))
        }
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
        self.codes = try reader.strings()
        // Written sorted and each word once (`archive(into:)`), so read as they are.
        words = try reader.strings()
        evidence.reserveCapacity(words.count)
        // A counted list of language places, read straight into `languagePlaces`.
        func readPlaces() throws -> Range<Int32> {
            let start = Int32(languagePlaces.count)
            for _ in 0..<(try reader.count()) {
                let place = try reader.i32()
                guard self.codes.indices.contains(Int(place)) else { throw MatcherArchive.Damaged() }
                languagePlaces.append(place)
            }
            return start..<Int32(languagePlaces.count)
        }
        for _ in words {
            let english = try reader.bool()
            let markers = try readPlaces(), wordOf = try readPlaces()
            addEvidence(english: english, markers: markers, wordOf: wordOf)
        }
        prepareForReading()
    }
}
