/// A question reduced to what matching cares about: lower-case words (as UTF-8 bytes) and runs
/// of Chinese characters (Traditional folded to Simplified), in the order they were written.
///
/// Everything else (punctuation, symbols, emoji, control characters, invalid UTF-8) only
/// separates words. Buffers are flat so a question costs a handful of allocations.
public struct NormalizedText: Sendable {
    public enum Kind: Sendable { case word, chinese }

    public struct Segment: Sendable {
        public var kind: Kind
        /// Bytes in `wordBytes` for a word, scalars in `chineseScalars` for a Chinese run.
        public var range: Range<Int>
    }

    public var segments: [Segment] = []
    public var wordBytes: [UInt8] = []
    public var chineseScalars: [UInt32] = []

    public func word(_ segment: Segment) -> String {
        wordBytes.withUnsafeBufferPointer { String(decoding: $0[segment.range], as: UTF8.self) }
    }

    /// The words and Chinese runs as strings, for display and tests.
    public var pieces: [String] {
        segments.map { segment in
            switch segment.kind {
            case .word: return word(segment)
            case .chinese:
                var text = ""
                for value in chineseScalars[segment.range] { text.unicodeScalars.append(Unicode.Scalar(value)!) }
                return text
            }
        }
    }
}
