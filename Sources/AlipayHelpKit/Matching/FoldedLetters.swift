/// The letters of the scripts questions most often bring besides ASCII and Chinese (accented
/// Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari; Vietnamese's Latin Extended
/// Additional),
/// and the symbols and emoji they bring (few of them letters),
/// each with whether it is a letter at all and its accent-folded lower-case form, read from the
/// Unicode properties once, on the first such letter. The normaliser then needs no property
/// look-up per character, which cost more than everything else it does for a Russian question.
enum FoldedLetters {
    /// What the table says of one character.
    enum Reading: Equatable {
        /// Not a letter (a symbol, a mark that is not alphabetic).
        case notALetter
        /// A letter, and its lower-case form without accents: one or two characters.
        case letter(UInt32, UInt32?)
        /// Outside the table, or a form longer than two characters: ask the properties.
        case unknown
    }

    /// One block of characters, read from the properties on the first character of that block
    /// a question holds (a Swift global is made once, on first use, safely across threads).
    private struct Block {
        let range: Range<UInt32>
        let entries: [UInt64]
        init(_ range: Range<UInt32>) {
            self.range = range
            entries = range.map(FoldedLetters.entry)
        }
    }

    /// Latin with accents, Greek, Cyrillic, Armenian, Hebrew, Arabic (two-byte UTF-8).
    private static let twoByte = Block(0x80..<0x800)
    private static let vietnamese = Block(0x1E00..<0x1F00)
    private static let devanagari = Block(0x0900..<0x0980)
    /// Punctuation, letter-like symbols, arrows, mathematics, boxes, circled letters.
    private static let symbols = Block(0x2000..<0x2C00)
    /// The replacement character invalid UTF-8 reads as, and its neighbours.
    private static let specials = Block(0xFFF0..<0x10000)
    /// Emoji and other pictographs, and the enclosed letters before them.
    private static let pictographs = Block(0x1F000..<0x1FB00)

    /// 0: not a letter; all ones: unknown; otherwise the first form's character in the low 32
    /// bits and the second's (or 0) in the high.
    private static func entry(_ value: UInt32) -> UInt64 {
        guard let scalar = Unicode.Scalar(value) else { return .max }
        guard scalar.properties.isAlphabetic else { return 0 }
        let base = Unicode.Scalar(AccentFolding.base(of: value)) ?? scalar
        let lower = Array(base.properties.lowercaseMapping.unicodeScalars)
        guard (1...2).contains(lower.count) else { return .max }
        return UInt64(lower[0].value) | UInt64(lower.count == 2 ? lower[1].value : 0) << 32
    }

    @inline(__always)
    static func reading(_ value: UInt32) -> Reading {
        let block: Block
        switch value {
        case 0x80..<0x800: block = twoByte
        case 0x1E00..<0x1F00: block = vietnamese
        case 0x0900..<0x0980: block = devanagari
        case 0x2000..<0x2C00: block = symbols
        case 0xFFF0..<0x10000: block = specials
        case 0x1F000..<0x1FB00: block = pictographs
        default: return .unknown
        }
        return decode(block.entries[Int(value - block.range.lowerBound)])
    }

    /// What the properties say, as the table would: for testing the table against them.
    static func readingFromProperties(_ value: UInt32) -> Reading { decode(entry(value)) }

    @inline(__always)
    private static func decode(_ entry: UInt64) -> Reading {
        if entry == 0 { return .notALetter }
        if entry == .max { return .unknown }
        let second = UInt32(truncatingIfNeeded: entry >> 32)
        return .letter(UInt32(truncatingIfNeeded: entry), second == 0 ? nil : second)
    }

    /// Every character the table covers.
    static var covered: [UInt32] {
        [twoByte, devanagari, vietnamese, symbols, specials, pictographs].flatMap { Array($0.range) }
    }
}
