import AlipayHelpKit
import ArgumentParser

extension AlipayHelp {
    /// Shows how a question was understood.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Show how a question is understood: normalised text, terms, scores and the decision."
        )

        @OptionGroup var knowledgeBase: KnowledgeBaseOptions
        @OptionGroup var language: LanguageOption

        @Argument(help: "The question.")
        var question: [String]

        func run() throws {
            let assistant = try knowledgeBase.assistant()
            let output = StandardOutput()
            let explained = assistant.explain(question.joined(separator: " "), language: language.language)
            // Shown visibly: a question's control characters must not drive the terminal.
            output.write(
                ControlCharacters.visible(QuestionExplanationRenderer(explanation: explained.explanation).render()))
            let reply = explained.reply
            if explained.heldACode {
                output.write("secret:     it holds a verification code, so the reply is the warning alone\n")
            }
            let indented = reply.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(
                separator: "\n")
            output.write(
                ControlCharacters.visible(
                    QuestionExplanationRenderer.languageLine(reply) + "\nreply:\n" + indented + "\n"))
            output.flush()
        }
    }
}
