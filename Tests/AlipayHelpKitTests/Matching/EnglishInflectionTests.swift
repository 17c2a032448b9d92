import Testing

@testable import AlipayHelpKit

/// The endings a word is read without, from the one table of rules: each rule, in its order,
/// and the two ways of reading a word (its bytes, a `String`) finding the same base form.
@Suite struct EnglishInflectionTests {
    @Test(arguments: [
        ("verifies", ["verify", "verifi", "verifie"]), ("verified", ["verify", "verifi", "verifie"]),
        ("ties", ["ty", "ti", "tie"]), ("numbers", ["number"]), ("class", []), ("changing", ["chang", "change"]),
        ("shipping", ["shipp", "shippe", "ship"]), ("stopped", ["stopp", "stoppe", "stop"]), ("used", []),
        ("closed", ["clos", "close"]), ("quickly", ["quick"]), ("slowly", ["slow"]), ("oddly", []),
        ("transfer", ["transf", "transfe"]),
        ("payment", []), ("settlement", ["settle"]), ("bus", []), ("телефон", []), ("", []),
    ])
    func baseFormsComeInTheOrderOfTheRules(word: String, forms: [String]) {
        #expect(EnglishInflection.baseForms(of: word) == forms, "\(word)")
    }

    @Test func everyRuleEndsInAFinalLetter() {
        for rule in EnglishInflection.rules {
            let last = rule.ending.utf8Start[rule.ending.utf8CodeUnitCount - 1]
            #expect(EnglishInflection.finals.contains(last))
        }
    }

    @Test func aWordIsReadTheSameFromItsBytesAndAsAString() throws {
        var lexicon = Lexicon()
        for word in ["change", "verify", "stop", "number", "settle", "quick", "close"] {
            try lexicon.declare(word, as: lexicon.concept(word), owner: word, phrases: false)
        }
        let words = [
            "changing", "changed", "changes", "verified", "verifies", "stopped", "stopping", "numbers", "settlement",
            "quickly", "closed", "closing", "unknown", "classes",
        ]
        let fromStrings = words.map { lexicon.resolve($0, correctingSpelling: false) }
        lexicon.prepareForReading()
        let fromBytes = words.map { word in
            Array(word.utf8).withUnsafeBufferPointer { lexicon.resolve(bytes: $0, correctingSpelling: false) }
        }
        #expect(fromStrings == fromBytes)
        #expect(
            fromStrings.map { $0.map { lexicon.name(of: $0) } } == [
                "change", "change", "change", "verify", "verify", "stop", "stop", "number", "settle", "quick", "close",
                "close", nil, nil,
            ])
    }
}
