import Testing

@testable import AlipayHelpKit

@Suite struct LexiconTests {
    let matcher = Fixtures.matcher

    func terms(_ question: String) -> [String] {
        QuestionExplanation(matcher: matcher, question: question).terms
    }

    @Test func foldsSynonymsIntoOneConcept() {
        #expect(terms("mobile") == ["phone"])
        #expect(terms("cellphone") == ["phone"])
        #expect(terms("SIM") == ["phone"])
        #expect(terms("手机") == ["phone"])
        for word in ["delete", "close", "cancel", "deactivate"] {
            #expect(terms(word) == ["delete"], "\(word)")
        }
    }

    @Test func stripsInflections() {
        #expect(terms("changing numbers") == ["change", "number"])
        #expect(terms("verified passports") == ["verify", "passport"])
        #expect(terms("limits") == ["limit"])
    }

    @Test func correctsMisspellings() {
        #expect(terms("chagne numebr") == ["change", "number"])
        #expect(terms("verfication") == ["verify"])
        #expect(terms("pasport") == ["passport"])
    }

    @Test func doesNotCorrectOrdinaryWords() {
        #expect(!terms("after").contains("change"), "'after' is not a misspelling of 'alter'")
    }

    @Test func doesNotCorrectWordsOfAnotherLanguage() {
        // German "denn" is one letter from English "deny", but in a German question it is German.
        #expect(terms("warum geht das denn nicht mit meinem konto").contains("denn"))
        #expect(!terms("warum geht das denn nicht mit meinem konto").contains("refuse"))
        #expect(terms("why was my account verification denyed").contains("refuse"), "English is still corrected")
    }

    @Test func mergesPhrases() {
        #expect(terms("red envelopes") == ["red_envelope"])
        #expect(terms("cell phone number") == ["phone", "number"])
        #expect(terms("ant check later") == ["huabei"])
    }

    @Test func findsChineseTermsWithoutASegmenter() {
        #expect(terms("支付宝怎么换手机号") == ["alipay", "change", "phone"])
        #expect(terms("花唄額度") == ["huabei", "credit_line"])
    }

    @Test func marksUnknownWordsAsGaps() {
        let explanation = QuestionExplanation(matcher: matcher, question: "zzqx alipay")
        #expect(explanation.terms == ["?", "alipay"])
        #expect(explanation.unknownWords == 1)
    }
}
