/// Turns raw question bytes into `NormalizedText`: case-folded, full-width forms folded to
/// ASCII, Traditional Chinese folded to Simplified. An apostrophe before an English contraction's
/// tail is dropped ("don't" → "dont", "Alipay's" → "alipays"); any other apostrophe inside a word
/// separates words, so a name keeps its form before a Turkish case ending ("Alipay'de" → "alipay
/// de") and after a French or Italian elision ("d'Alipay" → "d alipay", "nell'app" → "nell app").
/// Invalid UTF-8 never fails: a bad byte separates words.
public enum TextNormalizer {
    /// Words longer than this are cut: no real word is, and it bounds the work per word.
    static let maximumWordLength = 40

    public static func normalize(_ text: String) -> NormalizedText {
        var copy = text
        return copy.withUTF8 { normalize(bytes: $0) }
    }

    public static func normalize(bytes: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        var result = NormalizedText()
        result.wordBytes.reserveCapacity(bytes.count)
        var current: NormalizedText.Kind? = nil
        var start = 0

        func close(_ result: inout NormalizedText) {
            guard let kind = current else { return }
            let end = kind == .word ? result.wordBytes.count : result.unspacedScalars.count
            if end > start { result.segments.append(.init(kind: kind, range: start..<end)) }
            current = nil
        }
        /// A letter of the word being read, unless the word is already as long as words get.
        func appendToWord(_ scalar: Unicode.Scalar, _ result: inout NormalizedText) {
            if result.wordBytes.count - start < maximumWordLength {
                result.wordBytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        func open(_ kind: NormalizedText.Kind, _ result: inout NormalizedText) {
            if current == kind { return }
            close(&result)
            current = kind
            start = kind == .word ? result.wordBytes.count : result.unspacedScalars.count
        }

        var index = 0
        let count = bytes.count
        while index < count {
            var (value, length) = decodeScalar(bytes, at: index)
            index += length
            // Full-width ASCII forms and the ideographic space.
            if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 } else if value == 0x3000 { value = 0x20 }
            // Arabic-Indic, Persian and Devanagari digits are the digits they write.
            if value >= 0x0660 && value <= 0x096F, let digit = Self.digit(value) { value = 0x30 + digit }
            if value < 0x80 {
                var byte = UInt8(truncatingIfNeeded: value)
                if byte >= 65 && byte <= 90 { byte += 32 }
                if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) {
                    open(.word, &result)
                    if byte >= 97 { result.scripts.insert(.latin) }
                    if result.wordBytes.count - start < maximumWordLength { result.wordBytes.append(byte) }
                } else if byte == 39 && current == .word {
                    if !Self.contractionTailFollows(bytes, at: index) { close(&result) }
                } else {
                    close(&result)
                }
            } else if value == 0x2019 && current == .word {
                // The typographic apostrophe, read as the ASCII one.
                if !Self.contractionTailFollows(bytes, at: index) { close(&result) }
            } else if ChineseText.isHan(value) {
                open(.unspaced, &result)
                let simplified = ChineseText.simplified(value)
                result.scripts.insert(simplified == value ? .han : [.han, .traditionalHan])
                result.unspacedScalars.append(simplified)
            } else if let script = Self.unspacedScript(value) {
                open(.unspaced, &result)
                result.scripts.insert(script)
                result.unspacedScalars.append(value)
            } else {
                if value >= 0x0610 && value <= 0x0963 {
                    // Arabic harakat and tatweel fold away, as accents do; Devanagari vowel
                    // signs and virama belong to their word (नम्बर is one word), and the nukta
                    // folds away (फ़ोन is फोन).
                    if Self.isFoldedArabicMark(value) || value == 0x093C { continue }
                    if Self.isDevanagariMark(value) {
                        if current == .word { appendToWord(Unicode.Scalar(value == 0x0901 ? 0x0902 : value)!, &result) }
                        continue
                    }
                }
                // Read only here, past Chinese and the other unspaced scripts: a Chinese question
                // never has the table made.
                let letter = FoldedLetters.reading(value)
                if case let .letter(first, second) = letter {
                    // The common letters beyond ASCII, read from a table made once.
                    open(.word, &result)
                    result.scripts.insert(Self.script(of: value))
                    appendToWord(Unicode.Scalar(first)!, &result)
                    if let second { appendToWord(Unicode.Scalar(second)!, &result) }
                } else if letter == .unknown, let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic {
                    // Other letters (accented Latin, Cyrillic, Greek...): kept, lower-cased, as a word.
                    open(.word, &result)
                    result.scripts.insert(Self.script(of: value))
                    // Accents are folded away: people often leave them out ("numero", "ee"...).
                    let base = Unicode.Scalar(AccentFolding.base(of: value)) ?? scalar
                    for lower in base.properties.lowercaseMapping.unicodeScalars { appendToWord(lower, &result) }
                } else if Self.isCombiningMark(value) && current == .word {
                    continue  // a combining accent inside a word belongs to it
                } else {
                    close(&result)
                }
            }
        }
        close(&result)
        return result
    }

