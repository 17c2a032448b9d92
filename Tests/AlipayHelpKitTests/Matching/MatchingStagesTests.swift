import Testing

@testable import AlipayHelpKit

/// Each stage of the matcher on its own: what it reads, what it decides, what it keeps.
@Suite struct MatchingStagesTests {
    let matcher = Fixtures.matcher

    private func termNames(_ features: QuestionFeatures) -> [String] {
        features.tokens.terms.filter { $0 != Lexicon.gap }.map(matcher.lexicon.name(of:))
    }

    // MARK: Features

    @Test func readerFindsTheLanguageAndFoldsWordsIntoConcepts() {
        let chinese = matcher.reader.read("支付宝怎么注销")
        #expect(chinese.language == "zh")
        #expect(termNames(chinese).contains("delete"))

        let misspelt = matcher.reader.read("chagne my numebr")
        #expect(misspelt.language == "en")
        #expect(termNames(misspelt).contains("change"))
        #expect(misspelt.tokens.unknownWords == 0)
    }

    // MARK: Classifier

    @Test func classifierScoresEveryClassWithOutOfScopeLast() {
        let classifier = matcher.classifier
        let logits = classifier.logits(for: matcher.reader.read("how do I close my account"))
        #expect(logits.count == classifier.labels.count)
        #expect(classifier.labels[classifier.outOfScopeClass] == Match.outOfScopeLabel)
        let best = logits.indices.max { logits[$0] < logits[$1] }!
        #expect(classifier.labels[best] == "delete_account")
    }

    @Test func contributionsComeLargestFirst() {
        let features = matcher.reader.read("change my phone number")
        let weights = matcher.classifier.contributions(of: features, to: "change_phone").map { abs($0.weight) }
        #expect(!weights.isEmpty)
        #expect(weights == weights.sorted(by: >))
    }

    // MARK: Rules

    private func applyRules(_ question: String) -> (
        logits: [Float], before: [Float], outcome: TopicRules.Outcome, lacks: [Bool]
    ) {
        let features = matcher.reader.read(question)
        let before = matcher.classifier.logits(for: features)
        var logits = before
        var lacks = [Bool](repeating: false, count: matcher.rules.topicCount)
        let outcome = lacks.withUnsafeMutableBufferPointer { lacks in
            matcher.rules.apply(
                to: &logits, features: features, policy: matcher.policy, lexicon: matcher.lexicon,
                labels: matcher.classifier.labels, lacksRequirement: lacks)
        }
        return (logits, before, outcome, lacks)
    }

    @Test func anotherAppRulesOutEveryTopic() {
        let (logits, _, outcome, _) = applyRules("How do I change my WhatsApp number?")
        #expect(outcome.aboutOtherProduct)
        #expect(logits[..<matcher.rules.topicCount].allSatisfy { $0 == -.infinity })
    }

    @Test func anExcludedWordRulesOutTheTopicAndSaysWhy() {
        let (logits, _, outcome, _) = applyRules("how do I reset my alipay password")
        let changePhone = matcher.classifier.labels.firstIndex(of: "change_phone")!
        #expect(logits[changePhone] == -.infinity)
        #expect(outcome.ruledOut.contains("change_phone (mentions password)"))
    }

    @Test func aMissingRequiredWordPenalisesButNeverRemoves() {
        let (logits, before, outcome, lacks) = applyRules("how long does it take")
        #expect(!outcome.aboutOtherProduct && outcome.ruledOut.isEmpty)
        for topic in 0..<matcher.rules.topicCount where lacks[topic] {
            #expect(logits[topic] == before[topic] - matcher.policy.missingRequirementPenalty)
            #expect(logits[topic].isFinite)
        }
        #expect(lacks.contains(true))
        // A question naming what the topic needs is left as the classifier scored it.
        let (named, scored, _, namedLacks) = applyRules("how do I change my alipay phone number")
        let changePhone = matcher.classifier.labels.firstIndex(of: "change_phone")!
        #expect(!namedLacks[changePhone])
        #expect(named[changePhone] == scored[changePhone])
    }

