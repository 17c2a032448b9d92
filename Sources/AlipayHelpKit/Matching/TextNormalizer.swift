/// Turns raw question bytes into `NormalizedText`: case-folded, full-width forms folded to
/// ASCII, Traditional Chinese folded to Simplified, apostrophes dropped inside words
/// ("don't" → "dont", "Yu'e" → "yue"). Invalid UTF-8 never fails: a bad byte separates words.
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
            let end = kind == .word ? result.wordBytes.count : result.chineseScalars.count
            if end > start { result.segments.append(.init(kind: kind, range: start..<end)) }
            current = nil
        }
        func open(_ kind: NormalizedText.Kind, _ result: inout NormalizedText) {
            if current == kind { return }
            close(&result)
            current = kind
            start = kind == .word ? result.wordBytes.count : result.chineseScalars.count
        }

        var index = 0
        let count = bytes.count
        while index < count {
            var (value, length) = decodeScalar(bytes, at: index)
            index += length
            // Full-width ASCII forms and the ideographic space.
            if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 } else if value == 0x3000 { value = 0x20 }
            if value < 0x80 {
                var byte = UInt8(truncatingIfNeeded: value)
                if byte >= 65 && byte <= 90 { byte += 32 }
                if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) {
                    open(.word, &result)
                    if result.wordBytes.count - start < maximumWordLength { result.wordBytes.append(byte) }
                } else if byte == 39 && current == .word {
                    continue // apostrophe inside a word: "don't" → "dont"
                } else {
                    close(&result)
                }
            } else if value == 0x2019 && current == .word {
                continue // typographic apostrophe
            } else if ChineseText.isHan(value) {
                open(.chinese, &result)
                result.chineseScalars.append(ChineseText.simplified(value))
            } else if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic {
                // Other letters (accented Latin, Cyrillic...): keep them, lower-cased, as a word.
                open(.word, &result)
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    if result.wordBytes.count - start < maximumWordLength { result.wordBytes.append(contentsOf: UTF8.encode(lower)!) }
                }
            } else {
                close(&result)
            }
        }
        close(&result)
        return result
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