    /// Whether the letters from `index` to the end of the word are an English contraction's tail
    /// (`s`, `t`, `m`, `d`, `re`, `ve`, `ll`): the apostrophe before them joins, any other splits.
    static func contractionTailFollows(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var end = index
        while end < bytes.count, end - index < 3, Self.isASCIILetter(bytes[end]) { end += 1 }
        if end < bytes.count {
            if Self.isASCIILetter(bytes[end]) { return false }
            if bytes[end] >= 0x80, let scalar = Unicode.Scalar(decodeScalar(bytes, at: end).0),
                scalar.properties.isAlphabetic
            {
                return false  // a longer word goes on in letters beyond ASCII ("Alipay'ı")
            }
        }
        switch end - index {
        case 1:
            return [UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "m"), UInt8(ascii: "d")].contains(
                bytes[index] | 0x20)
        case 2:
            let pair = (bytes[index] | 0x20, bytes[index + 1] | 0x20)
            return pair == (UInt8(ascii: "r"), UInt8(ascii: "e")) || pair == (UInt8(ascii: "v"), UInt8(ascii: "e"))
                || pair == (UInt8(ascii: "l"), UInt8(ascii: "l"))
        default: return false
        }
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }

    /// Scripts matched by characters rather than whole words: kana, Thai, Lao, Khmer and
    /// Myanmar, written without spaces, and Hangul, whose words carry their endings
    /// (전화번호를 is 전화번호 plus a particle). Han is handled apart, to fold Traditional forms.
    @inline(__always)
    static func unspacedScript(_ value: UInt32) -> NormalizedText.Scripts? {
        switch value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return .kana
        case 0x0E00...0x0E7F: return .thai
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return .hangul
        case 0x0E80...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF: return .otherLetters
        default: return nil
        }
    }

    /// The script of a letter written in words.
    static func script(of value: UInt32) -> NormalizedText.Scripts {
        switch value {
        case 0x0400...0x052F: return .cyrillic
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .arabic
        case 0x0900...0x097F, 0xA8E0...0xA8FF: return .devanagari
        // Latin letters only Vietnamese uses: ơ ư đ and the letters with a dot below or hook above.
        case 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x0110, 0x0111, 0x1EA0...0x1EF9: return .vietnamese
        case 0x00C0...0x024F: return [.latin, .accentedLatin]
        default: return .otherLetters
        }
    }

    @inline(__always)
    static func isCombiningMark(_ value: UInt32) -> Bool { value >= 0x0300 && value <= 0x036F }

    /// Arabic marks written over or under letters (harakat, shadda, sukun, Quranic signs, the
    /// superscript alef) and the tatweel that stretches a word: optional, as accents are.
    @inline(__always)
    static func isFoldedArabicMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x0610...0x061A, 0x0640, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8,
            0x06EA...0x06ED:
            return true
        default: return false
        }
    }

    /// Devanagari signs that are part of the letter before them: candrabindu, anusvara, visarga,
    /// vowel signs, virama and the stress and length marks.
    @inline(__always)
    static func isDevanagariMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x0900...0x0903, 0x093A...0x094F, 0x0951...0x0957, 0x0962, 0x0963: return true
        default: return false
        }
    }

    /// The value of an Arabic-Indic, Persian or Devanagari digit.
    @inline(__always)
    static func digit(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x0660...0x0669: return value - 0x0660
        case 0x06F0...0x06F9: return value - 0x06F0
        case 0x0966...0x096F: return value - 0x0966
        default: return nil
        }
    }

    /// Decodes one scalar; an invalid or truncated sequence yields U+FFFD and consumes one byte.
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let needed: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: needed = 1; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: needed = 2; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: needed = 3; value = UInt32(lead & 0x07)
        default: return (0xFFFD, 1)
        }
        guard index + needed < bytes.count else { return (0xFFFD, 1) }
        for offset in 1...needed {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        // Reject overlong forms, surrogates and values past U+10FFFF.
        let minimum: UInt32 = needed == 1 ? 0x80 : needed == 2 ? 0x800 : 0x10000
        if value < minimum || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF { return (0xFFFD, 1) }
        return (value, needed + 1)
    }
}
