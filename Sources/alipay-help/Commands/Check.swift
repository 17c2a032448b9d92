import AlipayHelpKit
import ArgumentParser
import Foundation

extension AlipayHelp {
    /// Lints the knowledge base.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Lint the knowledge base; exit 1 on errors (warnings are listed but do not fail).",
            discussion: """
                Checks YAML and schema (with file:line:column), unknown keys, the same example under two \
                intents, near-duplicates across intents, thin topics and facets, examples the matcher \
                misreads when they are left out of training, flows with broken references or unreachable \
                steps, rules naming no concept, test cases naming unknown intents, numbers an answer \
                writes out instead of naming a figure, and checks whose figure their facet does not state.
                """
        )

        @OptionGroup var knowledgeBase: KnowledgeBaseOptions

        @Flag(help: "Skip the leave-one-out check (the slow part).")
        var noLeaveOneOut = false

        @Flag(help: "Write the findings as JSON.")
        var json = false

        func run() throws {
            var options = KnowledgeBaseLint.Options()
            options.leaveOneOut = !noLeaveOneOut
            let folder = KnowledgeBaseOptions.source(kb: knowledgeBase.kb).folder
            let diagnostics = KnowledgeBaseLint.run(folder, options: options)
                .map(KnowledgeBaseErrorText.worded)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            let output = StandardOutput()
            if json {
                try output.writeJSON(diagnostics)
            } else {
                let style = TerminalStyle(colour: Terminal.wantsColour(1))
                for diagnostic in diagnostics {
                    let word = diagnostic.severity == .error ? style.error("error:") : style.warning("warning:")
                    output.write(
                        "\(ControlCharacters.visible(diagnostic.location)): \(word) \(ControlCharacters.visible(diagnostic.message))\n"
                    )
                }
                if errors == 0, let kb = try? KnowledgeBase.load(from: folder) {
                    output.write(PatternCoverageRenderer(coverage: PatternCoverage(kb)).render() + "\n")
                }
                output.write(
                    "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
            }
            output.flush()
            if errors > 0 { throw ExitCode(1) }
        }
    }
}
