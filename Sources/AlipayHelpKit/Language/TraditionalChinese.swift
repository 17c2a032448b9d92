/// Writes Simplified Chinese text in Traditional characters, for questions asked in Traditional
/// (Hong Kong, Taiwan): the knowledge base's own phrases first, longest first, then character
/// by character from the table in the repository.
enum TraditionalChinese {
    private static let characters: [UInt32: UInt32] = ChineseText.pairTable(ChineseCharacterTable.toTraditional)

    /// Phrases by their first character, longest first.
    private static let phrases: [Unicode.Scalar: [(from: [Unicode.Scalar], to: String)]] = {
        var table: [Unicode.Scalar: [(from: [Unicode.Scalar], to: String)]] = [:]
        for entry in ChineseCharacterTable.traditionalPhrases {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            let from = Array(parts[0].unicodeScalars)
            table[from[0], default: []].append((from, parts[1]))
        }
        return table.mapValues { $0.sorted { $0.from.count > $1.from.count } }
    }()

    static func convert(_ simplified: String) -> String {
        let scalars = Array(simplified.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        next: while index < scalars.count {
            for phrase in phrases[scalars[index]] ?? [] where index + phrase.from.count <= scalars.count {
                if scalars[index..<(index + phrase.from.count)].elementsEqual(phrase.from) {
                    result.append(contentsOf: phrase.to.unicodeScalars)
                    index += phrase.from.count
                    continue next
                }
            }
            let value = scalars[index].value
            result.append(characters[value].flatMap(Unicode.Scalar.init) ?? scalars[index])
            index += 1
        }
        return String(result)
    }
}
