import AlipayHelpKit
import Foundation

/// `alipay-help test` as text: summary, per-topic table, confusion matrix, failures,
/// conversations and coverage.
struct TestReportRenderer {
    let report: TestReport
    let colour: Bool

    private var style: TerminalStyle { TerminalStyle(colour: colour) }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    private var verdictLines: [String] {
        report.verdicts.map { summary -> String in
            let name: String = "verdicts (\(summary.language))"
            let padded: String = name + String(repeating: " ", count: max(1, 22 - name.count))
            return padded + Self.percent(summary.accuracy) + " (\(summary.correct) of \(summary.questions))"
        }
    }

    func render() -> String {
        var sections: [String] = []
        var summary: [String] = [
            "accuracy              \(Self.percent(report.accuracy))",
            "out-of-scope recall   \(Self.percent(report.outOfScopeRecall))",
            "false rejections      \(Self.percent(report.falseRejectionRate))",
            "ambiguous             \(Self.percent(report.ambiguityRate))",
            "facet accuracy        \(Self.percent(report.facetAccuracy))",
        ]
        summary += verdictLines
        summary.append(
            "calibration error     \(String(format: "%.3f", report.expectedCalibrationError)) (expected gap between confidence and accuracy)"
        )
        let title: String =
            style.bold("Summary")
            + " (threshold \(String(format: "%.2f", report.threshold)), \(report.questions) questions)\n"
        sections.append(title + summary.joined(separator: "\n"))

        // Suites written here and real questions apart: the first were written alongside the
        // examples, the second measure what people really ask.
        for real in [false, true] {
            let rows = report.suites.filter { $0.realQuestions == real }
            guard !rows.isEmpty else { continue }
            var suites = TextTable(
                headers: [
                    real ? "real questions" : "suite", "questions", "accuracy", "out-of-scope recall",
                    "in-scope declined", "asked back", "calibration error",
                ],
                alignments: [.left, .right, .right, .right, .right, .right, .right])
            suites.rows = rows.map {
                [
                    ($0.file as NSString).lastPathComponent, String($0.questions), Self.percent($0.accuracy),
                    Self.percent($0.outOfScopeRecall),
                    Self.percent($0.inScopeDeclined), Self.percent($0.ambiguous),
                    String(format: "%.3f", $0.calibrationError),
                ]
            }
            sections.append(suites.render(header: style.bold))
        }

        var bands = TextTable(
            headers: ["confidence", "questions", "mean confidence", "accuracy"],
            alignments: [.left, .right, .right, .right])
        bands.rows = report.calibration.map {
            [
                String(format: "%.2f-%.2f", $0.from, $0.to), String($0.questions), Self.percent($0.meanConfidence),
                Self.percent($0.accuracy),
            ]
        }
        sections.append(style.bold("Calibration") + "\n" + bands.render())

        var languages = TextTable(
            headers: ["language", "questions", "accuracy", "out-of-scope recall"],
            alignments: [.left, .right, .right, .right])
        languages.rows = report.perLanguage.map {
            [$0.language, String($0.questions), Self.percent($0.accuracy), Self.percent($0.outOfScopeRecall)]
        }
        sections.append(languages.render(header: style.bold))

        var classes = TextTable(
            headers: ["intent", "precision", "recall", "F1", "support", "confused with"],
            alignments: [.left, .right, .right, .right, .right, .left])
        classes.rows = report.perClass.map {
            [
                $0.label, Self.percent($0.precision), Self.percent($0.recall), String(format: "%.3f", $0.f1),
                String($0.support),
                $0.confusedWith.joined(separator: ", "),
            ]
        }
        sections.append(classes.render(header: style.bold))

        // Confusion matrix: short column names keep it narrow.
        let short = report.confusionColumns.map(Self.abbreviation)
        var matrix = TextTable(headers: ["expected \\ got"] + short, alignments: [.left] + short.map { _ in .right })
        matrix.rows = zip(report.confusionRows, report.confusion).map { row, counts in
            [row] + counts.map { $0 == 0 ? "." : String($0) }
        }
        sections.append(
            style.bold("Confusion matrix") + "\n" + matrix.render() + "\n"
                + zip(short, report.confusionColumns).map { "\($0)=\($1)" }.joined(separator: " "))

        if report.failures.isEmpty {
            sections.append(style.good("No failures."))
        } else {
            sections.append(
                style.bold("Failures (\(report.failures.count))") + "\n"
                    + report.failures.map { failure in
                        let runnerUp =
                            failure.runnerUp.map {
                                ", runner-up \($0) \(String(format: "%.2f", failure.runnerUpProbability ?? 0))"
                            } ?? ""
                        return "\(failure.location): expected \(failure.expected), got \(style.bad(failure.got)) "
                            + "(confidence \(String(format: "%.2f", failure.confidence))\(runnerUp)): \(failure.question)"
                    }.joined(separator: "\n"))
        }

        let failed = report.conversations.filter { !$0.passed }
        var conversations =
            style.bold("Conversations") + ": \(report.conversationsPassed) passed, "
            + (failed.isEmpty ? "0 failed" : style.bad("\(failed.count) failed"))
        for conversation in failed {
            conversations += "\n  \(conversation.name): \(conversation.firstDifference ?? "")"
        }
        sections.append(conversations)

        let coverage = report.coverage
        sections.append(
            style.bold("Coverage") + "\n"
                + [("topics", coverage.topics), ("facets", coverage.facets), ("flow steps", coverage.flowSteps)].map {
                    name, item in
                    "\(name.padding(toLength: 11, withPad: " ", startingAt: 0)) \(Self.percent(item.percent)) (\(item.covered) of \(item.total))"
                        + (item.missing.isEmpty ? "" : "; untested: " + item.missing.joined(separator: ", "))
                }.joined(separator: "\n"))
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// "foreigner_verification" → "fv", "out_of_scope" → "oos", "greeting" → "gre".
    static func abbreviation(_ label: String) -> String {
        let parts = label.split(separator: "_")
        if label == "out_of_scope" { return "oos" }
        if label == "ambiguous" { return "amb" }
        return parts.count > 1 ? parts.map { String($0.prefix(1)) }.joined() : String(label.prefix(3))
    }

    /// The ablation table: accuracy on every suite with all rules, and without each.
    static func render(_ ablation: RuleAblation) -> String {
        var table = TextTable(
            headers: ["rules"] + ablation.suites.map { ($0 as NSString).lastPathComponent } + ["all"],
            alignments: [.left] + ablation.suites.map { _ in .right } + [.right])
        table.rows = ablation.rows.map { row in [row.name] + (row.accuracy + [row.overall]).map(percent) }
        return table.render() + "\n\nA rule pays where turning it off lowers accuracy.\n"
    }
}
