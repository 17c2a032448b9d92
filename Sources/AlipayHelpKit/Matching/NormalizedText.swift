/// A question reduced to what matching cares about: lower-case words (as UTF-8 bytes) and runs
/// of characters from scripts written without spaces (Chinese, with Traditional folded to
/// Simplified; Japanese kana; Thai, Lao, Khmer, Myanmar), in the order they were written.
///
/// Everything else (punctuation, symbols, emoji, control characters, invalid UTF-8) only
/// separates words. Buffers are flat so a question costs a handful of allocations.
public struct NormalizedText: Sendable {
    public enum Kind: Sendable { case word, unspaced }

    public struct Segment: Sendable {
        public var kind: Kind
        /// Bytes in `wordBytes` for a word, scalars in `unspacedScalars` for an unspaced run.
        public var range: Range<Int>
    }

    public var segments: [Segment] = []
    public var wordBytes: [UInt8] = []
    public var unspacedScalars: [UInt32] = []
    /// Scripts seen, for telling the question's language without a second pass.
    public var scripts = Scripts()

    /// Which scripts a text uses, as flags.
    public struct Scripts: OptionSet, Sendable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public static let latin = Scripts(rawValue: 1 << 0)
        public static let han = Scripts(rawValue: 1 << 1)
        /// A Han character only Traditional Chinese writes this way.
        public static let traditionalHan = Scripts(rawValue: 1 << 2)
        public static let kana = Scripts(rawValue: 1 << 3)
        public static let hangul = Scripts(rawValue: 1 << 4)
        public static let cyrillic = Scripts(rawValue: 1 << 5)
        public static let thai = Scripts(rawValue: 1 << 6)
        /// Latin letters with Vietnamese tone marks or letters (ơ, ư, đ, ạ...).
        public static let vietnamese = Scripts(rawValue: 1 << 7)
        public static let otherLetters = Scripts(rawValue: 1 << 8)
        /// Latin letters with accents or beyond English's (é, ü, ñ, ç, ß, ı, ş), seen before they
        /// are folded: English text hardly ever has them, so they count towards another language.
        public static let accentedLatin = Scripts(rawValue: 1 << 9)
        public static let devanagari = Scripts(rawValue: 1 << 10)
        /// Arabic letters, Persian's and Urdu's included.
        public static let arabic = Scripts(rawValue: 1 << 11)
    }

    public func word(_ segment: Segment) -> String {
        wordBytes.withUnsafeBufferPointer { String(decoding: $0[segment.range], as: UTF8.self) }
    }

    /// The words and unspaced runs as strings, for display and tests.
    public var pieces: [String] {
        segments.map { segment in
            switch segment.kind {
            case .word: return word(segment)
            case .unspaced:
                var text = ""
                for value in unspacedScalars[segment.range] { text.unicodeScalars.append(Unicode.Scalar(value)!) }
                return text
            }
        }
    }
}
