/// How accuracy and out-of-scope recall trade as the decline threshold moves, and the
/// threshold that gives the best accuracy (ties go to the higher out-of-scope recall).
public struct ThresholdSweep: Codable, Sendable {
    /// What one threshold gives.
    public struct Point: Codable, Sendable {
        public var threshold: Double
        public var accuracy: Double
        /// Out-of-scope questions declined, of all out-of-scope questions.
        public var outOfScopeRecall: Double
        /// In-scope questions declined, of all in-scope questions.
        public var falseRejectionRate: Double
    }

    public var points: [Point]
    public var best: Point

    public init(
        matcher: IntentMatcher, cases: [LabelledQuestion], thresholds: [Double] = (1...19).map { Double($0) / 20 }
    ) {
        var matcher = matcher
        self.init(
            thresholds: thresholds,
            evaluations: thresholds.map { threshold in
                matcher.policy.threshold = threshold
                return SuiteEvaluation(matcher: matcher, cases: cases)
            })
    }

    init(thresholds: [Double], evaluations: [SuiteEvaluation]) {
        points = zip(thresholds, evaluations).map { threshold, evaluation in
            Point(
                threshold: threshold, accuracy: evaluation.accuracy, outOfScopeRecall: evaluation.outOfScopeRecall,
                falseRejectionRate: evaluation.falseRejectionRate)
        }
        best = points.max { a, b in
            a.accuracy != b.accuracy ? a.accuracy < b.accuracy : a.outOfScopeRecall < b.outOfScopeRecall
        }!
    }
}
