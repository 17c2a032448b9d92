import AlipayHelpKit
import ArgumentParser

/// The bars `alipay-help test` can be asked to meet: a share below one (or above, for false
/// rejections) makes it exit 1.
struct TestBars: ParsableArguments {
    @Option(help: ArgumentHelp("Exit 1 when accuracy is below this share.", valueName: "0-1"))
    var minAccuracy: Double?

    @Option(help: ArgumentHelp("Exit 1 when out-of-scope recall is below this share.", valueName: "0-1"))
    var minOutOfScopeRecall: Double?

    @Option(help: ArgumentHelp("Exit 1 when facet accuracy is below this share.", valueName: "0-1"))
    var minFacetAccuracy: Double?

    @Option(help: ArgumentHelp("Exit 1 when more than this share of in-scope questions is declined.", valueName: "0-1"))
    var maxFalseRejections: Double?

    @Option(
        help: ArgumentHelp(
            "Exit 1 when verdict accuracy, in English or in Chinese, is below this share.", valueName: "0-1"))
    var minVerdictAccuracy: Double?

    @Option(
        help: ArgumentHelp(
            "Exit 1 when the calibration error (the expected gap between confidence and accuracy) is above this.",
            valueName: "0-1"))
    var maxCalibrationError: Double?

    func validate() throws {
        for (name, value) in [
            ("--min-accuracy", minAccuracy), ("--min-out-of-scope-recall", minOutOfScopeRecall),
            ("--min-facet-accuracy", minFacetAccuracy), ("--max-false-rejections", maxFalseRejections),
            ("--min-verdict-accuracy", minVerdictAccuracy), ("--max-calibration-error", maxCalibrationError),
        ] {
            if let value, !(0...1).contains(value) {
                throw ValidationError("\(name) takes a share between 0 and 1, e.g. 0.95")
            }
        }
    }

    /// The bars the report falls short of, in words ("accuracy 95.0% < 96.0%"), and failed
    /// scripted conversations when they count (cross-validation runs none).
    func unmet(by report: TestReport, conversationsMatter: Bool) -> [String] {
        let verdicts = report.verdicts.filter { $0.language != "all" }.map { summary in
            (name: "verdicts (\(summary.language))", value: summary.accuracy, bar: minVerdictAccuracy, atLeast: true)
        }
        let shares =
            [
                (name: "accuracy", value: report.accuracy, bar: minAccuracy, atLeast: true),
                (name: "out-of-scope recall", value: report.outOfScopeRecall, bar: minOutOfScopeRecall, atLeast: true),
                (name: "facet accuracy", value: report.facetAccuracy, bar: minFacetAccuracy, atLeast: true),
                (name: "false rejections", value: report.falseRejectionRate, bar: maxFalseRejections, atLeast: false),
            ] + verdicts
        let percent = TestReportRenderer.percent
        var unmet = shares.compactMap { share -> String? in
            guard let bar = share.bar, share.atLeast ? share.value < bar : share.value > bar else { return nil }
            return "\(share.name) \(percent(share.value)) \(share.atLeast ? "<" : ">") \(percent(bar))"
        }
        if let bar = maxCalibrationError, report.expectedCalibrationError > bar {
            unmet.append(
                "calibration error \(String(format: "%.3f", report.expectedCalibrationError)) > \(String(format: "%.3f", bar))"
            )
        }
        let failedConversations = report.conversations.count - report.conversationsPassed
        if conversationsMatter && failedConversations > 0 {
            unmet.append("\(failedConversations) scripted conversation(s) failed")
        }
        return unmet
    }
}
