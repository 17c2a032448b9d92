/// The letters of the scripts questions most often bring besides ASCII and Chinese (accented
/// Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic; Vietnamese's Latin Extended Additional),
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

    private static let twoByteRange: Range<UInt32> = 0x80..<0x800
    private static let vietnameseRange: ClosedRange<UInt32> = 0x1E00...0x1EFF

    /// 0: not a letter; all ones: unknown; otherwise the first form's character in the low 32
    /// bits and the second's (or 0) in the high.
    private static let entries: [UInt64] = {
        var entries: [UInt64] = []
        entries.reserveCapacity(twoByteRange.count + vietnameseRange.count)
        for value in covered { entries.append(entry(value)) }
        return entries
    }()

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
        let position: Int
        if twoByteRange.contains(value) {
            position = Int(value - twoByteRange.lowerBound)
        } else if vietnameseRange.contains(value) {
            position = twoByteRange.count + Int(value - vietnameseRange.lowerBound)
        } else {
            return .unknown
        }
        return decode(entries[position])
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
    static var covered: [UInt32] { Array(twoByteRange) + Array(vietnameseRange) }
}
