/// Reads the entities of a question with the words of `entities.yaml`: each number
/// (`NumberReader`) becomes an amount when a currency mark or word is next to it, a count when
/// a counted thing follows it, and a bare number otherwise; numbers that are durations, dates
/// or part of a period phrase ("一天") are left out. The period and "already used" phrases of
/// the question are attached to the numbers.
public struct EntityReader: Sendable {
    public let definitions: EntityDefinitions
    private let numbers: NumberReader
    private let currencyBefore: [[Unicode.Scalar]]
    private let currencyAfter: [[Unicode.Scalar]]
    private let counts: [(unit: String, words: [[Unicode.Scalar]])]
    private let notAmounts: [[Unicode.Scalar]]
    /// Every period and "used" phrase by its first character: the text is read once for them.
    private let phrasesByInitial: [Unicode.Scalar: [(phrase: [Unicode.Scalar], period: String?)]]
    /// One bit per character of the basic plane: whether a phrase starts with it, so that the
    /// text is read without hashing a character that starts none.
    private let initialBits: [UInt64]
    /// The phrases that tell whether a question with a figure asks whether it is allowed.
    let questionPhrases: Verdict.QuestionPhrases

    public init(definitions: EntityDefinitions) {
        self.definitions = definitions
        numbers = NumberReader(multipliers: definitions.multipliers, numberWords: definitions.numberWords)
        // Longest first, so "red envelopes" wins over "envelopes".
        func folded(_ words: [String]) -> [[Unicode.Scalar]] {
            words.map(NumberReader.fold).sorted { $0.count > $1.count }
        }
        currencyBefore = folded(definitions.currencyBefore)
        currencyAfter = folded(definitions.currencyAfter)
        counts = definitions.counts.map { ($0.unit, folded($0.words)) }
        notAmounts = folded(definitions.notAmounts)
        var byInitial: [Unicode.Scalar: [(phrase: [Unicode.Scalar], period: String?)]] = [:]
        for (period, words) in definitions.periods {
            for word in folded(words) where !word.isEmpty { byInitial[word[0], default: []].append((word, period)) }
        }
        for word in folded(definitions.used) where !word.isEmpty { byInitial[word[0], default: []].append((word, nil)) }
        phrasesByInitial = byInitial
        var bits = [UInt64](repeating: 0, count: 1024)
        for scalar in byInitial.keys where scalar.value < 0x10000 {
            bits[Int(scalar.value >> 6)] |= 1 << (scalar.value & 63)
        }
        initialBits = bits
        questionPhrases = Verdict.QuestionPhrases(definitions)
    }

    public func entities(in question: String) -> [Entity] {
        guard numbers.mayHoldNumber(question) else { return [] }
        let text = NumberReader.fold(question)
        let mentions = numbers.mentions(in: text)
        guard !mentions.isEmpty else { return [] }
        // Period phrases, and where they are: a numeral inside one ("一天", "one day") is no
        // figure. The first period named is the question's; "used" phrases mark what follows.
        var period: String?
        var periodRanges: [Range<Int>] = []
        var usedStarts: [Int] = []
        for start in text.indices {
            // Most text is ASCII: a table says which letters start a phrase, with no hashing.
            let value = text[start].value
            if value < 0x10000, initialBits[Int(value >> 6)] & (1 << (value & 63)) == 0 { continue }
            guard let candidates = phrasesByInitial[text[start]],
                start == 0 || !Self.isWordScalar(text[start]) || !Self.isWordScalar(text[start - 1])
            else { continue }
            for candidate in candidates where Self.matches(candidate.phrase, in: text, at: start) {
                if let name = candidate.period {
                    if period == nil { period = name }
                    periodRanges.append(start..<(start + candidate.phrase.count))
                } else {
                    usedStarts.append(start)
                }
            }
        }
        var found: [Entity] = []
        for mention in mentions {
            if periodRanges.contains(where: { $0.contains(mention.range.lowerBound) }) { continue }
            let after = Self.skipSpaces(text, from: mention.range.upperBound)
            if notAmounts.contains(where: { Self.matches($0, in: text, at: after) }) { continue }
            var kind = Entity.Kind.number
            var unit: String?
            var end = mention.range.upperBound
            if let word = currencyAfter.first(where: { Self.matches($0, in: text, at: after) }) {
                kind = .amount
                unit = definitions.currencyUnit
                end = after + word.count
            } else if let count = counts.first(where: { count in
                count.words.contains { Self.matches($0, in: text, at: after) }
            }) {
                kind = .count
                unit = count.unit
            }
            var start = mention.range.lowerBound
            if kind == .number,
                let word = currencyBefore.first(where: { Self.endsBefore($0, in: text, at: mention.range.lowerBound) })
            {
                kind = .amount
                unit = definitions.currencyUnit
                start = Self.skipSpacesBack(text, from: mention.range.lowerBound) - word.count
            }
            // A bare small number is a count of questions or a list item, not money: "question
            // 3", "2 things". Below this it needs a currency or a counted thing.
            if kind == .number, mention.value < definitions.bareNumberMinimum { continue }
            let isUsed = usedStarts.contains { $0 < mention.range.lowerBound }
            found.append(
                Entity(
                    kind: kind, value: mention.value, unit: unit, period: period, used: isUsed,
                    text: Self.slice(question, max(0, start)..<min(end, text.count))))
        }
        return found
    }

    /// The question's own characters at scalar offsets (folding kept one scalar for one).
    private static func slice(_ question: String, _ range: Range<Int>) -> String {
        let scalars = question.unicodeScalars
        let from = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        let to = scalars.index(from, offsetBy: range.count)
        return String(scalars[from..<to])
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { NumberReader.isLetter(scalar) }

    /// Whether `word` is written at `index`, a whole word when it is made of letters.
    static func matches(_ word: [Unicode.Scalar], in text: [Unicode.Scalar], at index: Int) -> Bool {
        guard !word.isEmpty, index >= 0, index + word.count <= text.count else { return false }
        for offset in word.indices where text[index + offset] != word[offset] { return false }
        if let last = word.last, isWordScalar(last), index + word.count < text.count,
            isWordScalar(text[index + word.count])
        {
            return false
        }
        return true
    }

    static func endsBefore(_ word: [Unicode.Scalar], in text: [Unicode.Scalar], at index: Int) -> Bool {
        let end = skipSpacesBack(text, from: index)
        let start = end - word.count
        guard start >= 0 else { return false }
        if let first = word.first, isWordScalar(first), start > 0, isWordScalar(text[start - 1]) { return false }
        return matches(word, in: text, at: start) || text[start..<end].elementsEqual(word)
    }

    static func skipSpaces(_ text: [Unicode.Scalar], from index: Int) -> Int {
        var index = index
        while index < text.count, text[index] == " " { index += 1 }
        return index
    }

    static func skipSpacesBack(_ text: [Unicode.Scalar], from index: Int) -> Int {
        var index = index
        while index > 0, text[index - 1] == " " { index -= 1 }
        return index
    }
}
