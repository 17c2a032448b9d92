import AlipayHelpKit
import ArgumentParser
import Foundation

extension AlipayHelp {
    /// Measures how well questions are understood, with the real threshold applied.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run the labelled suites and scripted conversations; report accuracy and coverage.",
            discussion: """
            Reads intents/tests/ (or the files given): labelled question suites, and scripted \
            conversations (files named conversations*.yaml). Exits 1 when a scripted conversation \
            fails or a --min/--max bar is not met.
            """
        )

        @OptionGroup var knowledgeBase: KnowledgeBaseOptions

        /// Only the questions in this language (`auto`: all).
        @OptionGroup var language: LanguageOption

        @Argument(help: "Suite files (default: every YAML file in the knowledge base's tests/ folder).")
        var files: [String] = []

        @Flag(help: "Write the whole report as JSON.")
        var json = false

        @Option(help: ArgumentHelp("Exit 1 when accuracy is below this share.", valueName: "0-1"))
        var minAccuracy: Double?

        @Option(help: ArgumentHelp("Exit 1 when out-of-scope recall is below this share.", valueName: "0-1"))
        var minOutOfScopeRecall: Double?

        @Option(help: ArgumentHelp("Exit 1 when facet accuracy is below this share.", valueName: "0-1"))
        var minFacetAccuracy: Double?

        @Option(help: ArgumentHelp("Exit 1 when more than this share of in-scope questions is declined.", valueName: "0-1"))
        var maxFalseRejections: Double?

        @Option(help: ArgumentHelp("Exit 1 when verdict accuracy, in English or in Chinese, is below this share.", valueName: "0-1"))
        var minVerdictAccuracy: Double?

        @Option(help: ArgumentHelp("Run K-fold cross-validation over the knowledge-base examples instead.", valueName: "K"))
        var crossValidate: Int?

        @Flag(help: "Show how accuracy and out-of-scope recall trade as the threshold moves, and the best threshold.")
        var sweep = false

        @Flag(help: "Show what each knowledge-base rule is worth: every suite with all rules, then with each one turned off.")
        var ablate = false

        func validate() throws {
            for (name, value) in [("--min-accuracy", minAccuracy), ("--min-out-of-scope-recall", minOutOfScopeRecall),
                                  ("--min-facet-accuracy", minFacetAccuracy), ("--max-false-rejections", maxFalseRejections),
                                  ("--min-verdict-accuracy", minVerdictAccuracy)] {
                if let value, !(0...1).contains(value) { throw ValidationError("\(name) takes a share between 0 and 1, e.g. 0.95") }
            }
            if let crossValidate, crossValidate < 2 { throw ValidationError("--cross-validate needs at least 2 folds") }
        }

        func run() throws {
            let responder = try knowledgeBase.responder(trainingData: true)
            let kb = responder.knowledgeBase
            let output = StandardOutput()
            if let folds = crossValidate, sweep, !ablate {
                try printSweep(try CrossValidation.sweep(kb, folds: folds, policy: responder.matcher.policy), responder, output)
                return
            }
            if let folds = crossValidate, !ablate {
                let evaluation = try CrossValidation.run(kb, folds: folds, policy: responder.matcher.policy)
                let report = TestReport(knowledgeBase: kb, threshold: responder.matcher.policy.threshold,
                                        suites: [("\(folds)-fold cross-validation", evaluation)], conversations: [])
                try emit(report, output)
                try enforce(report, conversationsMatter: false)
                return
            }
            var (labelled, scripted) = try loadSuites(kb)
            if let only = language.language {
                labelled = labelled.map { suite in
                    var suite = suite
                    suite.cases = suite.cases.filter { (Language.detect($0.question) ?? .en) == only }
                    return suite
                }
            }
            if ablate {
                let ablation = try RuleAblation(knowledgeBase: kb, policy: responder.matcher.policy, suites: labelled, folds: crossValidate)
                output.write(json ? String(decoding: try JSONEncoder.pretty.encode(ablation), as: UTF8.self) + "\n" : TestReportRenderer.render(ablation))
                output.flush()
                return
            }
            if sweep {
                try printSweep(ThresholdSweep(matcher: responder.matcher, cases: labelled.flatMap(\.cases)), responder, output)
                return
            }
            let suites = labelled.map { ($0.file, SuiteEvaluation(responder: responder, cases: $0.cases)) }
            let outcomes = scripted.flatMap { $0.run(with: responder) }
            let report = TestReport(knowledgeBase: kb, threshold: responder.matcher.policy.threshold, suites: suites, conversations: outcomes)
            try emit(report, output)
            try enforce(report, conversationsMatter: true)
        }

        private func printSweep(_ result: ThresholdSweep, _ responder: Responder, _ output: StandardOutput) throws {
                if json {
                    output.write(String(decoding: try JSONEncoder.pretty.encode(result), as: UTF8.self) + "\n")
                } else {
                    var table = TextTable(headers: ["threshold", "accuracy", "out-of-scope recall", "false rejections"],
                                          alignments: [.right, .right, .right, .right])
                    table.rows = result.points.map {
                        [String(format: "%.2f", $0.threshold), TestReportRenderer.percent($0.accuracy),
                         TestReportRenderer.percent($0.outOfScopeRecall), TestReportRenderer.percent($0.falseRejectionRate)]
                    }
                    output.write(table.render() + "\n\n")
                    output.write(String(format: "best threshold: %.2f (accuracy %@, out-of-scope recall %@; now %.2f)\n", result.best.threshold,
                                        TestReportRenderer.percent(result.best.accuracy), TestReportRenderer.percent(result.best.outOfScopeRecall),
                                        responder.matcher.policy.threshold))
                }
                output.flush()
        }

        private func loadSuites(_ kb: KnowledgeBase) throws -> ([LabelledSuite], [ConversationSuite]) {
            do {
                if files.isEmpty {
                    let folder = try knowledgeBase.directory().appendingPathComponent(KnowledgeBaseFiles.testsFolder)
                    return (try LabelledSuite.loadAll(in: folder), try ConversationSuite.loadAll(in: folder))
                }
                let isConversation = KnowledgeBaseFiles.isConversationSuite
                return (try files.filter { !isConversation($0) }.map { try LabelledSuite.load(path: $0) },
                        try files.filter(isConversation).map { try ConversationSuite.load(path: $0) })
            } catch let error as KnowledgeBaseError {
                StandardError.print(KnowledgeBaseErrorText.line(for: error))
                throw ExitCode(2)
            } catch {
                StandardError.print((error as? LocalizedError)?.errorDescription ?? "\(error)")
                throw ExitCode(2)
            }
        }

        private func emit(_ report: TestReport, _ output: StandardOutput) throws {
            if json {
                output.write(String(decoding: try JSONEncoder.pretty.encode(report), as: UTF8.self) + "\n")
            } else {
                output.write(TestReportRenderer(report: report, colour: Terminal.wantsColour(1)).render())
            }
            output.flush()
        }

        private func enforce(_ report: TestReport, conversationsMatter: Bool) throws {
            var unmet: [String] = []
            if let minAccuracy, report.accuracy < minAccuracy { unmet.append("accuracy \(TestReportRenderer.percent(report.accuracy)) < \(TestReportRenderer.percent(minAccuracy))") }
            if let minOutOfScopeRecall, report.outOfScopeRecall < minOutOfScopeRecall {
                unmet.append("out-of-scope recall \(TestReportRenderer.percent(report.outOfScopeRecall)) < \(TestReportRenderer.percent(minOutOfScopeRecall))")
            }
            if let minFacetAccuracy, report.facetAccuracy < minFacetAccuracy {
                unmet.append("facet accuracy \(TestReportRenderer.percent(report.facetAccuracy)) < \(TestReportRenderer.percent(minFacetAccuracy))")
            }
            if let maxFalseRejections, report.falseRejectionRate > maxFalseRejections {
                unmet.append("false rejections \(TestReportRenderer.percent(report.falseRejectionRate)) > \(TestReportRenderer.percent(maxFalseRejections))")
            }
            if let minVerdictAccuracy {
                for summary in report.verdicts where summary.language != "all" && summary.accuracy < minVerdictAccuracy {
                    unmet.append("verdicts (\(summary.language)) \(TestReportRenderer.percent(summary.accuracy)) < \(TestReportRenderer.percent(minVerdictAccuracy))")
                }
            }
            let failedConversations = report.conversations.count - report.conversationsPassed
            if conversationsMatter && failedConversations > 0 { unmet.append("\(failedConversations) scripted conversation(s) failed") }
            guard unmet.isEmpty else {
                StandardError.print("alipay-help: test: below the bar: " + unmet.joined(separator: "; "))
                throw ExitCode(1)
            }
        }
    }
}

extension JSONEncoder {
    static var pretty: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
