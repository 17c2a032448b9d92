/// The rules stage: what the knowledge base says outright about which topics a question may be
/// about, applied to the classifier's scores.
///
/// - A question about another app (it names one and not Alipay) is about no topic.
/// - A topic whose `exclude` terms the question names is ruled out, and the reason is kept: a
///   question not sure enough to answer is then declined rather than asked about.
/// - A topic whose `require` terms the question lacks is not removed but penalised (a missing
///   synonym must not make a certain decline), and marked so the decision asks at most.
///
/// Each rule can be turned off through `MatchPolicy.rules`, to measure what it is worth.
struct TopicRules: Sendable {
    private let requireRules: [TermRule]
    private let excludeRules: [TermRule]
    private let requireCandidates: RuleCandidates
    private let excludeCandidates: RuleCandidates
    /// The concept of other apps and services, and Alipay's own (nil when the vocabulary has none).
    private let otherProduct: TermID
    private let alipay: TermID?

    var topicCount: Int { requireRules.count }

    /// The rules of `topics`, compiled against the lexicon (which learns their words);
    /// `otherProduct` and `alipay` are the concepts of other apps and of Alipay.
    init(topics: [Topic], lexicon: inout Lexicon, otherProduct: TermID, alipay: TermID?) {
        self.otherProduct = otherProduct
        self.alipay = alipay
        requireRules = topics.map { TermRule($0.require, lexicon: &lexicon) }
        excludeRules = topics.map { TermRule($0.exclude, lexicon: &lexicon) }
        requireCandidates = RuleCandidates(requireRules)
        excludeCandidates = RuleCandidates(excludeRules)
    }

    /// Whether a question names another app or service and not Alipay.
    func isAboutOtherProduct(_ features: QuestionFeatures) -> Bool {
        features.contains(otherProduct) && !(alipay.map(features.contains) ?? false)
    }

    /// Whether a question names another app or service at all (a follow-up naming one is not a
    /// follow-up, even beside Alipay).
    func namesOtherProduct(_ features: QuestionFeatures) -> Bool { features.contains(otherProduct) }

    /// The terms of `topic`'s `exclude` rule that a question names, if any.
    func excludedTerms(_ features: QuestionFeatures, topic: Int) -> [TermID]? {
        excludeRules[topic].firstMatch(in: features)
    }

    /// What the rules did to one question's scores.
    struct Outcome {
        /// The question is about another app: every topic was ruled out.
        var aboutOtherProduct: Bool
        /// The topics an `exclude` rule ruled out, each with the words that did it.
        var ruledOut: [String]
    }

    /// Applies the rules to `logits` (one score per class, topics first): a ruled-out topic's
    /// score becomes minus infinity, a topic lacking its `require` terms loses
    /// `policy.missingRequirementPenalty` and is flagged in `lacksRequirement` (one flag per
    /// topic, all false on entry).
    func apply(
        to logits: inout [Float], features: QuestionFeatures, policy: MatchPolicy, lexicon: Lexicon,
        labels: [String], lacksRequirement: UnsafeMutableBufferPointer<Bool>
    ) -> Outcome {
        let topicCount = self.topicCount
        let aboutOtherProduct = policy.rules.contains(.otherProduct) && isAboutOtherProduct(features)
        let requiring = policy.rules.contains(.require)
        let excluding = policy.rules.contains(.exclude)
        let terms = features.tokens.terms
        var ruledOut: [String] = []
        // Per topic, on the stack (this runs for every question): whether its require rule may
        // hold, and whether its exclude rule may.
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: 2 * topicCount) { flags in
            flags.initialize(repeating: false)
            let mayHold = UnsafeMutableBufferPointer(rebasing: flags[0..<topicCount])
            let mayExclude = UnsafeMutableBufferPointer(rebasing: flags[topicCount...])
            terms.withUnsafeBufferPointer { terms in
                if requiring { requireCandidates.mark(among: terms, in: mayHold) }
                if excluding { excludeCandidates.mark(among: terms, in: mayExclude) }
            }
            for topic in 0..<topicCount {
                if aboutOtherProduct {
                    logits[topic] = -.infinity
                } else if mayExclude[topic], let excluded = excludeRules[topic].firstMatch(in: features) {
                    logits[topic] = -.infinity
                    ruledOut.append(
                        "\(labels[topic]) (mentions \(excluded.map(lexicon.name(of:)).joined(separator: " ")))")
                } else if requiring,
                    !mayHold[topic] || !terms.withUnsafeBufferPointer(requireRules[topic].holds(among:))
                {
                    logits[topic] -= policy.missingRequirementPenalty
                    lacksRequirement[topic] = true
                }
            }
        }
        return Outcome(aboutOtherProduct: aboutOtherProduct, ruledOut: ruledOut)
    }

    // MARK: Storing

    func archive(into out: inout MatcherArchive.Writer) {
        out.int(topicCount)
        for rule in requireRules + excludeRules { rule.archive(into: &out) }
        out.i32(otherProduct)
        out.i32(alipay ?? -1)
    }

    init(archive reader: inout MatcherArchive.Reader) throws {
        let topicCount = try reader.int()
        guard topicCount >= 0 else { throw MatcherArchive.Damaged() }
        let rules = try (0..<(2 * topicCount)).map { _ in try TermRule(archive: &reader) }
        requireRules = Array(rules[..<topicCount])
        excludeRules = Array(rules[topicCount...])
        requireCandidates = RuleCandidates(requireRules)
        excludeCandidates = RuleCandidates(excludeRules)
        otherProduct = try reader.i32()
        let alipay = try reader.i32()
        self.alipay = alipay < 0 ? nil : alipay
    }
}
