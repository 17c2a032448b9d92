import Foundation
import Testing

@testable import AlipayHelpKit

/// Phrasing patterns: what a pattern stands for, the sample training reads, and the mistakes an
/// author gets told about at the pattern's line.
@Suite struct PhrasingPatternTests {
    let here = SourceLocation(file: "t.yaml", line: 3, column: 7)
    let words: (String) -> [String] = {
        ["phone": ["phone", "mobile"], "change": ["change", "update", "swap"]][$0] ?? []
    }

    func pattern(_ text: String, language: String = "en") throws -> PhrasingPattern {
        try PhrasingPattern(text, language: language, location: here)
    }

    @Test func expandsAlternativesOptionalPartsAndSlots() throws {
        let p = try pattern("[how (do|can) I] {change} my {phone}")
        #expect(p.concepts == ["change", "phone"])
        #expect(p.count(words: words) == 3 * 3 * 2)
        let all = p.sample(100, words: words)
        #expect(all.count == 18)
        #expect(all.contains("how can I swap my mobile"))
        #expect(all.contains("change my phone"))
        #expect(all.allSatisfy { !$0.contains("  ") && !$0.hasPrefix(" ") })
    }

    @Test func chinesePatternsJoinWithoutSpaces() throws {
        let zhWords: (String) -> [String] = { $0 == "phone" ? ["手机号", "电话"] : [] }
        let all = try pattern("[支付宝](的|绑定的){phone}怎么改[啊]", language: "zh").sample(100, words: zhWords)
        #expect(all.contains("支付宝绑定的手机号怎么改啊"))
        #expect(all.contains("的电话怎么改"))
        #expect(all.count == 2 * 2 * 2 * 2)
    }

    @Test func aLargeSpaceIsSampledTheSameWayEveryTimeWithEveryWordInTurn() throws {
        let p = try pattern("(a|b|c|d) {change} (e|f|g|h) {phone} (i|j|k|l) [m|n|o]")
        #expect(p.count(words: words) == 4 * 3 * 4 * 2 * 4 * 4)
        let first = p.sample(40, words: words)
        #expect(first.count == 40)
        #expect(Set(first).count == 40)
        #expect(first == p.sample(40, words: words))
        for word in ["change", "update", "swap", "phone", "mobile"] {
            #expect(first.contains { $0.split(separator: " ").contains(Substring(word)) }, "\(word)")
        }
    }

    @Test(arguments: [
        ("how (do|can I", "never closed with ')'"),
        ("how do) I", "closes nothing"),
        ("how do I | how to", "outside ( ) or [ ]"),
        ("how (do|) I", "empty alternative"),
        ("{change my phone", "never closed with '}'"),
        ("{chan ge} my phone", "not a concept id"),
        ("how (do I]", "where ')' was expected"),
    ])
    func malformedPatternsAreRefusedWithWhatIsWrong(text: String, expected: String) throws {
        #expect {
            _ = try pattern(text)
        } throws: { error in
            guard case let .invalid(location, message)? = error as? KnowledgeBaseError else { return false }
            return location == here && message.contains(expected)
        }
    }

    @Test func aSlotNamingAnUnknownConceptIsAnErrorAtThePatternsLine() throws {
        let copy = try Fixtures.copyOfIntents()
        try Fixtures.edit(
            copy, "limits.yaml", replacing: "\npatterns:\n  en:\n",
            with: "\npatterns:\n  en:\n    - \"what is the {limt} on {transfer}\"\n")
        #expect {
            _ = try KnowledgeBase.load(from: copy)
        } throws: { error in
            guard case let .invalid(location, message)? = error as? KnowledgeBaseError else { return false }
            return location.file.hasSuffix("limits.yaml") && location.line > 1 && message.contains("unknown concept")
        }
    }

    @Test func trainingReadsEachPatternsPhrasingsAsExamplesOfItsTopic() throws {
        let copy = try Fixtures.copyOfIntents()
        let pattern = "(what is|tell me) the {limit} [for] {transfer} please"
        try Fixtures.edit(
            copy, "limits.yaml", replacing: "\npatterns:\n  en:\n", with: "\npatterns:\n  en:\n    - \"\(pattern)\"\n")
        let kb = try KnowledgeBase.load(from: copy)
        let added = try #require(kb.topic("limits")!.patterns.first { $0.text == pattern })
        let words = kb.slotWords(language: "en")
        let phrasings = added.sample(KnowledgeBase.phrasingsPerPattern) { words($0) ?? [] }
        #expect(phrasings.count == KnowledgeBase.phrasingsPerPattern)
        #expect(
            phrasings.allSatisfy {
                ($0.hasPrefix("what is the ") || $0.hasPrefix("tell me the ")) && $0.hasSuffix(" please")
            })
        let expanded = kb.withPatternPhrasings().topic("limits")!.examples
        #expect(phrasings.allSatisfy(expanded.contains))
        // Patterns teach the matcher; they are not examples an author wrote.
        #expect(!kb.topic("limits")!.examples.contains(where: phrasings.contains))
    }
}
