import Testing

@testable import AlipayHelpKit

/// How the matcher meets questions written unlike its examples: function words decide nothing,
/// foreigners are context, other languages are understood, and an unsure answer is a question back.
@Suite struct GeneralisationTests {
    let matcher = Fixtures.responder.matcher

    @Test(arguments: [
        ("how do I change my phone number as a foreigner?", "change_phone"),
        ("can foreigners use alipay", "foreigner_verification"),
        ("can tourists use alipay", "foreigner_verification"),
        ("I'm a foreigner living in Shanghai, can I use Alipay with my passport?", "foreigner_verification"),
        ("I'm a tourist, what's the daily transfer limit?", "limits"),
        ("外国人怎么注销支付宝", "delete_account"),
    ])
    func foreignersAreContextNotATopic(question: String, topic: String) {
        #expect(matcher.match(question).intent == topic)
    }

    @Test func functionWordsCarryNoEvidence() {
        let features = matcher.features(of: TextNormalizer.normalize("how do I change my phone number as a foreigner?"))
        let evidence = matcher.evidence(features, for: "out_of_scope", count: 50).map(\.feature)
        for word in ["how", "do", "i", "my", "a"] { #expect(!evidence.contains(word)) }
    }

    @Test func functionWordsOfOtherLanguagesCarryNoEvidence() {
        // "si", "en", "desde": Spanish function words that do not mark the language (French
        // writes "si" and "en" too), declared under `function_words`.
        let features = matcher.features(
            of: TextNormalizer.normalize("si alguien cambia el número en mi cuenta desde otro lugar"))
        let evidence = matcher.evidence(features, for: "out_of_scope", count: 50).map(\.feature)
        for word in ["si", "en", "desde", "el", "mi"] { #expect(!evidence.contains(word)) }
    }

    @Test func charactersOfARecognisedChineseTermAreNotEvidenceAgain() {
        // 支付宝 is the term "alipay": its characters and pairs would count it three more times
        // (and the out-of-scope examples name Alipay more often than the topics do).
        let features = matcher.features(of: TextNormalizer.normalize("怎么算支付宝最低还款"))
        let evidence = matcher.evidence(features, for: "huabei", count: 50).map(\.feature)
        #expect(evidence.contains("alipay"))
        for piece in ["支", "宝", "支付", "付宝", "款", "还款"] { #expect(!evidence.contains(piece)) }
        #expect(matcher.match("怎么算支付宝最低还款").intent == "huabei")
    }

    @Test(arguments: [
        ("Как удалить аккаунт Alipay", "delete_account"),
        ("¿Cómo cambio el número de teléfono de mi cuenta Alipay?", "change_phone"),
        ("Alipayの送金限度額はいくらですか", "limits"),
        ("Comment vérifier mon compte Alipay avec un passeport ?", "foreigner_verification"),
        ("Wie funktioniert Huabei?", "huabei"),
    ])
    func questionsInOtherLanguagesAreUnderstood(question: String, topic: String) {
        let match = matcher.match(question)
        #expect(match.intent == topic)
        #expect(match.questionLanguage != "en")
    }

    @Test func anotherEndingOfAWordInAnInflectedLanguageIsKnown() {
        // The Russian file declares "верификация" / "верифицировать"; people write other endings.
        let terms = matcher.features(of: TextNormalizer.normalize("Алипей верифицирован")).tokens.terms
        #expect(terms.map { $0 == Lexicon.gap ? "?" : matcher.lexicon.name(of: $0) }.contains("verify"))
        #expect(matcher.match("Как понять что Алипей верифицирован").intent == "foreigner_verification")
    }

    @Test func aClearOtherSubjectIsStillDeclined() {
        #expect(matcher.match("how do I change my WeChat phone number").outcome == .outOfScope)
        #expect(matcher.match("how do I reset my alipay payment password").outcome == .outOfScope)
    }

    @Test func anUnsureAnswerBecomesAQuestionBack() {
        var policy = matcher.policy
        policy.threshold = 1.1  // nothing is sure enough to answer outright
        policy.askThreshold = 0.3
        var strict = matcher
        strict.policy = policy
        let match = strict.match("what is the daily transfer limit")
        #expect(match.outcome == .ambiguous(["limits"]))
        let reply = Fixtures.responder.reply(to: "what is the daily transfer limit", match: match)
        #expect(reply.text.contains("Do you mean: Transaction limits?"))
    }

    @Test func aStoredMatcherReadsBackTheSameAndRefusesDamage() throws {
        let key: UInt64 = 42
        let bytes = matcher.archive(key: key)
        let kb = Fixtures.knowledgeBase
        let restored = try #require(IntentMatcher(archive: bytes, key: key, knowledgeBase: kb, policy: matcher.policy))
        for question in ["how do I change my phone number", "花呗怎么还款", "Как удалить аккаунт", "what's the weather"] {
            let a = matcher.match(question), b = restored.match(question)
            #expect(a.outcome == b.outcome && a.facet == b.facet && abs(a.confidence - b.confidence) < 1e-9)
        }
        #expect(IntentMatcher(archive: bytes, key: key + 1, knowledgeBase: kb, policy: matcher.policy) == nil)
        var damaged = bytes
        damaged[damaged.count / 2] ^= 0xFF
        #expect(IntentMatcher(archive: damaged, key: key, knowledgeBase: kb, policy: matcher.policy) == nil)
        #expect(
            IntentMatcher(archive: Array(bytes.prefix(100)), key: key, knowledgeBase: kb, policy: matcher.policy) == nil
        )
    }
}
