import AlipayHelpKit
import ArgumentParser
import Foundation

extension AlipayHelp {
    /// Measures how well the labelled suites are understood.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the labelled question suites and report accuracy."
        )

        @OptionGroup var knowledgeBase: KnowledgeBaseOptions

        @Argument(help: "Suite files (default: every YAML file in the knowledge base's tests/ folder).")
        var files: [String] = []

        @Option(help: "Exit 1 when accuracy is below this share (0-1).")
        var minAccuracy: Double?

        @Option(help: "Exit 1 when out-of-scope recall is below this share (0-1).")
        var minOutOfScopeRecall: Double?

        @Option(help: "Run K-fold cross-validation over the knowledge-base examples instead.")
        var crossValidate: Int?

        func run() throws {
            let responder = try knowledgeBase.responder()
            if let folds = crossValidate {
                guard folds >= 2 else { throw ValidationError("--cross-validate needs at least 2 folds") }
                let evaluation = try CrossValidation.run(responder.knowledgeBase, folds: folds)
                for failure in evaluation.failures where ProcessInfo.processInfo.environment["SHOWCV"] != nil {
                    print("\(failure.case_.expected) \(failure.case_.facet ?? "-") got \(failure.match.intent ?? JSONLineEncoder.kind(of: failure.match)) \(failure.match.facet ?? "-") \(String(format: "%.2f", failure.match.confidence)): \(failure.case_.question)")
                }
                print(String(format: "cross-validation (%d folds) questions %d  accuracy %.3f  out-of-scope recall %.3f  false rejections %.3f  facet accuracy %.3f",
                             folds, evaluation.results.count, evaluation.accuracy, evaluation.outOfScopeRecall, evaluation.falseRejectionRate, evaluation.facetAccuracy))
                return
            }
            let suites: [LabelledSuite]
            do {
                suites = files.isEmpty
                    ? try LabelledSuite.loadAll(in: knowledgeBase.directory().appendingPathComponent("tests"))
                    : try files.map { try LabelledSuite.load(path: $0) }
            } catch {
                StandardError.print((error as? LocalizedError)?.errorDescription ?? "\(error)")
                throw ExitCode(2)
            }
            let evaluation = SuiteEvaluation(matcher: responder.matcher, cases: suites.flatMap(\.cases))
            let output = StandardOutput()
            for failure in evaluation.failures {
                let expected: String
                switch failure.case_.expected {
                case .outOfScope: expected = "out_of_scope"
                case let .intent(id): expected = id
                }
                let got = failure.match.intent ?? JSONLineEncoder.kind(of: failure.match)
                let runnerUp = failure.match.ranking.dropFirst().first.map { " runner-up \($0.label) \(String(format: "%.2f", $0.probability))" } ?? ""
                output.write("\(failure.case_.location): expected \(expected)\(failure.case_.facet.map { "/" + $0 } ?? ""), got \(got)\(failure.match.facet.map { "/" + $0 } ?? "") (\(String(format: "%.2f", failure.match.confidence))\(runnerUp)): \(failure.case_.question)\n")
            }
            output.write(String(format: "questions %d  accuracy %.3f  out-of-scope recall %.3f  false rejections %.3f  ambiguous %.3f  facet accuracy %.3f\n",
                                evaluation.results.count, evaluation.accuracy, evaluation.outOfScopeRecall,
                                evaluation.falseRejectionRate, evaluation.ambiguityRate, evaluation.facetAccuracy))
            output.flush()
            if let minAccuracy, evaluation.accuracy < minAccuracy { throw ExitCode(1) }
            if let minOutOfScopeRecall, evaluation.outOfScopeRecall < minOutOfScopeRecall { throw ExitCode(1) }
        }
    }
}
