/// The English endings a word is read without ("changing" → "change", "numbers" → "number",
/// "verified" → "verify", "stopped" → "stop"): one table of rules, walked by every reader of
/// words, whether it holds the word's bytes or a `String`.
enum EnglishInflection {
    /// One candidate base form: a word of at least `minimumLength` bytes that ends in `ending`
    /// loses its last `cut` bytes and gains `add`.
    struct Rule {
        var ending: StaticString
        var minimumLength: Int
        var cut: Int
        var add: UInt8? = nil
        /// Only when the two letters before the ending are the same ("stopped", "shipping"):
        /// the ending and one of the two go.
        var doubled = false
        /// Not when this letter comes before the ending ("class" is no plural of "clas").
        var notAfter: UInt8? = nil
    }

    /// The rules, most likely base form first: a reader takes the first form it knows.
    static let rules: [Rule] = [
        Rule(ending: "ies", minimumLength: 4, cut: 3, add: UInt8(ascii: "y")),
        Rule(ending: "ied", minimumLength: 4, cut: 3, add: UInt8(ascii: "y")),
        Rule(ending: "es", minimumLength: 4, cut: 2),
        Rule(ending: "s", minimumLength: 4, cut: 1, notAfter: UInt8(ascii: "s")),
        Rule(ending: "ing", minimumLength: 6, cut: 3),
        Rule(ending: "ing", minimumLength: 6, cut: 3, add: UInt8(ascii: "e")),
        Rule(ending: "ing", minimumLength: 6, cut: 4, doubled: true),
        Rule(ending: "ed", minimumLength: 5, cut: 2),
        Rule(ending: "ed", minimumLength: 5, cut: 1),
        Rule(ending: "ed", minimumLength: 5, cut: 3, doubled: true),
        Rule(ending: "ly", minimumLength: 6, cut: 2),
        Rule(ending: "er", minimumLength: 6, cut: 2),
        Rule(ending: "er", minimumLength: 6, cut: 1),
        Rule(ending: "ment", minimumLength: 8, cut: 4),
    ]

    /// The last letters of the endings: a word ending otherwise (most words of other scripts)
    /// has no base form, and is turned down by this test alone.
    static let finals: [UInt8] = rules.reduce(into: []) { finals, rule in
        let last = rule.ending.utf8Start[rule.ending.utf8CodeUnitCount - 1]
        if !finals.contains(last) { finals.append(last) }
    }

    /// The shortest word any rule applies to.
    private static let shortest = rules.map(\.minimumLength).min()!

    @inline(__always)
    private static func applies(_ rule: Rule, to word: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = word.count, k = rule.ending.utf8CodeUnitCount
        guard n >= rule.minimumLength, n >= k else { return false }
        for index in 0..<k where word[n - k + index] != rule.ending.utf8Start[index] { return false }
        if let notAfter = rule.notAfter, n > k, word[n - k - 1] == notAfter { return false }
        return !rule.doubled || (n >= k + 2 && word[n - k - 1] == word[n - k - 2])
    }

    /// The first value `body` gives for a base form of `word`, the forms tried in the order of
    /// `rules`. Each form is made in turn in one scratch buffer on the stack: this runs for
    /// words of every question, and allocates nothing.
    @inline(__always)
    static func firstBaseForm<Value>(
        of word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Value?
    ) -> Value? {
        let n = word.count
        guard n >= shortest, finals.contains(word[n - 1]) else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 1) { scratch -> Value? in
            _ = scratch.initialize(from: word)
            for rule in rules where applies(rule, to: word) {
                let kept = n - rule.cut
                guard let add = rule.add else {
                    if let value = body(UnsafeBufferPointer(rebasing: scratch[..<kept])) { return value }
                    continue
                }
                let replaced = scratch[kept]
                scratch[kept] = add
                let value = body(UnsafeBufferPointer(rebasing: scratch[...kept]))
                scratch[kept] = replaced
                if let value { return value }
            }
            return nil
        }
    }

    /// Every candidate base form of `word`, most likely first.
    static func baseForms(of word: String) -> [String] {
        var word = word
        var forms: [String] = []
        _ = word.withUTF8 { bytes in
            firstBaseForm(of: bytes) { form -> Never? in
                forms.append(String(decoding: form, as: UTF8.self))
                return nil
            }
        }
        return forms
    }
}
