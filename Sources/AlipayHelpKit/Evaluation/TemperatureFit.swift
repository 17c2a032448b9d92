/// How well confidence matches accuracy as the classifier's temperature moves, and the
/// temperature that matches them best: a confidence of 0.9 should be right 9 times in 10.
public struct TemperatureFit: Codable, Sendable {
    /// What one temperature gives.
    public struct Point: Codable, Sendable {
        public var temperature: Float
        /// Expected calibration error: the gap between confidence and accuracy.
        public var calibrationError: Double
        public var accuracy: Double
        public var outOfScopeRecall: Double
        /// In-scope questions declined, of all in-scope questions.
        public var falseRejectionRate: Double
    }

    public var points: [Point]
    public var best: Point

    init(temperatures: [Float], evaluations: [SuiteEvaluation]) {
        points = zip(temperatures, evaluations).map { temperature, evaluation in
            Point(
                temperature: temperature,
                calibrationError: TestReport.calibration(of: evaluation.results).0,
                accuracy: evaluation.accuracy, outOfScopeRecall: evaluation.outOfScopeRecall,
                falseRejectionRate: evaluation.falseRejectionRate)
        }
        best = points.min { $0.calibrationError < $1.calibrationError }!
    }
}
