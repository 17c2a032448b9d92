import AlipayHelpKit
import Foundation

/// `alipay-help test --sweep` as text: accuracy, out-of-scope recall and false rejections at
/// each threshold, then the best threshold beside the one in use.
struct ThresholdSweepRenderer {
    let sweep: ThresholdSweep
    /// The threshold the matcher uses now.
    let threshold: Double

    func render() -> String {
        let percent = TestReportRenderer.percent
        var table = TextTable(
            headers: ["threshold", "accuracy", "out-of-scope recall", "false rejections"],
            alignments: [.right, .right, .right, .right])
        table.rows = sweep.points.map {
            [
                String(format: "%.2f", $0.threshold), percent($0.accuracy), percent($0.outOfScopeRecall),
                percent($0.falseRejectionRate),
            ]
        }
        let best = sweep.best
        return table.render() + "\n\n"
            + String(
                format: "best threshold: %.2f (accuracy %@, out-of-scope recall %@; now %.2f)\n", best.threshold,
                percent(best.accuracy), percent(best.outOfScopeRecall), threshold)
    }
}
