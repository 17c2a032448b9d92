/// The decision stage: from the scores the rules have weighed, calibrate them into probabilities
/// and decide what to do with the question: answer a topic or small talk, ask which of one or
/// two topics was meant, or decline. It reads only the policy's thresholds, so a threshold sweep
/// needs no retraining.
struct MatchDecision {
    let policy: MatchPolicy
    /// How many of the classes, from the first, are topics.
    let topicCount: Int

    /// Turns scores into probabilities: divided by the temperature (fitted on grouped
    /// cross-validation, so that a confidence of 0.9 is right about 9 times in 10), then a
    /// softmax.
    func calibrate(_ logits: inout [Float]) {
        if policy.temperature != 1 {
            let inverse = 1 / policy.temperature
            for index in logits.indices { logits[index] *= inverse }
        }
        SoftmaxClassifier.softmax(&logits)
    }

    /// Decides on a question.
    /// - Parameters:
    ///   - ranking: every class's probability, most probable first.
    ///   - classes: the class number of each score of `ranking`.
    ///   - rules: what the rules stage found.
    ///   - lacksRequirement: per topic, whether the question names none of its `require`
    ///     concepts: such a topic is asked about at most.
    /// - Returns: the match; a topic answered is answered whole, and the facet stage may then
    ///   narrow it to one facet (`Match.narrow(to:)`).
    func decide(
        ranking: Match.Ranking, classes: [Int], rules: TopicRules.Outcome,
        lacksRequirement: UnsafeBufferPointer<Bool>
    ) -> Match {
        let best = ranking[0]
        let bestIsTopic = classes[0] < topicCount
        // The best two topics are all the decision reads (hundreds of topics need no copy).
        var topicScores: [Match.Score] = []
        var secondTopicClass = 0
        for position in ranking.indices where classes[position] < topicCount {
            topicScores.append(ranking[position])
            secondTopicClass = classes[position]
            if topicScores.count == 2 { break }
        }
        let declineConfidence = 1 - (topicScores.first?.probability ?? 0)
        func decline(_ reason: String) -> Match { decline(.text(reason)) }
        func decline(_ reason: Match.Reason) -> Match {
            Match(outcome: .outOfScope, confidence: declineConfidence, facet: nil, ranking: ranking, why: reason)
        }
        if rules.aboutOtherProduct { return decline("it is about another app or service, not Alipay") }
        // Two topics nearly tied: together they are confident even when neither is alone, so
        // ask which one was meant rather than declining. A question that names what each of two
        // topics needs ("delete or change my phone account") and leans to both is asked about at
        // a wider margin.
        let bothNamed =
            topicScores.count > 1 && !(bestIsTopic && lacksRequirement[classes[0]])
            && !lacksRequirement[secondTopicClass]
        let margin = bothNamed ? max(policy.ambiguityMargin, policy.namedAmbiguityMargin) : policy.ambiguityMargin
        if bestIsTopic, topicScores.count > 1, topicScores[1].probability >= policy.ambiguityFloor,
            best.probability - topicScores[1].probability < margin,
            best.probability + topicScores[1].probability >= policy.threshold
        {
            return Match(
                outcome: .ambiguous([best.label, topicScores[1].label]), confidence: best.probability, facet: nil,
                ranking: ranking, reason: "\(best.label) and \(topicScores[1].label) are nearly tied")
        }
        if bestIsTopic, best.probability >= policy.askThreshold, lacksRequirement[classes[0]] {
            return Match(
                outcome: .ambiguous([best.label]), confidence: best.probability, facet: nil, ranking: ranking,
                reason: "\(best.label) is likely, but the question names none of the words it needs, so ask")
        }
        if best.probability >= policy.threshold, best.label != Match.outOfScopeLabel {
            guard bestIsTopic else {
                return Match(
                    outcome: .smallTalk(best.label), confidence: best.probability, facet: nil, ranking: ranking,
                    reason: "small talk")
            }
            return Match(
                outcome: .topic(best.label), confidence: best.probability, facet: nil, ranking: ranking,
                reason: "the question is general, so the whole answer")
        }
        // Not sure enough to answer. A question about something the knowledge base rules out (a
        // password, a username) is declined; one that leans to a topic gets a question back.
        if !rules.ruledOut.isEmpty {
            return decline("it is about something else: " + rules.ruledOut.joined(separator: ", "))
        }
        let likely = topicScores.prefix(2).filter { $0.probability >= policy.askThreshold }
        if let first = likely.first {
            return Match(
                outcome: .ambiguous(likely.map(\.label)), confidence: first.probability, facet: nil, ranking: ranking,
                why: .notSure(label: first.label, probability: first.probability, threshold: policy.threshold))
        }
        if best.label == Match.outOfScopeLabel {
            return decline("it looks most like the out-of-scope examples")
        }
        return decline(.belowThreshold(label: best.label, threshold: policy.threshold))
    }

    /// Class numbers by descending probability, equal ones in class order (as a stable sort
    /// leaves them): one sort of plain integers, each the probability's bits (probabilities are
    /// finite and not negative, so their bits order as they do) inverted above the class number.
    static func rankingOrder(_ probabilities: [Float]) -> [Int] {
        guard probabilities.allSatisfy({ $0.isFinite && $0.sign == .plus }) else {
            return probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }
        }
        // Classes ruled out (most of them, with hundreds of topics) are exactly 0 and come last,
        // in class order: only the others need sorting. The keys are distinct (each holds its
        // class number), so an unstable sort orders them as a stable one would.
        return probabilities.withUnsafeBufferPointer { probabilities in
            var keys: [UInt64] = []
            for (index, probability) in probabilities.enumerated() where probability != 0 {
                keys.append(UInt64(~probability.bitPattern) << 32 | UInt64(index))
            }
            keys.sortUnstably()
            return [Int](unsafeUninitializedCapacity: probabilities.count) { order, filled in
                filled = 0
                for key in keys {
                    order[filled] = Int(key & 0xFFFF_FFFF)
                    filled += 1
                }
                for index in probabilities.indices where probabilities[index] == 0 {
                    order[filled] = index
                    filled += 1
                }
            }
        }
    }
}
