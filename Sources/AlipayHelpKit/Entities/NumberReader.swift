/// Finds the numbers written in a question, however they are written: `90000`, `90,000`,
/// `5,0000`, `1.5`, full-width digits, Chinese numerals (`九万`, `一万五`, `两千`, `壹万`; the
/// table is `ChineseNumerals`, which the secret guard reads codes with too), number words
/// ("three"), each with the multiplier written after it (`90k`, `9万`, `1.5w`, "2 million").
/// It knows numbers and nothing else: the words for multipliers and numbers come from the
/// knowledge base (`entities.yaml`).
struct NumberReader: Sendable {
    /// A number found in a text, with where it is (scalar offsets, multiplier included).
    struct Mention: Equatable {
        var value: Double
        var range: Range<Int>
    }

    /// Word (lowercase) → factor, written after a number: "k", "万", "million".
    let multipliers: [String: Double]
    /// The number words ("three", "twelve") by their first letter, as scalars: a word of the
    /// text is compared with them without making a string of it.
    private let numberWordsByInitial: [Unicode.Scalar: [(word: [Unicode.Scalar], value: Double)]]

    init(multipliers: [String: Double], numberWords: [String: Double]) {
        self.multipliers = multipliers
        var byInitial: [Unicode.Scalar: [(word: [Unicode.Scalar], value: Double)]] = [:]
        for (word, value) in numberWords {
            let scalars = Array(word.unicodeScalars)
            if let first = scalars.first { byInitial[first, default: []].append((scalars, value)) }
        }
        numberWordsByInitial = byInitial
        numberWordInitials = byInitial.keys.reduce(0) { bits, initial in
            initial.value >= 97 && initial.value <= 122 ? bits | 1 << (initial.value - 97) : bits
        }
    }

    /// The letters a to z that start a number word, one bit each: most words of a question are
    /// turned down by a bit test, with no hashing.
    private let numberWordInitials: UInt32

    private func numberWord(_ scalars: ArraySlice<Unicode.Scalar>) -> Double? {
        guard let first = scalars.first, let candidates = numberWordsByInitial[first] else { return nil }
        return candidates.first { $0.word.count == scalars.count && $0.word.elementsEqual(scalars) }?.value
    }

    /// Numbers beyond this are not amounts anyone asks about (a phone or card number, or
    /// nonsense such as 99999999999999999999), and are left alone.
    static let largest: Double = 1e12

    /// The value of a Chinese digit, unit or section (`ChineseNumerals`).
    static func chineseDigit(_ scalar: Unicode.Scalar) -> Double? { ChineseNumerals.digit(scalar).map(Double.init) }
    static func chineseUnit(_ scalar: Unicode.Scalar) -> Double? { ChineseNumerals.unit(scalar) }
    static func chineseSection(_ scalar: Unicode.Scalar) -> Double? { ChineseNumerals.section(scalar) }

    /// Whether a Chinese numeral at `index` starts an amount: any digit or unit does, but one
    /// that ordinary words hold too (陆 in 大陆, 拾 in 收拾) only before a financial unit or a
    /// section (伍佰, 壹万).
    private static func startsChineseAmount(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        guard chineseDigit(scalar) != nil || chineseUnit(scalar) != nil else { return false }
        guard ChineseNumerals.isAlsoAWord(scalar) else { return true }
        guard chineseDigit(scalar) != nil, index + 1 < scalars.count else { return false }
        let next = scalars[index + 1]
        return chineseSection(next) != nil || (chineseUnit(next) != nil && ChineseNumerals.isAlsoAWord(next))
    }