    @Test func rulesReadBackFromTheirArchiveRuleAlike() throws {
        var out = MatcherArchive.Writer()
        matcher.rules.archive(into: &out)
        var reader = MatcherArchive.Reader(out.bytes)
        let stored = try TopicRules(archive: &reader)
        #expect(reader.offset == out.bytes.count)
        for question in ["how do I reset my alipay password", "change my WhatsApp number", "支付宝怎么注销"] {
            let features = matcher.reader.read(question)
            #expect(stored.isAboutOtherProduct(features) == matcher.rules.isAboutOtherProduct(features))
            for topic in 0..<stored.topicCount {
                #expect(
                    stored.excludedTerms(features, topic: topic) == matcher.rules.excludedTerms(features, topic: topic))
            }
        }
    }

    // MARK: Decision

    private let labels = ["first_topic", "second_topic", "greeting", Match.outOfScopeLabel]

    private func decide(
        _ probabilities: [Float], lacking: [Bool] = [false, false], rules: TopicRules.Outcome? = nil
    ) -> Match {
        let decision = MatchDecision(policy: MatchPolicy(), topicCount: 2)
        let order = MatchDecision.rankingOrder(probabilities)
        let ranking = Match.Ranking(labels: labels, probabilities: probabilities, order: order)
        return lacking.withUnsafeBufferPointer { lacking in
            decision.decide(
                ranking: ranking, classes: order, rules: rules ?? .init(aboutOtherProduct: false, ruledOut: []),
                lacksRequirement: lacking)
        }
    }

    @Test func aConfidentTopicIsAnsweredWholeUntilTheFacetStageNarrowsIt() {
        var match = decide([0.9, 0.04, 0.01, 0.05])
        #expect(match.outcome == .topic("first_topic"))
        #expect(match.facet == nil)
        #expect(abs(match.confidence - 0.9) < 1e-6)
        match.narrow(to: FacetSelector.Choice(id: "a_facet", probability: 0.8))
        #expect(match.facet == "a_facet")
        #expect(match.outcome == .topic("first_topic"))
        #expect(match.reason.contains("80%") || match.reason.contains("a_facet"))
    }

    @Test func twoTopicsNearlyTiedAreAskedAbout() {
        #expect(decide([0.45, 0.4, 0.05, 0.1]).outcome == .ambiguous(["first_topic", "second_topic"]))
    }

    @Test func aLikelyTopicLackingItsWordsIsAskedAboutNotAnswered() {
        #expect(decide([0.8, 0.05, 0.05, 0.1], lacking: [true, false]).outcome == .ambiguous(["first_topic"]))
    }

    @Test func smallTalkAndOutOfScopeAreTheirOwnOutcomes() {
        #expect(decide([0.05, 0.05, 0.85, 0.05]).outcome == .smallTalk("greeting"))
        let declined = decide([0.1, 0.05, 0.05, 0.8])
        #expect(declined.outcome == .outOfScope)
        #expect(abs(declined.confidence - 0.9) < 1e-6)  // one less the best topic's probability
    }

    @Test func anotherAppOrAnExcludedWordDeclines() {
        let otherApp = decide([0.9, 0.04, 0.01, 0.05], rules: .init(aboutOtherProduct: true, ruledOut: []))
        #expect(otherApp.outcome == .outOfScope)
        let excluded = decide(
            [0.3, 0.1, 0.1, 0.5], rules: .init(aboutOtherProduct: false, ruledOut: ["first_topic (mentions password)"]))
        #expect(excluded.outcome == .outOfScope)
        #expect(excluded.reason.contains("first_topic (mentions password)"))
    }

    @Test func calibrationKeepsTheOrderAndSumsToOne() {
        let decision = MatchDecision(policy: MatchPolicy(), topicCount: 2)
        var logits: [Float] = [2, 1, -1, 0.5]
        decision.calibrate(&logits)
        #expect(abs(logits.reduce(0, +) - 1) < 1e-5)
        #expect(MatchDecision.rankingOrder(logits) == [0, 1, 3, 2])
        // A temperature above one spreads the probabilities: the best is less sure.
        var sharper: [Float] = [2, 1, -1, 0.5]
        MatchDecision(
            policy: {
                var p = MatchPolicy(); p.temperature = 1; return p
            }(), topicCount: 2
        )
        .calibrate(&sharper)
        #expect(logits[0] < sharper[0])
    }
}
