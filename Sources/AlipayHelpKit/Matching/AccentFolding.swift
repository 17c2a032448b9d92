import Foundation

/// Letters without their accents (é → e, ệ → e, ё → е, Turkish ı → i, Arabic أ → ا, Devanagari
/// क़ → क), so a question typed without accents, as people often do, matches examples written
/// with them. The table is built once, on the first accented letter, from the letters'
/// canonical decompositions, and the few letters people swap for one another that have none:
/// Turkish dotless ı typed as i, Arabic ى for ي and ة for ه, Persian ی and ک for Arabic ي and ك.
enum AccentFolding {
    private static let ranges: [ClosedRange<UInt32>] = [
        0x00C0...0x024F, 0x0400...0x04FF, 0x0622...0x0626, 0x0958...0x095F, 0x1E00...0x1EFF,
    ]

    private static let table: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [
            0x0111: 0x64, 0x0110: 0x44, 0x00F8: 0x6F, 0x00D8: 0x4F, 0x0142: 0x6C, 0x0141: 0x4C, 0x0131: 0x69,
            0x0649: 0x064A, 0x0629: 0x0647, 0x06CC: 0x064A, 0x06A9: 0x0643,
        ]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), table[value] == nil else { continue }
                let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
                if decomposed.count > 1, let first = decomposed.first, first.value != value {
                    table[value] = first.value
                }
            }
        }
        return table
    }()

    @inline(__always)
    static func base(of value: UInt32) -> UInt32 {
        guard value >= 0xC0 else { return value }
        return table[value] ?? value
    }
}