    /// The text as the reader sees it: full-width forms folded, ASCII lowercased.
    static func fold(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.map { scalar in
            var value = scalar.value
            if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }
            if value >= 65 && value <= 90 { value += 32 }
            return Unicode.Scalar(value) ?? scalar
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    /// Whether a text holds a digit, ASCII or full-width (U+FF10–U+FF19, which `fold` makes ASCII).
    static func mayHoldDigit(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 { return true }
            if previous == (0xEF, 0xBC) && byte >= 0x90 && byte <= 0x99 { return true }
            previous = (previous.1, byte)
        }
        return false
    }
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 97 && scalar.value <= 122 }

    /// Whether a text may hold a number at all, a cheap test before reading it: a digit, a
    /// Chinese numeral or full-width digit, or a number word.
    func mayHoldNumber(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { mayHoldNumber(text, bytes: $0) }
    }

    /// `mayHoldNumber` over the text's bytes, read in place (one past the end reads as a space,
    /// closing the last word).
    private func mayHoldNumber(_ text: String, bytes utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        // An ASCII digit anywhere answers at once, before the pass over the characters that
        // looks for other numerals.
        if utf8.contains(where: { $0 >= 48 && $0 <= 57 }) { return true }
        var checkedWide = false
        var wordStart = -1
        for index in 0...utf8.count {
            let byte = index < utf8.count ? utf8[index] : 0x20
            if byte >= 48 && byte <= 57 { return true }
            if byte >= 0x80, !checkedWide {
                checkedWide = true
                let wide = text.unicodeScalars.contains { scalar in
                    (scalar.value >= 0xFF10 && scalar.value <= 0xFF19) || Self.chineseDigit(scalar) != nil
                        || Self.chineseUnit(scalar) != nil
                }
                if wide { return true }
            }
            // Number words are ASCII: compare each word with them, byte by byte.
            let letter = (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90)
            if letter, wordStart < 0 { wordStart = index }
            if !letter, wordStart >= 0 {
                let initial = utf8[wordStart] | 0x20
                if numberWordInitials & 1 << UInt32(initial - 97) != 0,
                    let candidates = numberWordsByInitial[Unicode.Scalar(initial)]
                {
                    let word = UnsafeBufferPointer(rebasing: utf8[wordStart..<index])
                    if candidates.contains(where: {
                        $0.word.count == word.count && zip($0.word, word).allSatisfy { $0.value == UInt32($1 | 0x20) }
                    }) {
                        return true
                    }
                }
                wordStart = -1
            }
        }
        return false
    }

    func mentions(in scalars: [Unicode.Scalar]) -> [Mention] {
        var found: [Mention] = []
        var index = 0
        while index < scalars.count {
            let start = index
            if Self.isDigit(scalars[index]) {
                // Previous letter glued to the digits ("v2", "A380"): not an amount.
                let glued = index > 0 && Self.isLetter(scalars[index - 1])
                var (value, end) = readDigits(scalars, from: index)
                end = applyMultiplier(scalars, at: end, to: &value)
                if !glued, let value, value <= Self.largest { found.append(Mention(value: value, range: start..<end)) }
                index = max(end, index + 1)
            } else if scalars[index].value >= 0x3007, Self.startsChineseAmount(scalars, at: index) {
                let (value, end) = readChinese(scalars, from: index)
                var amount: Double? = value
                let last = applyMultiplier(scalars, at: end, to: &amount)
                if let amount, amount <= Self.largest { found.append(Mention(value: amount, range: start..<last)) }
                index = max(last, index + 1)
            } else if Self.isLetter(scalars[index]) {
                var end = index
                while end < scalars.count, Self.isLetter(scalars[end]) { end += 1 }
                if index == 0 || !Self.isLetter(scalars[index - 1]), let value = numberWord(scalars[index..<end]) {
                    var amount: Double? = value
                    let last = applyMultiplier(scalars, at: end, to: &amount)
                    if let amount { found.append(Mention(value: amount, range: start..<last)) }
                    index = last
                } else {
                    index = end
                }
            } else {
                index += 1
            }
        }
        return found
    }

    /// ASCII digits with thousands separators (`90,000`, and the Chinese grouping `5,0000`) and
    /// a decimal point. Nil when there are too many digits to be an amount.
    private func readDigits(_ scalars: [Unicode.Scalar], from start: Int) -> (Double?, Int) {
        var digits = ""
        var index = start
        var sawPoint = false
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isDigit(scalar) {
                digits.unicodeScalars.append(scalar)
            } else if scalar == ",", index + 1 < scalars.count, Self.isDigit(scalars[index + 1]), !sawPoint {
                // A separator between digit groups (full-width commas are folded): left out.
            } else if scalar == ".", !sawPoint, index + 1 < scalars.count, Self.isDigit(scalars[index + 1]) {
                sawPoint = true
                digits.append(".")
            } else {
                break
            }
            index += 1
        }
        guard digits.count <= 16, let value = Double(digits) else { return (nil, index) }
        return (value, index)
    }

    /// A run of Chinese numerals: `九万`, `一万五` (15,000), `两千三百`, `十五`, `三`.
    private func readChinese(_ scalars: [Unicode.Scalar], from start: Int) -> (Double, Int) {
        var total: Double = 0, section: Double = 0, digit: Double = 0
        var lastUnit: Double = 1
        var sawZero = false
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if let value = Self.chineseDigit(scalar) {
                if value == 0 { sawZero = true }
                digit = value
            } else if let unit = Self.chineseUnit(scalar) {
                section += (digit == 0 ? 1 : digit) * unit
                digit = 0
                lastUnit = unit
                sawZero = false
            } else if let unit = Self.chineseSection(scalar), index > start {
                section += digit
                total += (section == 0 ? 1 : section) * unit
                section = 0
                digit = 0
                lastUnit = unit
                sawZero = false
            } else {
                break
            }
            index += 1
        }
        // "一万五" is 15,000 and "三千五" 3,500: a last digit with no unit counts in tenths of
        // the unit before it (not after a zero: "一万零五" is 10,005).
        if digit != 0, lastUnit >= 100, !sawZero { digit *= lastUnit / 10 }
        return (total + section + digit, index)
    }

    /// A multiplier written right after a number (`k`, `万`, " million"), and a trailing digit
    /// after a Chinese one (`1万5`). Returns where the number ends.
    private func applyMultiplier(_ scalars: [Unicode.Scalar], at start: Int, to value: inout Double?) -> Int {
        var index = start
        while index < scalars.count, scalars[index] == " " { index += 1 }
        // A Chinese section character after digits ("9万", "1.5万", "5千").
        if index < scalars.count, let factor = multipliers[String(scalars[index])], !Self.isLetter(scalars[index]) {
            value = value.map { $0 * factor }
            var end = index + 1
            if end < scalars.count, let trailing = Self.digitValue(scalars[end]),
                end + 1 >= scalars.count || Self.digitValue(scalars[end + 1]) == nil
            {
                value = value.map { $0 + trailing * factor / 10 }
                end += 1
            }
            return end
        }
        if index < scalars.count, Self.isLetter(scalars[index]) {
            var end = index
            while end < scalars.count, Self.isLetter(scalars[end]) { end += 1 }
            let word = String(String.UnicodeScalarView(scalars[index..<end]))
            if let factor = multipliers[word] {
                value = value.map { $0 * factor }
                return end
            }
        }
        return start
    }

    /// A digit 1-9 trailing a multiplier: ASCII, or a Chinese one that is no word's too (the 陆
    /// of "1万陆续到账" is not six thousand).
    private static func digitValue(_ scalar: Unicode.Scalar) -> Double? {
        if isDigit(scalar) { return Double(scalar.value - 48) }
        guard !ChineseNumerals.isAlsoAWord(scalar) else { return nil }
        return chineseDigit(scalar).flatMap { $0 == 0 ? nil : $0 }
    }
}
