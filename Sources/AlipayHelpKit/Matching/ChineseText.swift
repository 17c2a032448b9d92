/// Which scalars are Han characters, and folding Traditional (and Japanese shinjitai)
/// characters to Simplified so every spelling matches the same knowledge base (a character
/// table in the repository, no external service).
enum ChineseText {
    @inline(__always)
    static func isHan(_ value: UInt32) -> Bool {
        (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF)
            || (value >= 0xF900 && value <= 0xFAFF)
    }

    @inline(__always)
    static func simplified(_ value: UInt32) -> UInt32 {
        traditionalToSimplified[value] ?? value
    }

    /// A character written only in Traditional Chinese: it has a different Simplified form.
    static func isTraditional(_ value: UInt32) -> Bool { traditionalToSimplified[value] != nil }

    static let traditionalToSimplified: [UInt32: UInt32] = pairTable(ChineseCharacterTable.toSimplified)

    /// A table from strings of character pairs ("來来個个…").
    static func pairTable(_ chunks: [String]) -> [UInt32: UInt32] {
        var table: [UInt32: UInt32] = [:]
        table.reserveCapacity(chunks.count * 30)
        for chunk in chunks {
            var iterator = chunk.unicodeScalars.makeIterator()
            while let from = iterator.next(), let to = iterator.next() { table[from.value] = to.value }
        }
        return table
    }
}
