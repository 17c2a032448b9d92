import AlipayHelpKit
import ArgumentParser

extension AlipayHelp {
    /// Shows how a question was understood.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how a question is understood: normalised text, terms, scores and the decision."
        )

        @OptionGroup var knowledgeBase: KnowledgeBaseOptions

        @Argument(help: "The question.")
        var question: [String]

        func run() throws {
            let responder = try knowledgeBase.responder()
            let text = question.joined(separator: " ")
            let output = StandardOutput()
            output.write(QuestionExplanation(matcher: responder.matcher, question: text).render())
            output.flush()
        }
    }
}
