import AlipayHelpKit
import Foundation

/// `test --cross-validate K --calibrate` as a table: each temperature's calibration error and
/// what it does to the decisions, then the best fit.
struct TemperatureFitRenderer {
    let fit: TemperatureFit
    /// The temperature the matcher uses now.
    let temperature: Float

    func render() -> String {
        let percent = TestReportRenderer.percent
        var table = TextTable(
            headers: ["temperature", "calibration error", "accuracy", "out-of-scope recall", "false rejections"],
            alignments: [.right, .right, .right, .right, .right])
        table.rows = fit.points.map {
            [
                String(format: "%.1f", $0.temperature), String(format: "%.3f", $0.calibrationError),
                percent($0.accuracy), percent($0.outOfScopeRecall), percent($0.falseRejectionRate),
            ]
        }
        let best = fit.best
        return table.render() + "\n\n"
            + String(
                format: "best temperature: %.1f (calibration error %.3f, accuracy %@; now %.1f)\n",
                best.temperature, best.calibrationError, percent(best.accuracy), temperature)
    }
}
