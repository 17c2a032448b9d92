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

        @OptionGroup var bars: TestBars

        @Option(
            help: ArgumentHelp("Run K-fold cross-validation over the knowledge-base examples instead.", valueName: "K"))
        var crossValidate: Int?

        @Flag(help: "Show how accuracy and out-of-scope recall trade as the threshold moves, and the best threshold.")
        var sweep = false

        @Flag(
            help:
                "With --cross-validate: hold out whole groups (a language file, a phrasing pattern, a section of out-of-scope examples), as unseen questions differ from the examples."
        )
        var grouped = false

        @Flag(
            help:
                "With --cross-validate: show the calibration error at each temperature and the one that fits best (fit it with --grouped)."
        )
        var calibrate = false

        @Flag(
            help:
                "Show what each knowledge-base rule is worth: every suite with all rules, then with each one turned off."
        )
        var ablate = false

        func validate() throws {
            if let crossValidate, crossValidate < 2 { throw ValidationError("--cross-validate needs at least 2 folds") }
            if crossValidate == nil && (grouped || calibrate) {
                throw ValidationError("--grouped and --calibrate go with --cross-validate K")
            }
        }

        func run() throws {
            let assistant = try knowledgeBase.assistant(trainingData: true)
            let responder = assistant.responder
            let output = StandardOutput()
            if let folds = crossValidate, !ablate {
                try crossValidation(folds: folds, responder, output)
                return
            }
            let (labelled, scripted) = try SuiteSelection(files: files, language: language.language).load(
                from: assistant.folder)
            if ablate {
                let ablation = try RuleAblation(
                    knowledgeBase: responder.knowledgeBase, policy: responder.matcher.policy,
                    suites: labelled, folds: crossValidate)
                try write(ablation, output) { TestReportRenderer.render($0) }
            } else if sweep {
                let sweep = ThresholdSweep(matcher: responder.matcher, cases: labelled.flatMap(\.cases))
                try write(sweep, output) {
                    ThresholdSweepRenderer(sweep: $0, threshold: responder.matcher.policy.threshold).render()
                }
            } else {
                let suites = labelled.map { ($0.file, SuiteEvaluation(responder: responder, cases: $0.cases)) }
                let outcomes = scripted.flatMap { $0.run(with: responder) }
                let report = TestReport(
                    knowledgeBase: responder.knowledgeBase, threshold: responder.matcher.policy.threshold,
                    suites: suites, conversations: outcomes)
                try write(report, output) { TestReportRenderer(report: $0, colour: Terminal.wantsColour(1)).render() }
                try enforce(bars.unmet(by: report, conversationsMatter: true))
            }
        }

        /// K-fold cross-validation over the knowledge-base examples: the report, or how the
        /// threshold trades (`--sweep`).
        private func crossValidation(folds: Int, _ responder: Responder, _ output: StandardOutput) throws {
            let (kb, policy) = (responder.knowledgeBase, responder.matcher.policy)
            let grouping: CrossValidation.Grouping = grouped ? .groups : .examples
            if calibrate {
                let fit = try CrossValidation.calibrate(kb, folds: folds, grouping: grouping, policy: policy)
                try write(fit, output) { TemperatureFitRenderer(fit: $0, temperature: policy.temperature).render() }
                return
            }
            if sweep {
                let sweep = try CrossValidation.sweep(kb, folds: folds, grouping: grouping, policy: policy)
                try write(sweep, output) { ThresholdSweepRenderer(sweep: $0, threshold: policy.threshold).render() }
                return
            }
            let evaluation = try CrossValidation.run(kb, folds: folds, grouping: grouping, policy: policy)
            let name = grouped ? "\(folds)-fold grouped cross-validation" : "\(folds)-fold cross-validation"
            let report = TestReport(
                knowledgeBase: kb, threshold: policy.threshold, suites: [(name, evaluation)], conversations: [])
            try write(report, output) { TestReportRenderer(report: $0, colour: Terminal.wantsColour(1)).render() }
            try enforce(bars.unmet(by: report, conversationsMatter: false))
        }

        /// A result as JSON (`--json`) or as text.
        private func write<Value: Encodable>(_ value: Value, _ output: StandardOutput, text: (Value) -> String) throws {
            if json { try output.writeJSON(value) } else { output.write(text(value)) }
            output.flush()
        }

        /// Exits 1 when a bar is not met, saying which.
        private func enforce(_ unmet: [String]) throws {
            guard unmet.isEmpty else {
                StandardError.print("alipay-help: test: below the bar: " + unmet.joined(separator: "; "))
                throw ExitCode(1)
            }
        }
    }
}
